"""Thinning backups, checked against sets worked out by hand on a calendar."""

from datetime import date, datetime, timedelta

from rp_desktop.domain.safekeeping.backup_thinning import Thinning, backups_to_keep


def at(day: date, hour: int = 17) -> datetime:
    return datetime(day.year, day.month, day.day, hour)


def days(kept: set[datetime]) -> set[date]:
    return {moment.date() for moment in kept}


def test_nothing_to_keep_when_there_are_no_backups() -> None:
    assert backups_to_keep([], datetime(2026, 3, 10, 12)) == set()


def test_the_last_four_and_the_newest_of_each_day_stay() -> None:
    # Every half hour from 8:00 to 16:30 on three days: the 16:30 one of each day stays, and
    # the last four of the last day (15:00 to 16:30).
    times = [
        datetime(2026, 3, day, hour, minute)
        for day in (8, 9, 10)
        for hour in range(8, 17)
        for minute in (0, 30)
    ]
    kept = backups_to_keep(times, datetime(2026, 3, 10, 17))
    assert kept == {datetime(2026, 3, day, 16, 30) for day in (8, 9)} | {
        datetime(2026, 3, 10, hour, minute) for hour in (15, 16) for minute in (0, 30)
    }


def test_sixty_days_of_daily_backups() -> None:
    # One a day from 10 January to Tuesday 10 March 2026. Worked out on a calendar:
    #  days:   4 to 10 March (the last seven days that have a backup)
    #  weeks:  ISO week 11 (9-15 Mar) -> 10 Mar, week 10 (2-8 Mar) -> 8 Mar,
    #          week 9 (23 Feb-1 Mar) -> 1 Mar, week 8 (16-22 Feb) -> 22 Feb
    #  months: March -> 10 Mar, February -> 28 Feb, January -> 31 Jan
    first = date(2026, 1, 10)
    times = [at(first + timedelta(days=n)) for n in range(60)]
    assert times[-1] == at(date(2026, 3, 10))
    kept = backups_to_keep(times, at(date(2026, 3, 10), 18))
    expected = {date(2026, 3, d) for d in range(4, 11)} | {
        date(2026, 3, 1),
        date(2026, 2, 22),
        date(2026, 2, 28),
        date(2026, 1, 31),
    }
    assert days(kept) == expected
    assert len(kept) == 11


def test_a_summer_away_does_not_thin_away_june() -> None:
    # Daily from 1 to 20 June 2025, then nothing until 2 September. The seven newest days
    # that have a backup are 2 September and 15-20 June; a calendar week would keep none.
    times = [at(date(2025, 6, d)) for d in range(1, 21)] + [at(date(2025, 9, 2))]
    kept = backups_to_keep(times, at(date(2025, 9, 2), 18))
    # Weeks: 2 Sep (week 36), 20 Jun (week 25), 15 Jun (week 24, Sunday), 8 Jun (week 23).
    # Months: 2 Sep, 20 Jun.
    expected = {date(2025, 9, 2)} | {date(2025, 6, d) for d in range(15, 21)} | {date(2025, 6, 8)}
    assert days(kept) == expected


def test_twelve_months_of_monthly_backups_stay_and_older_ones_go() -> None:
    times = [at(date(2024 + (m - 1) // 12, (m - 1) % 12 + 1, 1)) for m in range(1, 21)]
    assert times[-1] == at(date(2025, 8, 1))
    kept = backups_to_keep(times, at(date(2025, 8, 1), 18))
    assert len(kept) == 12
    assert min(kept) == at(date(2024, 9, 1))


def test_a_clock_years_ahead_removes_nothing_more() -> None:
    times = [at(date(2026, 3, d)) for d in range(1, 11)]
    on_time = backups_to_keep(times, at(date(2026, 3, 10), 18))
    far_ahead = backups_to_keep(times, datetime(2031, 1, 1))
    assert far_ahead == on_time
    # Days 4-10 March; week 9 (23 Feb-1 Mar) adds 1 March; week 10 and March add nothing new.
    assert days(on_time) == {date(2026, 3, 1)} | {date(2026, 3, d) for d in range(4, 11)}


def test_a_backup_from_the_future_stays_but_does_not_count() -> None:
    times = [
        datetime(2026, 3, 10, 9),  # after "now": made while the clock was wrong
        datetime(2026, 3, 9, 10),
        datetime(2026, 3, 9, 8),
        datetime(2026, 3, 8, 10),
    ]
    rules = Thinning(latest=1, days=1, weeks=0, months=0)
    kept = backups_to_keep(times, datetime(2026, 3, 9, 12), rules)
    assert kept == {datetime(2026, 3, 10, 9), datetime(2026, 3, 9, 10)}


def test_the_newest_stays_even_when_nothing_else_would() -> None:
    times = [datetime(2026, 3, 9, 8), datetime(2026, 3, 9, 10)]
    rules = Thinning(latest=0, days=0, weeks=0, months=0)
    kept = backups_to_keep(times, datetime(2026, 3, 9, 12), rules)
    assert kept == {datetime(2026, 3, 9, 10)}
