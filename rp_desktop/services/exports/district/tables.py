"""The district package's tables: report numbers as rows of cells a district may see.

Counts from 1 to threshold-1 are hidden, with the cells hidden beside them so that no hidden count
can be subtracted back out of a total (domain.reports.suppression). Every column is treated as if
its total were published somewhere (a school's annual report, another file of the package), and
where some columns add up to another column of the same row (cases opened = Tier 2 + Tier 3),
that column is their row total. A share or a sum of days is published only where the counts it
is computed from are: the share kept from items done and missed, days from the cases behind them.
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from rp_desktop.domain.reports.suppression import suppress

MARK = "*"  # a hidden cell, whatever it hid; README.txt says so

Cells = Mapping[tuple[str, str], float | None]  # (category, series key) -> number
Published = dict[str, int | None]  # one row's counts as published, by series key; None: hidden


@dataclass(frozen=True, slots=True)
class Column:
    key: str  # the series key it is read from
    header: str
    about: str


@dataclass(frozen=True, slots=True)
class Counts:
    """Count columns suppressed together; `total`, when set, is the column they add up to in
    each row (published as their row total)."""

    columns: tuple[Column, ...]
    total: Column | None = None


@dataclass(frozen=True, slots=True)
class Derived:
    """A column computed, per row, from the counts as published (None: left empty)."""

    column: Column
    compute: Callable[[str, Published], float | None]
    places: int = 3  # decimals written: 3 for a share, 0 for days


@dataclass(frozen=True, slots=True)
class PackageTable:
    name: str
    about: str
    columns: tuple[tuple[str, str], ...]  # (header, what it holds)
    rows: tuple[tuple[object, ...], ...]
    suppressed: int


def package_table(
    name: str,
    about: str,
    category: tuple[str, str],
    categories: Sequence[str],
    cells: Cells,
    counts: Sequence[Counts],
    threshold: int,
    derived: Sequence[Derived] = (),
    large: frozenset[str] | None = None,
) -> PackageTable:
    """One file's table: a row per category (`category` is its column's header and meaning),
    the count columns suppressed, then the derived columns. With `large` (the groups of at
    least `threshold` students), every other group's row is hidden whole: a count of circles or
    cases can be large while the students behind it are one or two."""
    published: list[Published] = [{} for _ in categories]
    small = [large is not None and key not in large for key in categories]
    suppressed = 0
    for group in counts:
        suppressed += _suppress_group(group, categories, cells, threshold, published, small)
    rows = []
    for row_number, key in enumerate(categories):
        row: list[object] = [category_value(key)]
        row += [_count(published[row_number][c.key]) for c in _count_columns(counts)]
        row += [number_text(d.compute(key, published[row_number]), d.places) for d in derived]
        rows.append(tuple(row))
    columns = [category, *((c.header, c.about) for c in _count_columns(counts))]
    columns += [(d.column.header, d.column.about) for d in derived]
    return PackageTable(name, about, tuple(columns), tuple(rows), suppressed)


def _suppress_group(
    group: Counts,
    categories: Sequence[str],
    cells: Cells,
    threshold: int,
    published: list[Published],
    small: Sequence[bool],
) -> int:
    table = [[whole(cells.get((key, c.key))) for c in group.columns] for key in categories]
    hidden = [[row_small] * len(group.columns) for row_small in small]
    done = suppress(
        table, threshold, row_totals=group.total is not None, column_totals=True, hidden=hidden
    )
    for row_number, row in enumerate(done.cells):
        for column, value in zip(group.columns, row, strict=True):
            published[row_number][column.key] = value
        if group.total is not None and done.row_totals is not None:
            published[row_number][group.total.key] = done.row_totals[row_number]
    hidden_totals = 0 if done.row_totals is None else done.row_totals.count(None)
    return done.primary + done.secondary + hidden_totals


def _count_columns(counts: Sequence[Counts]) -> list[Column]:
    columns: list[Column] = []
    for group in counts:
        if group.total is not None:
            columns.append(group.total)
        columns.extend(group.columns)
    return columns


def whole(value: float | None) -> int:
    return round(value or 0)


def share_of(part: str, *others: str) -> Callable[[str, Published], float | None]:
    """part / (part + others), from published counts only; None where one is hidden or all 0."""

    def compute(_category: str, row: Published) -> float | None:
        values = [row.get(key) for key in (part, *others)]
        if any(value is None for value in values) or not sum(v or 0 for v in values):
            return None
        return (values[0] or 0) / sum(v or 0 for v in values)

    return compute


def gated(values: Cells, key: str, by: str) -> Callable[[str, Published], float | None]:
    """`values`' cell, published only where the count `by` behind it is published."""

    def compute(category: str, row: Published) -> float | None:
        if row.get(by) is None:
            return None
        return values.get((category, key)) or 0

    return compute


def category_value(key: str) -> str:
    """A category as written in its column: a month or practice kind as its key, a grade or a
    demographic value without the key's prefix ("grade:7" -> "7"), and "unknown"."""
    for prefix in ("grade:", "demographic:"):
        if key.startswith(prefix):
            return key[len(prefix) :]
    return key


def _count(value: int | None) -> object:
    return MARK if value is None else value


def number_text(value: float | None, places: int = 3) -> object:
    """A share or ratio with `places` decimals (0.750), or a whole number of days; empty for
    None (hidden, or nothing to divide)."""
    if value is None:
        return ""
    if not places:
        return round(value)
    return f"{value:.{places}f}"
