"""Retention rules, worked by hand: the cut-off, and which records an old-records purge removes.

The school keeps 3 school years before the current one; today is in 2026-27, so the cut-off is
1 August 2023 and anything that ended on 31 July 2023 or before is old."""

from datetime import date

import pytest

from rp_desktop.domain.safekeeping.retention import (
    CaregiverFacts,
    CaseFacts,
    CaseFate,
    CircleFacts,
    GroupFacts,
    LinkKind,
    PracticeLogFacts,
    PurgeCounts,
    ReferralFacts,
    RetentionFacts,
    RunFacts,
    StudentFacts,
    StudentLink,
    SupportPlanFacts,
    case_fate,
    cutoff_date,
    select_for_purge,
)

CUTOFF = date(2023, 8, 1)
OLD = date(2023, 7, 31)  # the last day of 2022-23: old
KEPT = date(2023, 8, 1)  # the first day of 2023-24: kept


@pytest.mark.parametrize(
    ("today", "years", "cutoff"),
    [
        (date(2026, 9, 15), 3, date(2023, 8, 1)),  # in 2026-27, keep 2023-24 onward
        (date(2026, 7, 31), 3, date(2022, 8, 1)),  # still 2025-26
        (date(2026, 8, 1), 1, date(2025, 8, 1)),  # first day of 2026-27: keep 2025-26
        (date(2027, 3, 10), 5, date(2021, 8, 1)),
    ],
)
def test_the_cutoff_is_the_first_day_of_the_oldest_school_year_kept(
    today: date, years: int, cutoff: date
) -> None:
    assert cutoff_date(today, years) == cutoff


@pytest.mark.parametrize("years", [0, -1, 51])
def test_a_number_of_years_out_of_range_is_refused(years: int) -> None:
    with pytest.raises(ValueError, match="years"):
        cutoff_date(date(2026, 9, 15), years)


@pytest.mark.parametrize(
    ("case", "fate"),
    [
        (CaseFacts(1, date(2020, 1, 6), True, OLD, False), CaseFate.REMOVE),
        (CaseFacts(2, date(2020, 1, 6), True, KEPT, False), CaseFate.KEEP_RECENT),
        (CaseFacts(3, date(2020, 1, 6), True, OLD, True), CaseFate.KEEP_HELD),
        (CaseFacts(4, date(2020, 1, 6), False, None, False), CaseFate.KEEP_OPEN),
        (CaseFacts(5, KEPT, False, None, False), CaseFate.KEEP_RECENT),
        # Closed before "closed on" was kept: it goes by the day it happened.
        (CaseFacts(6, OLD, True, None, False), CaseFate.REMOVE),
        (CaseFacts(7, KEPT, True, None, False), CaseFate.KEEP_RECENT),
    ],
)
def test_a_case_is_removed_only_when_closed_before_the_cutoff_and_not_on_hold(
    case: CaseFacts, fate: CaseFate
) -> None:
    assert case_fate(case, CUTOFF) is fate


def building() -> RetentionFacts:
    """Two old circles and a recent one; cases old, held, open and recent; runs saved as a
    circle, as a meeting and as neither; support plans; groups of two years; five former students
    and one current."""
    return RetentionFacts(
        cases=(
            CaseFacts(10, date(2021, 3, 1), True, date(2021, 4, 1), False),  # removed
            CaseFacts(11, date(2021, 3, 1), True, date(2021, 4, 1), True),  # held
            CaseFacts(12, date(2021, 3, 1), False, None, False),  # still open
            CaseFacts(13, date(2024, 3, 1), True, date(2024, 4, 1), False),  # recent
        ),
        circles=(
            CircleFacts(20, date(2022, 10, 3), group_id=40),
            CircleFacts(21, OLD, group_id=41),
            CircleFacts(22, date(2024, 10, 7), group_id=42),  # kept, names group 42
        ),
        runs=(
            RunFacts(30, date(2022, 10, 3), circle_id=20),  # with old circle 20
            RunFacts(31, date(2024, 10, 7), circle_id=22),  # with kept circle 22
            RunFacts(32, date(2021, 3, 2), case_id=10),  # with removed case 10
            RunFacts(33, date(2021, 3, 2), case_id=11),  # with held case 11
            RunFacts(34, date(2022, 5, 5)),  # saved as neither: old by its day
            RunFacts(35, KEPT, group_id=41),  # neither, but recent: keeps group 41
        ),
        support_plans=(
            # Removed; active; recent; with case 10; with the held case 11.
            SupportPlanFacts(50, student_id=60, case_id=None, active=False, last_day=OLD),
            SupportPlanFacts(51, student_id=61, case_id=None, active=True, last_day=OLD),
            SupportPlanFacts(52, student_id=62, case_id=None, active=False, last_day=KEPT),
            SupportPlanFacts(53, student_id=63, case_id=10, active=False, last_day=OLD),
            SupportPlanFacts(54, student_id=64, case_id=11, active=False, last_day=OLD),
        ),
        groups=(
            GroupFacts(40, 2022),  # old, named only by old circle 20: removed
            GroupFacts(41, 2022),  # old, but named by recent run 35: kept
            GroupFacts(42, 2022),  # old, but named by kept circle 22: kept
            GroupFacts(43, 2023),  # 2023-24 is kept
        ),
        students=(
            StudentFacts(60, False, date(2022, 6, 1)),  # only in removed plan 50: removed
            StudentFacts(61, False, date(2022, 6, 1)),  # in active plan 51: kept
            StudentFacts(63, False, date(2022, 6, 1)),  # in case 10 and its plan: removed
            StudentFacts(64, False, date(2022, 6, 1)),  # in held case 11: kept
            StudentFacts(65, False, date(2022, 6, 1), last_circle_on=OLD),  # removed
            StudentFacts(66, False, date(2022, 6, 1), last_circle_on=KEPT),  # kept: recent circle
            StudentFacts(67, False, KEPT),  # changed since the cut-off: kept
            StudentFacts(68, True, date(2019, 1, 1)),  # still a student: kept
            StudentFacts(69, False, date(2022, 6, 1)),  # in kept group 43: kept
            StudentFacts(70, False, date(2022, 6, 1)),  # sat in run 30 (removed): removed
            StudentFacts(71, False, date(2022, 6, 1)),  # sat in run 31 (kept): kept
        ),
        links=(
            StudentLink(63, LinkKind.CASE, 10),
            StudentLink(64, LinkKind.CASE, 11),
            StudentLink(65, LinkKind.GROUP, 40),
            StudentLink(69, LinkKind.GROUP, 43),
            StudentLink(70, LinkKind.RUN, 30),
            StudentLink(71, LinkKind.RUN, 31),
        ),
    )


def test_the_selection_removes_exactly_what_the_rules_say() -> None:
    selection = select_for_purge(building(), CUTOFF)

    assert selection.cutoff == CUTOFF
    assert selection.cases == {10}
    assert selection.circles == {20, 21}
    assert selection.runs == {30, 32, 34}
    assert selection.support_plans == {50}  # plan 53 goes with case 10, not counted twice
    assert selection.groups == {40}
    assert selection.students == {60, 63, 65, 70}
    assert selection.counts() == PurgeCounts(
        cases=1,
        circles=2,
        runs=3,
        support_plans=1,
        groups=1,
        students=4,
        held_cases_kept=1,
        open_cases_kept=1,
    )
    assert selection.counts().removed == 12


def test_nothing_is_old_with_a_cutoff_before_every_record() -> None:
    selection = select_for_purge(building(), date(2000, 8, 1))

    assert selection.counts().removed == 0
    assert selection.counts().held_cases_kept == 0  # a hold that changes nothing is not counted


def test_a_hold_keeps_the_case_its_runs_and_its_people() -> None:
    facts = building()
    released = RetentionFacts(
        cases=tuple(
            CaseFacts(c.id, c.occurred_on, c.closed, c.closed_on, False) for c in facts.cases
        ),
        circles=facts.circles,
        runs=facts.runs,
        support_plans=facts.support_plans,
        groups=facts.groups,
        students=facts.students,
        links=facts.links,
    )

    held, free = select_for_purge(facts, CUTOFF), select_for_purge(released, CUTOFF)

    assert 11 not in held.cases
    assert 11 in free.cases
    assert 33 not in held.runs
    assert 33 in free.runs
    assert 64 not in held.students
    assert 64 in free.students
    assert free.counts().held_cases_kept == 0


def test_the_audit_detail_holds_counts_only() -> None:
    detail = PurgeCounts(
        cases=3, circles=5, practice_logs=7, students=2, caregivers=1, held_cases_kept=1
    ).detail()

    assert detail == (
        "cases=3 circles=5 runs=0 support_plans=0 groups=0 practice_logs=7 referrals=0 "
        "students=2 caregivers=1 held_cases_kept=1 open_cases_kept=0"
    )


def continuum() -> RetentionFacts:
    """Case 10 removed, case 11 held; practice logs, referrals and caregivers around them, and
    former students they name."""
    return RetentionFacts(
        cases=(
            CaseFacts(10, date(2021, 3, 1), True, date(2021, 4, 1), False),  # removed
            CaseFacts(11, date(2021, 3, 1), True, date(2021, 4, 1), True),  # held
        ),
        practice_logs=(
            PracticeLogFacts(80, OLD),  # old, alone: removed
            PracticeLogFacts(81, KEPT),  # recent: kept
            PracticeLogFacts(82, OLD, case_id=10),  # old, its case removed: removed
            PracticeLogFacts(83, OLD, case_id=11),  # old, but its case is held: kept
        ),
        referrals=(
            ReferralFacts(90, OLD),  # decided long ago: removed
            ReferralFacts(91, OLD, waiting=True),  # still in the queue: kept
            ReferralFacts(92, KEPT, case_id=10),  # recent, but became removed case 10: removed
            ReferralFacts(93, OLD, case_id=11),  # became the held case: kept
            ReferralFacts(94, OLD, practice_log_id=83),  # became kept log 83: kept
            ReferralFacts(95, OLD, practice_log_id=80),  # became removed log 80: removed
            ReferralFacts(96, KEPT),  # recent: kept
        ),
        students=tuple(StudentFacts(s, False, OLD) for s in range(60, 67)),
        links=(
            StudentLink(60, LinkKind.PRACTICE, 80),  # only in removed log 80: removed
            StudentLink(61, LinkKind.PRACTICE, 81),  # in recent log 81: kept
            StudentLink(62, LinkKind.REFERRAL, 90),  # only in removed referral 90: removed
            StudentLink(63, LinkKind.REFERRAL, 91),  # in the waiting referral: kept
            StudentLink(64, LinkKind.CASE, 11),  # through a caregiver in the held case: kept
        ),
        caregivers=(
            CaregiverFacts(70, OLD, students=(60,)),  # their only child is removed: removed
            CaregiverFacts(71, OLD, students=(60, 61)),  # one child kept: kept
            CaregiverFacts(72, OLD),  # no child, unchanged since the cut-off: removed
            CaregiverFacts(73, KEPT),  # no child yet, but just entered: kept
            CaregiverFacts(74, OLD, students=(62,), cases=(10,)),  # in removed case 10: removed
            CaregiverFacts(75, OLD, students=(64,), cases=(11,)),  # in the held case: kept
            CaregiverFacts(76, OLD, students=(65,), cases=(10, 11)),  # held case names them
            CaregiverFacts(77, OLD, students=(66,)),  # 66 in nothing: both removed
        ),
    )


def test_practice_logs_referrals_and_caregivers_follow_their_cases_and_days() -> None:
    selection = select_for_purge(continuum(), CUTOFF)

    assert selection.cases == {10}
    assert selection.practice_logs == {80, 82}
    assert selection.referrals == {90, 92, 95}
    assert selection.students == {60, 62, 65, 66}
    assert selection.caregivers == {70, 72, 74, 77}
    counts = selection.counts()
    assert (counts.practice_logs, counts.referrals, counts.caregivers) == (2, 3, 4)
    assert counts.removed == 1 + 2 + 3 + 4 + 4


def test_lifting_the_hold_lets_the_case_take_its_log_referral_and_caregiver() -> None:
    facts = continuum()
    released = RetentionFacts(
        cases=tuple(
            CaseFacts(c.id, c.occurred_on, c.closed, c.closed_on, False) for c in facts.cases
        ),
        practice_logs=facts.practice_logs,
        referrals=facts.referrals,
        students=facts.students,
        links=facts.links,
        caregivers=facts.caregivers,
    )

    free = select_for_purge(released, CUTOFF)

    assert free.practice_logs == {80, 82, 83}
    assert free.referrals == {90, 92, 93, 94, 95}  # 94 became log 83, which goes now
    assert free.students == {60, 62, 64, 65, 66}
    assert free.caregivers == {70, 72, 74, 75, 76, 77}
