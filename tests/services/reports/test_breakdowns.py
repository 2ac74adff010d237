"""Reports broken down by grade, group, homeroom and a demographic field, on the school of
report_fixture.py (January to March 2026). A record counts once in every group one of its
students is in; the figures are worked out by hand in the comments."""

import pytest

from rp_desktop.domain.reports.model import (
    Breakdown,
    BreakdownKind,
    ReportKind,
    ReportRequest,
    ReportTable,
    Unit,
)
from rp_desktop.services.reports.reporting import all_reports, report
from rp_desktop.services.safekeeping.database import Database
from tests.services.reports.fixture import PERIOD, ReportSchool, build_report_school

GRADES = ("grade:6", "grade:7", "grade:8")


@pytest.fixture
def school(db: Database) -> ReportSchool:
    return build_report_school(db)


@pytest.fixture
def by_grade(db: Database, school: ReportSchool) -> dict[ReportKind, ReportTable]:
    return all_reports(db, PERIOD, Breakdown(BreakdownKind.GRADE))


def column(table: ReportTable, series: str) -> tuple[float | None, ...]:
    return next(s.values for s in table.series if s.key == series)


def one(db: Database, kind: ReportKind, breakdown: Breakdown) -> ReportTable:
    return report(db, ReportRequest(kind, PERIOD, breakdown))


def test_grades_are_the_categories_and_overlap_is_noted(
    by_grade: dict[ReportKind, ReportTable],
) -> None:
    assert list(by_grade) == list(ReportKind)
    outcomes = {ReportKind.REPEAT_HARM, ReportKind.REPAIR_FELT, ReportKind.RE_ENTRY}
    for kind, table in by_grade.items():
        if kind is ReportKind.EQUITY_OF_VOICE:  # never by grade: see below
            continue
        if kind in outcomes:  # never by group: their own rows, and a note that says so
            assert table.categories != GRADES
            assert table.notes == ("not_by_group",)
            continue
        assert table.categories == GRADES
        assert table.notes == ("counts_overlap",)
        assert table.empty is None


def test_practices_by_grade(by_grade: dict[ReportKind, ReportTable]) -> None:
    table = by_grade[ReportKind.PRACTICES_BY_MONTH]
    # C1 has grades 6 and 7, C2 and C3 grades 6, 7 and 8; C7 has nobody, so no grade.
    assert column(table, "tier:1") == (3, 3, 2)
    # M1 M2 (K1: s1 s3, grade 6), M3 (K2: s5 s6 grade 7, s9 grade 8).
    assert column(table, "tier:2") == (2, 1, 1)
    assert column(table, "tier:3") == (0, 0, 2)  # M4 (s9) and M5 (s10), grade 8
    # By grade the practice kinds are the same bars.
    kinds = by_grade[ReportKind.PRACTICE_KINDS]
    assert (kinds.categories, kinds.series) == (table.categories, table.series)


def test_students_reached_by_grade(by_grade: dict[ReportKind, ReportTable]) -> None:
    table = by_grade[ReportKind.STUDENTS_REACHED]
    # In circles: s1 s2 s3 | s5 s6 s7 | s9 s10. In Tier 2 cases: s1 s3 | s5 s6 | s9.
    assert column(table, "tier:1") == (3, 3, 2)
    assert column(table, "tier:2") == (2, 2, 1)
    assert column(table, "tier:3") == (0, 0, 2)  # s9 s10
    assert column(table, "measure:reached") == (3, 3, 2)


def test_cases_agreements_and_days_by_grade(by_grade: dict[ReportKind, ReportTable]) -> None:
    cases = by_grade[ReportKind.CASES]
    # Opened: K1 grade 6; K2 grades 7 and 8; K3 and K4 grade 8.
    assert column(cases, "measure:opened") == (1, 1, 3)
    # Closed: K1 grade 6, K5 (s8) grade 7, K4 grade 8.
    assert column(cases, "measure:closed") == (1, 1, 1)
    assert column(cases, "tier:3") == (0, 0, 2)
    agreements = by_grade[ReportKind.AGREEMENTS]
    assert column(agreements, "measure:made") == (1, 1, 2)  # A1 | A2 | A2 A3
    # Grade 6: A1 2 done, 1 missed. Grade 7: A2 1 done. Grade 8: A2 1 done, A3 1 missed.
    assert column(agreements, "measure:kept_share") == pytest.approx((2 / 3, 1.0, 0.5))
    # K2's one day counts once for grade 7 (s5 and s6 are both in it); grade 8: 1 + 3 + 2.
    assert column(by_grade[ReportKind.SUSPENSION_DAYS_AVOIDED], "measure:days") == (0, 1, 6)


def test_follow_ups_by_grade(by_grade: dict[ReportKind, ReportTable]) -> None:
    table = by_grade[ReportKind.FOLLOW_UPS]
    # Grade 6 (K1): I1 I3 on time, I2 late. Grade 7: I10 (K5) and I5 on time, I4 overdue,
    # I6 I7 not yet due. Grade 8 (K2 and K3): I5 on time, I4 overdue, I6 I7, I8 late.
    assert column(table, "measure:on_time") == (2, 2, 1)
    assert column(table, "measure:late") == (1, 0, 1)
    assert column(table, "measure:overdue") == (0, 1, 1)
    assert column(table, "measure:not_yet_due") == (0, 2, 2)


def test_equity_of_voice_is_never_by_grade(by_grade: dict[ReportKind, ReportTable]) -> None:
    table = by_grade[ReportKind.EQUITY_OF_VOICE]
    assert table.empty == "voice_not_by_trait"
    assert (table.categories, table.series, table.notes) == ((), (), ())


def test_equity_of_voice_is_never_by_homeroom(db: Database, school: ReportSchool) -> None:
    table = one(db, ReportKind.EQUITY_OF_VOICE, Breakdown(BreakdownKind.HOMEROOM))
    # A homeroom is the student's attribute; voice goes by the circle's own group.
    assert table.empty == "voice_not_by_trait"
    assert (table.categories, table.series, table.notes) == ((), (), ())


def test_by_homeroom_students_without_one_are_unknown(db: Database, school: ReportSchool) -> None:
    table = one(db, ReportKind.CASES, Breakdown(BreakdownKind.HOMEROOM))
    # s4 has no homeroom: "unknown" is a category, last, even with nothing counted in it.
    assert table.categories == (
        "homeroom:6A",
        "homeroom:6B",
        "homeroom:7A",
        "homeroom:8A",
        "unknown",
    )
    # Opened: K1 (s1 6A, s3 6B), K2 (s5 s6 7A, s9 8A), K3 (s9 8A), K4 (s10 8A).
    assert column(table, "measure:opened") == (1, 1, 1, 3, 0)
    # Closed: K1 (6A, 6B), K5 (s8 7A), K4 (8A).
    assert column(table, "measure:closed") == (1, 1, 1, 1, 0)


def test_by_group_only_this_years_groups_and_unknown(db: Database, school: ReportSchool) -> None:
    table = one(db, ReportKind.PRACTICES_BY_MONTH, Breakdown(BreakdownKind.GROUP))
    # North and South are 2025-26 advisories, by name; "Old Club" (2024-25) is not one.
    north, south = school.group_key("North"), school.group_key("South")
    assert table.categories == (north, south, "unknown")
    # C1 North; C2 South; C3 North (s1 s5 s6) and unknown (s10, in no group).
    assert column(table, "tier:1") == (2, 1, 1)
    # M1 M2 (K1: s1 North, s3 South), M3 (K2: s5 s6 North, s9 South).
    assert column(table, "tier:2") == (3, 3, 0)
    assert column(table, "tier:3") == (0, 1, 1)  # M4 (s9 South), M5 (s10)


def test_equity_of_voice_by_group(db: Database, school: ReportSchool) -> None:
    table = one(db, ReportKind.EQUITY_OF_VOICE, Breakdown(BreakdownKind.GROUP))
    north, south = school.group_key("North"), school.group_key("South")
    assert table.categories == (north, south)  # R2 was kept for no group: in neither
    assert [s.key for s in table.series] == ["measure:pass_rate", "measure:talk_ratio"]
    assert table.unit_of("measure:talk_ratio") is Unit.RATIO
    # North: R1 alone, whoever sat in it (s1 s2 s5): 1 pass in 6 turns, talk 90/60/30 of
    # 180 s: 1.5 1.0 0.5 times an even share. South: R4 (R3 had no participant turn): no pass
    # in 2 turns, 30/40 * 2 = 1.5 and 10/40 * 2 = 0.5.
    assert column(table, "measure:pass_rate") == pytest.approx((1 / 6, 0.0))
    assert column(table, "measure:talk_ratio") == pytest.approx((1.0, 1.0))


def test_by_a_demographic_field(db: Database, school: ReportSchool) -> None:
    gender = Breakdown(BreakdownKind.DEMOGRAPHIC, "gender")
    cases = one(db, ReportKind.CASES, gender)
    assert cases.categories == (
        "demographic:Female",
        "demographic:Male",
        "demographic:Nonbinary",
        "unknown",
    )
    # Opened: K1 (s1 F, s3 M), K2 (s5 F, s6 s9 M), K3 (s9 M), K4 (s10 N).
    assert column(cases, "measure:opened") == (2, 3, 1, 0)
    # Closed: K1 (F, M), K4 (N), K5 (s8, unknown).
    assert column(cases, "measure:closed") == (1, 1, 1, 1)
    reached = one(db, ReportKind.STUDENTS_REACHED, gender)
    # In circles: s1 s2 s5 | s3 s6 s9 | s10 | s7.
    assert column(reached, "tier:1") == (3, 3, 1, 1)


def test_a_demographic_breakdown_needs_its_field(db: Database) -> None:
    with pytest.raises(ValueError, match="field"):
        one(db, ReportKind.CASES, Breakdown(BreakdownKind.DEMOGRAPHIC))
