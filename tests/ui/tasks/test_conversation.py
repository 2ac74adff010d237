"""Task: record a restorative conversation between two students, from the main window to the
saved case (issue 13: ~40 clicks + 3 keys and two long scrolls before; at most 15 now).

By default each person's contribution is a short summary (issue 14: what a student says should
not become evidence for discipline). The steps, each counted (11 in all: 8 clicks, 3 keys; it was
13 with two answers per student): Home's "New conversation" (1 click); each student found by
typing part of a name and taken with Enter (2 keys); each one's part in one click (2); what
happened, typed in its box (1 click); the category, typed whole in its narrowed list (1 click,
Tab); Next (1); the summary of the person who caused harm, typed where the keyboard already is;
Next person (1); the summary of the person harmed; Finish (1).

A second test ticks "Keep the answers word for word" and answers every question of both
students, counted too (no target: it is the exception, chosen by the facilitator)."""

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QRadioButton
from pytestqt.qtbot import QtBot

from rp_desktop.domain.casework.records import Meeting, questions_for
from rp_desktop.domain.records import Participant
from rp_desktop.domain.vocabulary import CaseStatus, Role
from rp_desktop.services.casework import case_detail
from rp_desktop.ui.case.case_window import CaseWindow
from rp_desktop.ui.conversation.window import ConversationWindow
from rp_desktop.ui.window.main_window import MainWindow
from tests.ui.conftest import School
from tests.ui.tasks.moves import Moves

TODAY = date(2026, 3, 10)


def test_a_restorative_conversation_between_two_students(
    qtbot: QtBot, window: MainWindow, db, school_db: School
) -> None:
    moves = Moves(qtbot)
    talk = _who_and_what(qtbot, window, moves)

    first = talk.answers.first_answer()
    assert QApplication.focusWidget() is first  # the summary of who speaks first
    moves.type("Owned up to pushing in; will say sorry.")
    moves.click(talk.answers.pages.next)
    moves.type("Embarrassed in front of everyone; wants space at lunch.")
    moves.click(talk.save_button)

    moves.assert_within("conversation")
    assert (moves.clicks, moves.keys) == (9, 2)
    meeting, caused, harmed = _saved(talk, window, db, school_db)
    assert dict(meeting.fields.summaries) == {
        caused.id: "Owned up to pushing in; will say sorry.",
        harmed.id: "Embarrassed in front of everyone; wants space at lunch.",
    }
    assert (meeting.fields.keep_answers, meeting.fields.answers) == (False, ())
    window.windows.close_all()


CAUSED_SAYS = (
    "I pushed in because I was angry.",
    "That they took my seat.",
    "That I should not have done it.",
    "Them, and the people behind us.",
    "They were late and upset.",
    "Say sorry and wait my turn.",
)
HARMED_SAYS = (
    "I was embarrassed in front of everyone.",
    "I did not want to go back to lunch.",
    "Everyone looking at me.",
    "An apology, and some space.",
)


def test_the_same_conversation_with_every_answer_kept_word_for_word(
    qtbot: QtBot, window: MainWindow, db, school_db: School
) -> None:
    """Counted: 9 clicks + 2 keys as above, plus the tick (1 click), a click back into the
    summary (1) and a Tab to each answer (6 + 4 keys): 11 clicks + 12 keys."""
    moves = Moves(qtbot)
    talk = _who_and_what(qtbot, window, moves)
    moves.click(talk.answers.keep)
    assert talk.answers.keep_answers()
    moves.click(talk.answers.first_answer())  # type: ignore[arg-type]
    moves.type("Owned up to pushing in.")
    for words in CAUSED_SAYS:
        moves.key(Qt.Key.Key_Tab)
        moves.type(words)
    moves.click(talk.answers.pages.next)
    moves.type("Embarrassed; wants space.")
    for words in HARMED_SAYS:
        moves.key(Qt.Key.Key_Tab)
        moves.type(words)
    moves.click(talk.save_button)

    assert (moves.clicks, moves.keys) == (11, 12), moves.steps
    meeting, caused, harmed = _saved(talk, window, db, school_db)
    assert meeting.fields.keep_answers
    said = [(a.participant_id, a.question, a.text) for a in meeting.fields.answers]
    assert said == [*_answered(caused, CAUSED_SAYS), *_answered(harmed, HARMED_SAYS)]
    assert dict(meeting.fields.summaries) == {
        caused.id: "Owned up to pushing in.",
        harmed.id: "Embarrassed; wants space.",
    }
    window.windows.close_all()


def _answered(person: Participant, says: tuple[str, ...]) -> list[tuple[int, object, str]]:
    """What `person` said to each question of their role, in order."""
    assert person.fields.role is not None
    return [
        (person.id, question, words)
        for question, words in zip(questions_for(person.fields.role), says, strict=True)
    ]


def _who_and_what(qtbot: QtBot, window: MainWindow, moves: Moves) -> ConversationWindow:
    """From Home to the conversation's second step: two students, their parts, what happened,
    its category chosen from the short list of harm categories (7 clicks + 2 keys)."""
    window.show()
    qtbot.waitExposed(window)
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
    # Categories of harm only: a short list, chosen from its drop-down.
    moves.choose(talk.category, category)
    assert talk.category.currentText() == category
    moves.click(talk.next)
    return talk


def _saved(
    talk: ConversationWindow, window: MainWindow, db, school_db: School
) -> tuple[Meeting, Participant, Participant]:
    """The saved case's one meeting, the person who caused harm and the person harmed; the
    case opened in its own window and is on the Tier 2 list."""
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
    assert not detail.agreements  # nothing was agreed this time
    window.show_view("tier2")  # the Tier 2 list reads it when shown
    assert window.tier2.model.rowCount() == 1
    return meeting, caused, harmed


def _conversation() -> ConversationWindow | None:
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, ConversationWindow)]
    return next((w for w in found if w.isVisible()), None)


def _role(talk: ConversationWindow, row: int, role: Role) -> QRadioButton:
    return talk.people._rows[row].buttons[role]
