"""The records behind one bar of a report, as a list to open them from."""

from collections.abc import Sequence

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from rp_desktop.domain.reports.model import RecordRef
from rp_desktop.ui.lists.rows_model import RowsModel
from rp_desktop.ui.reports.words import record_kind_word
from rp_desktop.ui.words.formatting import format_date


class RecordsModel(RowsModel[RecordRef]):
    """Date, kind and summary of each record, in the order the service gave them."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.set_rows([], (self.tr("Date"), self.tr("Record"), self.tr("About")))

    def set_records(self, records: Sequence[RecordRef]) -> None:
        self.set_rows(records)

    def record(self, row: int) -> RecordRef:
        return self.row(row)

    def text(self, row: RecordRef, column: int) -> str:
        return (format_date(row.on), record_kind_word(row.kind), row.summary)[column]


class RecordsList(QTableView):
    """The list under a report's chart.

    Signals:
        recordActivated(object): a RecordRef the user double-clicked or pressed Enter on.
    """

    recordActivated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.records = RecordsModel(self)
        self.setModel(self.records)
        self.setAccessibleName(self.tr("Records behind the chosen bar"))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.doubleClicked.connect(self._activate)

    def show_records(self, records: Sequence[RecordRef]) -> None:
        self.records.set_records(records)
        if records:
            self.selectRow(0)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._activate(self.currentIndex())
            return
        super().keyPressEvent(event)

    def _activate(self, index: QModelIndex) -> None:
        if index.isValid():
            self.recordActivated.emit(self.records.record(index.row()))
