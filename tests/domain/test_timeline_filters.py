"""Narrowing a student's timeline: every kind of entry belongs to one choice, and kinds and
dates narrow it without changing its order."""

from datetime import date

from rp_desktop.domain.timeline import (
    SHOWN_KINDS,
    TimelineEntry,
    TimelineKind,
    TimelineShow,
    narrowed,
)


def entry(on: date, kind: TimelineKind, record_id: int = 1) -> TimelineEntry:
    return TimelineEntry(on, kind, record_id, None, None, None, None, "")


def test_every_kind_belongs_to_exactly_one_choice() -> None:
    owners = {
        kind: [s for s, kinds in SHOWN_KINDS.items() if kind in kinds] for kind in TimelineKind
    }
    assert all(len(found) == 1 for found in owners.values()), owners


def test_kinds_and_dates_narrow_in_the_order_given() -> None:
    entries = [
        entry(date(2026, 3, 9), TimelineKind.PROGRESS),
        entry(date(2026, 3, 2), TimelineKind.CIRCLE),
        entry(date(2026, 2, 20), TimelineKind.MEETING),
        entry(date(2026, 2, 18), TimelineKind.CASE),
        entry(date(2025, 9, 1), TimelineKind.CIRCLE, 2),
    ]
    assert narrowed(entries, set(TimelineShow)) == entries
    assert narrowed(entries, {TimelineShow.CASES}) == entries[2:4]
    assert narrowed(entries, {TimelineShow.CIRCLES, TimelineShow.PLANS}) == [
        entries[0],
        entries[1],
        entries[4],
    ]
    in_february = narrowed(entries, set(TimelineShow), date(2026, 2, 18), date(2026, 2, 20))
    assert in_february == entries[2:4]  # both ends included
    assert narrowed(entries, set(TimelineShow), start=date(2026, 3, 2)) == entries[:2]
    assert narrowed(entries, set()) == []
