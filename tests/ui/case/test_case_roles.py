"""The case form's roles follow the category: a concern offers neutral roles, harm its own, and
changing between them asks before carrying the roles over. Observations are not offered."""

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from rp_desktop.domain.vocabulary import CategoryKind, Role
from rp_desktop.services.casework import cases
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui import dialogs
from rp_desktop.ui.case.form import CaseForm
from rp_desktop.ui.forms.widgets import current_choice
from rp_desktop.ui.window.main_window import MainWindow
from tests.ui.case.test_participants import open_case_form
from tests.ui.conftest import type_text


def category_index(form: CaseForm, db: Database, kind: CategoryKind) -> int:
    wanted = next(c.id for c in cases.list_categories(db) if c.kind is kind)
    return form.category.findData(wanted)


def offered_roles(form: CaseForm, row: int = 0) -> list[Role]:
    combo = form.people._rows[row].role
    return [Role(combo.itemData(i)) for i in range(1, combo.count())]


def add_student(qtbot, form: CaseForm, text: str) -> None:  # type: ignore[no-untyped-def]
    type_text(form.people.student_picker.search, text)
    qtbot.keyClick(form.people.student_picker.search, Qt.Key.Key_Down)
    qtbot.keyClick(form.people.student_picker.search, Qt.Key.Key_Return)


def press(qtbot, button_text: str, asked: list[str]) -> Callable[[QDialog], int]:  # type: ignore[no-untyped-def]
    """A dialogs.wait_for that clicks the question's button with `button_text`."""

    def wait_for(box: QDialog) -> int:
        assert isinstance(box, QMessageBox)
        asked.append(box.text())
        button = next(b for b in box.buttons() if b.text() == button_text)
        box.show()
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        return box.result()

    return wait_for


def test_observations_are_not_offered_for_a_new_case(
    qtbot, window: MainWindow, db: Database
) -> None:
    form = open_case_form(qtbot, window)
    offered = {form.category.itemData(i) for i in range(1, form.category.count())}
    kinds = {c.id: c.kind for c in cases.list_categories(db)}
    assert offered, "no category offered"
    assert {kinds[i] for i in offered} == {CategoryKind.HARM, CategoryKind.CONCERN}
    assert category_index(form, db, CategoryKind.POSITIVE) == -1


def test_a_concern_offers_only_neutral_roles(qtbot, window: MainWindow, db: Database) -> None:
    form = open_case_form(qtbot, window)
    form.category.setCurrentIndex(category_index(form, db, CategoryKind.CONCERN))
    add_student(qtbot, form, "Xoch")
    assert offered_roles(form) == [
        Role.STUDENT,
        Role.SUPPORTER,
        Role.FAMILY_MEMBER,
        Role.STAFF,
        Role.FACILITATOR,
    ]
    form.category.setCurrentIndex(category_index(form, db, CategoryKind.HARM))
    assert offered_roles(form)[:3] == [
        Role.PERSON_HARMED,
        Role.PERSON_WHO_CAUSED_HARM,
        Role.WITNESS,
    ]
    assert Role.STUDENT not in offered_roles(form)


def test_changing_harm_to_a_concern_asks_and_maps_harm_roles_to_student(
    qtbot, window: MainWindow, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    form = open_case_form(qtbot, window)
    form.category.setCurrentIndex(category_index(form, db, CategoryKind.HARM))
    add_student(qtbot, form, "Xoch")
    row = form.people._rows[0]
    row.role.setCurrentIndex(row.role.findData(Role.PERSON_WHO_CAUSED_HARM))
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "wait_for", press(qtbot, "Change the roles", asked))
    form.category.setCurrentIndex(category_index(form, db, CategoryKind.CONCERN))
    assert len(asked) == 1
    assert "neutral roles" in asked[0]
    assert current_choice(row.role, Role) is Role.STUDENT
    type_text(form.description, "She asked to talk about how things are at home.")
    saved: list[int] = []
    form.saved.connect(saved.append)
    form.save_button.click()
    assert len(saved) == 1, form.problem_text("participants")
    case = cases.get_case(db, saved[0])
    assert [p.fields.role for p in case.participants] == [Role.STUDENT]


def test_keeping_the_category_puts_it_back_and_keeps_the_roles(
    qtbot, window: MainWindow, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    form = open_case_form(qtbot, window)
    harm = category_index(form, db, CategoryKind.HARM)
    form.category.setCurrentIndex(harm)
    add_student(qtbot, form, "Xoch")
    row = form.people._rows[0]
    row.role.setCurrentIndex(row.role.findData(Role.PERSON_HARMED))
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "wait_for", press(qtbot, "Keep the category", asked))
    form.category.setCurrentIndex(category_index(form, db, CategoryKind.CONCERN))
    assert len(asked) == 1
    assert form.category.currentIndex() == harm
    assert current_choice(row.role, Role) is Role.PERSON_HARMED
    assert Role.STUDENT not in offered_roles(form)


def test_the_form_says_where_observations_go(qtbot, window: MainWindow) -> None:
    form = open_case_form(qtbot, window)
    assert any(
        "Log a practice" in label.text() and label.isVisible()
        for label in form.findChildren(type(form.people.none_yet))
    )


def test_changing_a_concern_to_harm_keeps_the_student_and_offers_the_harm_roles(
    qtbot, window: MainWindow, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Harm accepts a student whose part is not said yet: nothing to ask; the harm roles are
    offered beside the student's own, for the counselor to say who was harmed."""
    form = open_case_form(qtbot, window)
    form.category.setCurrentIndex(category_index(form, db, CategoryKind.CONCERN))
    add_student(qtbot, form, "Xoch")
    row = form.people._rows[0]
    row.role.setCurrentIndex(row.role.findData(Role.STUDENT))
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "wait_for", press(qtbot, "Change the roles", asked))
    form.category.setCurrentIndex(category_index(form, db, CategoryKind.HARM))
    assert asked == []
    assert current_choice(row.role, Role) is Role.STUDENT
    assert offered_roles(form)[:3] == [
        Role.PERSON_HARMED,
        Role.PERSON_WHO_CAUSED_HARM,
        Role.WITNESS,
    ]
    assert offered_roles(form)[-1] is Role.STUDENT  # its own, kept at the end
