"""Every report by month on the hand-made school of report_fixture.py (January to March 2026);
the expected figures are worked out in that module's docstring and in the comments here."""

import pytest

from rp_desktop.domain.reports.model import (
    Breakdown,
    ReportKind,
    ReportRequest,
    ReportTable,
    Unit,
)
from rp_desktop.services.reports.reporting import all_reports, report
from rp_desktop.services.safekeeping.database import Database
from tests.services.reports.fixture import MONTHS, PERIOD, ReportSchool, build_report_school


@pytest.fixture
def school(db: Database) -> ReportSchool:
    return build_report_school(db)


@pytest.fixture
def tables(db: Database, school: ReportSchool) -> dict[ReportKind, ReportTable]:
    return all_reports(db, PERIOD, Breakdown())


def column(table: ReportTable, series: str) -> tuple[float | None, ...]:
    return next(s.values for s in table.series if s.key == series)


def test_every_report_comes_back_by_month_with_nothing_to_say(
    tables: dict[ReportKind, ReportTable],
) -> None:
    assert list(tables) == list(ReportKind)
    own = {
        ReportKind.CONTINUUM_REACHED: "level:",
        ReportKind.REPEAT_HARM: "within:",
        ReportKind.REPAIR_FELT: "repair:",
    }
    for kind, table in tables.items():
        assert table.request == ReportRequest(kind, PERIOD, Breakdown())
        assert table.empty is None
        assert table.notes == ()
        if kind in own:
            assert all(c.startswith(own[kind]) for c in table.categories)
        elif kind is not ReportKind.PRACTICE_KINDS:
            assert table.categories == MONTHS


def test_practices_by_month(tables: dict[ReportKind, ReportTable]) -> None:
    table = tables[ReportKind.PRACTICES_BY_MONTH]
    assert table.unit is Unit.COUNT
    assert [s.key for s in table.series] == ["tier:1", "tier:2", "tier:3"]
    # Held circles: C1 C2 in January, C3 in February (C4 cancelled), C7 in March (C5 planned).
    assert column(table, "tier:1") == (2, 1, 1)
    # Meetings on Tier 2 cases: M1; M2 and M3. On Tier 3 cases: M4; M5.
    assert column(table, "tier:2") == (1, 2, 0)
    assert column(table, "tier:3") == (0, 1, 1)


def test_practice_kinds_list_the_kinds_held_in_continuum_order(
    tables: dict[ReportKind, ReportTable],
) -> None:
    table = tables[ReportKind.PRACTICE_KINDS]
    assert table.categories == (
        "circle_kind:community_building",  # C1 C3
        "circle_kind:check_in",  # C2 (C4 was cancelled)
        "circle_kind:academic",  # C7
        "meeting_kind:restorative_conversation",  # M1 (M6 is before the period)
        "meeting_kind:repair_harm_circle",  # M3
        "meeting_kind:formal_conference",  # M4, Tier 3
        "meeting_kind:re_entry_circle",  # M5, Tier 3
        "meeting_kind:agreement_follow_up",  # M2
    )
    assert column(table, "tier:1") == (2, 1, 1, 0, 0, 0, 0, 0)
    assert column(table, "tier:2") == (0, 0, 0, 1, 1, 0, 0, 1)
    assert column(table, "tier:3") == (0, 0, 0, 0, 0, 1, 1, 0)


def test_students_reached(tables: dict[ReportKind, ReportTable]) -> None:
    table = tables[ReportKind.STUDENTS_REACHED]
    # January: C1 s1 s2 s5, C2 s3 s7 s9. February: C3 s1 s5 s6 s10. March: C7 has nobody.
    assert column(table, "tier:1") == (6, 4, 0)
    # Tier 2: K1 opened and met (s1 s3) in January; K1 met again (s1 s3) and K2 opened (s5 s6
    # s9) in February. K5 only closed in January, which reaches nobody.
    assert column(table, "tier:2") == (2, 5, 0)
    # Tier 3: K3 (s9) in February, K4 (s10) in March.
    assert column(table, "tier:3") == (0, 1, 1)
    # Any tier, each student once: January the six of the circles (s1 s3 among them);
    # February s1 s5 s6 s10 of C3 with s3 s9 of the cases; March s10.
    assert column(table, "measure:reached") == (6, 6, 1)


def test_cases_opened_and_closed(tables: dict[ReportKind, ReportTable]) -> None:
    table = tables[ReportKind.CASES]
    assert [s.key for s in table.series] == [
        "measure:opened",
        "measure:closed",
        "tier:2",
        "tier:3",
        "measure:concerns",
    ]
    assert column(table, "measure:concerns") == (0, 0, 0)  # every category here is harm
    assert column(table, "measure:opened") == (1, 2, 1)  # K1; K2 K3; K4
    assert column(table, "measure:closed") == (1, 1, 1)  # K5 (opened in December); K1; K4
    assert column(table, "tier:2") == (1, 1, 0)  # the cases opened, by tier
    assert column(table, "tier:3") == (0, 1, 1)


def test_agreements_made_and_share_kept(tables: dict[ReportKind, ReportTable]) -> None:
    table = tables[ReportKind.AGREEMENTS]
    assert table.unit is Unit.COUNT
    assert column(table, "measure:made") == (1, 2, 0)  # A1; A2 A3; none (A4 is December's)
    # January, A1: I1 I3 done, I2 missed: 2/3. February: A2's I7 done (I4 I6 open and I5
    # renegotiated count neither way), A3's I8 missed (I9 open): 1/2. March: nothing made.
    assert column(table, "measure:kept_share") == pytest.approx((2 / 3, 0.5, None))
    assert table.unit_of("measure:kept_share") is Unit.SHARE
    assert table.unit_of("measure:made") is Unit.COUNT


def test_follow_ups_by_month_due(tables: dict[ReportKind, ReportTable]) -> None:
    table = tables[ReportKind.FOLLOW_UPS]
    # January: I10 (due 01-09, followed 01-09) and I1 on time.
    # February: I3 on time (case follow-up 02-01), I5 on time, I2 late, I4 overdue.
    # March: I8 late (missed, never followed up); I6 and I7 not yet due (today is 03-10).
    assert column(table, "measure:on_time") == (2, 2, 0)
    assert column(table, "measure:late") == (0, 1, 1)
    assert column(table, "measure:overdue") == (0, 1, 0)
    assert column(table, "measure:not_yet_due") == (0, 0, 2)


def test_suspension_days_avoided(tables: dict[ReportKind, ReportTable]) -> None:
    table = tables[ReportKind.SUSPENSION_DAYS_AVOIDED]
    assert table.unit is Unit.DAYS
    # K2 1 + K3 3 in February; K4 2 in March; K5's 4 days are December's.
    assert column(table, "measure:days") == (0, 4, 2)


def test_equity_of_voice(tables: dict[ReportKind, ReportTable]) -> None:
    table = tables[ReportKind.EQUITY_OF_VOICE]
    assert table.unit is Unit.INDEX
    assert table.unit_of("measure:pass_rate") is Unit.SHARE
    # January: R1 alone, Gini 2/9. February: median of R2 (0.1) and R4 (0.25); R3 had no
    # participant turns. March: no runs, nothing to compute.
    assert column(table, "measure:gini") == pytest.approx((2 / 9, 0.175, None))
    # Passes over turns: 1/6; (2 + 0) / (8 + 2).
    assert column(table, "measure:pass_rate") == pytest.approx((1 / 6, 0.2, None))


def test_one_report_is_the_same_as_in_all_reports(
    db: Database, tables: dict[ReportKind, ReportTable]
) -> None:
    for kind in (ReportKind.STUDENTS_REACHED, ReportKind.FOLLOW_UPS, ReportKind.PRACTICE_KINDS):
        assert report(db, ReportRequest(kind, PERIOD)) == tables[kind]
