"""The day a student came back from a suspension or a long absence: entered on the re-entry
plan, changed, taken back; never before the case, never ahead of today; shown with the case."""

from datetime import date

import pytest

from rp_desktop.domain.casework.support_plans import ReEntryPlanFields
from rp_desktop.domain.records import CaseFields, ParticipantFields
from rp_desktop.domain.validation import FieldProblem, InvalidInput, Problem
from rp_desktop.domain.vocabulary import AuditAction, Role, Tier, Tier3Kind
from rp_desktop.services.casework.case_detail import get_case_detail, save_re_entry_plan
from rp_desktop.services.casework.cases import open_case
from rp_desktop.services.safekeeping.database import Database
from tests.services.conftest import Roster, audit_rows

CASE_DAY = date(2026, 2, 20)  # today is 2026-03-10


@pytest.fixture
def case_id(db: Database, roster: Roster) -> int:
    return open_case(
        db,
        CaseFields(
            tier=Tier.INTENSIVE,
            occurred_on=CASE_DAY,
            category_id=roster.category_id,
            description="Back after three days away; a circle to welcome him.",
            tier3_kind=Tier3Kind.RE_ENTRY,
            participants=(
                ParticipantFields(Role.PERSON_WHO_CAUSED_HARM, student_id=roster.liam.id),
            ),
        ),
    ).id


def test_the_return_day_is_entered_changed_and_taken_back(db: Database, case_id: int) -> None:
    plan = ReEntryPlanFields("His advisor checks in daily.", "A quiet start.", "Liam: ask.")
    save_re_entry_plan(db, case_id, plan)
    assert get_case_detail(db, case_id).re_entry_plan == plan

    back = ReEntryPlanFields(plan.supports, plan.needs, plan.responsibilities, date(2026, 2, 25))
    save_re_entry_plan(db, case_id, back)
    assert get_case_detail(db, case_id).re_entry_plan == back

    before = len(audit_rows(db))
    corrected = ReEntryPlanFields(plan.supports, plan.needs, plan.responsibilities, CASE_DAY)
    save_re_entry_plan(db, case_id, corrected)
    detail = get_case_detail(db, case_id).re_entry_plan
    assert detail is not None
    assert detail.returned_on == CASE_DAY
    events = [(e.action, e.entity, e.entity_id) for e in audit_rows(db)[before:]]
    assert events == [(AuditAction.UPDATE, "re_entry_plan", case_id)]

    save_re_entry_plan(db, case_id, plan)  # not back after all: the day is taken back
    taken_back = get_case_detail(db, case_id).re_entry_plan
    assert taken_back is not None
    assert taken_back.returned_on is None


@pytest.mark.parametrize(
    ("day", "problem"),
    [(date(2026, 2, 19), Problem.BEFORE_CASE), (date(2026, 3, 11), Problem.IN_FUTURE)],
)
def test_a_return_before_the_case_or_ahead_of_today_is_refused(
    db: Database, case_id: int, day: date, problem: Problem
) -> None:
    save_re_entry_plan(db, case_id, ReEntryPlanFields("Supports kept.", returned_on=CASE_DAY))
    with pytest.raises(InvalidInput) as refused:
        save_re_entry_plan(db, case_id, ReEntryPlanFields("Changed.", returned_on=day))
    assert refused.value.problems == (FieldProblem("returned_on", problem),)
    kept = get_case_detail(db, case_id).re_entry_plan
    assert kept == ReEntryPlanFields("Supports kept.", returned_on=CASE_DAY)
