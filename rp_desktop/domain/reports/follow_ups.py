"""Whether an agreement item with a due date was followed up on time.

A counselor promises to check back by the day an item is due; the report counts how often that
happened. The item's own follow-ups (those linked to it) decide first; a follow-up on the case
linked to no item counts only for an item that was done (the check-in found it done). A
follow-up linked to another item is about that item, not this one.
"""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from rp_desktop.domain.vocabulary import AgreementStatus


class Timeliness(StrEnum):
    """The series of the follow-up report; the value is the measure's name."""

    ON_TIME = "on_time"
    LATE = "late"
    OVERDUE = "overdue"
    NOT_YET_DUE = "not_yet_due"


@dataclass(frozen=True, slots=True)
class ItemFollowUp:
    """One agreement item and the follow-ups that bear on it.

    `first_linked`: the first follow-up linked to the item; `first_on_case`: the first follow-up
    on the item's case linked to no item, dated on or after the agreement was made."""

    due_on: date
    status: AgreementStatus
    first_linked: date | None = None
    first_on_case: date | None = None


def timeliness(item: ItemFollowUp, today: date) -> Timeliness:
    """How the follow-up of `item` stands on `today`:

    - on time: its first linked follow-up is dated on or before the due day, or (none linked)
      the item is done and a follow-up on its case came on or before the due day;
    - late: its first linked follow-up came after the due day, or (none linked) the item was
      settled (done, missed or renegotiated) and the due day passed without a follow-up;
    - overdue: no follow-up, the due day has passed, and the item is still open;
    - not yet due: no follow-up, and the due day is today or later.
    """
    due = item.due_on
    if item.first_linked is not None:
        return Timeliness.ON_TIME if item.first_linked <= due else Timeliness.LATE
    done = item.status is AgreementStatus.DONE
    if done and item.first_on_case is not None and item.first_on_case <= due:
        return Timeliness.ON_TIME
    if due >= today:
        return Timeliness.NOT_YET_DUE
    if item.status is AgreementStatus.OPEN:
        return Timeliness.OVERDUE
    return Timeliness.LATE
