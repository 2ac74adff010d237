"""What the retention rules (retention.py) look at, one row of facts per record, and what they
choose: the ids to remove by kind, and how many of each that is."""

from dataclasses import dataclass, fields
from datetime import date
from enum import StrEnum


@dataclass(frozen=True, slots=True)
class CaseFacts:
    id: int
    occurred_on: date
    closed: bool
    closed_on: date | None
    hold: bool


@dataclass(frozen=True, slots=True)
class CircleFacts:
    id: int
    held_on: date
    group_id: int | None = None


@dataclass(frozen=True, slots=True)
class RunFacts:
    """A circle run and the record it was saved as: a Tier 1 circle or a meeting on a case."""

    id: int
    started_on: date
    circle_id: int | None = None
    case_id: int | None = None
    group_id: int | None = None


@dataclass(frozen=True, slots=True)
class SupportPlanFacts:
    """A support plan; `last_day` is the latest day anything happened on it (start, review,
    progress entry, last change)."""

    id: int
    student_id: int
    case_id: int | None
    active: bool
    last_day: date


@dataclass(frozen=True, slots=True)
class GroupFacts:
    id: int
    school_year: int


@dataclass(frozen=True, slots=True)
class PracticeLogFacts:
    """An everyday practice logged; `case_id` is the case opened from it, if one was."""

    id: int
    happened_on: date
    case_id: int | None = None


@dataclass(frozen=True, slots=True)
class ReferralFacts:
    """A referral; `waiting` while no decision was made on it, `case_id` the case and
    `practice_log_id` the quick log it was turned into."""

    id: int
    received_on: date
    waiting: bool = False
    case_id: int | None = None
    practice_log_id: int | None = None


@dataclass(frozen=True, slots=True)
class CaregiverFacts:
    """A caregiver: `students` they are linked to, `cases` that name them (as a participant or
    in the contact log), and the day they last changed."""

    id: int
    changed_on: date
    students: tuple[int, ...] = ()
    cases: tuple[int, ...] = ()


class LinkKind(StrEnum):
    """A record that names a student: kept records keep the student. A case names a student as
    a participant, and also through a caregiver of theirs who takes part in it."""

    CASE = "case"
    RUN = "run"
    GROUP = "group"
    PRACTICE = "practice"
    REFERRAL = "referral"


@dataclass(frozen=True, slots=True)
class StudentLink:
    student_id: int
    kind: LinkKind
    owner_id: int


@dataclass(frozen=True, slots=True)
class StudentFacts:
    """A student; `last_circle_on` is the latest Tier 1 circle they attended (circles are kept
    by their day alone, so the latest one decides whether any attended circle is kept)."""

    id: int
    active: bool
    changed_on: date
    last_circle_on: date | None = None


@dataclass(frozen=True, slots=True)
class RetentionFacts:
    cases: tuple[CaseFacts, ...] = ()
    circles: tuple[CircleFacts, ...] = ()
    runs: tuple[RunFacts, ...] = ()
    support_plans: tuple[SupportPlanFacts, ...] = ()
    groups: tuple[GroupFacts, ...] = ()
    students: tuple[StudentFacts, ...] = ()
    links: tuple[StudentLink, ...] = ()
    practice_logs: tuple[PracticeLogFacts, ...] = ()
    referrals: tuple[ReferralFacts, ...] = ()
    caregivers: tuple[CaregiverFacts, ...] = ()


# The kinds of record a purge removes, in the order the audit trail and the preview name them.
REMOVED_KINDS = (
    "cases",
    "circles",
    "runs",
    "support_plans",
    "groups",
    "practice_logs",
    "referrals",
    "students",
    "caregivers",
)


@dataclass(frozen=True, slots=True)
class PurgeCounts:
    """How many records of each kind a purge removes (the parts of a record, such as a case's
    meetings or a circle's attendance, go with it), and how many old cases it keeps."""

    cases: int = 0
    circles: int = 0
    runs: int = 0
    support_plans: int = 0
    groups: int = 0
    practice_logs: int = 0
    referrals: int = 0
    students: int = 0
    caregivers: int = 0
    held_cases_kept: int = 0
    open_cases_kept: int = 0

    @property
    def removed(self) -> int:
        return sum(getattr(self, name) for name in REMOVED_KINDS)

    def detail(self) -> str:
        """For the audit trail: counts only."""
        return " ".join(f"{field.name}={getattr(self, field.name)}" for field in fields(self))


@dataclass(frozen=True, slots=True)
class PurgeSelection:
    """The ids to remove, by kind. `support_plans` holds only plans that do not go with a
    removed case."""

    cutoff: date
    cases: frozenset[int]
    circles: frozenset[int]
    runs: frozenset[int]
    support_plans: frozenset[int]
    groups: frozenset[int]
    students: frozenset[int]
    held_cases_kept: int
    open_cases_kept: int
    practice_logs: frozenset[int] = frozenset()
    referrals: frozenset[int] = frozenset()
    caregivers: frozenset[int] = frozenset()

    def counts(self) -> PurgeCounts:
        removed = {name: len(getattr(self, name)) for name in REMOVED_KINDS}
        return PurgeCounts(
            **removed, held_cases_kept=self.held_cases_kept, open_cases_kept=self.open_cases_kept
        )
