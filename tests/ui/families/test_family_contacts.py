"""The case window's Family contacts tab: a contact logged with the form (the caregiver's home
language offered first, the outcome following the kind), listed newest first, and removed."""

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from rp_desktop.domain.continuum.caregivers import ContactFields
from rp_desktop.domain.continuum.kinds import ContactKind, ContactOutcome
from rp_desktop.services.continuum import contacts
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui import dialogs
from rp_desktop.ui.case.case_window import CaseWindow
from rp_desktop.ui.families.contact_form import ContactForm
from tests.ui.conftest import School, type_text
from tests.ui.families.setup import Family, add_family, family_case


@pytest.fixture
def family(db: Database, school_db: School) -> Family:
    return add_family(db, school_db)


@pytest.fixture
def window(qtbot, db: Database, school_db: School, family: Family) -> CaseWindow:  # type: ignore[no-untyped-def]
    case = family_case(db, school_db, family)
    win = CaseWindow(db, case.id, school_name="Riverside Middle School")
    qtbot.addWidget(win)
    win.show()
    win.tabs.setCurrentWidget(win.family)
    return win


def rows(window: CaseWindow) -> list[list[str]]:
    table = window.family.table
    return [[table.item(r, c).text() for c in range(5)] for r in range(table.rowCount())]


def choose(qtbot, combo, text: str) -> None:  # type: ignore[no-untyped-def]
    """Choose `text` in a drop-down with the keyboard, as a person would."""
    combo.setFocus()
    index = combo.findText(text)
    assert index >= 0, text
    while combo.currentIndex() != index:
        key = Qt.Key.Key_Down if combo.currentIndex() < index else Qt.Key.Key_Up
        qtbot.keyClick(combo, key)


def test_a_call_is_logged_in_the_caregivers_language_and_listed_newest_first(
    qtbot, db: Database, window: CaseWindow, family: Family
) -> None:
    case_id = window.detail.case.id
    contacts.add_contact(
        db,
        case_id,
        ContactFields(
            family.mother.id, ContactKind.CALL, date(2026, 3, 3), ContactOutcome.NO_ANSWER, "es"
        ),
    )
    window.reload()
    assert window.family.empty.isHidden()
    qtbot.mouseClick(window.family.buttons["add"], Qt.MouseButton.LeftButton)
    form = window.family.form
    assert isinstance(form, ContactForm)
    qtbot.waitExposed(form)
    assert form.caregiver.currentText() == "Pa Xiong (Parent)"
    assert form.language.code() == "es"  # her home language, offered first
    choose(qtbot, form.caregiver, "Tomasz Kowalczyk (Parent)")
    assert form.language.code() == "en"
    choose(qtbot, form.kind, "Letter")
    assert form.outcome.currentText() == "Sent"
    choose(qtbot, form.kind, "Phone call")
    choose(qtbot, form.outcome, "Left a message")
    type_text(form.note, "Asked him to call back after 4")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    assert not form.isVisible()
    assert rows(window) == [
        ["2026-03-10", "Tomasz Kowalczyk", "Phone call", "Left a message", "English"],
        ["2026-03-03", "Pa Xiong", "Phone call", "No answer", "Spanish"],
    ]
    assert window.family.table.item(0, 6).text() == "Asked him to call back after 4"


def test_a_day_ahead_is_refused_beside_the_date(qtbot, window: CaseWindow) -> None:
    qtbot.mouseClick(window.family.buttons["add"], Qt.MouseButton.LeftButton)
    form = window.family.form
    assert form is not None
    form.contacted_on.setFocus()
    form.contacted_on.setDate(QDate(2026, 3, 11))
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.isVisible()
    assert "future" in form.problem_text("contacted_on")
    assert rows(window) == []


def test_a_contact_is_removed_after_asking(
    qtbot, db: Database, window: CaseWindow, family: Family, monkeypatch
) -> None:
    contacts.add_contact(
        db,
        window.detail.case.id,
        ContactFields(family.mother.id, ContactKind.MEETING, date(2026, 3, 9), ContactOutcome.MET),
    )
    window.reload()
    table = window.family.table
    rect = table.visualRect(table.model().index(0, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    def remove(box: QDialog) -> int:
        assert isinstance(box, QMessageBox)
        box.show()
        yes = next(b for b in box.buttons() if b.text() == "Remove")
        qtbot.mouseClick(yes, Qt.MouseButton.LeftButton)
        return box.result()

    monkeypatch.setattr(dialogs, "wait_for", remove)
    qtbot.mouseClick(window.family.buttons["remove"], Qt.MouseButton.LeftButton)
    assert rows(window) == []
    assert contacts.case_contacts(db, window.detail.case.id) == []
