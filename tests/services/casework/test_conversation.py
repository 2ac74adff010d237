"""A restorative conversation recorded in one go: case, meeting (a short summary per person, the
answers word for word only when kept) and agreement in one transaction, people named by their
place until they have ids."""

from dataclasses import replace
from datetime import date

import pytest

from rp_desktop.domain.casework.conversation import ConversationFields
from rp_desktop.domain.casework.records import (
    AgreementFields,
    AgreementItemFields,
    AnswerFields,
    MeetingFields,
    RestorativeQuestion,
)
from rp_desktop.domain.records import CaseFields, ParticipantFields
from rp_desktop.domain.validation import FieldProblem, InvalidInput, Problem
from rp_desktop.domain.vocabulary import AuditAction, CaseStatus, MeetingKind, Role, Tier
from rp_desktop.services import drafts
from rp_desktop.services.casework.case_detail import get_case_detail
from rp_desktop.services.casework.conversation import record_conversation
from rp_desktop.services.safekeeping.database import Database
from tests.services.conftest import Roster, audit_rows, table_count

Q = RestorativeQuestion
TODAY = date(2026, 3, 10)


SUMMARIES = ((0, "Owned up; will say sorry at lunch"), (1, "Embarrassed; wants space in line"))
ANSWERS = (
    AnswerFields(0, Q.WHAT_HAPPENED, "I pushed in the line."),
    AnswerFields(1, Q.HARDEST_THING, "Everyone saw it."),
)


def conversation(
    roster: Roster, *, agreement: bool = True, kept: bool = False
) -> ConversationFields:
    """Liam caused harm (place 0), Ana was harmed (place 1), Rosa facilitates (place 2). Each
    student's words are summed up; with `kept`, their answers are kept word for word too."""
    case = CaseFields(
        tier=Tier.TARGETED,
        occurred_on=TODAY,
        category_id=roster.category_id,
        description="Pushing in the lunch line.",
        participants=(
            ParticipantFields(Role.PERSON_WHO_CAUSED_HARM, student_id=roster.liam.id),
            ParticipantFields(Role.PERSON_HARMED, student_id=roster.ana.id),
            ParticipantFields(Role.FACILITATOR, staff_id=roster.counselor_id),
        ),
    )
    meeting = MeetingFields(
        kind=MeetingKind.RESTORATIVE_CONVERSATION,
        held_on=TODAY,
        facilitator_id=roster.counselor_id,
        attendee_ids=frozenset({0, 1, 2}),
        summaries=SUMMARIES,
        keep_answers=kept,
        answers=ANSWERS if kept else (),
    )
    made = AgreementFields(
        made_on=None,
        items=(
            AgreementItemFields("Say sorry at lunch", owner_participant_id=0, due_on=TODAY),
            AgreementItemFields(
                "Check in on Friday", owner_staff_id=roster.counselor_id, due_on=TODAY
            ),
        ),
    )
    return ConversationFields(case, meeting, made if agreement else None)


def test_a_conversation_saves_the_case_its_meeting_summaries_and_agreement(
    db: Database, roster: Roster
) -> None:
    saved = record_conversation(db, conversation(roster))
    detail = get_case_detail(db, saved.case_id)
    liam, ana, rosa = detail.case.participants
    assert (liam.fields.role, ana.fields.role) == (Role.PERSON_WHO_CAUSED_HARM, Role.PERSON_HARMED)
    (meeting,) = detail.meetings
    assert meeting.id == saved.meeting_id
    assert meeting.fields.attendee_ids == {liam.id, ana.id, rosa.id}
    assert meeting.fields.facilitator_id == roster.counselor_id
    assert meeting.fields.summaries == (
        (liam.id, "Owned up; will say sorry at lunch"),
        (ana.id, "Embarrassed; wants space in line"),
    )
    assert (meeting.fields.keep_answers, meeting.fields.answers) == (False, ())
    assert table_count(db, "meeting_answer") == 0
    (agreement,) = detail.agreements
    assert agreement.id == saved.agreement_id
    assert (agreement.made_on, agreement.meeting_id) == (TODAY, meeting.id)
    first, second = agreement.items
    assert first.fields.owner_participant_id == liam.id
    assert second.fields.owner_staff_id == roster.counselor_id
    assert detail.case.fields.status is CaseStatus.AGREEMENT_MADE
    actions = [(e.action, e.entity) for e in audit_rows(db)][-3:]
    assert actions == [
        (AuditAction.CREATE, "case"),
        (AuditAction.CREATE, "meeting"),
        (AuditAction.CREATE, "agreement"),
    ]


def test_a_conversation_keeps_the_answers_word_for_word_only_when_asked(
    db: Database, roster: Roster
) -> None:
    saved = record_conversation(db, conversation(roster, kept=True))
    (meeting,) = get_case_detail(db, saved.case_id).meetings
    liam, ana = meeting.attendees[:2]
    assert meeting.fields.keep_answers
    assert meeting.fields.answers == (
        AnswerFields(liam.id, Q.WHAT_HAPPENED, "I pushed in the line."),
        AnswerFields(ana.id, Q.HARDEST_THING, "Everyone saw it."),
    )
    assert dict(meeting.fields.summaries)[liam.id] == "Owned up; will say sorry at lunch"


def test_answers_sent_without_keeping_them_are_refused_not_dropped(
    db: Database, roster: Roster
) -> None:
    fields = conversation(roster)
    unkept = replace(fields, meeting=replace(fields.meeting, answers=ANSWERS))
    with pytest.raises(InvalidInput) as refused:
        record_conversation(db, unkept)
    assert refused.value.problems == (FieldProblem("answers", Problem.ANSWERS_NOT_KEPT),)
    for table in ("case", "meeting", "meeting_answer", "agreement"):
        assert table_count(db, table) == 0


def test_a_conversation_without_an_agreement_leaves_the_case_at_meeting_held(
    db: Database, roster: Roster
) -> None:
    saved = record_conversation(db, conversation(roster, agreement=False))
    detail = get_case_detail(db, saved.case_id)
    assert saved.agreement_id is None
    assert not detail.agreements
    assert detail.case.fields.status is CaseStatus.MEETING_HELD


def test_every_problem_is_said_at_once_and_nothing_is_written(db: Database, roster: Roster) -> None:
    fields = conversation(roster)
    bad = replace(
        fields,
        case=replace(fields.case, description=" ", category_id=None),
        meeting=replace(
            fields.meeting,
            facilitator_id=9999,
            keep_answers=True,
            answers=(AnswerFields(2, Q.WHAT_HAPPENED, "The facilitator answers nothing."),),
        ),
        agreement=AgreementFields(None, items=(AgreementItemFields("", 0, due_on=TODAY),)),
    )
    with pytest.raises(InvalidInput) as refused:
        record_conversation(db, bad)
    assert set(refused.value.problems) == {
        FieldProblem("description", Problem.REQUIRED),
        FieldProblem("category_id", Problem.REQUIRED),
        FieldProblem("answers", Problem.QUESTION_NOT_FOR_ROLE, index=0),
        FieldProblem("items.description", Problem.REQUIRED, index=0),
        FieldProblem("facilitator_id", Problem.UNKNOWN),
    }
    for table in ("case", "case_participant", "meeting", "agreement"):
        assert table_count(db, table) == 0


def test_the_meeting_may_not_come_before_what_happened(db: Database, roster: Roster) -> None:
    fields = conversation(roster)
    early = replace(fields, meeting=replace(fields.meeting, held_on=date(2026, 3, 9)))
    with pytest.raises(InvalidInput) as refused:
        record_conversation(db, early)
    assert list(refused.value.problems) == [FieldProblem("held_on", Problem.BEFORE_CASE)]


def test_saving_the_conversation_deletes_its_draft_in_the_same_transaction(
    db: Database, roster: Roster
) -> None:
    drafts.save_draft(db, "conversation:new:abc", "conversation", None, "New conversation", {})
    record_conversation(db, conversation(roster), replaces_draft="conversation:new:abc")
    assert drafts.get_draft(db, "conversation:new:abc") is None
