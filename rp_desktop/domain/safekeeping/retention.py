"""Retention: which records are older than the school keeps them, and may be removed for good.

A school keeps the current school year and the `years` whole school years before it; anything
that ended before the first of those is old. The rules never remove what is still in use:
- a case only once it is closed, and never one on hold (an open case is kept, however old);
- a Tier 1 circle held before the cut-off, with its attendance;
- a circle run with its circle, or with the case its meeting belongs to; a run saved as
  neither goes by the day it started;
- a support plan that stands on its own once it has ended (inactive) and nothing happened on
  it since the cut-off; a support plan on a case goes with its case and stays with a kept one;
- a class or advisory of a school year before the cut-off that no kept circle or run names;
- an everyday practice logged before the cut-off, unless the case opened from it is kept;
- a referral received before the cut-off once decided (one still waiting is kept), unless the
  case or quick log it became is kept; one turned into a removed case goes with that case
  whatever its day (it holds what happened);
- a student only when inactive (a former student), unchanged since the cut-off, and in nothing
  that is kept: no kept case (as a participant, or through a caregiver who takes part in it),
  support plan, circle, run, group, practice log or referral;
- a caregiver whose every linked student is removed, or who has no student and has not
  changed since the cut-off, and whom no kept case names (as a participant or a contact).
Everything here is pure: the service gathers the facts and deletes what the selection names.
"""

from collections.abc import Iterable
from datetime import date
from enum import StrEnum

from rp_desktop.domain.safekeeping.retention_facts import (
    CaregiverFacts,
    CaseFacts,
    CircleFacts,
    GroupFacts,
    LinkKind,
    PracticeLogFacts,
    PurgeCounts,
    PurgeSelection,
    ReferralFacts,
    RetentionFacts,
    RunFacts,
    StudentFacts,
    StudentLink,
    SupportPlanFacts,
)
from rp_desktop.domain.school_year import first_day, school_year_of

__all__ = [
    "DEFAULT_YEARS",
    "LEAST_YEARS",
    "MOST_YEARS",
    "CaregiverFacts",
    "CaseFacts",
    "CaseFate",
    "CircleFacts",
    "GroupFacts",
    "LinkKind",
    "PracticeLogFacts",
    "PurgeCounts",
    "PurgeSelection",
    "ReferralFacts",
    "RetentionFacts",
    "RunFacts",
    "StudentFacts",
    "StudentLink",
    "SupportPlanFacts",
    "case_fate",
    "circle_is_old",
    "cutoff_date",
    "reminder_due",
    "select_for_purge",
]

LEAST_YEARS = 1
MOST_YEARS = 50
DEFAULT_YEARS = 5  # kept until the school chooses otherwise in the retention screen


def reminder_due(current_year: int, reviewed_year: int | None, old_cases: int) -> bool:
    """Whether Home offers a review of old records: once a school year (the year has changed
    since the last review, or there never was one), and only when some case is old enough to be
    removed."""
    return old_cases > 0 and (reviewed_year is None or reviewed_year < current_year)


def cutoff_date(today: date, years: int) -> date:
    """The first day kept: August 1 of the school year `years` before the current one.

    With years=3 in 2026-27 the cut-off is 1 August 2023, so 2023-24 onward is kept."""
    if not LEAST_YEARS <= years <= MOST_YEARS:
        raise ValueError(f"years must be between {LEAST_YEARS} and {MOST_YEARS}")
    return first_day(school_year_of(today) - years)


class CaseFate(StrEnum):
    """What retention does with one case, and why."""

    REMOVE = "remove"
    KEEP_RECENT = "keep_recent"
    KEEP_OPEN = "keep_open"
    KEEP_HELD = "keep_held"


def case_fate(case: CaseFacts, cutoff: date) -> CaseFate:
    """A closed case is old when it closed before the cut-off (a case closed before the day
    of closing was kept goes by the day it happened)."""
    if not case.closed:
        return CaseFate.KEEP_OPEN if case.occurred_on < cutoff else CaseFate.KEEP_RECENT
    if (case.closed_on or case.occurred_on) >= cutoff:
        return CaseFate.KEEP_RECENT
    return CaseFate.KEEP_HELD if case.hold else CaseFate.REMOVE


def circle_is_old(held_on: date, cutoff: date) -> bool:
    return held_on < cutoff


def select_for_purge(facts: RetentionFacts, cutoff: date) -> PurgeSelection:
    """Everything the rules remove for `cutoff`, and how many old cases they keep."""
    fates = [(case.id, case_fate(case, cutoff)) for case in facts.cases]
    cases = frozenset(case_id for case_id, fate in fates if fate is CaseFate.REMOVE)
    circles = frozenset(c.id for c in facts.circles if circle_is_old(c.held_on, cutoff))
    runs = frozenset(run.id for run in facts.runs if _run_is_old(run, cases, circles, cutoff))
    support_plans = frozenset(
        support.id
        for support in facts.support_plans
        if support.case_id is None and not support.active and support.last_day < cutoff
    )
    groups = _old_groups(facts, circles, runs, cutoff)
    logs = frozenset(log.id for log in facts.practice_logs if _log_is_old(log, cases, cutoff))
    referrals = frozenset(r.id for r in facts.referrals if _referral_goes(r, cases, logs, cutoff))
    removed = {
        LinkKind.CASE: cases,
        LinkKind.RUN: runs,
        LinkKind.GROUP: groups,
        LinkKind.PRACTICE: logs,
        LinkKind.REFERRAL: referrals,
    }
    students = _former_students(facts, removed, support_plans, cutoff)
    return PurgeSelection(
        cutoff=cutoff,
        cases=cases,
        circles=circles,
        runs=runs,
        support_plans=support_plans,
        groups=groups,
        students=students,
        held_cases_kept=sum(fate is CaseFate.KEEP_HELD for _id, fate in fates),
        open_cases_kept=sum(fate is CaseFate.KEEP_OPEN for _id, fate in fates),
        practice_logs=logs,
        referrals=referrals,
        caregivers=_old_caregivers(facts.caregivers, cases, students, cutoff),
    )


def _run_is_old(
    run: RunFacts, cases: frozenset[int], circles: frozenset[int], cutoff: date
) -> bool:
    if run.circle_id is not None:
        return run.circle_id in circles
    if run.case_id is not None:
        return run.case_id in cases
    return run.started_on < cutoff


def _log_is_old(log: PracticeLogFacts, cases: frozenset[int], cutoff: date) -> bool:
    return log.happened_on < cutoff and (log.case_id is None or log.case_id in cases)


def _referral_goes(
    referral: ReferralFacts, cases: frozenset[int], logs: frozenset[int], cutoff: date
) -> bool:
    if referral.case_id is not None:
        return referral.case_id in cases
    if referral.waiting or referral.received_on >= cutoff:
        return False
    return referral.practice_log_id is None or referral.practice_log_id in logs


def _old_caregivers(
    caregivers: Iterable[CaregiverFacts],
    cases: frozenset[int],
    students: frozenset[int],
    cutoff: date,
) -> frozenset[int]:
    return frozenset(
        caregiver.id
        for caregiver in caregivers
        if all(case_id in cases for case_id in caregiver.cases)
        and all(student_id in students for student_id in caregiver.students)
        and (caregiver.students or caregiver.changed_on < cutoff)
    )


def _old_groups(
    facts: RetentionFacts, circles: frozenset[int], runs: frozenset[int], cutoff: date
) -> frozenset[int]:
    """Groups of a school year before the cut-off's, unless a kept circle or run names them."""
    named = _kept_owners(((c.id, c.group_id) for c in facts.circles), circles)
    named |= _kept_owners(((r.id, r.group_id) for r in facts.runs), runs)
    first_kept_year = school_year_of(cutoff)
    return frozenset(
        group.id
        for group in facts.groups
        if group.school_year < first_kept_year and group.id not in named
    )


def _former_students(
    facts: RetentionFacts,
    removed: dict[LinkKind, frozenset[int]],
    support_plans: frozenset[int],
    cutoff: date,
) -> frozenset[int]:
    """Former students unchanged since the cut-off whom no kept record names."""
    cases = removed[LinkKind.CASE]
    kept_somewhere = {
        link.student_id for link in facts.links if link.owner_id not in removed[link.kind]
    }
    kept_somewhere |= {
        support.student_id
        for support in facts.support_plans
        if support.id not in support_plans
        and (support.case_id is None or support.case_id not in cases)
    }
    return frozenset(
        student.id
        for student in facts.students
        if not student.active
        and student.changed_on < cutoff
        and (student.last_circle_on is None or circle_is_old(student.last_circle_on, cutoff))
        and student.id not in kept_somewhere
    )


def _kept_owners(pairs: Iterable[tuple[int, int | None]], removed: frozenset[int]) -> set[int]:
    """The group ids named by records that are kept."""
    return {
        group_id
        for record_id, group_id in pairs
        if group_id is not None and record_id not in removed
    }
