"""The practice log's window: the logs listed, corrected, removed only when the user says so,
and grown into a Tier 2 case once, which then opens; and how the main window reaches it."""

from collections.abc import Callable, Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QPushButton
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from rp_desktop.domain.continuum.kinds import PracticeKind
from rp_desktop.domain.continuum.practice import PracticeFields, PracticeLog
from rp_desktop.domain.vocabulary import CategoryKind, Role, Tier
from rp_desktop.services.casework import cases
from rp_desktop.services.continuum import practice
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui import dialogs
from rp_desktop.ui.case.case_window import CaseWindow
from rp_desktop.ui.practice.case_dialog import OpenCaseDialog
from rp_desktop.ui.practice.dialog import LogPracticeDialog
from rp_desktop.ui.practice.log_model import PracticeLogModel
from rp_desktop.ui.practice.log_window import PracticeLogWindow
from rp_desktop.ui.window.main_window import MainWindow
from rp_desktop.ui.window.shortcuts_dialog import ShortcutsDialog
from tests.ui.conftest import School


def _logs(db: Database, school: School) -> tuple[PracticeLog, PracticeLog]:
    tally = PracticeFields(PracticeKind.AFFECTIVE_STATEMENT, date(2026, 3, 2), tally=6)
    chat = PracticeFields(
        PracticeKind.RESTORATIVE_CHAT,
        date(2026, 3, 9),
        minutes=5,
        staff_id=school.counselor_id,
        note="Words at the lockers",
        student_ids=(school.members[0].id, school.members[1].id),
    )
    return practice.log_practice(db, tally), practice.log_practice(db, chat)


@pytest.fixture
def logs(db: Database, school_db: School) -> tuple[PracticeLog, PracticeLog]:
    return _logs(db, school_db)


@pytest.fixture
def shown(
    qtbot: QtBot, db: Database, logs: tuple[PracticeLog, PracticeLog]
) -> Iterator[PracticeLogWindow]:
    window = PracticeLogWindow(db)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()
    window.deleteLater()


def answering(answer: Callable[[QDialog], None]) -> Callable[[QDialog], int]:
    """A dialogs.wait_for that answers the dialog it is given as the user would."""

    def wait_for(dialog: QDialog) -> int:
        dialog.show()
        answer(dialog)
        if dialog.isVisible():
            dialog.reject()
        return dialog.result()

    return wait_for


def test_the_model_passes_the_model_tester(qtmodeltester, logs) -> None:  # type: ignore[no-untyped-def]
    model = PracticeLogModel()
    model.set_rows(list(logs))
    qtmodeltester.check(model, force_py=True)


def test_the_newest_log_first_with_everything_it_holds(shown: PracticeLogWindow) -> None:
    model = shown.model
    texts = [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(2)]
    assert texts[0] == [
        "2026-03-09",
        "Restorative chat",
        "",
        "Xochitl Ibarra, Nou Xiong",
        "5",
        "Marisol Quintero",
        "Words at the lockers",
        "",
    ]
    assert texts[1][1:4] == ["Affective statement", "6", ""]
    assert shown.count.text() == "2 logs."
    assert shown.selected() == model.row(0)
    assert shown.case_button.text() == "Open a &case from this…"


def test_a_log_is_corrected_from_its_row(
    qtbot: QtBot, shown: PracticeLogWindow, db: Database
) -> None:
    changed: list[bool] = []
    shown.changed.connect(lambda: changed.append(True))
    shown.table.setFocus()
    qtbot.keyClick(shown.table, Qt.Key.Key_Return)
    form = shown.findChild(LogPracticeDialog)
    assert form is not None
    qtbot.waitUntil(form.isVisible)
    assert form.windowTitle() == "Practice log"
    form.note.setText("Words at the lockers, sorted out")
    form.accept()
    assert changed == [True]
    assert shown.model.row(0).fields.note == "Words at the lockers, sorted out"


def test_remove_asks_first(
    shown: PracticeLogWindow, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    answers = iter([False, True])

    def confirm(_parent: object, _title: str, text: str, *_rest: object, **_kw: object) -> bool:
        asked.append(text)
        return next(answers)

    monkeypatch.setattr(dialogs, "confirm", confirm)
    shown.remove_button.click()
    assert practice.practice_count(db) == 2  # kept
    shown.remove_button.click()
    assert practice.practice_count(db) == 1
    assert asked[0] == "The log of a restorative chat on 2026-03-09 will be removed for good."
    assert "Xochitl" not in asked[0]
    assert shown.model.rowCount() == 1


def test_a_chat_becomes_a_case_once_and_then_opens_it(
    qtbot: QtBot, shown: PracticeLogWindow, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[int] = []
    shown.caseOpenRequested.connect(opened.append)
    concern = next(c for c in cases.list_categories(db) if c.kind is CategoryKind.CONCERN)

    def choose(dialog: QDialog) -> None:
        assert isinstance(dialog, OpenCaseDialog)
        assert dialog.description.text() == "Words at the lockers"  # the note, to start from
        dialog.open_button.click()  # no category yet: said, and the dialog stays
        assert dialog.isVisible()
        assert dialog.problem.text() == "Choose what the case is about."
        dialog.category.setCurrentIndex(dialog.category.findText(concern.name))
        dialog.open_button.click()

    monkeypatch.setattr(dialogs, "wait_for", answering(choose))
    shown.case_button.click()

    [case_id] = opened
    case = cases.get_case(db, case_id)
    assert case.fields.tier is Tier.TARGETED
    assert case.fields.category_id == concern.id
    assert {p.fields.role for p in case.participants} == {Role.STUDENT}
    assert shown.model.index(0, 7).data() == f"Case {case_id}"
    assert shown.case_button.text() == f"Open case {case_id}"
    monkeypatch.setattr(dialogs, "wait_for", answering(lambda _d: pytest.fail("asked again")))
    shown.case_button.click()
    assert opened == [case_id, case_id]
    assert practice.get_practice(db, shown.model.row(0).id).case_id == case_id


def test_a_tally_naming_no_one_says_why_it_makes_no_case(
    shown: PracticeLogWindow, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    said: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _p, _title, text: said.append(text))
    shown.table.selectRow(1)
    assert "names no student" in shown.case_button.toolTip()
    shown.case_button.click()
    assert len(said) == 1
    assert "names no student" in said[0]


def test_the_main_window_reaches_the_log_and_its_case(
    qtbot: QtBot, window: MainWindow, db: Database, school_db: School, monkeypatch
) -> None:
    _logs(db, school_db)
    [log_entry] = [a for a in window.menuBar().actions() if a.text() == "&File"]
    menu = log_entry.menu()
    assert any(
        a.text() == "&Log a practice…" and a.shortcut().toString() == "Ctrl+Shift+L"
        for a in menu.actions()
    )
    keys = ShortcutsDialog(window.menuBar(), window)
    assert ("Ctrl+Shift+L", "Log a practice") in keys.rows()
    assert ("1 to 5", "Choose the practice (when a practice has the focus)") in keys.rows()
    assert ("Ctrl+Return", "Save, from any field") in keys.rows()
    keys.deleteLater()
    log_window = window.windows.practice_log()
    assert isinstance(log_window, PracticeLogWindow)
    assert window.windows.practice_log() is log_window  # one window, brought forward
    harm = next(c for c in cases.list_categories(db) if c.kind is CategoryKind.HARM)

    def choose(dialog: QDialog) -> None:
        assert isinstance(dialog, OpenCaseDialog)
        dialog.category.setCurrentIndex(dialog.category.findText(harm.name))
        dialog.accept()

    monkeypatch.setattr(dialogs, "wait_for", answering(choose))
    log_window.case_button.click()
    opened = [w for w in window.windows._windows.values() if isinstance(w, CaseWindow)]
    assert len(opened) == 1
    window.windows.close_all()


def test_homes_first_button_logs_a_practice_then_another(
    qtbot: QtBot, window: MainWindow, db: Database
) -> None:
    window.show_view("home")
    window.show()
    qtbot.waitExposed(window)
    home = window.home
    top = home.layout().itemAt(0).layout()
    buttons = [top.itemAt(i).widget() for i in range(top.count())]
    assert next(b for b in buttons if isinstance(b, QPushButton)) is home.log_practice

    def forms() -> list[LogPracticeDialog]:
        return [f for f in window.findChildren(LogPracticeDialog) if f.isVisible()]

    qtbot.mouseClick(home.log_practice, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(forms()) == 1)
    first = forms()[0]
    assert not first.confirmation.isVisible()
    qtbot.mouseClick(first.another_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(forms()) == 1 and forms()[0] is not first)
    second = forms()[0]
    assert second.confirmation.text() == "Logged: 1 affective statement"
    assert window.statusBar().currentMessage() == "Logged: 1 affective statement"
    assert practice.practice_count(db) == 1
    second.close()  # nothing typed: it closes without asking
    qtbot.waitUntil(lambda: not forms())


def test_the_form_leads_to_the_practice_log(
    qtbot: QtBot, window: MainWindow, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.show()
    qtbot.waitExposed(window)
    form = window.windows.log_practice()
    assert isinstance(form, LogPracticeDialog)
    qtbot.waitUntil(form.isVisible)
    form.note.setText("Half a thought")
    monkeypatch.setattr(dialogs, "confirm_discard", lambda _parent: False)
    qtbot.mouseClick(form.log_button, Qt.MouseButton.LeftButton)
    assert form.isVisible()  # "Keep editing": what was typed stays, and no window opens
    assert not any(isinstance(w, PracticeLogWindow) for w in window.windows._windows.values())
    form.note.clear()
    qtbot.mouseClick(form.log_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not isValid(form) or not form.isVisible())  # it goes once closed
    opened = [w for w in window.windows._windows.values() if isinstance(w, PracticeLogWindow)]
    assert len(opened) == 1
    assert opened[0].isVisible()
    window.windows.close_all()
