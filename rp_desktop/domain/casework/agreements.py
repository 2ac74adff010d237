"""Agreements on a case: what a form submits for an agreement and its items, the saved
agreement with each item's owner named, and how much of it was done."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from rp_desktop.domain.vocabulary import AgreementStatus


@dataclass(frozen=True, slots=True)
class AgreementItemFields:
    """One thing someone agrees to do: its owner is a participant of the case or a staff
    member."""

    description: str
    owner_participant_id: int | None = None
    owner_staff_id: int | None = None
    due_on: date | None = None
    status: AgreementStatus = AgreementStatus.OPEN


@dataclass(frozen=True, slots=True)
class AgreementFields:
    made_on: date | None
    meeting_id: int | None = None
    notes: str = ""
    items: tuple[AgreementItemFields, ...] = ()


@dataclass(frozen=True, slots=True)
class AgreementItem:
    id: int
    fields: AgreementItemFields
    owner_name: str


def completion_rate(statuses: Iterable[AgreementStatus]) -> float | None:
    """The share of items done, among items that still count: a renegotiated item was replaced
    by a new commitment, so it counts neither way. None when no item counts."""
    counted = [s for s in statuses if s is not AgreementStatus.RENEGOTIATED]
    if not counted:
        return None
    return sum(s is AgreementStatus.DONE for s in counted) / len(counted)


@dataclass(frozen=True, slots=True)
class Agreement:
    id: int
    case_id: int
    made_on: date
    meeting_id: int | None
    notes: str
    items: tuple[AgreementItem, ...]

    @property
    def completion_rate(self) -> float | None:
        return completion_rate(item.fields.status for item in self.items)
