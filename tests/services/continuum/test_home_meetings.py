"""Home's meetings coming up: planned case meetings of the next seven days and those whose day
passed without being marked held or cancelled; never a held, cancelled or closed case's one, and
no names. Today is Tuesday 2026-03-10."""

from dataclasses import replace
from datetime import date, time, timedelta

from rp_desktop.domain.casework.records import MeetingFields
from rp_desktop.domain.continuum.kinds import MeetingStatus
from rp_desktop.domain.home import MeetingSoon
from rp_desktop.domain.vocabulary import ClosureReason, MeetingKind
from rp_desktop.services.casework.case_detail import close_case
from rp_desktop.services.casework.meetings import cancel_meeting, record_meeting
from rp_desktop.services.home import home_summary
from rp_desktop.services.safekeeping.database import Database
from tests.services.casework.setup import TODAY, open_four_person_case
from tests.services.conftest import Roster

PLANNED = MeetingStatus.PLANNED


def plan(db: Database, case_id: int, on: date, at: time | None = None) -> int:
    fields = MeetingFields(MeetingKind.FORMAL_CONFERENCE, on, status=PLANNED, starts_at=at)
    return record_meeting(db, case_id, fields).id


def test_planned_meetings_of_the_next_week_and_those_not_marked(
    db: Database, roster: Roster
) -> None:
    case = open_four_person_case(db, roster)
    category = case.category_name
    overdue = plan(db, case.id, date(2026, 3, 9), time(14, 0))
    today_late = plan(db, case.id, TODAY, time(15, 30))
    today_early = plan(db, case.id, TODAY, time(8, 15))
    in_a_week = plan(db, case.id, TODAY + timedelta(days=7))
    plan(db, case.id, TODAY + timedelta(days=8))  # too far ahead
    cancel_meeting(db, plan(db, case.id, date(2026, 3, 12)), "The family could not come")
    record_meeting(db, case.id, MeetingFields(MeetingKind.PRE_CONFERENCE, date(2026, 3, 9)))

    shown = home_summary(db, TODAY).meetings

    def soon(meeting_id: int, on: date, at: time | None, late: bool) -> MeetingSoon:
        kind = MeetingKind.FORMAL_CONFERENCE
        return MeetingSoon(meeting_id, case.id, kind, on, at, category, late)

    assert shown == (
        soon(overdue, date(2026, 3, 9), time(14, 0), True),
        soon(today_early, TODAY, time(8, 15), False),
        soon(today_late, TODAY, time(15, 30), False),
        soon(in_a_week, date(2026, 3, 17), None, False),
    )


def test_a_closed_case_s_planned_meetings_leave_home(db: Database, roster: Roster) -> None:
    case = open_four_person_case(db, roster)
    plan(db, case.id, date(2026, 3, 12))
    assert len(home_summary(db, TODAY).meetings) == 1
    close_case(db, case.id, ClosureReason.DECLINED, TODAY)
    assert home_summary(db, TODAY).meetings == ()


def test_nothing_planned_shows_nothing(db: Database, roster: Roster) -> None:
    case = open_four_person_case(db, roster)
    held = MeetingFields(MeetingKind.RESTORATIVE_CONVERSATION, date(2026, 3, 9))
    record_meeting(db, case.id, held)
    record_meeting(db, case.id, replace(held, kind=MeetingKind.PRE_CONFERENCE))
    assert home_summary(db, TODAY).meetings == ()
