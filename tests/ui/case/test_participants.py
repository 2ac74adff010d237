"""People involved in a case, chosen with the person picker from the case form itself: students
and staff from what is seen, someone else by name; Enter never saves the case behind the box."""

from PySide6.QtCore import Qt
from sqlalchemy.orm import Session

from rp_desktop.db.models import StaffRow
from rp_desktop.domain.vocabulary import StaffRole
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui.case.form import CaseForm
from rp_desktop.ui.window.main_window import MainWindow
from tests.ui.conftest import type_text


def open_case_form(qtbot, window: MainWindow) -> CaseForm:  # type: ignore[no-untyped-def]
    window.show_view("tier2")
    window.tier2.new_record()
    form = window.tier2.findChildren(CaseForm)[-1]
    qtbot.waitExposed(form)
    return form


def names(form: CaseForm) -> list[str]:
    return [row.name.text() for row in form.people._rows]


def test_enter_with_several_matches_adds_nobody_and_keeps_the_form_open(
    qtbot, window: MainWindow
) -> None:
    form = open_case_form(qtbot, window)
    picker = form.people.student_picker
    type_text(picker.search, "a")  # Xochitl Ibarra, Dariusz Kowalczyk, Amani Haddad
    assert picker.matches.isVisible()
    assert picker.matches.count() == 3
    saves: list[bool] = []
    form.save_button.clicked.connect(saves.append)
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert names(form) == []
    assert saves == [], "Enter in the search box did not press Save"
    assert picker.note.text() == "3 students match — choose one with ↓ or the mouse"


def test_the_first_match_is_taken_only_after_moving_to_it(qtbot, window: MainWindow) -> None:
    form = open_case_form(qtbot, window)
    picker = form.people.student_picker
    type_text(picker.search, "a")
    first = picker.matches.item(0).text().split(" · ")[0]
    qtbot.keyClick(picker.search, Qt.Key.Key_Down)
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert names(form) == [first]
    assert picker.search.text() == ""


def test_staff_are_found_by_name_with_their_role(qtbot, window: MainWindow, db: Database) -> None:
    with Session(db.engine) as session, session.begin():
        session.add(StaffRow(first_name="Marguerite", last_name="Okonkwo", role=StaffRole.OTHER))
    form = open_case_form(qtbot, window)
    staff = form.people.staff_picker
    type_text(staff.search, "mar")  # Marisol Quintero (counselor) and Marguerite Okonkwo
    rows = sorted(staff.matches.item(r).text() for r in range(staff.matches.count()))
    assert rows[1] == "Marisol Quintero · Counselor"
    qtbot.keyClick(staff.search, Qt.Key.Key_Return)
    assert names(form) == []
    type_text(staff.search, "isol")
    qtbot.keyClick(staff.search, Qt.Key.Key_Return)
    assert names(form) == ["Marisol Quintero"]
    assert form.isVisible()


def test_someone_else_is_added_by_name_with_enter_and_the_case_stays_open(
    qtbot, window: MainWindow
) -> None:
    form = open_case_form(qtbot, window)
    saves: list[bool] = []
    form.save_button.clicked.connect(saves.append)
    type_text(form.people.other_name, "Grandmother of Nou")
    qtbot.keyClick(form.people.other_name, Qt.Key.Key_Return)
    assert names(form) == ["Grandmother of Nou"]
    assert saves == [], "Enter added the person and did not also press Save"
    assert form.people.other_name.text() == ""
