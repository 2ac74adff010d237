"""What a sample case has beyond its story: who came to each meeting and what they said, the
counselor's memory aid, the suspension days it kept, and its support plan and re-entry plan."""

from dataclasses import dataclass
from datetime import date, datetime

from rp_desktop.domain.casework.support_plans import MonitoringFrequency
from rp_desktop.services.demo.casework.meeting_people import MeetingPeople


@dataclass(frozen=True, slots=True)
class ProgressCheck:
    on: date
    rating: int  # 1 (not yet) to 5 (goal met)
    note: str


@dataclass(frozen=True, slots=True)
class SupportPlanDraft:
    student_id: int
    owner_staff_id: int
    goal: str
    strategies: str
    start_on: date
    review_on: date
    frequency: MonitoringFrequency
    active: bool
    created_at: datetime
    updated_at: datetime
    progress: tuple[ProgressCheck, ...]


@dataclass(frozen=True, slots=True)
class ReEntryDraft:
    supports: str
    needs: str
    responsibilities: str
    returned_on: date | None  # None while the return still lies ahead


@dataclass(frozen=True, slots=True)
class Casework:
    meetings: tuple[MeetingPeople, ...]  # one for each meeting of the story, in its order
    private_note: str = ""
    suspension_days_avoided: int | None = None
    support_plan: SupportPlanDraft | None = None
    re_entry: ReEntryDraft | None = None
