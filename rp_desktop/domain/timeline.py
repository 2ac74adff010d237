"""One student's history across the tiers, as a list of dated entries, newest first.

A closed case is told by its category and its outcome (why it was closed), not by the student's
role in it: "person who caused harm", case after case across the years, is a label a child
cannot move on from. The role stays on an open case's entries, for the staff working it."""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from rp_desktop.domain.vocabulary import Role, Tier


class TimelineKind(StrEnum):
    """What an entry on a student's timeline is."""

    CIRCLE = "circle"
    CASE = "case"
    MEETING = "meeting"
    AGREEMENT_ITEM = "agreement_item"
    SUPPORT_PLAN = "support_plan"
    PROGRESS = "progress"
    TIER_CHANGE = "tier_change"
    PRACTICE = "practice"  # everyday practice the student was part of (a chat, a check-in)


# The order things of one day usually happen in: a case is opened, people meet, agree, the case
# may move tier, a plan starts and is checked. Newest first lists them the other way round.
_WITHIN_A_DAY = {
    kind: index
    for index, kind in enumerate(
        (
            TimelineKind.PRACTICE,
            TimelineKind.CIRCLE,
            TimelineKind.CASE,
            TimelineKind.MEETING,
            TimelineKind.AGREEMENT_ITEM,
            TimelineKind.TIER_CHANGE,
            TimelineKind.SUPPORT_PLAN,
            TimelineKind.PROGRESS,
        )
    )
}


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One dated thing in a student's history.

    `record_id` is the id of the record of that kind (a circle, a case, a meeting, ...) and
    `case_id` the case it belongs to, if any. `role` is the student's role in that case while
    it is open, None once it is closed (see `role_while_open`); `outcome` is a closed case's
    ClosureReason value, on the case's own entry.
    `status` is an enum value whose enum depends on the kind:

    | kind           | on                  | status                  | text                  |
    |----------------|---------------------|-------------------------|-----------------------|
    | circle         | held on             | CircleKind              | the circle's purpose  |
    | case           | occurred on         | CaseStatus              | the category's name   |
    | meeting        | held on             | MeetingKind             | the category's name   |
    | agreement_item | due on (or made on) | AgreementStatus         | the item's description|
    | support_plan   | start on            | MonitoringFrequency     | the plan's goal       |
    | progress       | on                  | None (see `rating`)     | the entry's note      |
    | tier_change    | changed on          | None (tier: the new one)| the category's name   |
    | practice       | happened on         | PracticeKind            | the log's note        |

    `text` never holds a person's name that the software put there: no other participant of a
    case, no owner, no facilitator.
    """

    on: date
    kind: TimelineKind
    record_id: int
    case_id: int | None
    tier: Tier | None
    role: Role | None
    status: str | None
    text: str
    rating: int | None = None  # progress entries only
    from_tier: Tier | None = None  # tier changes only
    outcome: str | None = None  # a closed case's entry only: its ClosureReason value


def role_while_open(role: Role | None, closed: bool) -> Role | None:
    """The role a timeline shows for a case: the student's role while the case is open, none
    once it is closed (then its category and outcome tell it)."""
    return None if closed else role


def newest_first(entries: list[TimelineEntry]) -> list[TimelineEntry]:
    """Newest day first; within a day, the latest step first (a meeting above the case it was
    held on, a progress entry above its plan), and the latest record of a kind first."""
    return sorted(entries, key=lambda e: (-e.on.toordinal(), -_WITHIN_A_DAY[e.kind], -e.record_id))


class TimelineShow(StrEnum):
    """What a person can narrow a timeline to; each takes in the kinds that belong with it."""

    CIRCLES = "circles"
    CASES = "cases"  # the cases, their meetings and tier moves
    AGREEMENTS = "agreements"
    PLANS = "plans"  # support plans and their progress
    PRACTICE = "practice"  # everyday practice: chats, check-ins, impromptu conferences


SHOWN_KINDS: dict[TimelineShow, frozenset[TimelineKind]] = {
    TimelineShow.CIRCLES: frozenset({TimelineKind.CIRCLE}),
    TimelineShow.CASES: frozenset(
        {TimelineKind.CASE, TimelineKind.MEETING, TimelineKind.TIER_CHANGE}
    ),
    TimelineShow.AGREEMENTS: frozenset({TimelineKind.AGREEMENT_ITEM}),
    TimelineShow.PLANS: frozenset({TimelineKind.SUPPORT_PLAN, TimelineKind.PROGRESS}),
    TimelineShow.PRACTICE: frozenset({TimelineKind.PRACTICE}),
}


def narrowed(
    entries: list[TimelineEntry],
    shown: set[TimelineShow],
    start: date | None = None,
    end: date | None = None,
) -> list[TimelineEntry]:
    """The entries of the kinds `shown`, on days from `start` to `end` (each end included;
    None leaves that side open), in the order given."""
    kinds = frozenset().union(*(SHOWN_KINDS[show] for show in shown))
    return [
        entry
        for entry in entries
        if entry.kind in kinds
        and (start is None or entry.on >= start)
        and (end is None or entry.on <= end)
    ]
