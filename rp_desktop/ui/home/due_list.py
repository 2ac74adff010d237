"""Agreements due this week and overdue, across every open case: the follow-up list a
counselor keeps by the door. One action marks an item, another opens its case."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rp_desktop.domain.casework.records import DueItem
from rp_desktop.domain.vocabulary import AgreementStatus
from rp_desktop.services.casework import agreements
from rp_desktop.services.casework.due_items import due_items
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui.words.formatting import counted, format_date
from rp_desktop.ui.words.labels import label


class DueTable(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        self.setHorizontalHeaderLabels(
            [self.tr("Due"), self.tr("What"), self.tr("Who"), self.tr("Case"), self.tr("Tier")]
        )
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.shown_items: list[DueItem] = []

    def show_items(self, items: list[DueItem]) -> None:
        self.shown_items = items
        self.setRowCount(len(items))
        for row, item in enumerate(items):
            cells = (
                format_date(item.due_on),
                item.description,
                item.owner_name,
                str(item.case_id),
                label(item.tier),
            )
            for column, text in enumerate(cells):
                self.setItem(row, column, QTableWidgetItem(text))

    def selected(self) -> DueItem | None:
        rows = self.selectionModel().selectedRows()
        return self.shown_items[rows[0].row()] if rows else None


class DueList(QWidget):
    """Signals: caseRequested(int case id), changed() after an item was marked."""

    caseRequested = Signal(int)
    changed = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self._db = db
        self.setWindowTitle(self.tr("Agreements due"))
        self.overdue_title = QLabel()
        self.overdue = DueTable()
        self.soon_title = QLabel()
        self.soon = DueTable()
        self.done = QPushButton(self.tr("Mark done"))
        self.missed = QPushButton(self.tr("Mark missed"))
        self.open_case = QPushButton(self.tr("Open the case"))
        actions = QHBoxLayout()
        for button in (self.done, self.missed, self.open_case):
            actions.addWidget(button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.overdue_title)
        layout.addWidget(self.overdue, 1)
        layout.addWidget(self.soon_title)
        layout.addWidget(self.soon, 1)
        layout.addLayout(actions)
        self.done.clicked.connect(lambda: self._mark(AgreementStatus.DONE))
        self.missed.clicked.connect(lambda: self._mark(AgreementStatus.MISSED))
        self.open_case.clicked.connect(self._open_case)
        for table in (self.overdue, self.soon):
            table.doubleClicked.connect(self._open_case)
            table.itemSelectionChanged.connect(lambda t=table: self._only_one_selected(t))
        self.resize(900, 600)
        self.reload()

    def reload(self) -> None:
        soon, overdue = due_items(self._db, self._db.today())
        self.overdue.show_items(overdue)
        self.soon.show_items(soon)
        self.overdue_title.setText(
            counted(
                len(overdue), self.tr("1 item is overdue"), self.tr("{count} items are overdue")
            )
            if overdue
            else self.tr("Nothing is overdue.")
        )
        self.soon_title.setText(
            counted(
                len(soon),
                self.tr("1 item is due this week"),
                self.tr("{count} items are due this week"),
            )
            if soon
            else self.tr(
                "Nothing is due this week: the items of an agreement recorded in a case show "
                "here as they come due."
            )
        )

    def selected(self) -> DueItem | None:
        return self.overdue.selected() or self.soon.selected()

    def _mark(self, status: AgreementStatus) -> None:
        item = self.selected()
        if item is not None:
            agreements.set_item_status(self._db, item.item_id, status)
            self.reload()
            self.changed.emit()

    def _open_case(self) -> None:
        item = self.selected()
        if item is not None:
            self.caseRequested.emit(item.case_id)

    def _only_one_selected(self, table: DueTable) -> None:
        other = self.soon if table is self.overdue else self.overdue
        if table.selectionModel().hasSelection():
            other.clearSelection()
