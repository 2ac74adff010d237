"""What the Home tab shows a counselor when RP Desktop opens: the circles of today and of this
week, agreements due, open cases and what changed last. Plain records; the service fills them
with a few small queries, the screen turns them into words."""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from rp_desktop.domain.casework.records import DueItem
from rp_desktop.domain.vocabulary import CaseStatus, CircleKind, CircleStatus, MeetingKind, Tier


class RecordKind(StrEnum):
    """Which kind of record a line on the Home tab opens."""

    CIRCLE = "circle"  # a Tier 1 community circle
    CASE = "case"  # a Tier 2 or Tier 3 case
    REFERRAL = "referral"  # a referral waiting for triage


def week_of(day: date) -> tuple[date, date]:
    """The Monday and the Sunday of the week that holds `day`."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


@dataclass(frozen=True, slots=True)
class CircleSoon:
    """A Tier 1 circle planned or held on a day of this week."""

    id: int
    held_on: date
    status: CircleStatus
    kind: CircleKind
    group_name: str
    keeper_name: str
    purpose: str


@dataclass(frozen=True, slots=True)
class CircleDays:
    """Some circles, and how many there are in all: a busy building holds dozens a day, and
    the Home tab shows the first ones only."""

    circles: tuple[CircleSoon, ...]
    total: int


# Planned case meetings shown on Home: those of the next seven days, and those whose day has
# passed with the meeting neither marked held nor cancelled ("Was this held?").
MEETINGS_AHEAD = timedelta(days=7)


@dataclass(frozen=True, slots=True)
class MeetingSoon:
    """A case meeting planned ahead, by its case's number and category: no names. `overdue`:
    its day has passed and it was not marked held or cancelled."""

    id: int
    case_id: int
    kind: MeetingKind
    on: date
    starts_at: time | None
    category_name: str
    overdue: bool


@dataclass(frozen=True, slots=True)
class OpenCase:
    """A case not closed yet; no names, no description."""

    id: int
    tier: Tier
    category_name: str
    occurred_on: date
    status: CaseStatus
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class RecentChange:
    """A record added or changed lately. `day` is when the circle was held or the harm
    happened; `what` is the circle's group or the case's category; `status` is a CircleStatus
    or a CaseStatus, as `kind` says."""

    kind: RecordKind
    id: int
    tier: Tier
    day: date
    what: str
    status: CircleStatus | CaseStatus
    changed_at: datetime
    is_new: bool  # never changed since it was added


@dataclass(frozen=True, slots=True)
class HomeSummary:
    """Everything on the Home tab, as of `today`. `rest_of_week` holds the circles of the
    other days of the week (Monday to Sunday, today left out), so that none shows twice."""

    today: date
    week_start: date
    week_end: date
    circles_today: CircleDays
    rest_of_week: CircleDays
    due_soon: tuple[DueItem, ...]
    overdue: tuple[DueItem, ...]
    open_by_tier: Mapping[Tier, int]
    open_cases: tuple[OpenCase, ...]  # the most recently changed first
    recent: tuple[RecentChange, ...]  # the most recently changed first
    meetings: tuple[MeetingSoon, ...] = ()  # planned: the overdue first, then by day and time

    @property
    def open_total(self) -> int:
        return sum(self.open_by_tier.values())
