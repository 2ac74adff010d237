"""A family member on record added to a case from the case form: the caregivers of the
students added are offered by name and relation, each once, and saved as the caregiver; someone
not on record is still added by typing their name."""

from PySide6.QtCore import QDate, Qt

from rp_desktop.domain.vocabulary import Role
from rp_desktop.services.casework import cases
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui.window.main_window import MainWindow
from tests.ui.case.test_cases_tab import add_student, new_case
from tests.ui.conftest import School, type_text
from tests.ui.families.setup import add_family, family_case


def offered(form) -> list[str]:  # type: ignore[no-untyped-def]
    choice = form.people.family.choice
    return [choice.itemText(i) for i in range(choice.count())]


def test_the_students_caregivers_are_offered_and_saved_as_family_members(
    qtbot, window: MainWindow, db: Database, school_db: School
) -> None:
    family = add_family(db, school_db)
    window.show_view("tier2")
    form = new_case(window.tier2)
    qtbot.waitExposed(form)
    adder = form.people.family
    assert offered(form) == ["Family on record: add a student first"]
    assert not adder.add.isEnabled()
    form.occurred_on.setDate(QDate(2026, 3, 9))
    form.category.setCurrentIndex(1)
    type_text(form.description, "Argument over a seat turned into pushing.")
    add_student(form, "xiong", Role.PERSON_HARMED)
    assert offered(form) == ["Pa Xiong (Parent)"]
    add_student(form, "dariusz", Role.PERSON_WHO_CAUSED_HARM)
    assert offered(form) == ["Tomasz Kowalczyk (Parent)", "Pa Xiong (Parent)"]

    qtbot.mouseClick(adder.add, Qt.MouseButton.LeftButton)  # the first offered
    assert offered(form) == ["Pa Xiong (Parent)"]  # not offered twice
    type_text(form.people.other_name, "Aunt of Nou")
    qtbot.mouseClick(form.people.add_other, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    assert not form.isVisible()
    row = window.tier2.model.record(0)
    assert row.people == "Nou Xiong, Dariusz Kowalczyk, Tomasz Kowalczyk, Aunt of Nou"
    saved = cases.get_case(db, row.id)
    father = saved.participants[2]
    assert (father.fields.role, father.fields.caregiver_id) == (
        Role.FAMILY_MEMBER,
        family.father.id,
    )
    assert father.display_name == "Tomasz Kowalczyk"
    assert saved.participants[3].fields.other_name == "Aunt of Nou"


def test_a_circle_run_for_the_case_seats_the_caregiver_by_name(
    qtbot, window: MainWindow, db: Database, school_db: School
) -> None:
    family_case(db, school_db, add_family(db, school_db))
    window.show_view("tier2")
    tab = window.tier2
    tab.reload()
    tab.table.selectRow(0)
    qtbot.mouseClick(tab.circle_button, Qt.MouseButton.LeftButton)
    seated = [a.name for a in window.circle_tab().seating.attendees()]
    assert seated == ["Dariusz Kowalczyk", "Nou Xiong", "Pa Xiong", "Marisol Quintero"]
