"""The records behind a bar: exactly the records the report counted there, newest first, each
named in a few words that never quote a case's description or private note."""

from datetime import date

import pytest

from rp_desktop.domain.reports.model import (
    Breakdown,
    BreakdownKind,
    RecordRef,
    ReportKind,
    ReportRequest,
    Unit,
)
from rp_desktop.services.reports.reporting import all_reports, records_behind
from rp_desktop.services.safekeeping.database import Database
from tests.services.reports.fixture import CATEGORY, PERIOD, ReportSchool, build_report_school


@pytest.fixture
def school(db: Database) -> ReportSchool:
    return build_report_school(db)


def behind(
    db: Database, kind: ReportKind, category: str, series: str, breakdown: Breakdown | None = None
) -> list[RecordRef]:
    request = ReportRequest(kind, PERIOD, breakdown or Breakdown())
    return records_behind(db, request, category, series)


def ids(records: list[RecordRef]) -> list[tuple[str, int]]:
    return [(record.kind, record.id) for record in records]


@pytest.mark.parametrize(
    "breakdown", [BreakdownKind.NONE, BreakdownKind.GRADE, BreakdownKind.GROUP]
)
def test_every_counted_bar_lists_as_many_records_as_it_counts(
    db: Database, school: ReportSchool, breakdown: BreakdownKind
) -> None:
    checked = 0
    for kind, table in all_reports(db, PERIOD, Breakdown(breakdown)).items():
        for series in table.series:
            if table.unit_of(series.key) is not Unit.COUNT:
                continue
            for category, value in zip(table.categories, series.values, strict=True):
                records = records_behind(db, table.request, category, series.key)
                assert len(records) == value, (kind, category, series.key)
                assert len(set(ids(records))) == len(records)
                checked += bool(value)
    assert checked > 20  # the school has something in most bars


def test_circles_behind_a_month_newest_first(db: Database, school: ReportSchool) -> None:
    records = behind(db, ReportKind.PRACTICES_BY_MONTH, "2026-01", "tier:1")
    assert records == [
        RecordRef("circle", school["C2"], date(2026, 1, 20), "Purpose C2"),
        RecordRef("circle", school["C1"], date(2026, 1, 12), "North · Purpose C1"),
    ]


def test_meetings_behind_a_tier_open_in_their_case(db: Database, school: ReportSchool) -> None:
    records = behind(db, ReportKind.PRACTICES_BY_MONTH, "2026-02", "tier:2")
    assert ids(records) == [("meeting", school["M2"]), ("meeting", school["M3"])]
    assert [r.case_id for r in records] == [school["K1"], school["K2"]]
    assert records[1].summary == f"{CATEGORY} · Eli Fenn, Fay Gorm, Ira Lusk"


def test_practice_kind_bars(db: Database, school: ReportSchool) -> None:
    circles = behind(db, ReportKind.PRACTICE_KINDS, "circle_kind:community_building", "tier:1")
    assert ids(circles) == [("circle", school["C3"]), ("circle", school["C1"])]
    meetings = behind(db, ReportKind.PRACTICE_KINDS, "meeting_kind:re_entry_circle", "tier:3")
    assert ids(meetings) == [("meeting", school["M5"])]


def test_cases_closed_are_dated_by_the_day_closed(db: Database, school: ReportSchool) -> None:
    records = behind(db, ReportKind.CASES, "2026-01", "measure:closed")
    assert records == [
        RecordRef("case", school["K5"], date(2026, 1, 8), f"{CATEGORY} · Hal Ivo", school["K5"])
    ]


def test_summaries_never_quote_the_case_itself(db: Database, school: ReportSchool) -> None:
    records = behind(
        db, ReportKind.CASES, "grade:8", "measure:opened", Breakdown(BreakdownKind.GRADE)
    )
    assert ids(records) == [("case", school["K4"]), ("case", school["K3"]), ("case", school["K2"])]
    for record in records:
        assert "Secret" not in record.summary
        assert "never reported" not in record.summary
    # K3's family member is named only on the case: not a student, not in the summary.
    assert records[1].summary == f"{CATEGORY} · Ira Lusk"


def test_students_reached(db: Database, school: ReportSchool) -> None:
    records = behind(db, ReportKind.STUDENTS_REACHED, "2026-03", "measure:reached")
    assert records == [RecordRef("student", school["s10"], date(2026, 3, 4), "Jo Moss · 8A")]
    tier_two = behind(db, ReportKind.STUDENTS_REACHED, "2026-02", "tier:2")
    labels = {"s1", "s3", "s5", "s6", "s9"}
    assert {r.id for r in tier_two} == {school[s] for s in labels}


def test_items_behind_the_share_kept_are_the_settled_ones(
    db: Database, school: ReportSchool
) -> None:
    records = behind(db, ReportKind.AGREEMENTS, "2026-02", "measure:kept_share")
    # I8 (missed, A3 made 02-20) and I7 (done, A2 made 02-06); open and renegotiated left out.
    assert ids(records) == [("agreement_item", school["I8"]), ("agreement_item", school["I7"])]
    assert records[0].summary == "Item I8 to do"
    assert records[0].case_id == school["K3"]
    made = behind(db, ReportKind.AGREEMENTS, "2026-02", "measure:made")
    assert ids(made) == [("agreement", school["A3"]), ("agreement", school["A2"])]


def test_follow_up_items_are_dated_by_the_day_due(db: Database, school: ReportSchool) -> None:
    late = behind(db, ReportKind.FOLLOW_UPS, "2026-03", "measure:late")
    assert [(r.id, r.on) for r in late] == [(school["I8"], date(2026, 3, 6))]
    waiting = behind(
        db, ReportKind.FOLLOW_UPS, "grade:7", "measure:not_yet_due", Breakdown(BreakdownKind.GRADE)
    )
    assert ids(waiting) == [("agreement_item", school["I6"]), ("agreement_item", school["I7"])]


def test_days_avoided_list_the_cases(db: Database, school: ReportSchool) -> None:
    records = behind(db, ReportKind.SUSPENSION_DAYS_AVOIDED, "2026-02", "measure:days")
    assert ids(records) == [("case", school["K3"]), ("case", school["K2"])]


def test_runs_behind_equity_of_voice(db: Database, school: ReportSchool) -> None:
    february = behind(db, ReportKind.EQUITY_OF_VOICE, "2026-02", "measure:gini")
    # R3 had no participant turns, so it was not counted.
    assert ids(february) == [("run", school["R4"]), ("run", school["R2"])]
    assert february[0].summary == "South · Stone"  # the group it was kept for, its piece
    by_group = behind(
        db,
        ReportKind.EQUITY_OF_VOICE,
        f"group:{school['South']}",
        "measure:talk_ratio",
        Breakdown(BreakdownKind.GROUP),
    )
    assert ids(by_group) == [("run", school["R4"])]  # R3, South's too, had no turn
    assert [r.circle_id for r in february] == [None, None]  # made no circle record


def test_a_run_that_made_a_circle_record_opens_as_that_circle(
    db: Database, school: ReportSchool
) -> None:
    january = behind(db, ReportKind.EQUITY_OF_VOICE, "2026-01", "measure:gini")
    assert ids(january) == [("run", school["R1"])]
    assert january[0].circle_id == school["C1"]
    assert january[0].case_id is None


def test_limit_keeps_the_newest(db: Database, school: ReportSchool) -> None:
    request = ReportRequest(ReportKind.STUDENTS_REACHED, PERIOD)
    records = records_behind(db, request, "2026-01", "tier:1", limit=2)
    assert len(records) == 2
    assert {r.on for r in records} == {date(2026, 1, 20)}  # the three of C2
    assert records_behind(db, request, "2026-01", "tier:1", limit=0) == []


@pytest.mark.parametrize(
    ("kind", "breakdown", "category", "series"),
    [
        (ReportKind.CASES, BreakdownKind.NONE, "2026-01", "tier:9"),
        (ReportKind.CASES, BreakdownKind.NONE, "2025-12", "measure:opened"),
        (ReportKind.CASES, BreakdownKind.NONE, "grade:7", "measure:opened"),
        (ReportKind.CASES, BreakdownKind.GRADE, "homeroom:7A", "measure:opened"),
        (ReportKind.PRACTICE_KINDS, BreakdownKind.NONE, "2026-01", "tier:1"),
        (ReportKind.EQUITY_OF_VOICE, BreakdownKind.GRADE, "grade:7", "measure:gini"),
    ],
)
def test_a_bar_the_report_does_not_have_is_refused(
    db: Database,
    school: ReportSchool,
    kind: ReportKind,
    breakdown: BreakdownKind,
    category: str,
    series: str,
) -> None:
    with pytest.raises(ValueError, match=r"not|no series"):
        behind(db, kind, category, series, Breakdown(breakdown))
