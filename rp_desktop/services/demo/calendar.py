"""A believable Midwestern school calendar: 36 weeks of classes from late August, with the usual
breaks and Monday holidays."""

import bisect
from dataclasses import dataclass
from datetime import date, timedelta

WEEKS_OF_SCHOOL = 36
MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY = range(5)


@dataclass(frozen=True, slots=True)
class SchoolCalendar:
    """One school year's weeks of classes (their Mondays) and the single days off inside them."""

    year: int
    weeks: tuple[date, ...]
    days_off: frozenset[date]

    def day_of_week(self, monday: date, weekday: int) -> date | None:
        """The school day for `weekday` of that week: the next day if it is a holiday."""
        for offset in range(weekday, FRIDAY + 1):
            day = monday + timedelta(days=offset)
            if day not in self.days_off:
                return day
        return None

    def school_days(self) -> list[date]:
        days = (monday + timedelta(days=d) for monday in self.weeks for d in range(FRIDAY + 1))
        return [day for day in days if day not in self.days_off]


def school_calendar(year: int) -> SchoolCalendar:
    """The calendar of the school year that starts in August of `year`."""
    monday = _first_monday_on_or_after(date(year, 8, 25))
    breaks = _break_weeks(year)
    weeks: list[date] = []
    while len(weeks) < WEEKS_OF_SCHOOL:
        if monday not in breaks:
            weeks.append(monday)
        monday += timedelta(weeks=1)
    return SchoolCalendar(year, tuple(weeks), frozenset(_monday_holidays(year)))


class SchoolDays:
    """Every school day of several years in order, to count school days forward from a date."""

    def __init__(self, calendars: list[SchoolCalendar]) -> None:
        self._days = sorted(day for calendar in calendars for day in calendar.school_days())

    def after(self, day: date, count: int) -> date:
        """The school day `count` school days after `day` (past the last known, weekdays)."""
        index = bisect.bisect_right(self._days, day) + count - 1
        if index < len(self._days):
            return self._days[index]
        return day + timedelta(days=count * 7 // 5 + 1)


def _first_monday_on_or_after(day: date) -> date:
    return day + timedelta(days=(7 - day.weekday()) % 7)


def _nth_monday(year: int, month: int, n: int) -> date:
    return _first_monday_on_or_after(date(year, month, 1)) + timedelta(weeks=n - 1)


def _break_weeks(year: int) -> set[date]:
    """Mondays of the weeks without school: Thanksgiving, winter break, spring break."""
    november = date(year, 11, 1)
    first_thursday = november + timedelta(days=(THURSDAY - november.weekday()) % 7)
    thanksgiving = first_thursday + timedelta(weeks=3, days=-THURSDAY)
    # Christmas and New Year's Day are a week apart, so winter break is always two weeks.
    christmas, new_year = date(year, 12, 25), date(year + 1, 1, 1)
    return {
        thanksgiving,
        christmas - timedelta(days=christmas.weekday()),
        new_year - timedelta(days=new_year.weekday()),
        _nth_monday(year + 1, 3, 3),
    }


def _monday_holidays(year: int) -> list[date]:
    """Labor Day, Martin Luther King Jr. Day, Presidents' Day, Memorial Day."""
    june = date(year + 1, 6, 1)
    memorial_day = june - timedelta(days=june.weekday() or 7)
    return [
        _nth_monday(year, 9, 1),
        _nth_monday(year + 1, 1, 3),
        _nth_monday(year + 1, 2, 3),
        memorial_day,
    ]
