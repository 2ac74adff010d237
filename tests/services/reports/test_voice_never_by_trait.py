"""Equity of voice is reported per circle (by month) and per the circle's own group, never by a
demographic field, by grade or by homeroom: the report has no rows for one, the records behind
a bar are refused, and neither export holds voice by a demographic field. On the school of
fixture.py (January to March 2026), whose runs have seats of students with a gender recorded."""

import csv
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from rp_desktop.domain.reports.model import Breakdown, BreakdownKind, ReportKind, ReportRequest
from rp_desktop.domain.reports.voice import (
    NOT_BY_TRAIT,
    refuse_voice_breakdown,
    voice_breakdown_allowed,
)
from rp_desktop.services.exports.district.package import write_district_package
from rp_desktop.services.exports.district.readme import VOICE_LEFT_OUT
from rp_desktop.services.exports.records.export import export_records
from rp_desktop.services.reports.grouping import Grouping
from rp_desktop.services.reports.reporting import all_reports, records_behind, report
from rp_desktop.services.reports.voice import seat_tallies, seats_by_category
from rp_desktop.services.safekeeping.database import Database
from tests.services.reports.fixture import PERIOD, ReportSchool, build_report_school

GENDER = Breakdown(BreakdownKind.DEMOGRAPHIC, "gender")
VOICE = ReportKind.EQUITY_OF_VOICE
NEVER = (GENDER, Breakdown(BreakdownKind.GRADE), Breakdown(BreakdownKind.HOMEROOM))


@pytest.fixture
def school(db: Database) -> ReportSchool:
    return build_report_school(db)


def test_only_months_and_the_circles_own_groups_may_break_voice_down() -> None:
    allowed = {kind for kind in BreakdownKind if voice_breakdown_allowed(Breakdown(kind))}
    assert allowed == {BreakdownKind.NONE, BreakdownKind.GROUP}
    refuse_voice_breakdown(BreakdownKind.GROUP)  # no error
    for breakdown in NEVER:
        with pytest.raises(ValueError, match="never by a demographic field or by grade"):
            refuse_voice_breakdown(breakdown)


@pytest.mark.parametrize("breakdown", NEVER, ids=["gender", "grade", "homeroom"])
def test_voice_by_a_trait_has_no_rows_only_the_reason(
    db: Database, school: ReportSchool, breakdown: Breakdown
) -> None:
    for table in (
        report(db, ReportRequest(VOICE, PERIOD, breakdown)),
        all_reports(db, PERIOD, breakdown)[VOICE],
    ):
        assert table.empty == NOT_BY_TRAIT
        assert table.categories == ()
        assert table.series == ()
    # The other reports are still by that breakdown: only voice is refused.
    cases = report(db, ReportRequest(ReportKind.CASES, PERIOD, breakdown))
    assert cases.empty is None
    assert cases.categories


def test_the_same_runs_are_reported_by_group_and_by_month(
    db: Database, school: ReportSchool
) -> None:
    by_group = report(db, ReportRequest(VOICE, PERIOD, Breakdown(BreakdownKind.GROUP)))
    assert by_group.empty is None
    assert [s.key for s in by_group.series] == ["measure:pass_rate", "measure:talk_ratio"]
    by_month = report(db, ReportRequest(VOICE, PERIOD))
    assert by_month.empty is None
    assert by_month.categories == ("2026-01", "2026-02", "2026-03")


def test_the_runs_behind_a_trait_are_refused(db: Database, school: ReportSchool) -> None:
    request = ReportRequest(VOICE, PERIOD, GENDER)
    with pytest.raises(ValueError, match="never by a demographic field"):
        records_behind(db, request, "demographic:Female", "measure:pass_rate")
    with Session(db.engine) as session:
        dated = seat_tallies(session, PERIOD)
        assert dated  # the runs are there; only the breakdown is refused
        with pytest.raises(ValueError, match="never by a demographic field"):
            seats_by_category(session, Grouping(GENDER, PERIOD), dated)


def _all_text(folder: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8-sig") for p in sorted(folder.iterdir()))


def test_no_export_holds_voice_by_a_demographic_field(
    db: Database, school: ReportSchool, tmp_path: Path
) -> None:
    for name in ("package", "records"):
        (tmp_path / name).mkdir()
    package = write_district_package(db, tmp_path / "package", PERIOD)
    names = [file.name for file in package.files]
    assert names  # a real package, with its files
    for name in [*names, *(p.name for p in (tmp_path / "package").iterdir())]:
        for word in ("voice", "talk", "pass_rate"):
            assert word not in name, name
    text = _all_text(tmp_path / "package")
    for word in ("talk_ratio", "pass_rate", "gini"):
        assert word not in text
    readme = (tmp_path / "package" / "README.txt").read_text(encoding="utf-8")
    assert "\n".join(VOICE_LEFT_OUT) in readme
    assert "never by a demographic field" in readme
    records = export_records(db, tmp_path / "records", PERIOD, with_answers=True)
    for file in records.files:
        with (tmp_path / "records" / file.name).open(encoding="utf-8-sig", newline="") as f:
            headers = next(csv.reader(f))
        assert not {"gini", "pass_rate", "talk_ratio"} & set(headers), file.name
