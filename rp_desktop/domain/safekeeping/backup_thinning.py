"""Which backups to keep: the last few, and the newest of each of the last few days, weeks
and months.

The last few stay whatever their day: with a backup every half hour, "one a day" alone would
remove this morning's backup as soon as the next one is made, and with it the way back from a
mistake made at noon.

Periods are counted among those that *have* a backup, not on the calendar (the way restic and
Time Machine count). A summer away from school then thins nothing away from before it, and a
laptop clock that jumps years ahead cannot empty the folder: the newest few of each kind stay
whatever `now` says. Times are compared as given, so the caller passes local times when a "day"
should be the user's day.
"""

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Thinning:
    """How many of the newest backups stay, and how many periods of each length keep their
    newest one."""

    latest: int = 4
    days: int = 7
    weeks: int = 4
    months: int = 12


KEEP = Thinning()


def _day(at: datetime) -> Hashable:
    return at.date()


def _iso_week(at: datetime) -> Hashable:
    year, week, _ = at.isocalendar()
    return (year, week)


def _month(at: datetime) -> Hashable:
    return (at.year, at.month)


def backups_to_keep(
    times: Iterable[datetime], now: datetime, thinning: Thinning = KEEP
) -> set[datetime]:
    """The times in `times` whose backups stay; the others may be removed.

    The newest backup always stays. So does one dated after `now` (a clock was wrong when it
    was made, or is now): it is neither removed nor counted, so it never pushes a good one out.
    """
    future = {at for at in times if at > now}
    past = sorted({at for at in times if at <= now}, reverse=True)
    keep = set(future) | set(past[: max(1, thinning.latest)])
    for period, count in (
        (_day, thinning.days),
        (_iso_week, thinning.weeks),
        (_month, thinning.months),
    ):
        keep |= _newest_per_period(past, period, count)
    return keep


def _newest_per_period(
    newest_first: list[datetime], period: Callable[[datetime], Hashable], count: int
) -> set[datetime]:
    """The newest time in each of the `count` most recent periods that have one."""
    kept: dict[Hashable, datetime] = {}
    for at in newest_first:
        key = period(at)
        if key in kept:
            continue
        if len(kept) == count:
            break
        kept[key] = at
    return set(kept.values())
