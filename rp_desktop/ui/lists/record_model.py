"""A table model over plain records that a service returns a page at a time."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal

from rp_desktop.domain.records import ListQuery, Page
from rp_desktop.ui.lists.rows_model import RIGHT, Index, RowsModel

PAGE_SIZE = 200

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
    # Few, short values ("Active", "Left"): sized to them, never given the room left over.
    short: bool = False


class RecordTableModel(RowsModel[Any]):
    """Rows of one list, fetched from a service in pages as the view scrolls.

    Signals:
        totalChanged(int): how many records match the current query, after every (re)load.
    """

    totalChanged = Signal(int)

    def __init__(self, columns: Sequence[Column], fetch: Fetch, parent: Any = None) -> None:
        super().__init__(parent, headers=[column.header for column in columns])
        self._columns = list(columns)
        self._fetch = fetch
        self._query = ListQuery()
        self._total = 0

    # -- what the screen asks for -------------------------------------------------------------
    @property
    def query(self) -> ListQuery:
        return self._query

    @property
    def columns(self) -> Sequence[Column]:
        return self._columns

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
        self._total = page.total
        self.set_rows(page.rows)
        self.totalChanged.emit(self._total)

    def record(self, row: int) -> Any:
        return self.row(row)

    def row_of(self, record_id: int) -> int | None:
        """The row showing the record with this id, if it is loaded."""
        return self.row_where(lambda record: record.id == record_id)

    # -- RowsModel --------------------------------------------------------------------------------
    def text(self, row: Any, column: int) -> str:
        return self._columns[column].text(row)

    def style(self, row: Any, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and self._columns[column].numeric:
            return RIGHT
        return None

    # -- QAbstractTableModel ----------------------------------------------------------------------
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
