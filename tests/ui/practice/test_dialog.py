"""The "Log a practice" dialog: the kind chosen from the keyboard, the count for a tally only,
each kind's usual minutes, students by name, Enter and Ctrl+Enter saving, a log corrected, and
a draft that survives a crash."""

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from rp_desktop.domain.continuum.kinds import PracticeKind
from rp_desktop.domain.continuum.practice import PracticeFields
from rp_desktop.services import drafts
from rp_desktop.services.continuum import practice
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui import dialogs
from rp_desktop.ui.forms.widgets import select_data
from rp_desktop.ui.practice.dialog import LogPracticeDialog
from rp_desktop.ui.window.reopening import reopen_draft
from tests.ui.conftest import School, type_text

TODAY = date(2026, 3, 10)


def shown(qtbot: QtBot, dialog: LogPracticeDialog) -> LogPracticeDialog:
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


@pytest.fixture
def form(qtbot: QtBot, db: Database, school_db: School) -> Iterator[LogPracticeDialog]:
    dialog = shown(qtbot, LogPracticeDialog(db))
    yield dialog
    dialog.remember_initial()  # what a test typed is thrown away without asking
    dialog.close()
    dialog.deleteLater()


def focused() -> object:
    return QApplication.focusWidget()


def test_it_opens_on_an_affective_statement_today_its_kind_focused(
    form: LogPracticeDialog,
) -> None:
    assert form.kind.kind() is PracticeKind.AFFECTIVE_STATEMENT
    assert focused() is form.kind.buttons[0]
    assert form.tally.isVisible()
    assert form.tally.value() == 1
    assert form.happened_on.date().toPython() == TODAY
    assert form.minutes.text() == "Not recorded"
    assert form.staff.currentText() == "Not recorded"  # nobody has logged yet


def test_numbers_and_arrows_choose_the_kind_and_its_usual_minutes(
    qtbot: QtBot, form: LogPracticeDialog
) -> None:
    qtbot.keyClick(focused(), Qt.Key.Key_2)
    assert form.kind.kind() is PracticeKind.RESTORATIVE_CHAT
    assert focused() is form.kind.buttons[1]
    assert form.minutes.value() == 5
    assert not form.tally.isVisible()  # one chat is one chat
    qtbot.keyClick(focused(), Qt.Key.Key_Right)
    assert form.kind.kind() is PracticeKind.IMPROMPTU_CONFERENCE
    assert form.minutes.value() == 15
    qtbot.keyClick(focused(), Qt.Key.Key_5)
    qtbot.keyClick(focused(), Qt.Key.Key_Down)  # the last stays the last
    assert form.kind.kind() is PracticeKind.POSITIVE_OBSERVATION
    assert form.minutes.value() == 0
    qtbot.keyClick(focused(), Qt.Key.Key_Up)
    assert form.kind.kind() is PracticeKind.CHECK_IN_OUT
    assert [form.kind.buttons[3]] == [b for b in form.kind.buttons if b.isChecked()]


def test_minutes_typed_stay_when_the_kind_changes(qtbot: QtBot, form: LogPracticeDialog) -> None:
    qtbot.keyClick(focused(), Qt.Key.Key_2)
    form.minutes.setValue(12)
    qtbot.keyClick(form.kind.current_button(), Qt.Key.Key_4)
    assert form.minutes.value() == 12


def test_tab_leaves_the_kinds_in_one_step_and_goes_round_the_form(
    qtbot: QtBot, form: LogPracticeDialog
) -> None:
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is form.tally
    qtbot.keyClick(focused(), Qt.Key.Key_Backtab)
    assert focused() is form.kind.buttons[0]
    seen = []
    for _ in range(16):  # the date's day, month and year are a stop each
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        seen.append(focused())
    buttons = [form.save_button, form.another_button, form.cancel_button, form.log_button]
    assert [widget for widget in seen if widget in buttons][:4] == buttons
    for widget in (form.students.picker.search, form.minutes, form.staff, form.note):
        assert widget in seen
    assert form.kind.buttons[0] in seen  # round again: nothing traps the focus


def test_a_tally_typed_in_the_count_is_saved_with_enter(
    qtbot: QtBot, form: LogPracticeDialog, db: Database
) -> None:
    said: list[str] = []
    form.logged.connect(said.append)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    type_text(focused(), "3")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert not form.isVisible()
    [saved] = practice.recent_practice(db)
    assert saved.fields == PracticeFields(PracticeKind.AFFECTIVE_STATEMENT, TODAY, tally=3)
    assert said == ["Logged: 3 affective statements"]
    assert drafts.list_drafts(db) == []


def test_a_chat_with_a_student_found_by_name_saves_with_enter_in_the_empty_box(
    qtbot: QtBot, form: LogPracticeDialog, db: Database, school_db: School
) -> None:
    said: list[str] = []
    form.logged.connect(said.append)
    select_data(form.staff, school_db.counselor_id)
    qtbot.keyClick(focused(), Qt.Key.Key_2)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is form.students.picker.search
    type_text(focused(), "xoch")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert form.isVisible(), "Enter took the student and did not save yet"
    assert form.students.names() == ["Xochitl Ibarra"]
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert not form.isVisible()
    [saved] = practice.recent_practice(db)
    assert saved.fields.kind is PracticeKind.RESTORATIVE_CHAT
    assert saved.fields.minutes == 5
    assert saved.fields.staff_id == school_db.counselor_id
    assert saved.student_names == ("Xochitl Ibarra",)
    assert said == ["Logged: a restorative chat with 1 student"]
    assert "Xochitl" not in said[0]


def test_ctrl_enter_saves_from_anywhere_and_a_student_can_be_taken_out(
    qtbot: QtBot, form: LogPracticeDialog, db: Database
) -> None:
    qtbot.keyClick(focused(), Qt.Key.Key_3)
    for name in ("xoch", "nou", "amani"):
        type_text(form.students.picker.search, name)
        qtbot.keyClick(form.students.picker.search, Qt.Key.Key_Return)
    assert form.students.names() == ["Xochitl Ibarra", "Nou Xiong", "Amani Haddad"]
    [take_out] = [
        button
        for button in form.students.findChildren(QPushButton)
        if button.accessibleName() == "Take Nou Xiong out"
    ]
    qtbot.mouseClick(take_out, Qt.MouseButton.LeftButton)
    assert form.students.names() == ["Xochitl Ibarra", "Amani Haddad"]
    assert focused() is form.students.picker.search
    form.note.setFocus()
    type_text(form.note, "After the assembly")
    qtbot.keyClick(form.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not form.isVisible()
    [saved] = practice.recent_practice(db)
    assert saved.fields.kind is PracticeKind.IMPROMPTU_CONFERENCE
    assert saved.fields.note == "After the assembly"
    assert set(saved.student_names) == {"Xochitl Ibarra", "Amani Haddad"}


def test_bad_input_is_said_beside_its_field_and_nothing_is_lost(
    qtbot: QtBot, form: LogPracticeDialog, db: Database
) -> None:
    form.happened_on.setDate(form.happened_on.date().addDays(1))
    type_text(form.note, "Kept")
    form.accept()
    assert form.isVisible()
    assert "future" in form.problem_text("happened_on")
    assert form.note.text() == "Kept"
    assert practice.recent_practice(db) == []


def test_save_and_log_another_closes_then_asks_for_a_new_one(
    qtbot: QtBot, form: LogPracticeDialog, db: Database
) -> None:
    asked: list[tuple[str, bool]] = []
    form.anotherRequested.connect(lambda said: asked.append((said, form.isVisible())))
    form.another_button.click()
    assert asked == [("Logged: 1 affective statement", False)]  # once this one had closed
    assert len(practice.recent_practice(db)) == 1
    again = shown(qtbot, LogPracticeDialog(db, confirmation="Logged: 1 affective statement"))
    assert again.confirmation.isVisible()
    assert again.confirmation.text() == "Logged: 1 affective statement"
    again.close()


def test_a_log_is_corrected_in_the_same_form(qtbot: QtBot, db: Database, school_db: School) -> None:
    chat = PracticeFields(
        PracticeKind.RESTORATIVE_CHAT,
        date(2026, 3, 2),
        minutes=7,
        staff_id=school_db.counselor_id,
        note="Bus line",
        student_ids=(school_db.members[0].id, school_db.members[1].id),
    )
    log = practice.log_practice(db, chat)
    form = shown(qtbot, LogPracticeDialog(db, log))
    assert form.windowTitle() == "Practice log"
    assert form.values() == chat
    assert not form.another_button.isVisible()
    assert focused() is form.kind.buttons[1]  # the log's kind is the one focused
    form.minutes.setValue(9)
    form.accept()
    assert not form.isVisible()
    assert practice.get_practice(db, log.id).fields.minutes == 9
    assert practice.get_practice(db, log.id).fields.student_ids == chat.student_ids


def test_esc_with_something_typed_asks_first(
    qtbot: QtBot, form: LogPracticeDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[bool] = []
    monkeypatch.setattr(dialogs, "confirm_discard", lambda _parent: asked.append(True) or False)
    type_text(form.note, "Half a thought")
    qtbot.keyClick(form.note, Qt.Key.Key_Escape)
    assert asked == [True]
    assert form.isVisible()


def test_a_crash_loses_nothing_typed(qtbot: QtBot, form: LogPracticeDialog, db: Database) -> None:
    qtbot.keyClick(focused(), Qt.Key.Key_4)
    type_text(form.students.picker.search, "dariusz")
    qtbot.keyClick(form.students.picker.search, Qt.Key.Key_Return)
    type_text(form.note, "Morning check-in")
    form.minutes.setValue(8)
    form.draft.save_now()
    [draft] = drafts.list_drafts(db)
    assert draft.form == "practice"
    assert "Dariusz" not in draft.label
    again = reopen_draft(None, db, 2025, draft)
    assert isinstance(again, LogPracticeDialog)
    assert again.values() == form.values()
    assert again.values().kind is PracticeKind.CHECK_IN_OUT
    assert again.values().minutes == 8
    assert again.students.names() == ["Dariusz Kowalczyk"]
    again.draft.end()
    again.deleteLater()
