"""Small-cell suppression on random tables: what a reader of the published table can never do.

Whatever the table, no small count is shown, every published number is the true one, and no
line whose total the reader sees has exactly one unknown in it (the total minus the rest would
give it back). The hand-worked tables in test_suppression.py pin which cells are chosen.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from hypothesis import given, settings
from hypothesis import strategies as st

from rp_desktop.domain.reports.suppression import SuppressedTable, is_small, suppress


@dataclass(frozen=True)
class Case:
    table: list[list[int]]
    threshold: int
    row_totals: bool
    column_totals: bool
    hidden: list[list[bool]] | None

    def run(self) -> SuppressedTable:
        return suppress(
            self.table,
            self.threshold,
            row_totals=self.row_totals,
            column_totals=self.column_totals,
            hidden=self.hidden,
        )

    def hidden_by_caller(self, r: int, c: int) -> bool:
        return self.hidden is not None and self.hidden[r][c]


T = TypeVar("T")
COUNTS = st.one_of(st.just(0), st.integers(1, 12), st.integers(0, 60))


@st.composite
def cases(draw: st.DrawFn) -> Case:
    rows, width = draw(st.integers(0, 6)), draw(st.integers(0, 5))
    line = st.lists(COUNTS, min_size=width, max_size=width)
    table = draw(st.lists(line, min_size=rows, max_size=rows))
    kind = draw(st.sampled_from(["none", "whole rows", "cells"]))
    hidden: list[list[bool]] | None = None
    if kind == "whole rows":  # as the district package does: a group too small to show
        hidden = [
            [gone] * width for gone in draw(st.lists(st.booleans(), min_size=rows, max_size=rows))
        ]
    elif kind == "cells":
        flags = st.lists(st.booleans(), min_size=width, max_size=width)
        hidden = draw(st.lists(flags, min_size=rows, max_size=rows))
    threshold = draw(st.integers(1, 11))
    return Case(table, threshold, draw(st.booleans()), draw(st.booleans()), hidden)


def columns_of(rows: Sequence[Sequence[T]], width: int) -> list[list[T]]:
    return [[row[c] for row in rows] for c in range(width)]


@settings(max_examples=400)
@given(cases())
def test_small_and_caller_hidden_counts_are_hidden_the_rest_published_as_they_are(
    case: Case,
) -> None:
    result = case.run()
    assert len(result.cells) == len(case.table)
    primary = 0
    for r, (row, shown) in enumerate(zip(case.table, result.cells, strict=True)):
        assert len(shown) == len(row)
        for c, (count, cell) in enumerate(zip(row, shown, strict=True)):
            must_hide = is_small(count, case.threshold) or case.hidden_by_caller(r, c)
            primary += must_hide
            if must_hide:
                assert cell is None
            elif cell is not None:
                assert cell == count
            else:  # hidden so that another cannot be worked out: never a zero, never small
                assert count >= case.threshold
    assert result.primary == primary
    assert result.secondary == sum(row.count(None) for row in result.cells) - primary


@settings(max_examples=400)
@given(cases())
def test_published_totals_are_the_true_ones_and_only_those_asked_for(case: Case) -> None:
    result = case.run()
    width = len(case.table[0]) if case.table else 0
    if not case.row_totals:
        assert result.row_totals is None
    else:
        assert result.row_totals is not None
        for r, (row, total) in enumerate(zip(case.table, result.row_totals, strict=True)):
            assert total in (None, sum(row))
            if is_small(sum(row), case.threshold):
                assert total is None
            if row and all(case.hidden_by_caller(r, c) for c in range(width)):
                assert total is None  # a row hidden whole hides its total too
    if not case.column_totals:
        assert result.column_totals is None
    else:
        assert result.column_totals is not None
        assert len(result.column_totals) == width
        for column, total in zip(columns_of(case.table, width), result.column_totals, strict=True):
            assert total in (None, sum(column))
            if is_small(sum(column), case.threshold):
                assert total is None


@settings(max_examples=600)
@given(cases())
def test_no_hidden_count_can_be_subtracted_back_out_of_a_total(case: Case) -> None:
    result = case.run()
    width = len(case.table[0]) if case.table else 0
    known_row_totals = result.row_totals or ()
    if case.row_totals:  # a row and its total: never exactly one unknown
        for r, (row, shown) in enumerate(zip(case.table, result.cells, strict=True)):
            unknowns = [c for c, cell in enumerate(shown) if cell is None]
            unknowns += [width] if known_row_totals[r] is None else []
            if len(unknowns) == 1:  # only a hidden zero among zeros: its total says 0 anyway
                assert sum(row) == 0
                assert unknowns[0] < width
                assert case.hidden_by_caller(r, unknowns[0])
    hidden_totals = (result.row_totals or ()).count(None)
    if case.column_totals:
        assert result.column_totals is not None
        hidden_totals += result.column_totals.count(None)
        lines = zip(columns_of(case.table, width), columns_of(result.cells, width), strict=True)
        for (column, cells), total in zip(lines, result.column_totals, strict=True):
            _check_column(column, cells, total, case.threshold)
    grand_hidden = result.hidden_totals - hidden_totals
    assert grand_hidden in ((0, 1) if case.row_totals and case.column_totals else (0,))
    if case.row_totals and case.column_totals:  # the totals' column, with the grand total
        totals = [sum(row) for row in case.table]
        grand = None if grand_hidden else sum(totals)
        _check_column(totals, list(known_row_totals), grand, case.threshold)


def _check_column(
    counts: Sequence[int], shown: Sequence[int | None], total: int | None, threshold: int
) -> None:
    """A published total has 0 or 2+ unknowns beside it; a hidden one is small, or it would
    have been its line's lone unknown itself (only zeros published beside it)."""
    unknowns = [n for n, cell in enumerate(shown) if cell is None]
    if total is not None:
        assert len(unknowns) != 1
    elif not is_small(sum(counts), threshold):
        assert len(unknowns) == 1
        assert all(count == 0 for n, count in enumerate(counts) if n != unknowns[0])


@given(cases())
def test_a_threshold_of_one_and_nothing_hidden_by_the_caller_hides_nothing(case: Case) -> None:
    result = suppress(case.table, 1, row_totals=case.row_totals, column_totals=case.column_totals)
    assert result.cells == tuple(tuple(row) for row in case.table)
    assert result.suppressed == 0
