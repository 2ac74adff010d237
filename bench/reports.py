"""Reports and exports on the building, for one whole school year: every chart of the Reports
tab (the service's numbers, then the charts drawn), and exporting that year (every record, and
the district package), each beside a raw sqlite3 reference measured in the same run."""

import csv
import shutil
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QApplication

from bench.building import remove, working_copy
from bench.tables import table
from rp_desktop.domain import school_year
from rp_desktop.domain.reports.model import Breakdown, BreakdownKind, Period
from rp_desktop.services.exports.district import package as district_package
from rp_desktop.services.exports.records import export as exports
from rp_desktop.services.reports import reporting as reports
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.opening import open_database
from rp_desktop.ui.application import application
from rp_desktop.ui.reports.tab import ReportsTab

ROUNDS = 5
EXPORT_ROUNDS = 3

# The cheapest chart there is, in raw SQL: circles held per month of the year.
RAW_CHART_SQL = """
SELECT strftime('%Y-%m', held_on), count(*) FROM community_circle
WHERE status = 'held' AND held_on BETWEEN ? AND ? GROUP BY 1
"""
# The largest file of a year's export, in raw SQL through the csv module: who was in which circle.
RAW_EXPORT_SQL = """
SELECT a.circle_id, a.student_id, c.held_on FROM circle_attendance a
JOIN community_circle c ON c.id = a.circle_id WHERE c.held_on BETWEEN ? AND ?
"""


@dataclass(frozen=True)
class ReportFigures:
    year: str
    charts_month: float  # the service and the charts drawn, by month
    charts_grade: float  # the same, by grade
    service_month: float
    service_grade: float
    raw_chart: float
    export_records: float
    export_package: float
    raw_export: float
    exported_rows: int


def median_of(rounds: int, action: Callable[[], object]) -> float:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def measure() -> ReportFigures:
    path = working_copy("reports")
    try:
        return _measure(path)
    finally:
        remove(path)


def _measure(path: Path) -> ReportFigures:
    application()
    with open_database(path, unencrypted=True) as db:
        span = reports.data_span(db)
        assert span is not None, "the building has no records"
        year = school_year.school_year_of(span.last) - 1  # the last whole school year
        period = Period(school_year.first_day(year), school_year.last_day(year))
        figures = _chart_figures(db, year, period)
        rows, exported = _export_figures(db, period)
    bounds = (period.first.isoformat(), period.last.isoformat())
    with closing(sqlite3.connect(path)) as raw:
        figures["raw_chart"] = median_of(
            ROUNDS, lambda: raw.execute(RAW_CHART_SQL, bounds).fetchall()
        )
        figures["raw_export"] = median_of(EXPORT_ROUNDS, lambda: _raw_export(raw, bounds))
    return ReportFigures(year=school_year.label(year), exported_rows=rows, **figures, **exported)


def _chart_figures(db: Database, year: int, period: Period) -> dict[str, float]:
    """Every chart of the Reports tab drawn, and the service's numbers alone, by month and by
    grade."""
    tab = ReportsTab(db, lambda: year)
    tab.resize(1920, 1080)
    tab.show()
    tab.reload()

    def charts(breakdown: Breakdown) -> None:
        tab.overview.show_tables(reports.all_reports(db, period, breakdown), tab.groups)
        QApplication.processEvents()
        tab.grab()  # laid out and painted

    by_month, by_grade = Breakdown(), Breakdown(BreakdownKind.GRADE)
    figures = {
        "charts_month": median_of(ROUNDS, lambda: charts(by_month)),
        "charts_grade": median_of(ROUNDS, lambda: charts(by_grade)),
        "service_month": median_of(ROUNDS, lambda: reports.all_reports(db, period, by_month)),
        "service_grade": median_of(ROUNDS, lambda: reports.all_reports(db, period, by_grade)),
    }
    tab.hide()
    tab.deleteLater()
    QApplication.processEvents()
    return figures


def _export_figures(db: Database, period: Period) -> tuple[int, dict[str, float]]:
    """The rows of the year's records export, and the seconds of both exports."""
    rows: list[int] = []

    def export_records() -> None:
        with tempfile.TemporaryDirectory() as folder:
            rows.append(exports.export_records(db, Path(folder), period).rows)

    def export_package() -> None:
        with tempfile.TemporaryDirectory() as folder:
            district_package.write_district_package(db, Path(folder), period)

    figures = {
        "export_records": median_of(EXPORT_ROUNDS, export_records),
        "export_package": median_of(EXPORT_ROUNDS, export_package),
    }
    return rows[-1], figures


def _raw_export(raw: sqlite3.Connection, bounds: tuple[str, str]) -> None:
    folder = Path(tempfile.mkdtemp())
    try:
        with open(folder / "attendance.csv", "w", newline="", encoding="utf-8") as out:
            csv.writer(out).writerows(raw.execute(RAW_EXPORT_SQL, bounds))
    finally:
        shutil.rmtree(folder)


def report(figures: ReportFigures | None = None) -> str:
    f = figures or measure()
    return "\n\n".join(
        [
            f"## Reports and exports\nOne whole school year ({f.year}) of the building. "
            f"Charts: every report of the Reports tab, the service's numbers and the charts "
            f"laid out and painted (offscreen), median of {ROUNDS}. The reference is the "
            "cheapest chart in raw SQL (circles held per month). Exports: median of "
            f"{EXPORT_ROUNDS}, into a new folder; the reference writes the year's circle "
            "attendance (the largest file) straight from sqlite3 through the csv module.",
            table(
                ("figure", "RP Desktop", "of which the numbers", "reference", "target"),
                _rows(f),
            ),
        ]
    )


def _rows(f: ReportFigures) -> list[tuple[str, str, str, str, str]]:
    ms = 1000
    return [
        (
            "all charts, by month",
            f"{f.charts_month * ms:.0f} ms",
            f"{f.service_month * ms:.0f} ms",
            f"{f.raw_chart * ms:.1f} ms",
            "<= 300 ms",
        ),
        (
            "all charts, by grade",
            f"{f.charts_grade * ms:.0f} ms",
            f"{f.service_grade * ms:.0f} ms",
            "",
            "<= 300 ms",
        ),
        (
            f"export the year's records ({f.exported_rows:,} rows)",
            f"{f.export_records:.2f} s",
            "",
            f"{f.raw_export:.2f} s",
            "<= 2 s",
        ),
        ("export the year's district package", f"{f.export_package:.2f} s", "", "", "<= 2 s"),
    ]
