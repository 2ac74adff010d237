"""Tier 3 plans: individual support plans with progress monitoring, and re-entry plans.

`...Fields` classes are what a form submits; the other classes are what was saved.
"""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

LOWEST_RATING = 1
HIGHEST_RATING = 5


class MonitoringFrequency(StrEnum):
    """How often progress on a support plan is checked."""

    DAILY = "daily"
    WEEKLY = "weekly"
    EVERY_TWO_WEEKS = "every_two_weeks"
    MONTHLY = "monthly"


@dataclass(frozen=True, slots=True)
class SupportPlanFields:
    """An individual support plan: a goal, the strategies towards it, who looks after it, and
    when and how often progress is reviewed. `student_id` is None only while a form has not had
    a student chosen yet."""

    student_id: int | None
    goal: str
    strategies: str = ""
    owner_staff_id: int | None = None
    start_on: date | None = None
    review_on: date | None = None
    frequency: MonitoringFrequency = MonitoringFrequency.WEEKLY
    active: bool = True


@dataclass(frozen=True, slots=True)
class ProgressEntryFields:
    """One check on a plan's progress: a rating from 1 (not yet) to 5 (goal met)."""

    on: date | None
    rating: int
    note: str = ""


@dataclass(frozen=True, slots=True)
class ProgressEntry:
    id: int
    plan_id: int
    fields: ProgressEntryFields


@dataclass(frozen=True, slots=True)
class SupportPlan:
    """A saved plan, its owner's name and its progress entries, oldest first (ready to graph)."""

    id: int
    case_id: int | None
    fields: SupportPlanFields
    owner_name: str
    progress: tuple[ProgressEntry, ...]

    @property
    def latest_rating(self) -> int | None:
        return self.progress[-1].fields.rating if self.progress else None


@dataclass(frozen=True, slots=True)
class ReEntryPlanFields:
    """A return after suspension or a long absence: the rounds of a re-entry circle (supports,
    needs, responsibilities) and the day the student came back, once known."""

    supports: str = ""
    needs: str = ""
    responsibilities: str = ""
    returned_on: date | None = None
