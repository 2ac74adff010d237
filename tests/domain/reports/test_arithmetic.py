"""Report arithmetic: months, shares, medians, follow-up timeliness and category keys, each
against figures worked out by hand."""

from datetime import date

import pytest

from rp_desktop.domain.reports.follow_ups import ItemFollowUp, Timeliness, timeliness
from rp_desktop.domain.reports.keys import (
    UNKNOWN,
    category_key,
    category_value,
    measure_key,
    sorted_categories,
    tier_key,
)
from rp_desktop.domain.reports.measures import gini, kept_share, mean, median, share
from rp_desktop.domain.reports.model import BreakdownKind, Period
from rp_desktop.domain.reports.months import bucket, month_days, month_key, months_of, within
from rp_desktop.domain.vocabulary import AgreementStatus

TODAY = date(2026, 3, 10)


def test_months_of_a_school_year_are_twelve_in_order() -> None:
    months = months_of(Period(date(2025, 8, 1), date(2026, 7, 31)))
    assert months[:2] == ("2025-08", "2025-09")
    assert months[4:6] == ("2025-12", "2026-01")  # across the new year
    assert len(months) == 12
    assert months[-1] == "2026-07"


def test_a_period_inside_one_month_has_that_month_only() -> None:
    assert months_of(Period(date(2026, 2, 10), date(2026, 2, 10))) == ("2026-02",)


def test_partial_months_at_both_ends_are_included() -> None:
    assert months_of(Period(date(2025, 12, 31), date(2026, 2, 1))) == (
        "2025-12",
        "2026-01",
        "2026-02",
    )


def test_month_days_know_february_and_december() -> None:
    assert month_days("2024-02") == Period(date(2024, 2, 1), date(2024, 2, 29))  # leap year
    assert month_days("2025-02").last == date(2025, 2, 28)
    assert month_days("2025-12") == Period(date(2025, 12, 1), date(2025, 12, 31))
    with pytest.raises(ValueError, match="not a month"):
        month_days("grade:7")


def test_within_cuts_the_month_to_the_period() -> None:
    period = Period(date(2026, 1, 15), date(2026, 3, 10))
    assert within(period, "2026-01") == Period(date(2026, 1, 15), date(2026, 1, 31))
    assert within(period, "2026-02") == Period(date(2026, 2, 1), date(2026, 2, 28))
    assert within(period, "2026-03") == Period(date(2026, 3, 1), date(2026, 3, 10))


def test_bucket_keeps_every_month_and_drops_days_outside() -> None:
    period = Period(date(2026, 1, 1), date(2026, 3, 31))
    facts = [
        (date(2026, 1, 31), "a"),
        (date(2026, 1, 1), "b"),
        (date(2026, 3, 31), "c"),
        (date(2025, 12, 31), "before"),
        (date(2026, 4, 1), "after"),
    ]
    assert bucket(facts, period) == {"2026-01": ["a", "b"], "2026-02": [], "2026-03": ["c"]}
    assert month_key(date(2026, 3, 31)) == "2026-03"


def test_share_of_nothing_is_none_not_zero() -> None:
    assert share(0, 0) is None
    assert share(0, 4) == 0
    assert share(1, 4) == 0.25


def test_kept_share_counts_done_against_done_and_missed() -> None:
    assert kept_share(done=2, missed=1) == pytest.approx(2 / 3)
    assert kept_share(done=0, missed=3) == 0
    # Only open or renegotiated items: nothing settled, no share.
    assert kept_share(done=0, missed=0) is None


@pytest.mark.parametrize(
    ("values", "expected"),
    [([], None), ([7.0], 7.0), ([4.0, 1.0], 2.5), ([5.0, 1.0, 3.0], 3.0), ([1, 2, 3, 10], 2.5)],
)
def test_median(values: list[float], expected: float | None) -> None:
    assert median(values) == expected


def test_mean_of_nothing_is_none() -> None:
    assert mean([]) is None
    assert mean([1.0, 2.0, 6.0]) == 3.0


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([], 0.0),
        ([42.0], 0.0),  # one voice is all the voices there are
        ([10.0, 10.0], 0.0),
        ([0.0, 10.0], 0.5),  # two seats, one silent: |0-10| * 2 / (2 * 2^2 * 5) = 0.5
        ([10.0, 30.0], 0.25),  # |10-30| * 2 / (2 * 4 * 20)
        ([30.0, 60.0, 90.0], 2 / 9),  # (30+60+30) * 2 / (2 * 9 * 60)
        ([0.0, 0.0], 0.0),  # nobody spoke: no spread to measure
    ],
)
def test_gini(values: list[float], expected: float) -> None:
    assert gini(values) == pytest.approx(expected)


def item(
    status: AgreementStatus, linked: date | None = None, on_case: date | None = None
) -> ItemFollowUp:
    return ItemFollowUp(date(2026, 3, 1), status, first_linked=linked, first_on_case=on_case)


OPEN, DONE = AgreementStatus.OPEN, AgreementStatus.DONE
MISSED, RENEGOTIATED = AgreementStatus.MISSED, AgreementStatus.RENEGOTIATED


@pytest.mark.parametrize(
    ("followed", "expected"),
    [
        (item(OPEN, linked=date(2026, 2, 27)), Timeliness.ON_TIME),
        (item(DONE, linked=date(2026, 3, 1)), Timeliness.ON_TIME),  # on the due day itself
        (item(MISSED, linked=date(2026, 3, 2)), Timeliness.LATE),
        # The first linked follow-up decides, even when the case was checked on in time.
        (item(DONE, linked=date(2026, 3, 5), on_case=date(2026, 2, 20)), Timeliness.LATE),
        (item(DONE, on_case=date(2026, 2, 20)), Timeliness.ON_TIME),
        # A case follow-up counts only for a done item.
        (item(MISSED, on_case=date(2026, 2, 20)), Timeliness.LATE),
        (item(DONE, on_case=date(2026, 3, 4)), Timeliness.LATE),
        (item(OPEN), Timeliness.OVERDUE),
        (item(OPEN, on_case=date(2026, 2, 20)), Timeliness.OVERDUE),
        (item(RENEGOTIATED), Timeliness.LATE),
    ],
)
def test_timeliness_before_and_after_the_due_day(
    followed: ItemFollowUp, expected: Timeliness
) -> None:
    assert timeliness(followed, TODAY) is expected


def test_not_yet_due_until_the_due_day_has_passed() -> None:
    due_today = ItemFollowUp(TODAY, OPEN)
    assert timeliness(due_today, TODAY) is Timeliness.NOT_YET_DUE
    assert timeliness(due_today, date(2026, 3, 11)) is Timeliness.OVERDUE
    # A done item may still be followed up in time.
    assert timeliness(ItemFollowUp(date(2026, 3, 20), DONE), TODAY) is Timeliness.NOT_YET_DUE


def test_series_keys() -> None:
    assert tier_key(2) == "tier:2"
    assert measure_key(Timeliness.NOT_YET_DUE.value) == "measure:not_yet_due"


def test_category_keys_and_back() -> None:
    assert category_key(BreakdownKind.GRADE, -1) == "grade:-1"
    assert category_value(BreakdownKind.GRADE, "grade:-1") == -1
    assert category_key(BreakdownKind.HOMEROOM, "7B") == "homeroom:7B"
    assert category_key(BreakdownKind.HOMEROOM, "  ") == UNKNOWN
    assert category_key(BreakdownKind.DEMOGRAPHIC, None) == UNKNOWN
    assert category_value(BreakdownKind.GROUP, "group:12") == 12
    assert category_value(BreakdownKind.DEMOGRAPHIC, "demographic:Yes") == "Yes"
    assert category_value(BreakdownKind.HOMEROOM, UNKNOWN) is None
    with pytest.raises(ValueError, match="not a category of a grade breakdown"):
        category_value(BreakdownKind.GRADE, "homeroom:7B")
    with pytest.raises(ValueError, match="months"):
        category_key(BreakdownKind.NONE, 7)


def test_grades_sort_by_number_and_unknown_comes_last() -> None:
    keys = {"grade:10", "grade:9", "grade:-1", "grade:0", UNKNOWN}
    assert sorted_categories(BreakdownKind.GRADE, keys) == (
        "grade:-1",
        "grade:0",
        "grade:9",
        "grade:10",
        UNKNOWN,
    )


def test_groups_sort_by_name_not_by_id() -> None:
    names = {"group:3": "advisory b", "group:10": "Advisory A", "group:2": "Zeta"}
    assert sorted_categories(BreakdownKind.GROUP, names, names) == (
        "group:10",
        "group:3",
        "group:2",
    )


def test_homerooms_sort_by_text_ignoring_case() -> None:
    keys = ["homeroom:b2", "homeroom:A1", UNKNOWN, "homeroom:a3"]
    assert sorted_categories(BreakdownKind.HOMEROOM, keys) == (
        "homeroom:A1",
        "homeroom:a3",
        "homeroom:b2",
        UNKNOWN,
    )
