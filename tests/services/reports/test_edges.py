"""Reports where there is little or nothing to count (an empty database, a single student, a
quarter without circles), disproportionality, and what the Reports tab offers to choose."""

from datetime import date

import pytest
from sqlalchemy.orm import Session

from rp_desktop.db.models import CircleAttendanceRow, CommunityCircleRow, StudentRow
from rp_desktop.domain.reports.model import (
    Breakdown,
    BreakdownKind,
    Period,
    ReportKind,
    ReportRequest,
    ReportTable,
)
from rp_desktop.domain.vocabulary import CircleKind, CircleStatus, Role
from rp_desktop.services.reports.reporting import (
    all_reports,
    breakdown_choices,
    data_span,
    disproportionality,
    records_behind,
)
from rp_desktop.services.safekeeping.database import Database
from tests.services.reports.fixture import MONTHS, PERIOD, ReportSchool, build_report_school

GRADE = Breakdown(BreakdownKind.GRADE)


def column(table: ReportTable, series: str) -> tuple[float | None, ...]:
    return next(s.values for s in table.series if s.key == series)


def test_circles_kept_before_the_roster_was_imported_are_counted(db: Database) -> None:
    """No students yet, but a circle on record: its report shows it; the others say why they
    are empty."""
    from rp_desktop.domain.records import CircleFields
    from rp_desktop.services.circles.records import record_circle

    record_circle(db, CircleFields(held_on=PERIOD.first))
    tables = all_reports(db, PERIOD, Breakdown())
    held = tables[ReportKind.PRACTICES_BY_MONTH]
    assert held.empty is None
    assert column(held, "tier:1")[0] == 1
    assert tables[ReportKind.CASES].empty == "no_students"
    assert tables[ReportKind.EQUITY_OF_VOICE].empty == "no_students"


def test_an_empty_database_says_there_are_no_students(db: Database) -> None:
    for breakdown in (Breakdown(), GRADE, Breakdown(BreakdownKind.GROUP)):
        tables = all_reports(db, PERIOD, breakdown)
        voice = tables.pop(ReportKind.EQUITY_OF_VOICE)
        assert {table.empty for table in tables.values()} == {"no_students"}
        # Voice is never by grade, whatever is recorded.
        assert voice.empty == ("voice_not_by_trait" if breakdown == GRADE else "no_students")
    tables = all_reports(db, PERIOD, Breakdown())
    # Months are still there to draw empty; counts are 0, shares are not numbers.
    assert tables[ReportKind.CASES].categories == MONTHS
    assert column(tables[ReportKind.CASES], "measure:opened") == (0, 0, 0)
    assert column(tables[ReportKind.AGREEMENTS], "measure:kept_share") == (None, None, None)
    assert tables[ReportKind.PRACTICE_KINDS].categories == ()
    assert all_reports(db, PERIOD, GRADE)[ReportKind.CASES].categories == ()
    assert data_span(db) is None
    assert records_behind(db, tables[ReportKind.CASES].request, "2026-01", "measure:opened") == []


def test_a_single_student_in_a_single_circle(db: Database) -> None:
    now = db.now()
    with Session(db.engine) as session, session.begin():
        student = StudentRow(
            student_number="only-1",
            first_name="Noa",
            last_name="Sole",
            grade=5,
            created_at=now,
            updated_at=now,
        )
        circle = CommunityCircleRow(
            held_on=date(2026, 2, 2),
            status=CircleStatus.HELD,
            kind=CircleKind.CHECK_IN,
            created_at=now,
            updated_at=now,
        )
        session.add_all([student, circle])
        session.flush()
        session.add(CircleAttendanceRow(circle_id=circle.id, student_id=student.id))
    tables = all_reports(db, PERIOD, Breakdown())
    assert column(tables[ReportKind.PRACTICES_BY_MONTH], "tier:1") == (0, 1, 0)
    assert column(tables[ReportKind.STUDENTS_REACHED], "measure:reached") == (0, 1, 0)
    assert tables[ReportKind.PRACTICES_BY_MONTH].empty is None
    assert tables[ReportKind.CASES].empty == "no_records"
    assert tables[ReportKind.AGREEMENTS].empty == "no_records"
    assert tables[ReportKind.EQUITY_OF_VOICE].empty == "no_runs"
    by_grade = all_reports(db, PERIOD, GRADE)[ReportKind.STUDENTS_REACHED]
    assert by_grade.categories == ("grade:5",)
    assert column(by_grade, "tier:1") == (1,)
    assert data_span(db) == Period(date(2026, 2, 2), date(2026, 2, 2))
    risk = disproportionality(db, PERIOD, GRADE, minimum_group=1)
    # One student, no case: a risk of 0, but nobody else to compare with.
    assert (risk.enrolled, risk.with_case, risk.empty) == (1, 0, "no_records")
    assert risk.groups[0].risk == 0
    assert risk.groups[0].risk_ratio is None


@pytest.fixture
def school(db: Database) -> ReportSchool:
    return build_report_school(db)


def test_a_quarter_without_circles_is_plainly_empty(db: Database, school: ReportSchool) -> None:
    spring = Period(date(2026, 4, 1), date(2026, 6, 30))
    tables = all_reports(db, spring, Breakdown())
    practices = tables[ReportKind.PRACTICES_BY_MONTH]
    assert practices.categories == ("2026-04", "2026-05", "2026-06")
    assert practices.empty == "no_records"
    assert column(practices, "tier:1") == (0, 0, 0)
    assert tables[ReportKind.PRACTICE_KINDS].categories == ()
    assert tables[ReportKind.FOLLOW_UPS].empty == "no_records"
    assert tables[ReportKind.EQUITY_OF_VOICE].empty == "no_runs"
    assert column(tables[ReportKind.EQUITY_OF_VOICE], "measure:gini") == (None, None, None)
    # By grade, the grades of the roster are still there, with nothing in them.
    by_grade = all_reports(db, spring, GRADE)[ReportKind.CASES]
    assert by_grade.categories == ("grade:6", "grade:7", "grade:8")
    assert by_grade.empty == "no_records"


def test_the_span_of_the_records(db: Database, school: ReportSchool) -> None:
    # From K5, which happened 2025-12-10, to K4, closed 2026-03-09.
    assert data_span(db) == Period(date(2025, 12, 10), date(2026, 3, 9))


def test_breakdown_choices_include_the_demographic_fields_in_use(
    db: Database, school: ReportSchool
) -> None:
    assert breakdown_choices(db) == [
        Breakdown(BreakdownKind.GRADE),
        Breakdown(BreakdownKind.GROUP),
        Breakdown(BreakdownKind.HOMEROOM),
        Breakdown(BreakdownKind.DEMOGRAPHIC, "gender"),
    ]


def test_breakdown_choices_without_demographics(db: Database) -> None:
    assert [b.kind for b in breakdown_choices(db)] == [
        BreakdownKind.GRADE,
        BreakdownKind.GROUP,
        BreakdownKind.HOMEROOM,
    ]


def test_disproportionality_by_grade(db: Database, school: ReportSchool) -> None:
    risk = disproportionality(db, PERIOD, GRADE, minimum_group=3)
    # Active: grade 6 s1-s4, grade 7 s5-s8, grade 8 s9-s11 (s12 left): 11. Caused harm in a
    # case opened January to March: s3 (K1); s5 s6 (K2); s9 (K3), s10 (K4): 5.
    assert (risk.enrolled, risk.with_case, risk.empty) == (11, 5, None)
    six, seven, eight = risk.groups
    assert [g.key for g in risk.groups] == ["grade:6", "grade:7", "grade:8"]
    assert (six.enrolled, six.with_case) == (4, 1)
    assert six.risk == pytest.approx(0.25)
    assert six.risk_ratio == pytest.approx(0.25 / (4 / 7))  # others: 4 of 7
    assert six.enrollment_share == pytest.approx(4 / 11)
    assert six.case_share == pytest.approx(1 / 5)
    assert seven.risk_ratio == pytest.approx(0.5 / (3 / 7))
    assert eight.risk_ratio == pytest.approx((2 / 3) / (3 / 8))
    assert all(group.shown for group in risk.groups)


def test_a_group_under_the_minimum_is_hidden(db: Database, school: ReportSchool) -> None:
    risk = disproportionality(db, PERIOD, GRADE, minimum_group=4)
    eight = risk.groups[2]
    assert (eight.key, eight.enrolled, eight.shown, eight.risk_ratio) == ("grade:8", 3, False, None)
    # Grade 6 still compares with the seven others, who pass the minimum.
    assert risk.groups[0].risk_ratio == pytest.approx(0.25 / (4 / 7))
    # With the default minimum of ten, nobody here is compared at all.
    default = disproportionality(db, PERIOD, GRADE)
    assert [g.risk_ratio for g in default.groups] == [None, None, None]
    assert not any(g.shown for g in default.groups)


def test_disproportionality_in_other_roles_and_by_demographic(
    db: Database, school: ReportSchool
) -> None:
    harmed = disproportionality(
        db, PERIOD, GRADE, roles=frozenset({Role.PERSON_HARMED}), minimum_group=3
    )
    # Harmed: s1 (grade 6, K1), s9 (grade 8, K2).
    assert [g.with_case for g in harmed.groups] == [1, 0, 1]
    assert harmed.groups[0].risk_ratio == pytest.approx(0.25 / (1 / 7))
    assert harmed.groups[1].risk_ratio == 0  # none in grade 7, against 2 of 7 others
    gender = disproportionality(
        db, PERIOD, Breakdown(BreakdownKind.DEMOGRAPHIC, "gender"), minimum_group=3
    )
    assert [g.key for g in gender.groups] == [
        "demographic:Female",
        "demographic:Male",
        "demographic:Nonbinary",
        "unknown",
    ]
    female, male, nonbinary, unknown = gender.groups
    assert (female.enrolled, female.with_case) == (3, 1)  # s5
    assert female.risk_ratio == pytest.approx((1 / 3) / (4 / 8))
    assert male.risk_ratio == pytest.approx(1.0 / (2 / 8))  # s3 s6 s9, all three
    assert not nonbinary.shown
    assert (unknown.enrolled, unknown.with_case) == (4, 0)  # s4 s7 s8 s11


def test_disproportionality_by_group_counts_those_in_no_group(
    db: Database, school: ReportSchool
) -> None:
    risk = disproportionality(db, PERIOD, Breakdown(BreakdownKind.GROUP), minimum_group=3)
    assert [g.key for g in risk.groups] == [
        school.group_key("North"),
        school.group_key("South"),
        "unknown",
    ]
    # North s1 s2 s5 s6 (s5 s6 caused harm); South s3 s7 s9 (s3 s9); none: s4 s8 s10 s11 (s10).
    assert [(g.enrolled, g.with_case) for g in risk.groups] == [(4, 2), (3, 2), (4, 1)]


@pytest.mark.parametrize(
    ("breakdown", "options", "message"),
    [
        (Breakdown(), {}, "choose a breakdown"),
        (GRADE, {"roles": frozenset()}, "at least one role"),
        (GRADE, {"minimum_group": 0}, "at least one student"),
    ],
)
def test_disproportionality_refuses_what_it_cannot_compare(
    db: Database, breakdown: Breakdown, options: dict[str, object], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        disproportionality(db, PERIOD, breakdown, **options)  # type: ignore[arg-type]


def test_runs_are_dated_by_their_local_day(db: Database, school: ReportSchool) -> None:
    """R4 started at noon UTC on 2026-02-24: on Kiritimati (UTC+14) that is 02:00 on the 25th,
    and the 25th is the day it counts on there."""
    import os
    import time

    was = os.environ.get("TZ")
    os.environ["TZ"] = "Pacific/Kiritimati"
    time.tzset()
    try:
        on_the_24th = all_reports(db, Period(date(2026, 2, 24), date(2026, 2, 24)), Breakdown())
        on_the_25th = all_reports(db, Period(date(2026, 2, 25), date(2026, 2, 25)), Breakdown())
    finally:
        if was is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = was
        time.tzset()
    assert on_the_24th[ReportKind.EQUITY_OF_VOICE].empty == "no_runs"
    assert column(on_the_25th[ReportKind.EQUITY_OF_VOICE], "measure:gini") == pytest.approx((0.25,))


ALL_BREAKDOWNS = (
    Breakdown(),
    Breakdown(BreakdownKind.GRADE),
    Breakdown(BreakdownKind.GROUP),
    Breakdown(BreakdownKind.HOMEROOM),
)


@pytest.mark.parametrize("breakdown", ALL_BREAKDOWNS, ids=lambda b: b.kind.value)
def test_all_reports_counted_two_at_a_time_are_each_report_on_its_own(
    db: Database, breakdown: Breakdown
) -> None:
    """all_reports hands the reports to two workers, in batches of its own; each table is what
    report() gives for it alone, and every report is there once, in ReportKind's order."""
    from rp_desktop.services.reports.reporting import _BATCHES, report

    build_report_school(db)
    tables = all_reports(db, PERIOD, breakdown)
    assert list(tables) == list(ReportKind)
    assert sorted(k for batch in _BATCHES for k in batch) == sorted(ReportKind)
    for kind, table in tables.items():
        assert table == report(db, ReportRequest(kind, PERIOD, breakdown)), kind


def test_all_reports_of_an_encrypted_school(tmp_path, clock) -> None:  # type: ignore[no-untyped-def]
    """The workers' connections get the key too."""
    from rp_desktop.domain.safekeeping.passphrase import Passphrase
    from rp_desktop.services.safekeeping.opening import open_database

    secret = Passphrase("willow harbor copper lantern")
    with open_database(tmp_path / "sealed.db", passphrase=secret, clock=clock) as sealed:
        build_report_school(sealed)
        tables = all_reports(sealed, PERIOD, Breakdown(BreakdownKind.GRADE))
    assert tables[ReportKind.PRACTICES_BY_MONTH].empty is None
    assert sum(v or 0 for s in tables[ReportKind.STUDENTS_REACHED].series for v in s.values) > 0
