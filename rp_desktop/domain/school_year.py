"""School years, named by the calendar year they start in (2025 is the year 2025-26)."""

from datetime import date, timedelta

FIRST_MONTH = 8  # a school year runs from August 1 to July 31


def school_year_of(day: date) -> int:
    """The start year of the school year that `day` falls in."""
    return day.year if day.month >= FIRST_MONTH else day.year - 1


def first_day(start_year: int) -> date:
    return date(start_year, FIRST_MONTH, 1)


def last_day(start_year: int) -> date:
    return first_day(start_year + 1) - timedelta(days=1)


def label(start_year: int) -> str:
    """The usual written form, "2025-26"."""
    return f"{start_year}-{(start_year + 1) % 100:02d}"
