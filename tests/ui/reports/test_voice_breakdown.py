"""The Reports tab never shows voice (talk time, passes) by a demographic field or by grade:
chosen there, the voice card says why in words and the table saved from the tab has no voice
rows; by group it shows the groups' figures. On the school of tests/services/reports/fixture.py
(January to March 2026, circle runs with students whose gender is recorded)."""

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from rp_desktop.domain.reports.model import Breakdown, BreakdownKind, ReportKind
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui.reports import numbers
from rp_desktop.ui.reports.charts import ReportChartView
from rp_desktop.ui.reports.tab import ReportsTab
from rp_desktop.ui.reports.words import breakdown_word, report_title
from tests.services.reports.fixture import build_report_school

VOICE = ReportKind.EQUITY_OF_VOICE


def make_tab(qtbot: QtBot, db: Database) -> ReportsTab:
    build_report_school(db)
    tab = ReportsTab(db, lambda: 2025)
    qtbot.addWidget(tab)
    tab.resize(1280, 720)
    tab.show()
    tab.reload()
    return tab


def choose_breakdown(qtbot: QtBot, tab: ReportsTab, wanted: str) -> None:
    """As a person does: the drop-down in focus, the arrow keys until it reads `wanted`."""
    combo = tab.filters.breakdown_choice
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentText() == wanted:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == wanted


def voice_rows(tab: ReportsTab) -> list[list[object]]:
    _headers, rows = numbers.long_rows(tab.tables, tab.groups)
    return [list(row) for row in rows if report_title(VOICE) in [str(c) for c in row]]


def test_voice_by_gender_or_grade_shows_why_and_saves_no_rows(qtbot: QtBot, db: Database) -> None:
    tab = make_tab(qtbot, db)
    tab.filters.year.setCurrentIndex(tab.filters.year.findText("2025-26"))
    assert tab.filters.period().first == date(2025, 8, 1)
    assert voice_rows(tab)  # by month, voice is there with its numbers
    for wanted in (
        breakdown_word(Breakdown(BreakdownKind.DEMOGRAPHIC, "gender")),
        breakdown_word(Breakdown(BreakdownKind.GRADE)),
    ):
        choose_breakdown(qtbot, tab, wanted)
        card = tab.overview.card(VOICE)
        assert card.is_empty
        assert "never by a demographic field or by grade" in card.chart.text()
        assert "Pass rate: passes ÷ turns of the group's students" not in card.aid.text()
        assert voice_rows(tab) == []
        # The cases report is still there by the same breakdown.
        assert not tab.overview.card(ReportKind.CASES).is_empty


def test_voice_by_group_shows_the_groups(qtbot: QtBot, db: Database) -> None:
    tab = make_tab(qtbot, db)
    choose_breakdown(qtbot, tab, breakdown_word(Breakdown(BreakdownKind.GROUP)))
    card = tab.overview.card(VOICE)
    assert isinstance(card.chart, ReportChartView)
    assert "group's students" in card.aid.text()
    assert voice_rows(tab)
