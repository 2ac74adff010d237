"""A circle run as it is saved: who sat where, the rounds and every turn, and what record it
makes (a Tier 1 circle, or a meeting on the case it was run for)."""

from dataclasses import dataclass
from datetime import datetime

from rp_desktop.domain.casework.agreements import AgreementItemFields
from rp_desktop.domain.casework.restorative import RestorativeQuestion
from rp_desktop.domain.circle.types import RoundPlan, TurnRecord
from rp_desktop.domain.vocabulary import CircleKind, MeetingKind


@dataclass(frozen=True, slots=True)
class SeatedPerson:
    """Who sat at a seat. Someone who is neither a student, staff nor a caregiver on record (a
    guest) has only the label the circle knew them by. In a circle for a case, `participant_id`
    is their place in the case and `role` their part in it."""

    key: int
    label: str
    is_keeper: bool = False
    student_id: int | None = None
    staff_id: int | None = None
    caregiver_id: int | None = None
    participant_id: int | None = None
    role: str = ""


@dataclass(frozen=True, slots=True)
class ScriptNote:
    """A short note of what one person said to one restorative question in a conference run
    from the console; kept only when the facilitator ticked "keep the answers"."""

    participant_id: int
    question: RestorativeQuestion
    text: str


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
    # What the circle agreed, typed on the console: for a case, the items of its agreement
    # (the meeting is the circle); for a group's values circle, the group's agreements.
    agreement: tuple[AgreementItemFields, ...] = ()
    group_agreements: tuple[str, ...] = ()
    keep_answers: bool = False
    script_notes: tuple[ScriptNote, ...] = ()
    # Students of the group who were not there (marked absent at set-up or in the circle).
    absent_student_ids: frozenset[int] = frozenset()


@dataclass(frozen=True, slots=True)
class SavedRun:
    run_id: int
    community_circle_id: int | None
    meeting_id: int | None
    case_id: int | None = None
