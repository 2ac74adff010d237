"""A restorative conversation (or a small conference) recorded in one go: the case it opens,
the meeting held, and the agreement made at it.

The people have no ids until they are saved, so inside a conversation a person is named by
their place in the case's participants (0, 1, ...): the meeting's attendees, each summary's and
each answer's `participant_id` and each agreement item's `owner_participant_id` are such
places."""

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime

from rp_desktop.domain.casework.agreements import AgreementFields
from rp_desktop.domain.casework.records import Meeting, MeetingFields
from rp_desktop.domain.casework.validation import validate_agreement, validate_meeting
from rp_desktop.domain.records import Case, CaseFields, Participant
from rp_desktop.domain.validation import FieldProblem, validate_case
from rp_desktop.domain.vocabulary import Role

# A case not saved yet has no moment of its own; validation never reads it.
_UNSAVED = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class ConversationFields:
    """What the conversation window submits. `agreement` is None when nothing was agreed;
    its `made_on` and `meeting_id` are those of the meeting, whatever they hold."""

    case: CaseFields
    meeting: MeetingFields
    agreement: AgreementFields | None = None


def unsaved_case(fields: CaseFields) -> Case:
    """The case as it will be, each participant's id being their place in the list."""
    people = tuple(Participant(place, p, "") for place, p in enumerate(fields.participants))
    return Case(0, fields, "", people, _UNSAVED, _UNSAVED)


def dated_agreement(fields: ConversationFields) -> AgreementFields | None:
    """The agreement, dated the day of the meeting it was made at."""
    if fields.agreement is None:
        return None
    return replace(fields.agreement, made_on=fields.meeting.held_on, meeting_id=None)


def validate_conversation(fields: ConversationFields, today: date) -> list[FieldProblem]:
    """Every problem with the case, the meeting and the agreement, by the fields' own names
    (a meeting's date is `held_on`, the case's `occurred_on`)."""
    problems = validate_case(fields.case, today)
    case = unsaved_case(fields.case)
    problems += validate_meeting(fields.meeting, case, today)
    agreement = dated_agreement(fields)
    if agreement is not None:
        problems += [p for p in validate_agreement(agreement, case, today) if p.field != "made_on"]
    return problems


def facilitator_of(case: Case) -> int | None:
    """The staff member who facilitates the case: its facilitator, or else the first staff
    member on it; None when no staff member is."""
    staff = [p.fields for p in case.participants if p.fields.staff_id is not None]
    chosen = next((p for p in staff if p.role is Role.FACILITATOR), staff[0] if staff else None)
    return chosen.staff_id if chosen else None


def meeting_on(meetings: Iterable[Meeting], day: date) -> int | None:
    """The latest of `meetings` held on `day` (an agreement made that day was made at it)."""
    held = [m for m in meetings if m.fields.held_on == day]
    return max(held, key=lambda m: m.id).id if held else None
