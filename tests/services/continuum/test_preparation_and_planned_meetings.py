"""Preparation and consent, and meetings planned ahead: each participant's pre-conference
checklist saved and read back, a meeting planned for next week that does not move the case on,
marked held or cancelled with the reason, and the consent rule at every branch."""

from dataclasses import replace
from datetime import date, time

import pytest

from rp_desktop.domain.casework.records import ConferenceStep, MeetingFields, conference_progress
from rp_desktop.domain.continuum.kinds import MeetingStatus, Willingness
from rp_desktop.domain.continuum.preparation import PreparationFields
from rp_desktop.domain.timeline import TimelineKind
from rp_desktop.domain.validation import FieldProblem, InvalidInput, Problem
from rp_desktop.domain.vocabulary import AuditAction, CaseStatus, MeetingKind
from rp_desktop.services.casework.case_detail import get_case_detail
from rp_desktop.services.casework.meetings import (
    MeetingNotPlanned,
    cancel_meeting,
    mark_meeting_held,
    record_meeting,
    update_meeting,
)
from rp_desktop.services.continuum.preparation import (
    ParticipantNotFound,
    case_preparations,
    put_preparation,
)
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.students.timeline import student_timeline
from tests.services.casework.setup import TODAY, open_four_person_case, people_of
from tests.services.conftest import Roster, audit_rows, table_count

NEXT_WEEK = date(2026, 3, 17)
CONFERENCE = MeetingKind.FORMAL_CONFERENCE
SECRET = "Zebulon Quarrington"  # invented; typed into the free text of refused input


def test_each_participant_s_preparation_is_saved_and_read_back(
    db: Database, roster: Roster
) -> None:
    case = open_four_person_case(db, roster)
    people = people_of(case)
    before = case_preparations(db, case.id)
    assert [p.participant_id for p in before] == [p.id for p in case.participants]
    assert all(not p.saved and p.fields == PreparationFields() for p in before)

    ana = PreparationFields(
        met_on=date(2026, 3, 4),
        explained=True,
        willingness=Willingness.INDIRECT_LETTER,
        safety_concerns="Not on the same bus",
        supporters_chosen=True,
        supporters="Her aunt",
        consent_on=date(2026, 3, 5),
        note="Would rather write than meet.",
    )
    saved = put_preparation(db, people.harmed.id, ana)
    assert saved.fields == ana
    assert saved.has_safety_concerns
    changed = replace(ana, willingness=Willingness.WILLING, safety_concerns="")
    put_preparation(db, people.harmed.id, changed)
    after = case_preparations(db, case.id)
    assert after[0].fields == changed
    assert after[0].saved
    assert not after[0].has_safety_concerns
    assert [p.saved for p in after[1:]] == [False, False, False]
    assert table_count(db, "preparation") == 1  # one row per participant, replaced

    events = audit_rows(db)[-2:]
    assert [(e.action, e.entity) for e in events] == [
        (AuditAction.CREATE, "preparation"),
        (AuditAction.UPDATE, "preparation"),
    ]
    assert events[0].detail == f"case={case.id} participant={people.harmed.id}"


def test_a_wrong_preparation_is_refused_and_nothing_written(db: Database, roster: Roster) -> None:
    case = open_four_person_case(db, roster)
    people = people_of(case)
    events = len(audit_rows(db))
    wrong = PreparationFields(
        met_on=date(2026, 3, 11), consent_on=date(2026, 3, 5), note=f"{SECRET} asked"
    )
    with pytest.raises(InvalidInput) as info:
        put_preparation(db, people.caused.id, wrong)
    assert info.value.problems == (
        FieldProblem("met_on", Problem.IN_FUTURE),
        FieldProblem("willingness", Problem.REQUIRED),
    )
    assert SECRET.split()[0] not in str(info.value)
    assert table_count(db, "preparation") == 0
    assert len(audit_rows(db)) == events
    with pytest.raises(ParticipantNotFound):
        put_preparation(db, 9999, PreparationFields())


def test_a_planned_meeting_is_dated_ahead_and_leaves_the_case_where_it_was(
    db: Database, roster: Roster
) -> None:
    case = open_four_person_case(db, roster)
    planned = MeetingFields(
        CONFERENCE, NEXT_WEEK, status=MeetingStatus.PLANNED, starts_at=time(10, 30)
    )
    saved = record_meeting(db, case.id, planned)
    assert saved.fields == planned
    assert get_case_detail(db, case.id).case.fields.status is CaseStatus.OPEN
    # Held ones are never in the future; a planned one is never before the case.
    with pytest.raises(InvalidInput) as info:
        record_meeting(db, case.id, replace(planned, status=MeetingStatus.HELD))
    assert FieldProblem("held_on", Problem.IN_FUTURE) in info.value.problems
    with pytest.raises(InvalidInput) as info:
        record_meeting(db, case.id, replace(planned, held_on=date(2026, 3, 1)))
    assert info.value.problems == (FieldProblem("held_on", Problem.BEFORE_CASE),)


def test_a_cancelled_meeting_says_why(db: Database, roster: Roster) -> None:
    case = open_four_person_case(db, roster)
    planned = record_meeting(
        db, case.id, MeetingFields(CONFERENCE, NEXT_WEEK, status=MeetingStatus.PLANNED)
    )
    with pytest.raises(InvalidInput) as info:
        cancel_meeting(db, planned.id, "   ")
    assert info.value.problems == (FieldProblem("cancel_reason", Problem.REQUIRED),)
    cancelled = cancel_meeting(db, planned.id, "The family could not come")
    assert cancelled.fields.status is MeetingStatus.CANCELLED
    assert cancelled.fields.cancel_reason == "The family could not come"
    assert get_case_detail(db, case.id).case.fields.status is CaseStatus.OPEN
    event = audit_rows(db)[-1]
    assert (event.action, event.entity, event.entity_id) == (
        AuditAction.UPDATE,
        "meeting",
        planned.id,
    )
    assert event.detail == f"case={case.id} status=cancelled"
    with pytest.raises(MeetingNotPlanned):
        mark_meeting_held(db, planned.id)
    with pytest.raises(MeetingNotPlanned):
        cancel_meeting(db, planned.id, "Again")


def test_marking_held_waits_for_the_person_harmed_s_choice(db: Database, roster: Roster) -> None:
    case = open_four_person_case(db, roster)
    people = people_of(case)
    planned = record_meeting(
        db, case.id, MeetingFields(CONFERENCE, date(2026, 3, 9), status=MeetingStatus.PLANNED)
    )
    # Nobody asked Ana: refused, with the words for a choice not recorded.
    with pytest.raises(InvalidInput) as info:
        mark_meeting_held(db, planned.id)
    assert info.value.problems == (FieldProblem("proceed_reason", Problem.CHOICE_NOT_RECORDED),)
    assert get_case_detail(db, case.id).meetings[0].fields.status is MeetingStatus.PLANNED

    # Ana chose to meet: held on the day it was planned for, and the case moves on.
    put_preparation(db, people.harmed.id, PreparationFields(willingness=Willingness.WILLING))
    held = mark_meeting_held(db, planned.id)
    assert held.fields.status is MeetingStatus.HELD
    assert held.fields.held_on == date(2026, 3, 9)
    assert get_case_detail(db, case.id).case.fields.status is CaseStatus.MEETING_HELD
    assert audit_rows(db)[-1].detail == f"case={case.id} status=held"


def test_a_meeting_planned_ahead_and_held_early_is_held_today(db: Database, roster: Roster) -> None:
    case = open_four_person_case(db, roster)
    planned = record_meeting(
        db,
        case.id,
        MeetingFields(
            MeetingKind.RESTORATIVE_CONVERSATION, NEXT_WEEK, status=MeetingStatus.PLANNED
        ),
    )
    assert mark_meeting_held(db, planned.id).fields.held_on == TODAY


@pytest.mark.parametrize(
    "choice",
    [Willingness.INDIRECT_LETTER, Willingness.INDIRECT_GO_BETWEEN, Willingness.NOT_WILLING],
)
def test_going_ahead_without_the_person_harmed_needs_a_reason(
    db: Database, roster: Roster, choice: Willingness
) -> None:
    case = open_four_person_case(db, roster)
    people = people_of(case)
    put_preparation(db, people.harmed.id, PreparationFields(willingness=choice))
    planned = record_meeting(
        db,
        case.id,
        MeetingFields(MeetingKind.REPAIR_HARM_CIRCLE, TODAY, status=MeetingStatus.PLANNED),
    )
    with pytest.raises(InvalidInput) as info:
        mark_meeting_held(db, planned.id)
    assert info.value.problems == (FieldProblem("proceed_reason", Problem.CHOSE_NOT_TO_MEET),)
    reason = "Ana chose a letter; the circle went ahead without her"
    held = mark_meeting_held(db, planned.id, proceed_reason=reason)
    assert held.fields.status is MeetingStatus.HELD
    assert held.fields.proceed_reason == reason


def test_a_reason_lets_a_conference_go_ahead_unasked(db: Database, roster: Roster) -> None:
    case = open_four_person_case(db, roster)
    fields = MeetingFields(MeetingKind.RE_ENTRY_CIRCLE, TODAY)
    with pytest.raises(InvalidInput) as info:
        record_meeting(db, case.id, fields)
    assert info.value.problems == (FieldProblem("proceed_reason", Problem.CHOICE_NOT_RECORDED),)
    saved = record_meeting(db, case.id, replace(fields, proceed_reason="Return day was set"))
    # Correcting it to a kind the rule does not cover needs no reason any more.
    fixed = update_meeting(db, saved.id, replace(fields, kind=MeetingKind.RESTORATIVE_CONVERSATION))
    assert fixed.fields.proceed_reason == ""


def test_a_planned_conference_is_not_a_step_done(db: Database, roster: Roster) -> None:
    case = open_four_person_case(db, roster)
    planned = MeetingFields(CONFERENCE, NEXT_WEEK, status=MeetingStatus.PLANNED)
    record_meeting(db, case.id, planned)
    everyone = frozenset(p.id for p in case.participants)
    called_off = MeetingFields(
        MeetingKind.PRE_CONFERENCE,
        TODAY,
        attendee_ids=everyone,
        status=MeetingStatus.CANCELLED,
        cancel_reason="Absent",
    )
    record_meeting(db, case.id, called_off)
    steps = dict(conference_progress(get_case_detail(db, case.id)))
    assert steps[ConferenceStep.CONFERENCE] is False
    assert steps[ConferenceStep.PRE_CONFERENCES] is False


def test_a_student_s_timeline_shows_meetings_held_only(db: Database, roster: Roster) -> None:
    case = open_four_person_case(db, roster)
    everyone = frozenset(p.id for p in case.participants)
    planned = MeetingFields(
        MeetingKind.AGREEMENT_FOLLOW_UP,
        NEXT_WEEK,
        attendee_ids=everyone,
        status=MeetingStatus.PLANNED,
    )
    ahead = record_meeting(db, case.id, planned).id
    held = record_meeting(db, case.id, replace(planned, held_on=TODAY, status=MeetingStatus.HELD))
    shown = {
        e.record_id for e in student_timeline(db, roster.ana.id) if e.kind is TimelineKind.MEETING
    }
    assert shown == {held.id}
    assert ahead not in shown


def test_correcting_a_meeting_held_does_not_ask_again(db: Database, roster: Roster) -> None:
    case = open_four_person_case(db, roster)
    # Held before the rule (or with a reason then): its notes are corrected later.
    held = MeetingFields(CONFERENCE, TODAY, proceed_reason="Went ahead on the day")
    saved = record_meeting(db, case.id, held)
    fixed = update_meeting(db, saved.id, replace(held, proceed_reason="", notes="Ended early"))
    assert fixed.fields.notes == "Ended early"
    # Held as a conversation, then corrected to a repair-harm circle: that is marking one held.
    talk = record_meeting(db, case.id, MeetingFields(MeetingKind.RESTORATIVE_CONVERSATION, TODAY))
    with pytest.raises(InvalidInput) as info:
        update_meeting(db, talk.id, MeetingFields(MeetingKind.REPAIR_HARM_CIRCLE, TODAY))
    assert info.value.problems == (FieldProblem("proceed_reason", Problem.CHOICE_NOT_RECORDED),)
