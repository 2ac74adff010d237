"""The conversation window: its steps, problems said where they are and gone once fixed, an
agreement made at the meeting, and a draft that survives a crash."""

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from rp_desktop.domain.vocabulary import CaseStatus, Role
from rp_desktop.services import drafts
from rp_desktop.services.casework import case_detail
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui.conversation.window import ConversationWindow
from rp_desktop.ui.forms.widgets import select_data
from rp_desktop.ui.window.reopening import reopen_draft
from tests.ui.conftest import School, type_text

TODAY = date(2026, 3, 10)


@pytest.fixture
def talk(qtbot: QtBot, db: Database, school_db: School) -> Iterator[ConversationWindow]:
    window = ConversationWindow(db)  # closed below, not by qtbot: that would ask first
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.remember_initial()  # what a test typed is thrown away without asking
    window.close()
    window.deleteLater()


def add(qtbot: QtBot, talk: ConversationWindow, search: str, role: Role | None) -> None:
    type_text(talk.people.picker.search, search)
    qtbot.keyClick(talk.people.picker.search, Qt.Key.Key_Return)
    if role is not None:
        talk.people._rows[-1].buttons[role].setChecked(True)


def test_enter_in_the_student_search_takes_a_student_and_stays_on_the_step(
    qtbot: QtBot, talk: ConversationWindow
) -> None:
    add(qtbot, talk, "xoch", None)
    assert [name for _, _, name in talk.people.people()] == ["Xochitl Ibarra"]
    assert talk.people._rows[0].role is None  # no role is assumed
    assert "Step 1 of 3" in talk.heading.text()


def test_the_counselor_facilitates_and_is_asked_nothing(
    qtbot: QtBot, talk: ConversationWindow, school_db: School
) -> None:
    assert talk.facilitator.currentData() == school_db.counselor_id
    add(qtbot, talk, "xoch", Role.PERSON_WHO_CAUSED_HARM)
    add(qtbot, talk, "xiong", Role.PERSON_HARMED)
    talk.show_step(1)
    pages = talk.answers.pages
    assert [pages.people.item(r).text() for r in range(pages.people.count())] == [
        "Xochitl Ibarra",  # the person who caused harm speaks first
        "Nou Xiong",
    ]


def test_a_problem_takes_the_window_to_its_step_and_goes_once_fixed(
    qtbot: QtBot, talk: ConversationWindow
) -> None:
    add(qtbot, talk, "xoch", None)
    talk.show_step(2)
    talk.accept()  # Finish (Ctrl+S) from the last step
    assert talk.isVisible()
    assert "Step 1 of 3" in talk.heading.text()
    assert talk.problem_text("description") == "Say in a few words what happened."
    assert talk.problem_text("category_id")
    row = talk.people._rows[0]
    assert row.problem.isVisibleTo(talk)
    row.buttons[Role.PERSON_HARMED].setChecked(True)
    assert not row.problem.isVisibleTo(talk)  # gone as soon as the role is chosen
    type_text(talk.description, "Words at recess.")
    assert talk.problem_text("description") == ""
    assert talk.problem_text("category_id")  # still to fix


def test_typed_answers_stay_when_the_people_change(qtbot: QtBot, talk: ConversationWindow):
    add(qtbot, talk, "xoch", Role.PERSON_WHO_CAUSED_HARM)
    talk.show_step(1)
    first = talk.answers.first_answer()
    assert first is not None
    type_text(first, "I pushed.")
    talk.show_step(0)
    add(qtbot, talk, "xiong", Role.PERSON_HARMED)
    talk.show_step(1)
    assert talk.answers.first_answer().toPlainText() == "I pushed."  # type: ignore[union-attr]
    assert talk.answers.pages.people.count() == 2


def test_an_agreement_is_dated_and_made_at_the_meeting(
    qtbot: QtBot, talk: ConversationWindow, db: Database
) -> None:
    add(qtbot, talk, "xoch", Role.PERSON_WHO_CAUSED_HARM)
    add(qtbot, talk, "xiong", Role.PERSON_HARMED)
    type_text(talk.description, "Pushed in line.")
    talk.category.setCurrentIndex(0)
    talk.show_step(2)
    line = talk.items.items._rows[0]
    type_text(line.what, "Say sorry at lunch")
    select_data(line.owner, ("participant", talk.people._rows[0].key))
    saved: list[int] = []
    talk.saved.connect(saved.append)
    qtbot.mouseClick(talk.save_button, Qt.MouseButton.LeftButton)
    assert not talk.isVisible()
    detail = case_detail.get_case_detail(db, saved[0])
    (meeting,) = detail.meetings
    (agreement,) = detail.agreements
    assert (agreement.meeting_id, agreement.made_on) == (meeting.id, TODAY)
    (item,) = agreement.items
    assert item.fields.owner_participant_id == detail.case.participants[0].id
    assert detail.case.fields.status is CaseStatus.AGREEMENT_MADE
    assert drafts.list_drafts(db) == []


def test_a_crash_loses_nothing_typed(qtbot: QtBot, talk: ConversationWindow, db) -> None:
    add(qtbot, talk, "xoch", Role.PERSON_WHO_CAUSED_HARM)
    type_text(talk.description, "Pushed in line.")
    talk.show_step(1)
    type_text(talk.answers.first_answer(), "I was angry.")  # type: ignore[arg-type]
    talk.draft.save_now()
    [draft] = drafts.list_drafts(db)
    assert draft.form == "conversation"
    assert "Pushed" not in draft.label
    again = reopen_draft(None, db, 2025, draft)
    assert isinstance(again, ConversationWindow)
    assert again.values() == talk.values()
    again.show_step(1)
    assert again.answers.first_answer().toPlainText() == "I was angry."  # type: ignore[union-attr]
    again.remember_initial()
    again.close()
    again.deleteLater()


def test_every_control_has_a_name(qtbot: QtBot, talk: ConversationWindow) -> None:
    add(qtbot, talk, "xoch", Role.PERSON_WHO_CAUSED_HARM)
    inputs = (QComboBox, QLineEdit, QPlainTextEdit, QDateEdit, QListWidget)
    for step in range(3):
        talk.show_step(step)
        for button in talk.findChildren(QAbstractButton):
            if button.isVisibleTo(talk) and not isinstance(button.parentWidget(), QLineEdit):
                assert button.accessibleName() or button.text(), button
        fields = [w for w in talk.findChildren(QWidget) if isinstance(w, inputs)]
        for field in fields:
            if field.isVisibleTo(talk) and not isinstance(field.parentWidget(), QComboBox):
                named = field.accessibleName() or field.parentWidget().accessibleName()
                assert named, f"step {step}: {type(field).__name__}"
