"""The "Tier 2 · Cases" and "Tier 3 · Cases" tabs: a case with people in roles, its problems,
and the tier filter."""

from datetime import date

from PySide6.QtCore import QDate, Qt

from rp_desktop.domain.vocabulary import CaseStatus, ClosureReason, Role, Tier3Kind
from rp_desktop.services.casework import cases
from rp_desktop.ui.case.form import CaseForm
from rp_desktop.ui.case.tab import CasesTab
from rp_desktop.ui.forms.widgets import select_data
from rp_desktop.ui.window.main_window import MainWindow
from tests.ui.conftest import School, type_text


def new_case(tab: CasesTab) -> CaseForm:
    tab.new_record()
    return tab.findChildren(CaseForm)[-1]


def add_student(form: CaseForm, search: str, role: Role) -> None:
    picker = form.people.student_picker
    type_text(picker.search, search)
    assert picker.matches.count() >= 1
    picker.search.returnPressed.emit()
    select_data(form.people._rows[-1].role, role)


def test_a_tier2_case_with_people_in_roles(qtbot, window: MainWindow, db) -> None:
    window.show_view("tier2")
    tab = window.tier2
    form = new_case(tab)
    form.occurred_on.setDate(QDate(2026, 3, 9))
    form.place.setCurrentText("Cafeteria")
    form.category.setCurrentIndex(1)
    type_text(form.description, "Argument over a seat turned into pushing.")
    add_student(form, "xiong", Role.PERSON_HARMED)
    add_student(form, "dariusz", Role.PERSON_WHO_CAUSED_HARM)
    type_text(form.people.other_name, "Grandmother of Nou")
    qtbot.mouseClick(form.people.add_other, Qt.MouseButton.LeftButton)
    type_text(form.people.staff_picker.search, "lindq")
    qtbot.keyClick(form.people.staff_picker.search, Qt.Key.Key_Return)
    select_data(form.people._rows[-1].role, Role.FACILITATOR)

    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    assert not form.isVisible()
    assert tab.model.rowCount() == 1
    row = tab.model.record(0)
    assert row.people == "Nou Xiong, Dariusz Kowalczyk, Grandmother of Nou, Gunnar Lindqvist"
    saved = cases.get_case(db, row.id)
    assert [p.fields.role for p in saved.participants] == [
        Role.PERSON_HARMED,
        Role.PERSON_WHO_CAUSED_HARM,
        Role.FAMILY_MEMBER,
        Role.FACILITATOR,
    ]
    assert saved.fields.occurred_on == date(2026, 3, 9)
    assert saved.fields.place == "Cafeteria"
    window.show_view("tier3")
    assert window.tier3.model.rowCount() == 0


def test_a_person_without_a_role_is_pointed_out(qtbot, window: MainWindow) -> None:
    window.show_view("tier2")
    form = new_case(window.tier2)
    form.category.setCurrentIndex(1)
    type_text(form.description, "Name-calling in the hallway.")
    type_text(form.people.student_picker.search, "amani")
    form.people.student_picker.search.returnPressed.emit()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.isVisible()
    assert form.people._rows[0].problem.text() == "Choose this person's role in the case."
    assert form.description.toPlainText() == "Name-calling in the hallway."


def test_removing_a_person_keeps_the_others(window: MainWindow) -> None:
    window.show_view("tier2")
    form = new_case(window.tier2)
    add_student(form, "xochitl", Role.PERSON_HARMED)
    add_student(form, "nou", Role.WITNESS)
    form.people._rows[0].remove.click()
    assert [(p.role, p.student_id is not None) for p in form.people.participants()] == [
        (Role.WITNESS, True)
    ]


def test_tier3_asks_for_its_practice_and_a_closure_reason(
    qtbot, window: MainWindow, school_db: School
) -> None:
    window.show_view("tier3")
    form = new_case(window.tier3)
    assert form.tier3_kind is not None
    form.category.setCurrentIndex(3)
    type_text(form.description, "Fight after school; suspension was being considered.")
    add_student(form, "kowalczyk", Role.PERSON_WHO_CAUSED_HARM)
    select_data(form.status, CaseStatus.CLOSED)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.problem_text("tier3_kind") == "Choose the Tier 3 practice."
    assert form.problem_text("closure_reason") == "Choose why the case was closed."

    select_data(form.tier3_kind, Tier3Kind.ALTERNATIVE_TO_SUSPENSION)
    select_data(form.closure_reason, ClosureReason.AGREEMENT_KEPT)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert not form.isVisible()
    row = window.tier3.model.record(0)
    assert row.tier3_kind is Tier3Kind.ALTERNATIVE_TO_SUSPENSION
    assert window.tier3.model.index(0, 5).data() == "Restorative justice instead of suspension"


def test_a_closure_reason_is_offered_only_for_a_closed_case(window: MainWindow) -> None:
    window.show_view("tier2")
    form = new_case(window.tier2)
    assert not form.closure_reason.isEnabled()
    select_data(form.status, CaseStatus.CLOSED)
    assert form.closure_reason.isEnabled()


def test_search_finds_a_case_by_a_persons_name_without_accents(qtbot, window: MainWindow) -> None:
    window.show_view("tier2")
    tab = window.tier2
    form = new_case(tab)
    form.category.setCurrentIndex(2)
    type_text(form.description, "Teasing in class.")
    add_student(form, "ibarra", Role.PERSON_HARMED)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    type_text(tab.search, "XOCHITL")
    assert tab.model.rowCount() == 1
    tab.search.clear()
    type_text(tab.search, "haddad")
    assert tab.model.rowCount() == 0


def test_a_case_keeps_a_retired_category_when_edited(qtbot, window: MainWindow, db) -> None:
    from sqlalchemy import update
    from sqlalchemy.orm import Session

    from rp_desktop.db.models import CaseCategoryRow

    window.show_view("tier2")
    tab = window.tier2
    form = new_case(tab)
    form.category.setCurrentIndex(5)
    chosen = form.category.currentData()
    type_text(form.description, "Phone taken from a locker.")
    add_student(form, "amani", Role.PERSON_HARMED)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    with Session(db.engine) as session, session.begin():
        session.execute(
            update(CaseCategoryRow).where(CaseCategoryRow.id == chosen).values(active=False)
        )

    tab.edit_record(tab.model.record(0))
    editing = tab.findChildren(CaseForm)[-1]
    assert editing.category.currentData() == chosen
    new_case(tab)
    fresh = tab.findChildren(CaseForm)[-1]
    offered = [fresh.category.itemData(i) for i in range(fresh.category.count())]
    assert chosen not in offered
    qtbot.mouseClick(editing.save_button, Qt.MouseButton.LeftButton)
    assert cases.get_case(db, tab.model.record(0).id).fields.category_id == chosen


def test_run_a_circle_for_a_case_seats_its_people(qtbot, window: MainWindow, db) -> None:
    window.show_view("tier2")
    tab = window.tier2
    form = new_case(tab)
    form.category.setCurrentIndex(1)
    type_text(form.description, "Words in the hallway.")
    add_student(form, "xiong", Role.PERSON_HARMED)
    add_student(form, "haddad", Role.PERSON_WHO_CAUSED_HARM)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    tab.table.selectRow(0)
    assert tab.circle_button.isEnabled()
    qtbot.mouseClick(tab.circle_button, Qt.MouseButton.LeftButton)
    circle_tab = window.circle_tab()
    assert window.tabs.currentWidget() is window.circle
    assert [a.name for a in circle_tab.seating.attendees()] == ["Nou Xiong", "Amani Haddad"]
    assert "case" in circle_tab.case_note.text()
