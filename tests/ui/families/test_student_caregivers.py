"""A student's caregivers on their timeline: added with the caregiver form (typed, the language
chosen, the interpreter ticked), listed with relation, phone, language and interpreter, changed,
and taken off the list."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from rp_desktop.services.continuum import caregivers
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui import dialogs
from rp_desktop.ui.families.caregiver_form import CaregiverForm
from rp_desktop.ui.students.timeline import StudentTimeline
from tests.ui.conftest import School, type_text
from tests.ui.families.setup import add_family


def cells(timeline: StudentTimeline) -> list[list[str]]:
    table = timeline.caregivers.table
    return [
        [table.item(row, col).text() for col in range(table.columnCount())]
        for row in range(table.rowCount())
    ]


def click(qtbot, widget) -> None:  # type: ignore[no-untyped-def]
    assert widget.isVisible()
    assert widget.isEnabled()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_a_caregiver_is_added_from_the_students_timeline(
    qtbot, db: Database, school_db: School
) -> None:
    xochitl = school_db.members[0]
    timeline = StudentTimeline(db, xochitl.id)
    qtbot.addWidget(timeline)
    timeline.show()
    section = timeline.caregivers
    assert section.empty.isVisible()
    assert not section.table.isVisible()

    click(qtbot, section.add_button)
    form = section.form
    assert isinstance(form, CaregiverForm)
    qtbot.waitExposed(form)
    assert form.students.names() == ["Xochitl Ibarra"]  # starts with the student, as parent
    type_text(form.first_name, "Guadalupe")
    type_text(form.last_name, "Ibarra Núñez")
    type_text(form.phone, "555-0123")
    form.language.lineEdit().selectAll()
    type_text(form.language.lineEdit(), "Spanish")
    click(qtbot, form.interpreter)
    click(qtbot, form.save_button)

    assert not form.isVisible()
    assert cells(timeline) == [
        ["Guadalupe Ibarra Núñez", "Parent", "555-0123", "Spanish", "Interpreter needed"]
    ]
    (saved,) = caregivers.caregivers_of_student(db, xochitl.id)
    assert saved.caregiver.fields.home_language == "es"


def test_a_bad_email_is_said_beside_it_and_nothing_is_saved(
    qtbot, db: Database, school_db: School
) -> None:
    timeline = StudentTimeline(db, school_db.members[0].id)
    qtbot.addWidget(timeline)
    timeline.show()
    click(qtbot, timeline.caregivers.add_button)
    form = timeline.caregivers.form
    assert form is not None
    type_text(form.first_name, "Guadalupe")
    type_text(form.email, "lupe at home")
    click(qtbot, form.save_button)
    assert form.isVisible()
    assert "email address" in form.problem_text("email")
    assert caregivers.caregivers_of_student(db, school_db.members[0].id) == []


def test_a_caregiver_is_changed_then_taken_off_the_list(
    qtbot, db: Database, school_db: School, monkeypatch
) -> None:
    add_family(db, school_db)
    nou = school_db.members[1]
    timeline = StudentTimeline(db, nou.id)
    qtbot.addWidget(timeline)
    timeline.show()
    section = timeline.caregivers
    assert cells(timeline)[0][:4] == ["Pa Xiong", "Parent", "555-0199", "Spanish"]
    assert not section.edit_button.isEnabled()
    rect = section.table.visualRect(section.table.model().index(0, 0))
    qtbot.mouseClick(section.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    click(qtbot, section.edit_button)
    form = section.form
    assert form is not None
    form.phone.selectAll()
    type_text(form.phone, "555-0777")
    click(qtbot, form.save_button)
    assert cells(timeline)[0][2] == "555-0777"

    def take_off(box: QDialog) -> int:
        assert isinstance(box, QMessageBox)
        assert "Pa Xiong" in box.text()
        yes = next(b for b in box.buttons() if b.text() == "Take off the list")
        box.show()
        qtbot.mouseClick(yes, Qt.MouseButton.LeftButton)
        return box.result()

    monkeypatch.setattr(dialogs, "wait_for", take_off)
    qtbot.mouseClick(section.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    click(qtbot, section.remove_button)
    assert cells(timeline) == []
    assert section.empty.isVisible()
    (kept,) = caregivers.caregivers_of_student(db, nou.id, include_inactive=True)
    assert not kept.caregiver.active
