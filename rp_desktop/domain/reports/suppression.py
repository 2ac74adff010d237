"""Small-cell suppression: the counts a shared table may not show, and the ones hidden with them.

A count of 1 to threshold-1 can point at a student ("the one grade-12 student with a Tier 3
case"), so it is not published (primary suppression). Hiding it is not enough when its line
adds up to a total the reader can see: the total minus the other cells gives it back. So when a
line with a published total has exactly one hidden cell, its smallest published non-zero cell
is hidden too (secondary, or complementary, suppression), and this is repeated until no line
has a lone hidden cell, since hiding a cell in a column can leave a row with a lone one.

A zero is always published as 0: it is a true zero, points at nobody, and hiding it would not
protect the cell beside it. The threshold is the minimum count that may be published.
"""

from collections.abc import Sequence
from dataclasses import dataclass

Table = Sequence[Sequence[int]]


@dataclass(frozen=True, slots=True)
class SuppressedTable:
    """`cells` as published: None where a count is hidden. `row_totals` and `column_totals`
    are the lines' totals as published (None where hidden), or None when not asked for.
    `primary` counts the cells hidden for being small, `secondary` those hidden so that a small
    one cannot be worked out (cells only; `hidden_totals` counts the totals)."""

    cells: tuple[tuple[int | None, ...], ...]
    row_totals: tuple[int | None, ...] | None
    column_totals: tuple[int | None, ...] | None
    primary: int
    secondary: int
    hidden_totals: int

    @property
    def suppressed(self) -> int:
        return self.primary + self.secondary + self.hidden_totals


def is_small(count: int, threshold: int) -> bool:
    """Whether `count` is too small to publish: more than zero and under the threshold."""
    return 0 < count < threshold


def suppress(
    table: Table,
    threshold: int,
    *,
    row_totals: bool = False,
    column_totals: bool = False,
    hidden: Sequence[Sequence[bool]] | None = None,
) -> SuppressedTable:
    """Hide the small counts of `table` (rows of equal length) and, for the lines whose total
    is published (every row with `row_totals`, every column with `column_totals`), the
    cells that would let a reader subtract a hidden count back out of that total.

    A row's total is handled as one more cell of its row: the row, cells and total together,
    may not have exactly one unknown. With both kinds of totals, the totals themselves make one
    more column, whose own total (the grand total) is known too, so a lone hidden row total
    takes another with it. A column's total is published unless it is small itself, or its
    line's lone hidden cell has nothing but zeros beside it (then the total would be that cell).
    `hidden` marks cells the caller hides for a reason of its own (a group too small to show at
    all); they count as primary suppression, and a row hidden whole hides its total too."""
    if threshold < 1:
        raise ValueError("the threshold must be 1 or more")
    grid = _Grid.of(table)
    by_caller = hidden or [[False] * len(row) for row in grid.counts]
    grid.hide_primary(by_caller, threshold)  # primary suppression
    primary = grid.hidden_cells()
    if row_totals:
        grid.add_row_totals(by_caller, threshold)
    lines = _lines(grid, threshold, rows=row_totals, columns=column_totals)
    while _hide_secondary(grid, lines):
        pass  # until nothing changes: hiding a cell in a column can leave a row with a lone one
    return _published(grid, lines, primary, rows=row_totals, columns=column_totals)


Cell = tuple[int, int]


@dataclass(slots=True)
class _Grid:
    """The table being worked on: `counts` row by row (with the row's total as one more cell
    once `add_row_totals` has run) and, beside each, whether it is hidden. `width` is the
    table's own number of columns, `span` the columns including the totals."""

    counts: list[list[int]]
    hidden: list[list[bool]]
    width: int
    span: int

    @classmethod
    def of(cls, table: Table) -> "_Grid":
        counts = [list(row) for row in table]
        if any(count < 0 for row in counts for count in row):
            raise ValueError("counts cannot be negative")
        width = len(counts[0]) if counts else 0
        if any(len(row) != width for row in counts):
            raise ValueError("every row of a table must have the same number of cells")
        return cls(counts, [[False] * width for _ in counts], width, width)

    def hide_primary(self, by_caller: Sequence[Sequence[bool]], threshold: int) -> None:
        """Primary suppression: hide every small count, and every cell `by_caller` marks."""
        self.hidden = [
            [
                is_small(count, threshold) or bool(also)
                for count, also in zip(row, more, strict=True)
            ]
            for row, more in zip(self.counts, by_caller, strict=True)
        ]

    def add_row_totals(self, by_caller: Sequence[Sequence[bool]], threshold: int) -> None:
        """Each row's total becomes its last cell: hidden when small, or when the caller hides
        the whole row."""
        for row, flags, more in zip(self.counts, self.hidden, by_caller, strict=True):
            flags.append(is_small(sum(row), threshold) or (bool(more) and all(more)))
            row.append(sum(row))
        self.span = self.width + 1

    def hidden_cells(self) -> int:
        """How many of the table's own cells are hidden (the row totals not counted)."""
        return sum(sum(flags[: self.width]) for flags in self.hidden)

    def unknowns(self, line: "_Line") -> int:
        return sum(self.hidden[r][c] for r, c in line.cells)

    def smallest_published(self, line: "_Line") -> Cell | None:
        """The smallest published non-zero cell of `line` (the first, among equals); None when
        only zeros are published (hiding a zero protects nothing: zeros are always zeros)."""
        shown = [
            (self.counts[r][c], r, c)
            for r, c in line.cells
            if not self.hidden[r][c] and self.counts[r][c] > 0
        ]
        if not shown:
            return None
        _, r, c = min(shown)
        return r, c

    def hide(self, cell: Cell) -> None:
        self.hidden[cell[0]][cell[1]] = True


@dataclass(slots=True)
class _Line:
    """A row or a column of the grid whose total the reader sees unless `total_hidden`. A
    row's total is the last of its own cells and is hidden like them; a column's `total`
    stands apart, hidden when small or when it would be its line's lone hidden cell."""

    cells: list[Cell]
    is_column: bool
    total: int = 0
    total_hidden: bool = False


def _lines(grid: _Grid, threshold: int, *, rows: bool, columns: bool) -> list[_Line]:
    """The lines in the order they are protected: every row (with `rows`), then every column
    (with `columns`), the row totals' own column last, under the grand total."""
    lines: list[_Line] = []
    if rows:
        lines += [_Line([(r, c) for c in range(grid.span)], False) for r in range(len(grid.counts))]
    for c in range(grid.span) if columns else ():
        total = sum(row[c] for row in grid.counts)
        cells = [(r, c) for r in range(len(grid.counts))]
        lines.append(_Line(cells, True, total, is_small(total, threshold)))
    return lines


def _hide_secondary(grid: _Grid, lines: list[_Line]) -> bool:
    """Secondary suppression, one pass over every line in order; whether it hid anything."""
    hid = [_protect(grid, line) for line in lines]
    return any(hid)


def _protect(grid: _Grid, line: _Line) -> bool:
    """Keep the reader from subtracting `line`'s lone hidden cell out of its total: hide its
    smallest published non-zero cell beside it, or else its total; whether anything was hidden.
    A line with a hidden total, or with none or several unknowns, gives nothing back."""
    if line.total_hidden or grid.unknowns(line) != 1:
        return False
    partner = grid.smallest_published(line)
    if partner is not None:
        grid.hide(partner)
        return True
    if line.is_column:  # only zeros published beside the lone cell: the total would be it
        line.total_hidden = True
        return True
    # A row's total is a cell of the row, so its lone hidden cell among published zeros is a
    # zero the caller hid (a count would make the total a published non-zero cell): the total
    # is 0 whatever is hidden, and there is nothing left to hide.
    return False


def _published(
    grid: _Grid, lines: list[_Line], primary: int, *, rows: bool, columns: bool
) -> SuppressedTable:
    """The table as the reader sees it, with how many cells and totals were hidden."""
    width = grid.width
    cells = tuple(
        tuple(
            None if gone else count for count, gone in zip(row[:width], flags[:width], strict=True)
        )
        for row, flags in zip(grid.counts, grid.hidden, strict=True)
    )
    row_totals = (
        tuple(
            None if flags[width] else row[width]
            for row, flags in zip(grid.counts, grid.hidden, strict=True)
        )
        if rows
        else None
    )
    column_lines = [line for line in lines if line.is_column]
    column_totals = (
        tuple(None if line.total_hidden else line.total for line in column_lines[:width])
        if columns
        else None
    )
    hidden_totals = sum(line.total_hidden for line in column_lines) + (row_totals or ()).count(None)
    secondary = grid.hidden_cells() - primary
    return SuppressedTable(cells, row_totals, column_totals, primary, secondary, hidden_totals)
