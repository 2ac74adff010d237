"""What the printed agreement shows besides its words: who signs it, and the order of its items.

Those who sign are those who made the agreement: the people present at the meeting it was made
at (the meeting's facilitator among them), never a witness, never someone who was not there.
An agreement made at no meeting, or at one whose attendance was not recorded, is signed by the
case's own people who are not witnesses. Items are listed by the day they are due, the soonest
first; an item with no date comes after every dated one."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from rp_desktop.domain.casework.agreements import Agreement, AgreementItem
from rp_desktop.domain.casework.records import CaseDetail, Meeting
from rp_desktop.domain.records import Participant
from rp_desktop.domain.vocabulary import Role

# Who signs first: the people the harm was between, then those who support them, then staff.
SIGNING_ORDER = (
    Role.PERSON_HARMED,
    Role.PERSON_WHO_CAUSED_HARM,
    Role.SUPPORTER,
    Role.FAMILY_MEMBER,
    Role.STAFF,
    Role.FACILITATOR,
)


@dataclass(frozen=True, slots=True)
class Signer:
    """One person who signs, and their part in the case."""

    name: str
    role: Role


def signers(detail: CaseDetail, agreement: Agreement) -> tuple[Signer, ...]:
    """Those who sign `agreement` of the case `detail`, in SIGNING_ORDER (and, within a role,
    in the order the meeting or the case lists them)."""
    meeting = next((m for m in detail.meetings if m.id == agreement.meeting_id), None)
    if meeting is not None and meeting.attendees:
        found = _people(meeting.attendees) + _facilitator(meeting)
    else:
        found = _people(detail.case.participants)
    return tuple(sorted(found, key=lambda signer: SIGNING_ORDER.index(signer.role)))


def items_in_order(items: Iterable[AgreementItem]) -> tuple[AgreementItem, ...]:
    """`items` by due date, soonest first, undated last; items due the same day (and undated
    ones) keep the order they were written in."""
    return tuple(sorted(items, key=_due_key))


def _due_key(item: AgreementItem) -> tuple[bool, date]:
    due = item.fields.due_on
    return (due is None, due or date.min)


def _people(participants: Iterable[Participant]) -> list[Signer]:
    return [
        Signer(p.display_name, p.fields.role)
        for p in participants
        if p.fields.role is not None and p.fields.role is not Role.WITNESS
    ]


def _facilitator(meeting: Meeting) -> list[Signer]:
    """The meeting's facilitator, when not already among those present (a staff member can
    lead a meeting without being one of the case's people)."""
    staff_id = meeting.fields.facilitator_id
    present = {p.fields.staff_id for p in meeting.attendees}
    if staff_id is None or staff_id in present or not meeting.facilitator_name:
        return []
    return [Signer(meeting.facilitator_name, Role.FACILITATOR)]


def family_may_read_owner(detail: CaseDetail, item: AgreementItem, student_id: int | None) -> bool:
    """Whether a letter home to the family of `student_id` may name the owner of `item`: their
    own student, a staff member, or no one in particular. Another child (or someone else on the
    case) is not named: a letter leaves the school, and the other child's name is not this
    family's to read; their item stays, so the family sees what was agreed to make things
    right."""
    owner = item.fields.owner_participant_id
    if owner is None:
        return True  # a staff member's item, or no one's
    person = next((p for p in detail.case.participants if p.id == owner), None)
    if person is None:
        return False
    fields = person.fields
    if fields.staff_id is not None or fields.role in (Role.STAFF, Role.FACILITATOR):
        return True
    return student_id is not None and fields.student_id == student_id
