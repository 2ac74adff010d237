"""A student's timeline tells a closed case by its category and outcome, never by the student's
harm role; an open case keeps the role for the staff working it. Liam O'Brien (tests/services/
conftest.py's roster) caused harm in two cases: one closed with the agreement kept, one open."""

from datetime import date

from rp_desktop.domain.casework.records import MeetingFields
from rp_desktop.domain.timeline import TimelineKind, role_while_open
from rp_desktop.domain.vocabulary import (
    CaseStatus,
    ClosureReason,
    MeetingKind,
    Role,
)
from rp_desktop.services.casework.case_detail import close_case, record_meeting
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.students.timeline import student_timeline
from tests.services.casework.setup import open_four_person_case, people_of
from tests.services.conftest import Roster


def test_the_role_is_shown_only_while_the_case_is_open() -> None:
    assert role_while_open(Role.PERSON_WHO_CAUSED_HARM, closed=False) is Role.PERSON_WHO_CAUSED_HARM
    assert role_while_open(Role.PERSON_WHO_CAUSED_HARM, closed=True) is None
    assert role_while_open(Role.PERSON_HARMED, closed=True) is None


def test_a_closed_case_by_category_and_outcome_an_open_one_by_role(
    db: Database, roster: Roster
) -> None:
    closed = open_four_person_case(db, roster)
    record_meeting(
        db,
        closed.id,
        MeetingFields(
            MeetingKind.RESTORATIVE_CONVERSATION,
            date(2026, 3, 3),
            attendee_ids=frozenset({people_of(closed).caused.id}),
        ),
    )
    close_case(db, closed.id, ClosureReason.AGREEMENT_KEPT, date(2026, 3, 9))
    still_open = open_four_person_case(db, roster)
    entries = student_timeline(db, roster.liam.id)
    by_case = {
        (e.case_id, e.kind): e
        for e in entries
        if e.kind in (TimelineKind.CASE, TimelineKind.MEETING)
    }
    shut = by_case[closed.id, TimelineKind.CASE]
    assert shut.status == CaseStatus.CLOSED
    assert shut.role is None
    assert shut.outcome == ClosureReason.AGREEMENT_KEPT
    assert shut.text == closed.category_name
    # Nothing else of the closed case carries the role either.
    assert by_case[closed.id, TimelineKind.MEETING].role is None
    assert all(e.role is None for e in entries if e.case_id == closed.id)
    working = by_case[still_open.id, TimelineKind.CASE]
    assert working.role is Role.PERSON_WHO_CAUSED_HARM
    assert working.outcome is None
    # The person harmed's timeline: the same, with their own role on the open case only.
    ana = {e.case_id: e for e in student_timeline(db, roster.ana.id) if e.kind is TimelineKind.CASE}
    assert (ana[closed.id].role, ana[closed.id].outcome) == (None, ClosureReason.AGREEMENT_KEPT)
    assert ana[still_open.id].role is Role.PERSON_HARMED


def test_closing_again_changes_the_outcome_shown(db: Database, roster: Roster) -> None:
    """Closing again corrects the reason; the outcome on the timeline follows it."""
    case = open_four_person_case(db, roster)
    close_case(db, case.id, ClosureReason.DECLINED, date(2026, 3, 9))
    close_case(db, case.id, ClosureReason.REFERRED, date(2026, 3, 9))
    (entry,) = [e for e in student_timeline(db, roster.liam.id) if e.kind is TimelineKind.CASE]
    assert entry.outcome == ClosureReason.REFERRED
    assert entry.role is None
