"""The "Tier 1 · Circles" tab: recording a circle through the form, validation, search, open
and edit."""

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt

from rp_desktop.domain.vocabulary import CircleStatus
from rp_desktop.services.circles import records as circles
from rp_desktop.ui import dialogs
from rp_desktop.ui.circles.form import CircleForm
from rp_desktop.ui.forms.widgets import select_data
from rp_desktop.ui.window.main_window import MainWindow
from tests.ui.conftest import School, type_text


def open_new_form(window: MainWindow) -> CircleForm:
    window.tier1.new_record()
    forms = window.tier1.findChildren(CircleForm)
    assert len(forms) == 1
    return forms[0]


def column_texts(window: MainWindow, column: int) -> list[str]:
    model = window.tier1.model
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_a_circle_recorded_through_the_form_appears_in_the_table(
    qtbot, window: MainWindow, school_db: School
) -> None:
    assert window.tier1.model.rowCount() == 3
    form = open_new_form(window)
    select_data(form.group, school_db.advisory_id)
    type_text(form.purpose, "Círculo de bienvenida ✨")
    form.duration.setValue(25)
    attendance = form.attendance.students
    attendance.item(0).setCheckState(Qt.CheckState.Unchecked)

    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    assert not form.isVisible()
    assert window.tier1.model.rowCount() == 4
    newest = window.tier1.model.record(0)  # newest first
    assert newest.purpose == "Círculo de bienvenida ✨"
    assert newest.held_on == date(2026, 3, 10)
    assert newest.attendance == 3
    assert newest.group_name == "Advisory 7-Blue"
    assert window.tier1.selected_record().id == newest.id
    assert window.tier1.count.text() == "4 circles"


def test_choosing_a_group_ticks_its_students(window: MainWindow, school_db: School) -> None:
    form = open_new_form(window)
    assert form.attendance.present_ids() == frozenset()
    select_data(form.group, school_db.advisory_id)
    assert form.attendance.present_ids() == {s.id for s in school_db.members}
    assert form.attendance.count.text() == "4 of 4 present"


def test_a_problem_is_shown_beside_its_field_and_nothing_typed_is_lost(
    qtbot, window: MainWindow, db
) -> None:
    form = open_new_form(window)
    form.held_on.setDate(QDate(2026, 4, 1))  # after today, yet marked as held
    type_text(form.purpose, "Repair after the field trip")
    type_text(form.notes, "Talked about the bus ride; مرحبا 👋")

    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    assert form.isVisible()
    assert "future" in form.problem_text("held_on")
    assert form.problem_text("purpose") == ""
    assert form.purpose.text() == "Repair after the field trip"
    assert form.notes.toPlainText() == "Talked about the bus ride; مرحبا 👋"
    assert window.tier1.model.total == 3

    select_data(form.status, CircleStatus.PLANNED)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert not form.isVisible()
    assert window.tier1.model.total == 4


def test_search_narrows_the_rows_as_the_user_types(window: MainWindow) -> None:
    tab = window.tier1
    type_text(tab.search, "grat")
    assert column_texts(window, 7) == ["Gratitude"]
    tab.search.clear()
    assert tab.model.rowCount() == 3
    type_text(tab.search, "LINDQVIST")  # the keeper is not set: nothing matches
    assert tab.model.rowCount() == 0
    assert tab.pages.currentWidget() is tab.empty
    assert "Nothing matches" in tab.empty.text()


def test_status_and_date_filters(window: MainWindow) -> None:
    tab = window.tier1
    tab.status.setCurrentIndex(tab.status.findData(CircleStatus.PLANNED.value))
    assert tab.model.rowCount() == 0
    tab.status.setCurrentIndex(0)
    tab.dates.preset.setCurrentIndex(tab.dates.preset.findData("custom"))
    tab.dates.start.setDate(QDate(2026, 3, 1))
    tab.dates.end.setDate(QDate(2026, 3, 5))
    assert column_texts(window, 7) == ["Weekend check-in"]


def test_sorting_by_a_column_asks_the_service_again(window: MainWindow) -> None:
    tab = window.tier1
    tab.table.horizontalHeader().setSortIndicator(7, Qt.SortOrder.AscendingOrder)
    assert column_texts(window, 7) == ["Gratitude", "Norms for group work", "Weekend check-in"]
    assert tab.model.query.sort == "purpose"


def test_open_shows_the_circle_read_only_until_edit(qtbot, window: MainWindow, db) -> None:
    tab = window.tier1
    tab.table.selectRow(0)
    qtbot.mouseClick(tab.open_button, Qt.MouseButton.LeftButton)
    form = tab.findChildren(CircleForm)[-1]
    assert form.read_only
    assert form.purpose.isReadOnly()
    assert not form.save_button.isVisible()
    assert form.purpose.text() == "Gratitude"

    qtbot.mouseClick(form.edit_button, Qt.MouseButton.LeftButton)
    assert not form.purpose.isReadOnly()
    form.purpose.clear()
    type_text(form.purpose, "Gratitude round")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert circles.get_circle(db, tab.model.record(0).id).fields.purpose == "Gratitude round"


def test_closing_with_changes_asks_first(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = iter([False, True])
    monkeypatch.setattr(dialogs, "confirm_discard", lambda parent: next(answers))
    form = open_new_form(window)
    type_text(form.purpose, "Half-typed")
    form.reject()
    assert form.isVisible()
    assert form.purpose.text() == "Half-typed"
    form.reject()
    assert not form.isVisible()


def test_a_failed_save_says_so_and_keeps_the_form(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, caplog
) -> None:
    def broken(*_args: object, **_options: object) -> None:
        raise RuntimeError("disk full while saving Xochitl Ibarra")

    reported: list[object] = []
    monkeypatch.setattr(circles, "record_circle", broken)
    monkeypatch.setattr(dialogs, "show_save_failed", reported.append)
    form = open_new_form(window)
    type_text(form.purpose, "Kept")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert reported == [form]
    assert form.isVisible()
    assert form.purpose.text() == "Kept"
    assert "RuntimeError" in caplog.text
    assert "Xochitl" not in caplog.text


def test_a_megabyte_of_notes_is_kept_exactly(qtbot, window: MainWindow, db) -> None:
    notes = ("Línea con acentos, O'Brien, 'quotes' -- ; DROP TABLE student; 👍 שלום\n" * 16000)[
        :1_000_000
    ]
    form = open_new_form(window)
    form.notes.setPlainText(notes)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    saved = window.tier1.model.record(0)
    assert circles.get_circle(db, saved.id).fields.notes == notes
    window.tier1.table.selectRow(0)
    window.tier1.open_record(saved)
    reopened = window.tier1.findChildren(CircleForm)[-1]
    assert reopened.notes.toPlainText() == notes


def test_keyboard_shortcuts(qtbot, window: MainWindow) -> None:
    window.show()
    with qtbot.waitActive(window):
        window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.tier1.search.hasFocus()
    qtbot.keyClick(window.tier1.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert len(window.tier1.findChildren(CircleForm)) == 1


def test_an_old_circle_keeps_its_group_and_keeper_when_edited(
    qtbot, window: MainWindow, db, school_db: School
) -> None:
    """Groups of past years and staff who left are not offered for new circles, but a circle
    that names them must not lose them when it is edited."""
    from sqlalchemy import update
    from sqlalchemy.orm import Session

    from rp_desktop.db.models import GroupRow, StaffRow
    from rp_desktop.domain.records import CircleFields

    old = circles.record_circle(
        db,
        CircleFields(
            held_on=date(2025, 5, 12),
            group_id=school_db.advisory_id,
            keeper_id=school_db.counselor_id,
            purpose="End-of-year circle",
        ),
    )
    with Session(db.engine) as session, session.begin():
        session.execute(update(GroupRow).values(active=False))
        session.execute(update(StaffRow).values(active=False))
    window.tier1.reload()
    row = window.tier1.model.row_of(old.id)
    assert row is not None
    window.tier1.edit_record(window.tier1.model.record(row))
    form = window.tier1.findChildren(CircleForm)[-1]
    assert form.values().group_id == school_db.advisory_id
    assert form.values().keeper_id == school_db.counselor_id
    form.notes.setPlainText("Added later.")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    saved = circles.get_circle(db, old.id)
    assert saved.fields.group_id == school_db.advisory_id
    assert saved.fields.keeper_id == school_db.counselor_id
    assert saved.fields.notes == "Added later."
