"""The one shape every table of the ui shares: plain rows under fixed column headers.

A model says how a row shows in a column (`text`), and where it needs to, how it looks (`style`:
alignment, a greyed row). Rows, counts, headers and the checks every view relies on (an index
past the end, a header past the last column) live here once."""

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
Row = TypeVar("Row")
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
SHOWN = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)


class RowsModel(QAbstractTableModel, Generic[Row]):
    """Rows of one kind under `headers`; a flat table (no row has children)."""

    def __init__(self, parent: QObject | None = None, *, headers: Sequence[str] = ()) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._rows: list[Row] = []

    # -- what a model says about its rows ----------------------------------------------------
    def text(self, row: Row, column: int) -> str:
        """How `row` reads in `column` (shown, and its tooltip)."""
        raise NotImplementedError

    def style(self, row: Row, column: int, role: int) -> Any:
        """Anything else a view asks of a cell (alignment, colour); None for the default."""
        return None

    # -- the rows --------------------------------------------------------------------------------
    @property
    def rows(self) -> Sequence[Row]:
        return self._rows

    def set_rows(self, rows: Sequence[Row], headers: Sequence[str] | None = None) -> None:
        """Show these rows (and these headers, when they change with the rows)."""
        self.beginResetModel()
        self._rows = list(rows)
        if headers is not None:
            self._headers = list(headers)
        self.endResetModel()

    def row(self, number: int) -> Row:
        return self._rows[number]

    def row_where(self, wanted: Callable[[Row], bool]) -> int | None:
        """The number of the first row `wanted` accepts, if one is loaded."""
        return next((i for i, row in enumerate(self._rows) if wanted(row)), None)

    # -- QAbstractTableModel ----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not self.hasIndex(index.row(), index.column()):
            return None
        row = self._rows[index.row()]
        if role in SHOWN:
            return self.text(row, index.column())
        return self.style(row, index.column(), role)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        shown = orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
        return self._headers[section] if shown and 0 <= section < len(self._headers) else None
