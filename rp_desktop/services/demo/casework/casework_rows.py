"""A case's casework recipe as rows: who attended each meeting and their answers, the
support plan with its progress checks, and the re-entry plan."""

from dataclasses import dataclass, field
from typing import Any

from rp_desktop.services.demo.casework.casework_recipe import (
    Casework,
    ReEntryDraft,
    SupportPlanDraft,
)
from rp_desktop.services.demo.ids import Ids

Row = dict[str, Any]


@dataclass(frozen=True, slots=True)
class CaseIds:
    """The ids one case's rows were given: the case, its participants and meetings in order."""

    case: int
    participants: list[int]
    meetings: list[int]


@dataclass(slots=True)
class CaseworkRows:
    """A year's casework rows, appended case by case in the order foreign keys need."""

    attendees: list[tuple[int, int]] = field(default_factory=list)  # meeting id, participant id
    answers: list[Row] = field(default_factory=list)
    support_plans: list[Row] = field(default_factory=list)
    progress: list[Row] = field(default_factory=list)
    re_entry_plans: list[Row] = field(default_factory=list)

    def add(self, ids: Ids, casework: Casework, case: CaseIds) -> None:
        self._meetings(ids, casework, case)
        if casework.support_plan is not None:
            self._support_plan(ids, casework.support_plan, case.case)
        if casework.re_entry is not None:
            self._re_entry(casework.re_entry, case.case)

    def _meetings(self, ids: Ids, casework: Casework, case: CaseIds) -> None:
        people = case.participants
        for meeting_id, meeting in zip(case.meetings, casework.meetings, strict=True):
            self.attendees += [(meeting_id, people[index]) for index in meeting.attendees]
            self.answers += [
                {
                    "id": ids.take("meeting_answer"),
                    "meeting_id": meeting_id,
                    "participant_id": people[answer.person],
                    "question": answer.question.value,
                    "answer": answer.text,
                }
                for answer in meeting.answers
            ]

    def _support_plan(self, ids: Ids, support_plan: SupportPlanDraft, case_id: int) -> None:
        plan_id = ids.take("support_plan")
        self.support_plans.append(
            {
                "id": plan_id,
                "case_id": case_id,
                "student_id": support_plan.student_id,
                "goal": support_plan.goal,
                "strategies": support_plan.strategies,
                "owner_staff_id": support_plan.owner_staff_id,
                "start_on": support_plan.start_on,
                "review_on": support_plan.review_on,
                "frequency": support_plan.frequency,
                "active": support_plan.active,
                "created_at": support_plan.created_at,
                "updated_at": support_plan.updated_at,
            }
        )
        self.progress += [
            {
                "id": ids.take("progress_entry"),
                "plan_id": plan_id,
                "on": check.on,
                "rating": check.rating,
                "note": check.note,
            }
            for check in support_plan.progress
        ]

    def _re_entry(self, re_entry: ReEntryDraft, case_id: int) -> None:
        self.re_entry_plans.append(
            {
                "case_id": case_id,
                "supports": re_entry.supports,
                "needs": re_entry.needs,
                "responsibilities": re_entry.responsibilities,
                "returned_on": re_entry.returned_on,
            }
        )
