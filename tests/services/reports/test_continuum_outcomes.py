"""The continuum view, cases counted by their category's kind, the outcomes and the derived days
of suspension avoided, on the school of tests/services/reports/fixture.py with more added here
(today is 2026-03-10; the period is January to March 2026):

Practice logs: L1 2026-01-08 affective statements ×6, no student; L2 01-20 positive observation,
  s2; L3 02-11 restorative chat, s4; L4 03-02 check-in/out, s7 and s12 (inactive);
  L0 2025-12-15 affective statements ×3 (before the period).
Meeting attendees: M3 (repair-harm circle) s5 s9; M4 (formal conference) s9. Not held: M7 a
  formal conference planned for 03-20 and M8 a restorative conversation cancelled on 02-12.
More cases: K6 a wellbeing concern 02-20 (closed 03-01), s5 and s4 in the old harm role; K7 a
  positive observation 02-21, s1; K8 harm 03-06, s3 caused harm again (50 days after K1), s9
  harmed.
Referrals: K1's proposed 5 days and triage made it a Tier 2 case; K2's proposed 4, but K2's
  typed 1 overrides; K8's proposed 3 and no action was taken.
"""

from datetime import date, datetime

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from rp_desktop.db.models import (
    CaseCategoryRow,
    CaseParticipantRow,
    CaseRow,
    MeetingAttendeeRow,
    MeetingRow,
    ReferralRow,
)
from rp_desktop.domain.continuum.kinds import (
    MeetingStatus,
    PracticeKind,
    ReferralDecision,
)
from rp_desktop.domain.continuum.practice import PracticeFields
from rp_desktop.domain.continuum.suspension import ProposedSuspension, suspension_avoided
from rp_desktop.domain.reports.model import (
    Breakdown,
    BreakdownKind,
    ReportKind,
    ReportRequest,
    ReportTable,
    Unit,
)
from rp_desktop.domain.vocabulary import (
    CaseStatus,
    CategoryKind,
    MeetingKind,
    Role,
    Tier,
)
from rp_desktop.services.continuum.practice import log_practice
from rp_desktop.services.reports.reporting import all_reports, disproportionality, records_behind
from rp_desktop.services.safekeeping.database import Database
from tests.services.reports.fixture import PERIOD, ReportSchool, build_report_school, d

LEVELS = (
    "level:language",
    "level:conversations",
    "level:circles",
    "level:repair_harm_circles",
    "level:conferences",
)


@pytest.fixture
def school(db: Database) -> ReportSchool:
    school = build_report_school(db)
    ids = dict(school.ids)
    for on, kind, tally, students in (
        (d(1, 8), PracticeKind.AFFECTIVE_STATEMENT, 6, ()),
        (d(1, 20), PracticeKind.POSITIVE_OBSERVATION, 1, ("s2",)),
        (d(2, 11), PracticeKind.RESTORATIVE_CHAT, 1, ("s4",)),
        (d(3, 2), PracticeKind.CHECK_IN_OUT, 1, ("s7", "s12")),
        (d(12, 15, 2025), PracticeKind.AFFECTIVE_STATEMENT, 3, ()),
    ):
        fields = PracticeFields(kind, on, tally=tally, student_ids=tuple(ids[s] for s in students))
        log_practice(db, fields)
    with Session(db.engine) as session, session.begin():
        _attend(session, ids)
        _more_cases(session, ids, db.now())
    return ReportSchool(ids)


def _participant(session: Session, case_id: int, student_id: int) -> int:
    return session.scalars(
        select(CaseParticipantRow.id).where(
            CaseParticipantRow.case_id == case_id, CaseParticipantRow.student_id == student_id
        )
    ).one()


def _attend(session: Session, ids: dict[str, int]) -> None:
    for meeting, case, students in (("M3", "K2", ("s5", "s9")), ("M4", "K3", ("s9",))):
        session.add_all(
            MeetingAttendeeRow(
                meeting_id=ids[meeting], participant_id=_participant(session, ids[case], ids[s])
            )
            for s in students
        )
    for case, kind, on, status in (
        ("K2", MeetingKind.FORMAL_CONFERENCE, d(3, 20), MeetingStatus.PLANNED),
        ("K1", MeetingKind.RESTORATIVE_CONVERSATION, d(2, 12), MeetingStatus.CANCELLED),
    ):
        session.add(MeetingRow(case_id=ids[case], kind=kind, held_on=on, status=status))


def _more_cases(session: Session, ids: dict[str, int], now: datetime) -> None:
    kinds = {}
    for kind in (CategoryKind.CONCERN, CategoryKind.POSITIVE):
        category = CaseCategoryRow(name=f"Fixture {kind.value}", kind=kind)
        session.add(category)
        session.flush()
        kinds[kind] = category.id
    harm = session.scalars(select(CaseRow.category_id).where(CaseRow.id == ids["K1"])).one()
    caused, harmed = Role.PERSON_WHO_CAUSED_HARM, Role.PERSON_HARMED
    for label, category, on, closed, people in (
        ("K6", kinds[CategoryKind.CONCERN], d(2, 20), d(3, 1), (("s5", caused), ("s4", caused))),
        ("K7", kinds[CategoryKind.POSITIVE], d(2, 21), None, (("s1", Role.STUDENT),)),
        ("K8", harm, d(3, 6), None, (("s3", caused), ("s9", harmed))),
    ):
        row = CaseRow(tier=Tier.TARGETED, occurred_on=on, category_id=category, closed_on=closed,
                      status=CaseStatus.CLOSED if closed else CaseStatus.OPEN,
                      created_at=now, updated_at=now)  # fmt: skip
        row.participants = [CaseParticipantRow(role=r, student_id=ids[s]) for s, r in people]
        session.add(row)
        session.flush()
        ids[label] = row.id
    for case, days, decision in (
        ("K1", 5, ReferralDecision.TIER2_CASE),
        ("K2", 4, ReferralDecision.TIER2_CASE),
        ("K8", 3, ReferralDecision.NO_ACTION),
    ):
        session.add(
            ReferralRow(received_on=d(1, 2), suspension_proposed=True, suspension_days=days,
                        decision=decision, case_id=ids[case], created_at=now, updated_at=now)
        )  # fmt: skip


@pytest.fixture
def tables(db: Database, school: ReportSchool) -> dict[ReportKind, ReportTable]:
    return all_reports(db, PERIOD, Breakdown())


def column(table: ReportTable, series: str) -> tuple[float | None, ...]:
    return next(s.values for s in table.series if s.key == series)


def test_the_continuum_counts_each_level_by_month(tables: dict[ReportKind, ReportTable]) -> None:
    table = tables[ReportKind.CONTINUUM]
    assert [s.key for s in table.series] == list(LEVELS)
    assert table.unit is Unit.COUNT
    # L1's six statements and L2; L0 is before the period.
    assert column(table, "level:language") == (7, 0, 0)
    # M1 (a meeting); L3 (M8 was cancelled); L4.
    assert column(table, "level:conversations") == (1, 1, 1)
    assert column(table, "level:circles") == (2, 1, 1)  # C1 C2; C3; C7
    assert column(table, "level:repair_harm_circles") == (0, 1, 0)  # M3
    assert column(table, "level:conferences") == (0, 1, 1)  # M4; M5 (M7 is only planned)


def test_the_share_of_students_reached_at_each_level(
    tables: dict[ReportKind, ReportTable],
) -> None:
    table = tables[ReportKind.CONTINUUM_REACHED]
    assert table.categories == LEVELS
    # Language: s2. Conversations: s4, s7 (s12 has left). Circles: s1 s2 s3 s5 s6 s7 s9 s10.
    # Repair-harm circles: M3's s5 s9. Conferences: M4's s9.
    assert column(table, "measure:students") == (1, 2, 8, 2, 1)
    assert column(table, "measure:share") == tuple(n / 11 for n in (1, 2, 8, 2, 1))
    assert table.unit_of("measure:share") is Unit.SHARE


def test_by_grade_the_continuum_counts_the_students_records(
    db: Database, school: ReportSchool
) -> None:
    found = all_reports(db, PERIOD, Breakdown(BreakdownKind.GRADE))
    table = found[ReportKind.CONTINUUM]
    # L2 (s2, grade 6) counts once; L1 names no student and is in no grade.
    assert column(table, "level:language") == (1, 0, 0)
    reached = found[ReportKind.CONTINUUM_REACHED]
    assert reached.unit is Unit.SHARE
    assert [s.key for s in reached.series] == list(LEVELS)
    # Grade 6 (s1 s2 s3 s4): s1 s2 s3 in circles. Grade 7 (s5 s6 s7 s8): s5 s6 s7 (s8's circle
    # was in December). Grade 8 (s9 s10 s11; s12 has left): s9 s10.
    assert column(reached, "level:circles") == (3 / 4, 3 / 4, 2 / 3)
    assert column(reached, "level:conversations") == (1 / 4, 1 / 4, 0)


def test_the_records_behind_a_level_mix_logs_and_meetings(
    db: Database, school: ReportSchool
) -> None:
    request = ReportRequest(ReportKind.CONTINUUM, PERIOD)
    jan = records_behind(db, request, "2026-01", "level:language")
    assert [(r.kind, r.summary) for r in jan] == [
        ("practice_log", "Bo Rask"),
        ("practice_log", "×6"),
    ]
    feb = records_behind(db, request, "2026-02", "level:conversations")
    assert [(r.kind, r.summary) for r in feb] == [("practice_log", "Dee Orr")]
    jan_talks = records_behind(db, request, "2026-01", "level:conversations")
    assert [(r.kind, r.id) for r in jan_talks] == [("meeting", school["M1"])]
    reached = ReportRequest(ReportKind.CONTINUUM_REACHED, PERIOD)
    students = records_behind(db, reached, "level:repair_harm_circles", "measure:students")
    assert sorted(r.id for r in students) == sorted((school["s5"], school["s9"]))


def test_only_harm_counts_as_a_case_of_harm(
    db: Database, tables: dict[ReportKind, ReportTable]
) -> None:
    table = tables[ReportKind.CASES]
    assert column(table, "measure:opened") == (1, 2, 2)  # K1; K2 K3; K4 K8 (not K6 or K7)
    assert column(table, "measure:concerns") == (0, 1, 0)  # K6
    assert column(table, "measure:closed") == (1, 1, 1)  # K5; K1; K4 (K6 is a concern)
    # s4 is only in the old harm role on the concern K6: that is no case of harm either.
    risk = disproportionality(db, PERIOD, Breakdown(BreakdownKind.GRADE), minimum_group=1)
    assert {g.key: g.with_case for g in risk.groups} == {"grade:6": 1, "grade:7": 2, "grade:8": 2}


def test_repeat_harm_within_30_60_90_days(tables: dict[ReportKind, ReportTable]) -> None:
    table = tables[ReportKind.REPEAT_HARM]
    assert table.categories == ("within:30", "within:60", "within:90")
    # First harm cases in the period: s3 (K1, 54 days ago), s5 s6 (K2, 33), s9 (K3, 20), s10
    # (K4, 7). s3 caused harm again in K8, 50 days after K1. s5's concern K6 is no repeat, and
    # s9 is only harmed in K8. Within 30 days, s3 s5 s6 are followed and none repeated; within
    # 60 and 90, only s3 can be told yet, and did.
    assert column(table, "measure:followed") == (3, 1, 1)
    assert column(table, "measure:repeated") == (0, 1, 1)
    assert column(table, "measure:repeat_share") == (0, 1, 1)


def test_repair_as_felt_and_returns(tables: dict[ReportKind, ReportTable]) -> None:
    repair = tables[ReportKind.REPAIR_FELT]
    # Closed harm cases: K1 (yes), K4 and K5 (no answer). K6 is a concern.
    assert dict(zip(repair.categories, column(repair, "measure:closed"), strict=True)) == {
        "repair:yes": 1,
        "repair:partly": 0,
        "repair:no": 0,
        "repair:not_asked": 0,
        "repair:not_recorded": 2,
    }
    returns = tables[ReportKind.RE_ENTRY]
    assert column(returns, "measure:returned") == (0, 0, 1)  # s10 on 03-05
    assert column(returns, "measure:median_days") == (None, None, 2)  # K4 was on 03-03


def test_days_avoided_are_derived_from_referrals_the_typed_number_overriding(
    db: Database, tables: dict[ReportKind, ReportTable]
) -> None:
    table = tables[ReportKind.SUSPENSION_DAYS_AVOIDED]
    # January: K1's 5 derived. February: K2's typed 1 (over its referral's 4), K3's typed 3.
    # March: K4's typed 2; K8's referral took no restorative path.
    assert column(table, "measure:days") == (5, 4, 2)
    expected = {
        "K1": suspension_avoided((ProposedSuspension(True, 5, ReferralDecision.TIER2_CASE),), None),
        "K2": suspension_avoided((ProposedSuspension(True, 4, ReferralDecision.TIER2_CASE),), 1),
        "K8": suspension_avoided((ProposedSuspension(True, 3, ReferralDecision.NO_ACTION),), None),
    }
    assert [v.days for v in expected.values()] == [5, 1, None]  # the domain agrees
    request = ReportRequest(ReportKind.SUSPENSION_DAYS_AVOIDED, PERIOD)
    january = records_behind(db, request, "2026-01", "measure:days")
    assert [(r.kind, r.on) for r in january] == [("case", date(2026, 1, 15))]  # K1


def test_the_records_behind_the_outcomes_and_a_groups_share(
    db: Database, school: ReportSchool
) -> None:
    def behind(kind: ReportKind, category: str, series: str, by: Breakdown) -> list[object]:
        found = records_behind(db, ReportRequest(kind, PERIOD, by), category, series)
        return sorted((r.kind, r.id) for r in found)

    month = Breakdown()
    assert behind(ReportKind.REPAIR_FELT, "repair:yes", "measure:closed", month) == [
        ("case", school["K1"])
    ]
    assert behind(ReportKind.RE_ENTRY, "2026-03", "measure:returned", month) == [
        ("case", school["K4"])
    ]
    # Those who caused harm again within 60 days are students: s3.
    assert behind(ReportKind.REPEAT_HARM, "within:60", "measure:repeated", month) == [
        ("student", school["s3"])
    ]
    # Grade 6's students at a circle: s1 s2 s3 (of s1 s2 s3 s4).
    grade = Breakdown(BreakdownKind.GRADE)
    circles = behind(ReportKind.CONTINUUM_REACHED, "grade:6", "level:circles", grade)
    assert circles == sorted(("student", school[s]) for s in ("s1", "s2", "s3"))
    # By grade, a level's bar lists the records with a student of the grade: L2 (s2).
    language = behind(ReportKind.CONTINUUM, "grade:6", "level:language", grade)
    assert [kind for kind, _ in language] == ["practice_log"]


def test_planned_and_cancelled_meetings_are_not_practice_held(
    tables: dict[ReportKind, ReportTable],
) -> None:
    # As in the fixture alone: M7 (planned, K2, March) and M8 (cancelled, K1, February) are
    # neither meetings held nor a reason a student was reached.
    practices = tables[ReportKind.PRACTICES_BY_MONTH]
    assert column(practices, "tier:2") == (1, 2, 0)
    assert column(practices, "tier:3") == (0, 1, 1)
    reached = tables[ReportKind.STUDENTS_REACHED]
    # February, Tier 2: the fixture's five and s4 of the concern K6 (reach is not harm).
    # March, Tier 2: only K8 opened (s3 s9); K2's planned meeting (s5 s6 s9) reaches nobody.
    assert column(reached, "tier:2") == (2, 6, 2)
