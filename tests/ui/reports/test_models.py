"""The Reports tab's item models, checked by qtmodeltester with rows in them: the numbers
table of every report and the records behind a bar, on the school of the report tests
(tests/services/reports/fixture.py), where every report has something to count."""

from datetime import date

from rp_desktop.domain.reports.model import ReportKind
from rp_desktop.services.safekeeping.opening import Database
from rp_desktop.ui.reports.tab import ReportsTab
from tests.services.reports.fixture import build_report_school

# Each report's table for the school year 2025-26: a row a month, or one per practice kind,
# and a column for the month (or kind) then one per series.
SHAPES = {
    ReportKind.CONTINUUM: (12, 6),  # a column per level of the continuum
    ReportKind.CONTINUUM_REACHED: (5, 3),  # a row per level: students, their share
    ReportKind.PRACTICES_BY_MONTH: (12, 4),
    ReportKind.PRACTICE_KINDS: (8, 4),
    ReportKind.STUDENTS_REACHED: (12, 5),
    ReportKind.CASES: (12, 6),  # opened, closed, tier 2, tier 3, wellbeing concerns
    ReportKind.AGREEMENTS: (12, 3),
    ReportKind.FOLLOW_UPS: (12, 5),
    ReportKind.SUSPENSION_DAYS_AVOIDED: (12, 2),
    ReportKind.REPEAT_HARM: (3, 4),  # 30, 60, 90 days: people, again, the share
    ReportKind.REPAIR_FELT: (5, 2),  # yes, partly, no, not asked, no answer recorded
    ReportKind.RE_ENTRY: (12, 3),  # returned, the median days
    ReportKind.EQUITY_OF_VOICE: (12, 3),
}


def test_every_reports_numbers_and_the_records_behind_a_bar(
    qtbot, qtmodeltester, db: Database
) -> None:  # type: ignore[no-untyped-def]
    school = build_report_school(db)
    tab = ReportsTab(db, lambda: 2025)
    qtbot.addWidget(tab)
    tab.reload()
    assert list(SHAPES) == list(ReportKind)
    for kind, shape in SHAPES.items():
        tab.open_report(kind)
        numbers = tab.detail.numbers
        assert (numbers.rowCount(), numbers.columnCount()) == shape, kind
        qtmodeltester.check(numbers)

    tab.open_report(ReportKind.PRACTICES_BY_MONTH)
    tab.detail.list_records("2026-01", "tier:1")  # C1 and C2
    records = tab.detail.records.records
    assert [records.record(row).id for row in range(records.rowCount())] == [
        school["C2"],
        school["C1"],
    ]
    assert [records.record(row).on for row in range(2)] == [date(2026, 1, 20), date(2026, 1, 12)]
    qtmodeltester.check(records)
