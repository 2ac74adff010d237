"""The Home tab's summary, by a fake clock: today is Tuesday 2026-03-10, so this week runs from
Monday the 9th to Sunday the 15th."""

from dataclasses import fields, replace
from datetime import UTC, date, datetime, timedelta

import pytest

from rp_desktop.domain.casework.records import AgreementFields, AgreementItemFields
from rp_desktop.domain.home import OpenCase, RecordKind, week_of
from rp_desktop.domain.records import CaseFields, CircleFields, ParticipantFields
from rp_desktop.domain.vocabulary import (
    AgreementStatus,
    CaseStatus,
    CircleKind,
    CircleStatus,
    ClosureReason,
    Role,
    Tier,
    Tier3Kind,
)
from rp_desktop.services import home
from rp_desktop.services.casework.agreements import save_agreement
from rp_desktop.services.casework.case_detail import close_case
from rp_desktop.services.casework.cases import get_case, list_categories, open_case, update_case
from rp_desktop.services.circles.records import get_circle, record_circle, update_circle
from rp_desktop.services.home import home_summary
from rp_desktop.services.safekeeping.database import Database
from tests.conftest import FakeClock
from tests.services.casework.setup import open_four_person_case, people_of
from tests.services.conftest import Roster

TODAY = date(2026, 3, 10)


def circle(db: Database, roster: Roster, day: int, status: CircleStatus, purpose: str = "") -> int:
    return record_circle(
        db,
        CircleFields(
            held_on=date(2026, 3, day),
            status=status,
            kind=CircleKind.CHECK_IN,
            group_id=roster.advisory_id,
            keeper_id=roster.teacher_id,
            purpose=purpose or f"{status} on the {day}th",
        ),
    ).id


def tier3_case(db: Database, roster: Roster) -> int:
    return open_case(
        db,
        CaseFields(
            tier=Tier.INTENSIVE,
            occurred_on=date(2026, 3, 3),
            category_id=roster.other_category_id,
            description="Re-entry after a long absence.",
            tier3_kind=Tier3Kind.RE_ENTRY,
            participants=(ParticipantFields(Role.PERSON_HARMED, student_id=roster.zoe.id),),
        ),
    ).id


def test_the_week_runs_from_monday_to_sunday() -> None:
    assert week_of(TODAY) == (date(2026, 3, 9), date(2026, 3, 15))
    assert week_of(date(2026, 3, 9)) == (date(2026, 3, 9), date(2026, 3, 15))
    assert week_of(date(2026, 3, 15)) == (date(2026, 3, 9), date(2026, 3, 15))


def test_an_empty_database_has_an_empty_summary(db: Database) -> None:
    summary = home_summary(db, TODAY)
    assert (summary.week_start, summary.week_end) == (date(2026, 3, 9), date(2026, 3, 15))
    assert summary.circles_today.circles == ()
    assert summary.circles_today.total == 0
    assert summary.rest_of_week.circles == ()
    assert summary.rest_of_week.total == 0
    assert summary.due_soon == ()
    assert summary.overdue == ()
    assert dict(summary.open_by_tier) == {Tier.TARGETED: 0, Tier.INTENSIVE: 0}
    assert summary.open_total == 0
    assert summary.open_cases == ()
    assert summary.recent == ()


def test_circles_of_today_and_of_the_rest_of_the_week(db: Database, roster: Roster) -> None:
    circle(db, roster, 8, CircleStatus.HELD)  # the Sunday before: another week
    monday = circle(db, roster, 9, CircleStatus.HELD)
    planned_today = circle(db, roster, 10, CircleStatus.PLANNED)
    held_today = circle(db, roster, 10, CircleStatus.HELD)
    circle(db, roster, 10, CircleStatus.CANCELLED)  # not coming: left out
    sunday = circle(db, roster, 15, CircleStatus.PLANNED)
    thursday = circle(db, roster, 12, CircleStatus.PLANNED)
    circle(db, roster, 16, CircleStatus.PLANNED)  # next Monday

    summary = home_summary(db, TODAY)

    assert [c.id for c in summary.circles_today.circles] == [planned_today, held_today]
    assert summary.circles_today.total == 2
    # By day, then in the order they were recorded.
    assert [c.id for c in summary.rest_of_week.circles] == [monday, thursday, sunday]
    assert summary.rest_of_week.total == 3
    first = summary.circles_today.circles[0]
    assert first.held_on == TODAY
    assert first.status is CircleStatus.PLANNED
    assert first.kind is CircleKind.CHECK_IN
    assert (first.group_name, first.keeper_name) == ("Advisory 7B", "Tom Becker")


def test_a_busy_week_shows_the_first_circles_and_counts_them_all(
    db: Database, roster: Roster, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(home, "CIRCLES_SHOWN", 2)
    ids = [circle(db, roster, day, CircleStatus.HELD) for day in (9, 9, 9, 10)]
    circle(db, roster, 9, CircleStatus.CANCELLED)

    summary = home_summary(db, TODAY)

    assert [c.id for c in summary.rest_of_week.circles] == ids[:2]
    assert summary.rest_of_week.total == 3  # the cancelled one is not counted
    assert [c.id for c in summary.circles_today.circles] == ids[3:]
    assert summary.circles_today.total == 1


def test_open_cases_by_tier_the_latest_changed_first(
    db: Database, roster: Roster, clock: FakeClock
) -> None:
    first = open_four_person_case(db, roster).id
    clock.advance(minutes=5)
    second = open_four_person_case(db, roster).id
    clock.advance(minutes=5)
    intensive = tier3_case(db, roster)
    clock.advance(minutes=5)
    closed = open_four_person_case(db, roster).id
    close_case(db, closed, ClosureReason.RESOLVED_WITHOUT_AGREEMENT, TODAY)
    clock.advance(minutes=5)
    # Changing the oldest case brings it to the top.
    update_case(db, first, replace(get_case(db, first).fields, place="Gym"))

    summary = home_summary(db, TODAY)

    assert dict(summary.open_by_tier) == {Tier.TARGETED: 2, Tier.INTENSIVE: 1}
    assert summary.open_total == 3
    assert [c.id for c in summary.open_cases] == [first, intensive, second]
    third = summary.open_cases[1]
    assert (third.tier, third.occurred_on) == (Tier.INTENSIVE, date(2026, 3, 3))
    assert third.status is CaseStatus.OPEN
    names = {c.id: c.name for c in list_categories(db)}
    assert third.category_name == names[roster.other_category_id]


def test_an_open_case_carries_no_name_nor_description() -> None:
    names = {f.name for f in fields(OpenCase)}
    assert names == {"id", "tier", "category_name", "occurred_on", "status", "updated_at"}


def test_recent_activity_mixes_cases_and_circles_by_when_they_changed(
    db: Database, roster: Roster, clock: FakeClock
) -> None:
    old_circle = circle(db, roster, 2, CircleStatus.HELD)
    clock.advance(minutes=1)
    case = open_four_person_case(db, roster).id
    clock.advance(minutes=1)
    new_circle = circle(db, roster, 9, CircleStatus.HELD)
    clock.advance(minutes=1)
    update_circle(db, old_circle, replace(get_circle(db, old_circle).fields, purpose="Again"))

    recent = home_summary(db, TODAY).recent

    assert [(r.kind, r.id) for r in recent] == [
        (RecordKind.CIRCLE, old_circle),
        (RecordKind.CIRCLE, new_circle),
        (RecordKind.CASE, case),
    ]
    assert [r.is_new for r in recent] == [False, True, True]
    assert [r.tier for r in recent] == [Tier.UNIVERSAL, Tier.UNIVERSAL, Tier.TARGETED]
    assert recent[0].day == date(2026, 3, 2)
    assert recent[0].what == "Advisory 7B"
    assert recent[0].status is CircleStatus.HELD
    assert recent[2].day == date(2026, 3, 2)
    assert recent[2].status is CaseStatus.OPEN
    assert recent[0].changed_at > recent[1].changed_at > recent[2].changed_at


def test_recent_activity_keeps_the_last_ten(db: Database, roster: Roster, clock: FakeClock) -> None:
    made = []
    for day in range(1, 13):  # twelve circles, a minute apart
        made.append(circle(db, roster, day % 9 + 1, CircleStatus.HELD))
        clock.advance(minutes=1)

    recent = home_summary(db, TODAY).recent

    assert [r.id for r in recent] == made[::-1][:10]


def test_agreement_items_due_this_week_and_overdue(
    db: Database, roster: Roster, clock: FakeClock
) -> None:
    case = open_four_person_case(db, roster)
    liam = people_of(case).caused.id
    items = tuple(
        AgreementItemFields(f"Item due on the {day}th", liam, None, date(2026, 3, day), status)
        for day, status in (
            (6, AgreementStatus.OPEN),  # overdue
            (12, AgreementStatus.OPEN),  # due this week
            (12, AgreementStatus.DONE),  # done: nothing to chase
            (30, AgreementStatus.OPEN),  # later
        )
    )
    save_agreement(db, case.id, AgreementFields(date(2026, 3, 5), items=items))

    summary = home_summary(db, TODAY)

    assert [i.due_on for i in summary.overdue] == [date(2026, 3, 6)]
    assert [i.due_on for i in summary.due_soon] == [date(2026, 3, 12)]
    assert summary.due_soon[0].case_id == case.id


def test_a_copy_off_this_laptop_is_overdue_after_a_week_or_when_never_made() -> None:
    now = datetime(2026, 3, 10, 15, 0, tzinfo=UTC)
    assert home.off_laptop_copy_overdue(None, now)
    assert not home.off_laptop_copy_overdue(now - timedelta(days=6, hours=23), now)
    assert not home.off_laptop_copy_overdue(now - timedelta(days=7), now)
    assert home.off_laptop_copy_overdue(now - timedelta(days=7, minutes=1), now)
