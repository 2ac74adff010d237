"""A case's planned casework as rows: who attended each meeting and their answers, the
support plan with its progress checks, and the re-entry plan."""

from dataclasses import dataclass, field
from typing import Any

from rp_desktop.services.demo.casework.casework_plans import (
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

    def _support_plan(self, ids: Ids, plan: SupportPlanDraft, case_id: int) -> None:
        plan_id = ids.take("support_plan")
        self.support_plans.append(
            {
                "id": plan_id,
                "case_id": case_id,
                "student_id": plan.student_id,
                "goal": plan.goal,
                "strategies": plan.strategies,
                "owner_staff_id": plan.owner_staff_id,
                "start_on": plan.start_on,
                "review_on": plan.review_on,
                "frequency": plan.frequency,
                "active": plan.active,
                "created_at": plan.created_at,
                "updated_at": plan.updated_at,
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
            for check in plan.progress
        ]

    def _re_entry(self, plan: ReEntryDraft, case_id: int) -> None:
        self.re_entry_plans.append(
            {
                "case_id": case_id,
                "supports": plan.supports,
                "needs": plan.needs,
                "responsibilities": plan.responsibilities,
                "returned_on": plan.returned_on,
            }
        )
