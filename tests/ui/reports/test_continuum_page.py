"""The continuum view and the outcomes on the Reports tab, driven by clicks and keys: the first
two cards are the continuum's, a card opens its page with the chart, the numbers and the
records behind a number, and the page saves as a table.

Riverside Middle (tests/ui/conftest.py): four grade 7 students, circles held on 23 Feb, 2 Mar
and 9 Mar 2026, today 10 Mar 2026. Added here: five affective statements tallied on 3 Mar with
no student, a restorative chat with Xochitl on 4 Mar, a check-in with Nou on 24 Feb; and two
harm cases in which Xochitl caused harm, on 5 and 20 January.
"""

import csv
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from rp_desktop.domain.continuum.kinds import PracticeKind
from rp_desktop.domain.continuum.practice import PracticeFields
from rp_desktop.domain.records import CaseFields, ParticipantFields
from rp_desktop.domain.reports.model import ReportKind
from rp_desktop.domain.vocabulary import Role, Tier
from rp_desktop.services.casework import cases
from rp_desktop.services.continuum.practice import log_practice
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui.reports import asking
from rp_desktop.ui.reports.tab import ReportsTab
from tests.ui.conftest import School

MAR, FEB = 7, 6  # rows of March and February among the school year's months


@pytest.fixture
def tab(qtbot, db: Database, school_db: School) -> ReportsTab:  # type: ignore[no-untyped-def]
    xochitl, nou = school_db.members[0].id, school_db.members[1].id
    for fields in (
        PracticeFields(PracticeKind.AFFECTIVE_STATEMENT, date(2026, 3, 3), tally=5),
        PracticeFields(PracticeKind.RESTORATIVE_CHAT, date(2026, 3, 4), student_ids=(xochitl,)),
        PracticeFields(PracticeKind.CHECK_IN_OUT, date(2026, 2, 24), student_ids=(nou,)),
    ):
        log_practice(db, fields)
    harm = cases.list_categories(db)[0].id
    for day in (date(2026, 1, 5), date(2026, 1, 20)):
        cases.open_case(
            db,
            CaseFields(
                tier=Tier.TARGETED,
                occurred_on=day,
                category_id=harm,
                description="Words in the hallway.",
                participants=(ParticipantFields(Role.PERSON_WHO_CAUSED_HARM, student_id=xochitl),),
            ),
        )
    tab = ReportsTab(db, lambda: 2025)
    qtbot.addWidget(tab)
    tab.resize(1280, 720)
    tab.reload()
    tab.show()
    qtbot.waitExposed(tab)
    return tab


def cell(tab: ReportsTab, row: int, column: int) -> str:
    numbers = tab.detail.numbers
    return str(numbers.data(numbers.index(row, column), Qt.ItemDataRole.DisplayRole))


def open_card(qtbot, tab: ReportsTab, kind: ReportKind) -> None:  # type: ignore[no-untyped-def]
    card = tab.overview.card(kind)
    tab.overview.ensureWidgetVisible(card)
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    assert tab.pages.currentWidget() is tab.detail


def test_the_continuum_leads_the_reports_and_opens_with_a_click(qtbot, tab: ReportsTab) -> None:  # type: ignore[no-untyped-def]
    kinds = [card.kind for card in tab.overview.cards]
    assert kinds[:2] == [ReportKind.CONTINUUM, ReportKind.CONTINUUM_REACHED]
    open_card(qtbot, tab, ReportKind.CONTINUUM)
    assert tab.detail.title.text() == "The continuum of practice"
    headers = [
        tab.detail.numbers.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        for c in range(6)
    ]
    assert headers == ["Month", "Language", "Chats", "Circles", "Repair-harm", "Conferences"]
    # March: the five statements of the tally, the chat, two circles. February: the check-in
    # and one circle.
    assert [cell(tab, MAR, c) for c in range(1, 4)] == ["5", "1", "2"]
    assert [cell(tab, FEB, c) for c in range(1, 4)] == ["0", "1", "1"]
    # Choosing March's chats in the table lists the log behind it, named by its student.
    table = tab.detail.table
    rect = table.visualRect(tab.detail.numbers.index(MAR, 2))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    listed = tab.detail.records.records
    assert listed.rowCount() == 1
    assert listed.record(0).kind == "practice_log"
    assert listed.record(0).summary == "Xochitl Ibarra"
    assert tab.detail.records_caption.text() == "1 record behind Chats · Mar 2026:"
    tab.detail.back.setFocus()
    qtbot.keyClick(tab.detail.back, Qt.Key.Key_Escape)
    assert tab.pages.currentWidget() is tab.overview


def test_the_share_reached_at_each_level(qtbot, tab: ReportsTab) -> None:  # type: ignore[no-untyped-def]
    open_card(qtbot, tab, ReportKind.CONTINUUM_REACHED)
    rows = [[cell(tab, r, c) for c in range(3)] for r in range(5)]
    assert rows == [
        ["Language", "0", "0%"],  # a tally names nobody
        ["Chats", "2", "50%"],  # Xochitl's chat, Nou's check-in: 2 of 4 students
        ["Circles", "4", "100%"],
        ["Repair-harm", "0", "0%"],
        ["Conferences", "0", "0%"],
    ]
    header = tab.detail.numbers.headerData(0, Qt.Orientation.Horizontal)
    assert header == "Level"


def test_the_continuum_page_saves_as_a_table(  # type: ignore[no-untyped-def]
    qtbot, tab: ReportsTab, monkeypatch, tmp_path: Path
) -> None:
    open_card(qtbot, tab, ReportKind.CONTINUUM)
    out = tmp_path / "continuum.csv"
    monkeypatch.setattr(asking, "choose_table_path", lambda _parent, _name: out)
    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    with out.open(encoding="utf-8-sig", newline="") as stream:
        saved = list(csv.reader(stream))
    assert saved[0] == ["Month", "Language", "Chats", "Circles", "Repair-harm", "Conferences"]
    assert saved[MAR + 1] == ["Mar 2026", "5", "1", "2", "0", "0"]


def test_repeat_harm_is_on_its_own_page(qtbot, tab: ReportsTab) -> None:  # type: ignore[no-untyped-def]
    open_card(qtbot, tab, ReportKind.REPEAT_HARM)
    assert tab.detail.title.text() == "Repeat harm"
    # Xochitl caused harm on 5 January and again 15 days later: within 30, 60 and 90 days.
    rows = [[cell(tab, r, c) for c in range(4)] for r in range(3)]
    assert rows == [
        ["Within 30 days", "1", "1", "100%"],
        ["Within 60 days", "1", "1", "100%"],
        ["Within 90 days", "1", "1", "100%"],
    ]
