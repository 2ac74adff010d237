"""The table of a list screen: whole rows chosen one at a time, sorted by the service (a header
click asks the model, which asks again), and columns fitted to their contents once; the last
column takes the room left over unless its values are short (a status)."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from rp_desktop.ui.lists.record_model import RecordTableModel

MAX_COLUMN_WIDTH = 320
FIT_ROWS = 40


class RecordTableView(QTableView):
    """The rows of `model`, one record a row. It has no signals of its own."""

    def __init__(self, model: RecordTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._records = model
        self._fitted = False
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Sorting is the service's job: a header click asks the model, which asks again.
        self.horizontalHeader().setSortIndicatorShown(True)
        self.horizontalHeader().setSectionsClickable(True)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        columns = model.columns
        self.horizontalHeader().setStretchLastSection(bool(columns) and not columns[-1].short)
        # Fitting columns to their contents looks at the first rows, not all that are loaded.
        self.horizontalHeader().setResizeContentsPrecision(FIT_ROWS)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        model.modelReset.connect(self._sync_sort_indicator)
        model.modelReset.connect(self._fit_columns_once)
        self.horizontalHeader().sortIndicatorChanged.connect(model.sort)

    @property
    def records(self) -> RecordTableModel:
        return self._records

    def _sync_sort_indicator(self) -> None:
        order = (
            Qt.SortOrder.DescendingOrder
            if self._records.query.descending
            else Qt.SortOrder.AscendingOrder
        )
        header = self.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(self._records.sort_column(), order)
        header.blockSignals(False)

    def _fit_columns_once(self) -> None:
        """Size the columns to their contents the first time there is something to show; after
        that the widths are the user's."""
        if self._fitted or not self._records.rowCount():
            return
        self._fitted = True
        self.resizeColumnsToContents()  # measures the first rows only: see FIT_ROWS
        header = self.horizontalHeader()
        fitted = header.count() - (1 if header.stretchLastSection() else 0)
        for column in range(fitted):
            header.resizeSection(column, min(header.sectionSize(column) + 16, MAX_COLUMN_WIDTH))
