"""The meeting a circle run for a case makes, inside the run's transaction: who sat (matched to
the case's people), what each said to the restorative questions when the facilitator chose to
keep the answers, and the agreement the circle made, with the circle as its meeting. Audit
events carry ids and counts only."""

from datetime import date

from sqlalchemy.orm import Session

from rp_desktop.db.models import MeetingAnswerRow, MeetingAttendeeRow, MeetingRow
from rp_desktop.domain.casework.records import AgreementFields, AnswerFields, MeetingFields
from rp_desktop.domain.casework.validation import validate_meeting
from rp_desktop.domain.circle_runs import CircleRunFields
from rp_desktop.domain.records import Case
from rp_desktop.domain.validation import FieldProblem, Problem
from rp_desktop.domain.vocabulary import AuditAction
from rp_desktop.services.audit import record_event
from rp_desktop.services.casework.agreements import put_agreement
from rp_desktop.services.casework.cases import case_record, load_case
from rp_desktop.services.casework.checks import refuse, unknown_staff
from rp_desktop.services.safekeeping.database import Database


def add_run_meeting(
    session: Session, db: Database, fields: CircleRunFields, run_id: int, minutes: int
) -> MeetingRow:
    """The meeting on the case, its answers kept when chosen, and the agreement made; or
    CaseNotFound / InvalidInput, and nothing saved."""
    assert fields.case_id is not None
    case_row = load_case(session, fields.case_id)  # or CaseNotFound
    case = case_record(session, case_row)
    held_on = fields.started_at.astimezone().date()
    meeting_fields = _meeting_fields(case, fields, held_on, minutes)
    _check(session, db, case, fields, meeting_fields)
    meeting = MeetingRow(
        case_id=case.id,
        kind=meeting_fields.kind,
        held_on=held_on,
        facilitator_id=fields.keeper_id,
        duration_minutes=meeting_fields.duration_minutes,
        keep_answers=fields.keep_answers,
    )
    session.add(meeting)
    session.flush()
    _add_people(session, meeting.id, meeting_fields)
    detail = (
        f"case={case.id} attendees={len(meeting_fields.attendee_ids)} "
        f"answers={len(meeting_fields.answers)} run={run_id}"
    )
    record_event(session, db, AuditAction.CREATE, "meeting", meeting.id, detail)
    if fields.agreement:
        agreed = AgreementFields(made_on=held_on, meeting_id=meeting.id, items=fields.agreement)
        put_agreement(session, db, case_row, case, agreed)
    return meeting


def _add_people(session: Session, meeting_id: int, fields: MeetingFields) -> None:
    """Who came, and what each said when the answers are kept."""
    session.add_all(
        MeetingAttendeeRow(meeting_id=meeting_id, participant_id=participant_id)
        for participant_id in sorted(fields.attendee_ids)
    )
    session.add_all(
        MeetingAnswerRow(
            meeting_id=meeting_id,
            participant_id=answer.participant_id,
            question=answer.question.value,
            answer=answer.text,
        )
        for answer in fields.answers
    )
    session.flush()


def _meeting_fields(
    case: Case, fields: CircleRunFields, held_on: date, minutes: int
) -> MeetingFields:
    answers = tuple(
        AnswerFields(note.participant_id, note.question, note.text.strip())
        for note in fields.script_notes
        if note.text.strip()
    )
    return MeetingFields(
        kind=fields.meeting_kind,
        held_on=held_on,
        facilitator_id=fields.keeper_id,
        duration_minutes=minutes,
        attendee_ids=frozenset(seated_participants(case, fields)),
        answers=answers,
        keep_answers=fields.keep_answers,
    )


def _check(
    session: Session,
    db: Database,
    case: Case,
    fields: CircleRunFields,
    meeting: MeetingFields,
) -> None:
    """The meeting's rules (answers only when kept, each to a question the person's role is
    asked), the facilitator on record; a group's agreements belong to a group's circle. The
    consent rule was met when the circle was set up for the case."""
    problems = validate_meeting(meeting, case, db.today())
    problems += unknown_staff(session, "facilitator_id", fields.keeper_id)
    if fields.script_notes and not fields.keep_answers:
        problems.append(FieldProblem("answers", Problem.ANSWERS_NOT_KEPT))
    if fields.group_agreements:
        problems.append(FieldProblem("group_agreements", Problem.OUT_OF_RANGE))
    refuse(_once(problems))


def _once(problems: list[FieldProblem]) -> list[FieldProblem]:
    return list(dict.fromkeys(problems))


def seated_participants(case: Case, fields: CircleRunFields) -> set[int]:
    """The case's participants who sat in the circle: those the console placed by their part
    in the case, and those matched by who they are (a student, staff, a caregiver on record).
    Someone named only in the case has no seat to match unless placed."""
    placed = {p.participant_id for p in fields.seats if p.participant_id is not None}
    students = {p.student_id for p in fields.seats if p.student_id is not None}
    staff = {p.staff_id for p in fields.seats if p.staff_id is not None}
    caregivers = {p.caregiver_id for p in fields.seats if p.caregiver_id is not None}
    return {
        participant.id
        for participant in case.participants
        if participant.id in placed
        or (participant.fields.student_id is not None and participant.fields.student_id in students)
        or (participant.fields.staff_id is not None and participant.fields.staff_id in staff)
        or (
            participant.fields.caregiver_id is not None
            and participant.fields.caregiver_id in caregivers
        )
    }
