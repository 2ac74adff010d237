"""A circle run as it is saved: who sat where, the rounds and every turn, and what record it
makes (a Tier 1 circle, or a meeting on the case it was run for)."""

from dataclasses import dataclass
from datetime import datetime

from rp_desktop.domain.circle.types import RoundPlan, TurnRecord
from rp_desktop.domain.vocabulary import CircleKind, MeetingKind


@dataclass(frozen=True, slots=True)
class SeatedPerson:
    """Who sat at a seat. Someone who is neither a student nor staff (a parent) has only the
    label the circle knew them by."""

    key: int
    label: str
    is_keeper: bool = False
    student_id: int | None = None
    staff_id: int | None = None


@dataclass(frozen=True, slots=True)
class CircleRunFields:
    seats: tuple[SeatedPerson, ...]  # everyone who sat in the circle, late arrivals included
    rounds: tuple[RoundPlan, ...]  # as they were run, beyond the plan included
    turns: tuple[TurnRecord, ...]
    started_at: datetime
    ended_at: datetime
    running_seconds: float  # pauses excluded
    kind: CircleKind = CircleKind.COMMUNITY_BUILDING
    purpose: str = ""
    talking_piece: str = ""
    plan_id: int | None = None
    group_id: int | None = None
    keeper_id: int | None = None
    case_id: int | None = None  # run for a Tier 2/3 case: saved as a meeting on it
    meeting_kind: MeetingKind = MeetingKind.REPAIR_HARM_CIRCLE


@dataclass(frozen=True, slots=True)
class SavedRun:
    run_id: int
    community_circle_id: int | None
    meeting_id: int | None
    case_id: int | None = None
