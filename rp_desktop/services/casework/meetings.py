"""Meetings on a case: recording one with who was there, a short summary of what each person
said, and (only when the facilitator chose to keep them) their answers to the restorative
questions word for word; correcting it later. A meeting may be planned ahead, then marked held
or cancelled with the reason; only a held one moves the case's status forward."""

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from sqlalchemy.orm import Session

from rp_desktop.db.models import CaseRow, MeetingAnswerRow, MeetingAttendeeRow, MeetingRow
from rp_desktop.domain.casework.records import Meeting, MeetingFields, status_after_meeting
from rp_desktop.domain.casework.validation import validate_meeting
from rp_desktop.domain.continuum.kinds import MeetingStatus
from rp_desktop.domain.records import Case
from rp_desktop.domain.vocabulary import AuditAction, CaseStatus
from rp_desktop.services import drafts
from rp_desktop.services.audit import record_event
from rp_desktop.services.casework.cases import case_record, load_case
from rp_desktop.services.casework.checks import refuse, touch, unknown_staff
from rp_desktop.services.casework.reading import meeting_record, people_of
from rp_desktop.services.continuum.preparation import harmed_choices
from rp_desktop.services.safekeeping.database import Database


class MeetingNotFound(LookupError):
    def __init__(self, meeting_id: int) -> None:
        super().__init__(f"There is no meeting with id {meeting_id}.")


def record_meeting(
    db: Database, case_id: int, fields: MeetingFields, *, replaces_draft: str | None = None
) -> Meeting:
    """Record a meeting held on the case. Answers are kept word for word only with
    `keep_answers` (sent without it, they are refused); answers and summaries left empty are
    not kept. The case's status moves on to "meeting held" (or "following up" for an
    agreement follow-up meeting)."""
    with Session(db.engine) as session, session.begin():
        drafts.delete_replaced(session, replaces_draft)
        case_row = load_case(session, case_id)
        case = case_record(session, case_row)
        row = add_meeting(session, db, case_row, case, fields)
        return meeting_record(session, row, people_of(case))


def add_meeting(
    session: Session, db: Database, case_row: CaseRow, case: Case, fields: MeetingFields
) -> MeetingRow:
    """Record a meeting on `case` (read from `case_row`) inside the caller's transaction, or
    raise InvalidInput."""
    fields = _checked(session, db, fields, case)
    row = MeetingRow(case_id=case.id)
    _fill(row, fields)
    session.add(row)
    touch(case_row, db, _reached(fields))
    session.flush()
    record_event(session, db, AuditAction.CREATE, "meeting", row.id, _counts(case.id, fields))
    return row


def update_meeting(
    db: Database, meeting_id: int, fields: MeetingFields, *, replaces_draft: str | None = None
) -> Meeting:
    """Correct a meeting: its date, kind, facilitator, who was there, the summaries and the
    answers. Unticking `keep_answers` removes the answers kept word for word; the audit trail
    says how many, never what they were."""
    with Session(db.engine) as session, session.begin():
        drafts.delete_replaced(session, replaces_draft)
        row = session.get(MeetingRow, meeting_id)
        if row is None:
            raise MeetingNotFound(meeting_id)
        case_row = load_case(session, row.case_id)
        case = case_record(session, case_row)
        removed = 0 if fields.keep_answers else len(row.answers)
        fields = _checked(session, db, fields, case, was=row)
        _fill(row, fields)
        touch(case_row, db, _reached(fields))
        session.flush()
        detail = _counts(row.case_id, fields) + (f" answers_removed={removed}" if removed else "")
        record_event(session, db, AuditAction.UPDATE, "meeting", row.id, detail)
        return meeting_record(session, row, people_of(case))


class MeetingNotPlanned(ValueError):
    def __init__(self, meeting_id: int) -> None:
        super().__init__(f"Meeting {meeting_id} is not planned: it was held or cancelled.")


def mark_meeting_held(
    db: Database, meeting_id: int, *, held_on: date | None = None, proceed_reason: str = ""
) -> Meeting:
    """A planned meeting took place: on `held_on`, or on the day it was planned for (today if
    that is still ahead). The consent rule applies (InvalidInput on "proceed_reason" when a
    reason to go ahead is needed and not given); the case's status moves forward."""
    day = held_on

    def held(fields: MeetingFields, today: date) -> MeetingFields:
        planned_for = fields.held_on or today
        return replace(
            fields,
            status=MeetingStatus.HELD,
            held_on=day or min(planned_for, today),
            proceed_reason=proceed_reason or fields.proceed_reason,
        )

    return _change_planned(db, meeting_id, held, "held")


def cancel_meeting(db: Database, meeting_id: int, reason: str) -> Meeting:
    """A planned meeting will not take place; `reason` says why (InvalidInput on
    "cancel_reason" when it is empty). The case's status stays where it was."""

    def cancelled(fields: MeetingFields, _today: date) -> MeetingFields:
        return replace(fields, status=MeetingStatus.CANCELLED, cancel_reason=reason)

    return _change_planned(db, meeting_id, cancelled, "cancelled")


def _change_planned(
    db: Database,
    meeting_id: int,
    change: Callable[[MeetingFields, date], MeetingFields],
    outcome: str,
) -> Meeting:
    with Session(db.engine) as session, session.begin():
        row = session.get(MeetingRow, meeting_id)
        if row is None:
            raise MeetingNotFound(meeting_id)
        if row.status is not MeetingStatus.PLANNED:
            raise MeetingNotPlanned(meeting_id)
        case_row = load_case(session, row.case_id)
        case = case_record(session, case_row)
        saved = meeting_record(session, row, people_of(case))
        fields = _checked(session, db, change(saved.fields, db.today()), case)
        _fill(row, fields)
        touch(case_row, db, _reached(fields))
        session.flush()
        detail = f"case={row.case_id} status={outcome}"
        record_event(session, db, AuditAction.UPDATE, "meeting", row.id, detail)
        return meeting_record(session, row, people_of(case))


def _reached(fields: MeetingFields) -> CaseStatus | None:
    """The step the case reaches: only a meeting that took place moves it forward."""
    if fields.status is MeetingStatus.HELD:
        return status_after_meeting(fields.kind)
    return None


def _checked(
    session: Session,
    db: Database,
    fields: MeetingFields,
    case: Case,
    *,
    was: MeetingRow | None = None,
) -> MeetingFields:
    fields = replace(
        fields,
        answers=tuple(a for a in fields.answers if a.text.strip()),
        summaries=tuple((pid, text) for pid, text in fields.summaries if text.strip()),
    )
    # The consent rule is for marking a meeting held: correcting one already held as a meeting
    # of the same kind (notes, who came) does not ask again.
    held_already = was is not None and was.status is MeetingStatus.HELD and was.kind == fields.kind
    choices = [] if held_already else harmed_choices(session, case.id)
    problems = validate_meeting(fields, case, db.today(), choices)
    problems += unknown_staff(session, "facilitator_id", fields.facilitator_id)
    refuse(problems)
    return fields


def _fill(row: MeetingRow, fields: MeetingFields) -> None:
    assert fields.held_on is not None  # validated
    row.kind = fields.kind
    row.held_on = fields.held_on
    row.facilitator_id = fields.facilitator_id
    row.duration_minutes = fields.duration_minutes
    row.notes = fields.notes
    row.status = fields.status
    row.starts_at = fields.starts_at
    row.cancel_reason = fields.cancel_reason
    row.proceed_reason = fields.proceed_reason
    row.keep_answers = fields.keep_answers
    present = {a.participant_id for a in row.attendees}
    row.attendees = [a for a in row.attendees if a.participant_id in fields.attendee_ids] + [
        MeetingAttendeeRow(participant_id=p) for p in sorted(fields.attendee_ids - present)
    ]
    summaries = dict(fields.summaries)
    for attendee in row.attendees:
        attendee.summary = summaries.get(attendee.participant_id, "")
    # Without keep_answers there are none (validated): unticking it removes those kept.
    row.answers = [
        MeetingAnswerRow(participant_id=a.participant_id, question=a.question.value, answer=a.text)
        for a in fields.answers
        if fields.keep_answers
    ]


def _counts(case_id: int, fields: MeetingFields) -> str:
    return f"case={case_id} attendees={len(fields.attendee_ids)} answers={len(fields.answers)}"
