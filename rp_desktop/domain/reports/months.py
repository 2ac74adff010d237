"""Months of a period, as the "YYYY-MM" keys a report's categories use, and dated facts sorted
into them."""

from collections.abc import Iterable
from datetime import date, timedelta
from typing import TypeVar

from rp_desktop.domain.reports.model import Period

T = TypeVar("T")


def month_key(day: date) -> str:
    """The month a day falls in: "2025-09"."""
    return f"{day.year:04d}-{day.month:02d}"


def months_of(period: Period) -> tuple[str, ...]:
    """Every month the period touches, in order, the first and last included even when the
    period starts or ends in their middle."""
    keys = []
    year, month = period.first.year, period.first.month
    while (year, month) <= (period.last.year, period.last.month):
        keys.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return tuple(keys)


def month_days(key: str) -> Period:
    """The first and last day of the month named by `key`. Raises ValueError for a key that
    is not a month."""
    try:
        year, month = (int(part) for part in key.split("-"))
        first = date(year, month, 1)
    except ValueError as error:
        raise ValueError(f"{key!r} is not a month (YYYY-MM)") from error
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return Period(first, following - timedelta(days=1))


def within(period: Period, key: str) -> Period:
    """The days of month `key` that fall in `period`. Raises ValueError when none do."""
    days = month_days(key)
    first, last = max(days.first, period.first), min(days.last, period.last)
    return Period(first, last)


def bucket(facts: Iterable[tuple[date, T]], period: Period) -> dict[str, list[T]]:
    """Dated facts by month: every month of the period is a key (empty months have an empty
    list); facts dated outside the period are left out."""
    buckets: dict[str, list[T]] = {key: [] for key in months_of(period)}
    for day, fact in facts:
        if period.first <= day <= period.last:
            buckets[month_key(day)].append(fact)
    return buckets
