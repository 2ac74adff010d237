"""A table model over plain records that a service returns a page at a time."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from rp_desktop.domain.records import ListQuery, Page

PAGE_SIZE = 200

Index = QModelIndex | QPersistentModelIndex
Fetch = Callable[[ListQuery, int, int], Page[Any]]


@dataclass(frozen=True)
class Column:
    """One column: its header, how a record shows in it, and the service's name for sorting it
    (empty when the column cannot be sorted)."""

    header: str
    text: Callable[[Any], str]
    sort_key: str = ""
    numeric: bool = False
    # Names a person, gives a student number, or is text someone typed (which can hold a
    # name): left out of a de-identified export.
    private: bool = False


class RecordTableModel(QAbstractTableModel):
    """Rows of one list, fetched from a service in pages as the view scrolls.

    Signals:
        totalChanged(int): how many records match the current query, after every (re)load.
    """

    totalChanged = Signal(int)

    def __init__(self, columns: Sequence[Column], fetch: Fetch, parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._fetch = fetch
        self._query = ListQuery()
        self._rows: list[Any] = []
        self._total = 0

    # -- what the screen asks for -------------------------------------------------------------
    @property
    def query(self) -> ListQuery:
        return self._query

    @property
    def total(self) -> int:
        return self._total

    def set_order(self, sort: str, descending: bool) -> None:
        """The order the next load uses, before anything is loaded."""
        self._query = replace(self._query, sort=sort, descending=descending)

    def set_query(self, query: ListQuery) -> None:
        """Show the first page of records matching `query`."""
        self._query = query
        self.reload()

    def reload(self) -> None:
        page = self._fetch(self._query, 0, PAGE_SIZE)
        self.beginResetModel()
        self._rows = list(page.rows)
        self._total = page.total
        self.endResetModel()
        self.totalChanged.emit(self._total)

    def record(self, row: int) -> Any:
        return self._rows[row]

    def row_of(self, record_id: int) -> int | None:
        """The row showing the record with this id, if it is loaded."""
        return next((i for i, r in enumerate(self._rows) if r.id == record_id), None)

    # -- QAbstractTableModel --------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        column = self._columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return column.text(self._rows[index.row()])
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            return self._columns[section].header
        return None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        page = self._fetch(self._query, len(self._rows), PAGE_SIZE)
        if not page.rows:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
        self._rows.extend(page.rows)
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns) or not self._columns[column].sort_key:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        self.set_query(
            replace(self._query, sort=self._columns[column].sort_key, descending=descending)
        )

    def sort_column(self) -> int:
        """The column the current query is sorted by, or -1."""
        keys = [c.sort_key for c in self._columns]
        sort = self._query.sort
        return keys.index(sort) if sort and sort in keys else -1
