"""Small-cell suppression, checked against tables worked out by hand (threshold 10 unless said)."""

import pytest

from rp_desktop.domain.reports.suppression import is_small, suppress

X = None  # a hidden cell, to make the expected tables readable


def test_counts_from_one_to_nine_are_hidden_and_zero_and_ten_are_published() -> None:
    result = suppress([[0, 3, 12], [9, 10, 25]], 10)
    assert result.cells == ((0, X, 12), (X, 10, 25))
    assert (result.primary, result.secondary, result.hidden_totals) == (2, 0, 0)
    assert result.row_totals is None
    assert result.column_totals is None


def test_is_small() -> None:
    assert [is_small(n, 10) for n in (0, 1, 9, 10, 11)] == [False, True, True, False, False]


def test_a_lone_hidden_cell_in_a_row_with_a_total_takes_the_next_smallest_with_it() -> None:
    # 3 is hidden; with the total 35 published, 35 - 12 - 20 - 0 would give it back, so the
    # smallest other non-zero cell (12) is hidden too. The zero stays: it protects nothing.
    result = suppress([[3, 12, 20, 0]], 10, row_totals=True)
    assert result.cells == ((X, X, 20, 0),)
    assert result.row_totals == (35,)
    assert (result.primary, result.secondary) == (1, 1)
    assert result.suppressed == 2


def test_two_hidden_cells_in_a_row_need_no_more() -> None:
    result = suppress([[4, 5, 30]], 10, row_totals=True)
    assert result.cells == ((X, X, 30),)
    assert result.row_totals == (39,)
    assert result.secondary == 0


def test_without_a_published_total_nothing_more_is_hidden() -> None:
    assert suppress([[3, 12, 20]], 10).cells == ((X, 12, 20),)


def test_a_small_total_is_hidden_with_its_cell() -> None:
    result = suppress([[7, 0, 0], [0, 0, 0]], 10, row_totals=True)
    assert result.cells == ((X, 0, 0), (0, 0, 0))
    assert result.row_totals == (X, 0)  # a row of zeros has a true total of 0
    assert (result.primary, result.secondary, result.hidden_totals) == (1, 0, 1)


def test_a_total_that_would_equal_its_lone_hidden_cell_is_hidden() -> None:
    # Row 0: 5 is small, 20 goes with it. Column 0's total (5) is small. Column 1 would then
    # publish 20 + 0 = 20, the hidden 20, and 25 - 20 gives the 5 back: its total is hidden.
    result = suppress([[5, 20], [0, 0]], 10, row_totals=True, column_totals=True)
    assert result.cells == ((X, X), (0, 0))
    assert result.row_totals == (25, 0)
    assert result.column_totals == (X, X)
    assert (result.primary, result.secondary, result.hidden_totals) == (1, 1, 2)


def test_hiding_repeats_until_no_line_has_a_lone_hidden_cell() -> None:
    # Row and column totals published. By hand, lines in order r0 r1 r2 c0 c1 c2:
    # pass 1: r0 lone 3 -> hide 15; c0 lone 3 -> hide 12; c1 lone 15 -> hide 11.
    # pass 2: r1 lone 12 -> hide 30 (30 < 40); r2 lone 11 -> hide 25 (25 < 50);
    #         c2 lone 30 -> hide 20 (20 < 50). pass 3: every line has 0 or 2+ hidden.
    table = [
        [3, 15, 20],
        [12, 40, 30],
        [25, 11, 50],
    ]
    result = suppress(table, 10, row_totals=True, column_totals=True)
    assert result.cells == (
        (X, X, X),
        (X, 40, X),
        (X, X, 50),
    )
    assert result.row_totals == (38, 82, 86)
    assert result.column_totals == (40, 66, 100)
    assert (result.primary, result.secondary, result.hidden_totals) == (1, 6, 0)


def test_no_line_is_left_with_exactly_one_hidden_cell() -> None:
    table = [[3, 15, 20], [12, 11, 30], [25, 40, 50]]
    result = suppress(table, 10, row_totals=True, column_totals=True)
    # pass 1: r0 lone 3 -> 15; c0 lone 3 -> 12; c1 lone 15 -> 11; then every line has 0 or 2.
    assert result.cells == ((X, X, 20), (X, X, 30), (25, 40, 50))
    rows = [sum(cell is None for cell in row) for row in result.cells]
    columns = [sum(row[c] is None for row in result.cells) for c in range(3)]
    assert 1 not in rows
    assert 1 not in columns


def test_cells_the_caller_hides_count_as_primary_and_are_protected() -> None:
    # A group too small to show hides both its counts, its 12 and even its 0. Column 0 would
    # give the 12 back from its total (82 - 40 - 30): its smallest other count, 30, goes too.
    # Column 1 would give the 0 back (15 - 15 - 0): its only other non-zero count, 15, goes.
    table = [[40, 15], [12, 0], [30, 0]]
    hidden = [[False, False], [True, True], [False, False]]
    result = suppress(table, 10, column_totals=True, hidden=hidden)
    assert result.cells == ((40, X), (X, X), (X, 0))
    assert (result.primary, result.secondary) == (2, 2)
    assert result.column_totals == (82, 15)


def test_a_threshold_of_one_hides_nothing() -> None:
    result = suppress([[0, 1, 2]], 1, row_totals=True)
    assert result.cells == ((0, 1, 2),)
    assert result.suppressed == 0


def test_an_empty_table() -> None:
    result = suppress([], 10, row_totals=True, column_totals=True)
    assert result.cells == ()
    assert result.row_totals == ()
    assert result.column_totals == ()


@pytest.mark.parametrize(
    ("table", "threshold", "words"),
    [
        ([[1, 2]], 0, "threshold"),
        ([[1, -2]], 10, "negative"),
        ([[1, 2], [3]], 10, "same number"),
    ],
)
def test_bad_tables_are_refused(table: list[list[int]], threshold: int, words: str) -> None:
    with pytest.raises(ValueError, match=words):
        suppress(table, threshold, column_totals=True)


def test_a_lone_hidden_row_total_takes_another_with_it_when_the_grand_total_is_known() -> None:
    # Cases opened by month, Tier 2 and Tier 3, with the month's total (opened) beside them
    # and every column's total known, the grand total 75 too. By hand, lines r0 r1 r2, then
    # c0 c1, then the totals' column:
    # r0 [3, 0 | 3]: 3 and its total 3 are small (two unknowns); r1, r2 have none.
    # c0 [3, 15, 20]: lone 3 -> hide 15. c1 [0, 12, 25]: none.
    # totals [3, 27, 45]: lone 3 -> hide 27; else 75 - 27 - 45 gives the first month's 3.
    # Pass 2: r1 [15, 12 | 27] has two unknowns; every line has 0 or 2+.
    # Left: 3 = t0, t1 = 15 + 12, 3 + 15 = 18, t0 + t1 = 30: four unknowns, three equations.
    result = suppress([[3, 0], [15, 12], [20, 25]], 10, row_totals=True, column_totals=True)
    assert result.cells == ((X, 0), (X, 12), (20, 25))
    assert result.row_totals == (X, X, 45)
    assert result.column_totals == (38, 37)
    assert (result.primary, result.secondary, result.hidden_totals) == (1, 1, 2)
