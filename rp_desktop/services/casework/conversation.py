"""A restorative conversation recorded in one go: the case, the meeting with who came and a
short summary of what each said (their answers word for word only when kept), and the agreement
made at it, in one transaction (all of it is saved, or nothing)."""

from dataclasses import dataclass, replace

from sqlalchemy.orm import Session

from rp_desktop.domain.casework.conversation import (
    ConversationFields,
    dated_agreement,
    validate_conversation,
)
from rp_desktop.domain.casework.records import AgreementFields, MeetingFields
from rp_desktop.services import drafts
from rp_desktop.services.casework.agreements import put_agreement
from rp_desktop.services.casework.cases import add_case, case_record, unknown_references
from rp_desktop.services.casework.checks import refuse, unknown_staff
from rp_desktop.services.casework.meetings import add_meeting
from rp_desktop.services.safekeeping.database import Database


@dataclass(frozen=True, slots=True)
class ConversationSaved:
    """The ids of what was saved; `agreement_id` is None when nothing was agreed."""

    case_id: int
    meeting_id: int
    agreement_id: int | None


def record_conversation(
    db: Database, fields: ConversationFields, *, replaces_draft: str | None = None
) -> ConversationSaved:
    """Open the case, record the meeting on it and the agreement made at it. Every problem is
    found before anything is written, and said at once (InvalidInput)."""
    problems = validate_conversation(fields, db.today())
    with Session(db.engine) as session, session.begin():
        drafts.delete_replaced(session, replaces_draft)
        problems += unknown_references(session, fields.case)
        problems += unknown_staff(session, "facilitator_id", fields.meeting.facilitator_id)
        agreement = dated_agreement(fields)
        for index, item in enumerate(agreement.items if agreement else ()):
            problems += unknown_staff(session, "items.owner", item.owner_staff_id, index)
        refuse(problems)
        case_row = add_case(session, db, fields.case)
        ids = [participant.id for participant in case_row.participants]
        case = case_record(session, case_row)
        meeting_row = add_meeting(session, db, case_row, case, _meeting(fields.meeting, ids))
        agreement_id = None
        if agreement is not None:
            agreement = replace(_agreement(agreement, ids), meeting_id=meeting_row.id)
            agreement_id = put_agreement(session, db, case_row, case, agreement).id
        return ConversationSaved(case_row.id, meeting_row.id, agreement_id)


def _meeting(fields: MeetingFields, ids: list[int]) -> MeetingFields:
    """The meeting with each person named by their new id instead of their place."""
    return replace(
        fields,
        attendee_ids=frozenset(ids[place] for place in fields.attendee_ids),
        answers=tuple(replace(a, participant_id=ids[a.participant_id]) for a in fields.answers),
        summaries=tuple((ids[place], text) for place, text in fields.summaries),
    )


def _agreement(fields: AgreementFields, ids: list[int]) -> AgreementFields:
    items = tuple(
        item
        if item.owner_participant_id is None
        else replace(item, owner_participant_id=ids[item.owner_participant_id])
        for item in fields.items
    )
    return replace(fields, items=items)
