"""Task: record a restorative conversation between two students, with the restorative questions
answered for both, from the main window to the saved case (issue 13: ~40 clicks + 3 keys and
two long scrolls before; at most 15 now).

The steps, each counted (13 in all: 8 clicks, 5 keys): Home's "New conversation" (1 click);
each student found by typing part of a name and taken with Enter (2 keys); each one's part in
one click (2); what happened, typed in its box (1 click); the category, typed whole in its
narrowed list (1 click, Tab); Next (1); the first two questions of the person who caused harm
(1 Tab between them); Next person (1); the first two questions of the person harmed (1 Tab);
Finish (1)."""

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QRadioButton
from pytestqt.qtbot import QtBot

from rp_desktop.domain.casework.records import RestorativeQuestion
from rp_desktop.domain.vocabulary import CaseStatus, Role
from rp_desktop.services.casework import case_detail
from rp_desktop.ui.case.case_window import CaseWindow
from rp_desktop.ui.conversation.window import ConversationWindow
from rp_desktop.ui.window.main_window import MainWindow
from tests.ui.conftest import School
from tests.ui.tasks.moves import Moves

Q = RestorativeQuestion
TODAY = date(2026, 3, 10)


def test_a_restorative_conversation_between_two_students(
    qtbot: QtBot, window: MainWindow, db, school_db: School
) -> None:
    window.show()
    qtbot.waitExposed(window)
    moves = Moves(qtbot)

    window.show_view("home")  # where the window opens by default
    moves.click(window.home.new_conversation)
    qtbot.waitUntil(lambda: _conversation() is not None)
    talk = _conversation()
    assert talk is not None
    qtbot.waitExposed(talk)
    # Typing starts at once, in the student search.
    qtbot.waitUntil(lambda: QApplication.focusWidget() is talk.people.picker.search)

    for part_of_a_name in ("xoch", "xiong"):
        moves.type(part_of_a_name)
        moves.key(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _role(talk, 1, Role.PERSON_HARMED).isVisible())  # drawn
    moves.click(_role(talk, 0, Role.PERSON_WHO_CAUSED_HARM))
    moves.click(_role(talk, 1, Role.PERSON_HARMED))
    moves.click(talk.description)
    moves.type("Pushed in the lunch line; words were said.")
    category = talk.category.itemText(0)
    moves.click(talk.category)  # a long list, narrowed by typing: the entry typed is taken
    moves.type(category)
    moves.key(Qt.Key.Key_Tab)
    assert talk.category.currentText() == category
    moves.click(talk.next)

    first = talk.answers.first_answer()
    assert QApplication.focusWidget() is first
    moves.type("I pushed in because I was angry.")
    moves.key(Qt.Key.Key_Tab)
    moves.type("That they took my seat.")
    moves.click(talk.answers.pages.next)
    moves.type("I was embarrassed in front of everyone.")
    moves.key(Qt.Key.Key_Tab)
    moves.type("I did not want to go back to lunch.")
    moves.click(talk.save_button)

    moves.assert_within("conversation")
    assert not talk.isVisible()
    opened = [w for w in window.windows._windows.values() if isinstance(w, CaseWindow)]
    assert len(opened) == 1  # the saved case opens in its own window
    detail = case_detail.get_case_detail(db, opened[0].detail.case.id)
    case = detail.case
    assert case.fields.description == "Pushed in the lunch line; words were said."
    assert case.fields.status is CaseStatus.MEETING_HELD
    caused, harmed, facilitator = case.participants
    assert (caused.fields.student_id, caused.fields.role) == (
        school_db.members[0].id,
        Role.PERSON_WHO_CAUSED_HARM,
    )
    assert (harmed.fields.student_id, harmed.fields.role) == (
        school_db.members[1].id,
        Role.PERSON_HARMED,
    )
    assert facilitator.fields.staff_id == school_db.counselor_id  # the school's counselor
    (meeting,) = detail.meetings
    assert meeting.fields.held_on == TODAY
    assert meeting.fields.facilitator_id == school_db.counselor_id
    assert {caused.id, harmed.id} <= meeting.fields.attendee_ids  # both came
    assert [(a.participant_id, a.question, a.text) for a in meeting.fields.answers] == [
        (caused.id, Q.WHAT_HAPPENED, "I pushed in because I was angry."),
        (caused.id, Q.THINKING_AT_THE_TIME, "That they took my seat."),
        (harmed.id, Q.THOUGHT_WHEN_REALISED, "I was embarrassed in front of everyone."),
        (harmed.id, Q.IMPACT_ON_YOU_AND_OTHERS, "I did not want to go back to lunch."),
    ]
    assert not detail.agreements  # nothing was agreed this time
    window.show_view("tier2")  # the Tier 2 list reads it when shown
    assert window.tier2.model.rowCount() == 1
    window.windows.close_all()


def _conversation() -> ConversationWindow | None:
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, ConversationWindow)]
    return next((w for w in found if w.isVisible()), None)


def _role(talk: ConversationWindow, row: int, role: Role) -> QRadioButton:
    return talk.people._rows[row].buttons[role]
