"""School years start on August 1 and are named by the year they start in."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rp_desktop.domain.school_year import first_day, label, last_day, school_year_of


@pytest.mark.parametrize(
    ("day", "year"),
    [
        (date(2025, 7, 31), 2024),
        (date(2025, 8, 1), 2025),
        (date(2025, 12, 31), 2025),
        (date(2026, 1, 1), 2025),
        (date(2026, 3, 10), 2025),
        (date(2026, 7, 31), 2025),
        (date(2026, 8, 1), 2026),
    ],
)
def test_school_year_of(day: date, year: int) -> None:
    assert school_year_of(day) == year


def test_first_and_last_day() -> None:
    assert first_day(2025) == date(2025, 8, 1)
    assert last_day(2025) == date(2026, 7, 31)
    assert last_day(2027) == date(2028, 7, 31)


@pytest.mark.parametrize(
    ("year", "written"),
    [(2025, "2025-26"), (2009, "2009-10"), (1999, "1999-00"), (2099, "2099-00")],
)
def test_label(year: int, written: str) -> None:
    assert label(year) == written


@given(st.dates(min_value=date(1901, 1, 1), max_value=date(9998, 12, 31)))
def test_every_day_lies_inside_its_school_year(day: date) -> None:
    year = school_year_of(day)
    assert first_day(year) <= day <= last_day(year)
    assert school_year_of(last_day(year) + timedelta(days=1)) == year + 1
