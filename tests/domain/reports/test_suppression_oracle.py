"""The suppression as it was before it was rewritten as named steps, kept here only as the
oracle: the rewrite must give the same published table, cell for cell, on any table."""

from collections.abc import Sequence

from hypothesis import given, settings

from rp_desktop.domain.reports.suppression import SuppressedTable, Table, is_small
from tests.domain.reports.test_suppression_properties import Case, cases


@settings(max_examples=3000)
@given(cases())
def test_the_rewrite_publishes_what_the_old_loop_did(case: Case) -> None:
    before = old_suppress(
        case.table,
        case.threshold,
        row_totals=case.row_totals,
        column_totals=case.column_totals,
        hidden=case.hidden,
    )
    assert case.run() == before


def old_suppress(
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
    counts = [list(row) for row in table]
    if any(count < 0 for row in counts for count in row):
        raise ValueError("counts cannot be negative")
    width = _width(counts)
    given = hidden or [[False] * len(row) for row in counts]
    masked = [
        [is_small(count, threshold) or bool(also) for count, also in zip(row, more, strict=True)]
        for row, more in zip(counts, given, strict=True)
    ]
    primary = sum(map(sum, masked))
    if row_totals:  # each row's total becomes its last cell
        for row, flags, more in zip(counts, masked, given, strict=True):
            flags.append(is_small(sum(row), threshold) or (bool(more) and all(more)))
            row.append(sum(row))
    lines = _lines(counts, width + row_totals, row_totals, column_totals)
    column_lines = range(len(counts) if row_totals else 0, len(lines))
    column_hidden = {
        number: is_small(sum(counts[r][c] for r, c in lines[number]), threshold)
        for number in column_lines
    }
    secondary = 0
    changed = True
    while changed:
        changed = False
        for number, line in enumerate(lines):
            if column_hidden.get(number) or sum(masked[r][c] for r, c in line) != 1:
                continue
            cell = _complement(line, counts, masked)
            if cell is not None:
                masked[cell[0]][cell[1]] = True
                secondary += cell[1] < width  # a row total hidden is counted with the totals
            elif number in column_hidden:
                column_hidden[number] = True
            else:
                continue  # a row of zeros beside its lone hidden total: nothing to protect
            changed = True
    cells = tuple(
        tuple(None if gone else count for count, gone in zip(row[:width], flags, strict=False))
        for row, flags in zip(counts, masked, strict=True)
    )
    rows_part = (
        tuple(
            None if flags[width] else row[width] for row, flags in zip(counts, masked, strict=True)
        )
        if row_totals
        else None
    )
    columns_part = (
        tuple(
            None if column_hidden[number] else sum(counts[r][c] for r, c in lines[number])
            for number in list(column_lines)[:width]
        )
        if column_totals
        else None
    )
    hidden_totals = sum(column_hidden.values()) + (rows_part or ()).count(None)
    return SuppressedTable(cells, rows_part, columns_part, primary, secondary, hidden_totals)


Cell = tuple[int, int]


def _width(counts: list[list[int]]) -> int:
    width = len(counts[0]) if counts else 0
    if any(len(row) != width for row in counts):
        raise ValueError("every row of a table must have the same number of cells")
    return width


def _lines(counts: list[list[int]], width: int, rows: bool, columns: bool) -> list[list[Cell]]:
    """Every row (with `rows`), then every column (with `columns`), the totals' column last."""
    lines: list[list[Cell]] = []
    if rows:
        lines += [[(r, c) for c in range(width)] for r in range(len(counts))]
    if columns:
        lines += [[(r, c) for r in range(len(counts))] for c in range(width)]
    return lines


def _complement(line: list[Cell], counts: list[list[int]], masked: list[list[bool]]) -> Cell | None:
    """The smallest published non-zero cell of `line`, to hide beside its lone masked cell;
    None when only zeros are left (hiding a zero protects nothing: zeros are always zeros)."""
    shown = [(counts[r][c], r, c) for r, c in line if not masked[r][c] and counts[r][c] > 0]
    if not shown:
        return None
    _, r, c = min(shown)
    return r, c
