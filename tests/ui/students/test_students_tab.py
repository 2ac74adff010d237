"""The Students tab: adding with any name, duplicates refused beside the field, marking as left."""

import pytest
from PySide6.QtCore import Qt

from rp_desktop.services.students import records as students
from rp_desktop.ui.forms.widgets import select_data
from rp_desktop.ui.students.form import StudentForm
from rp_desktop.ui.window.main_window import MainWindow
from tests.ui.conftest import School, type_text


@pytest.fixture
def tab(window: MainWindow):  # type: ignore[no-untyped-def]
    window.show_view("students")
    return window.students


def new_form(tab) -> StudentForm:  # type: ignore[no-untyped-def]
    tab.new_record()
    return tab.findChildren(StudentForm)[-1]


def fill(form: StudentForm, number: str, first: str, last: str, grade: int) -> None:
    type_text(form.student_number, number)
    type_text(form.first_name, first)
    type_text(form.last_name, last)
    select_data(form.grade, grade)


def test_a_student_with_any_name_is_added_and_found(qtbot, tab, db) -> None:
    form = new_form(tab)
    fill(form, "700201", "Nguyễn Thị", "D'Arcy-Ó Súilleabháin", 7)
    type_text(form.preferred_name, "Mai 🌸")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert not form.isVisible()

    type_text(tab.search, "o suilleabhain")
    assert tab.model.rowCount() == 1
    found = tab.model.record(0)
    assert (found.first_name, found.last_name, found.preferred_name) == (
        "Nguyễn Thị",
        "D'Arcy-Ó Súilleabháin",
        "Mai 🌸",
    )
    assert tab.model.index(0, 1).data() == "Nguyễn Thị"


def test_a_duplicate_student_number_is_shown_beside_the_field(qtbot, tab) -> None:
    form = new_form(tab)
    fill(form, "700101", "Aleksander", "Zieliński", 8)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.isVisible()
    assert "already has this number" in form.problem_text("student_number")
    assert form.first_name.text() == "Aleksander"
    assert form.last_name.text() == "Zieliński"
    assert tab.model.total == 4


def test_empty_required_fields_are_each_named(qtbot, tab) -> None:
    form = new_form(tab)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    for field in ("student_number", "first_name", "last_name"):
        assert form.problem_text(field) == "This needs to be filled in."
    assert form.problem_text("grade") == "Choose a grade."
    assert form.problem_text("homeroom") == ""


def test_marking_a_student_as_left_and_back(qtbot, tab, db, school_db: School) -> None:
    nou = school_db.members[1]
    tab.select_record(nou.id)
    assert tab.deactivate_button.text() == "Mark as left"
    qtbot.mouseClick(tab.deactivate_button, Qt.MouseButton.LeftButton)
    assert not students.get_student(db, nou.id).active
    assert tab.model.row_of(nou.id) is None

    tab.show_inactive.setChecked(True)
    row = tab.model.row_of(nou.id)
    assert row is not None
    assert tab.model.index(row, 6).data() == "Left"
    tab.select_record(nou.id)
    assert tab.deactivate_button.text() == "Mark as returned"
    qtbot.mouseClick(tab.deactivate_button, Qt.MouseButton.LeftButton)
    assert students.get_student(db, nou.id).active


def test_editing_keeps_the_student_number_rule(qtbot, tab, school_db: School) -> None:
    tab.edit_record(school_db.members[0])
    form = tab.findChildren(StudentForm)[-1]
    assert form.first_name.text() == "Xochitl"
    form.student_number.clear()
    type_text(form.student_number, "700 101")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert "cannot contain spaces" in form.problem_text("student_number")


def test_a_students_form_shows_what_the_roster_says_of_them_read_only(
    qtbot, db, school_db: School
) -> None:
    from sqlalchemy.orm import Session

    from rp_desktop.domain.roster.demographics import DemographicField
    from rp_desktop.services.students import demographics

    first, second = school_db.members[0], school_db.members[1]
    with Session(db.engine) as session, session.begin():
        demographics.write_values(
            session,
            {
                first.id: {
                    DemographicField.GENDER: "Female",
                    DemographicField.ENGLISH_LEARNER: "Yes",
                }
            },
        )
    form = StudentForm(db, students.get_student(db, first.id))
    qtbot.addWidget(form)
    assert form.from_roster.text() == "Gender: Female · English learner: Yes"
    other = StudentForm(db, students.get_student(db, second.id))
    qtbot.addWidget(other)
    assert other.from_roster.text().startswith("No demographic fields")
