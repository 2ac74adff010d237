"""A repair-harm conference run from set-up to a saved agreement with the keyboard: the
restorative questions person by person (the person who caused harm first), a note of what was
said when the answers are kept, the agreement typed at the console, the meeting, its people,
its answers and its agreement in the database.

Needs directed rounds (the engine): each step's round goes to the one person asked, so Space
gives them the piece's turn and the next Space moves on to the next step."""

from datetime import timedelta

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from rp_desktop.domain.circle import CircleState
from rp_desktop.domain.vocabulary import CircleStage, MeetingKind
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui import dialogs
from rp_desktop.ui.run_circle.runner import CircleRunner
from rp_desktop.ui.run_circle.setup_tab import CircleSetupTab
from tests.ui.conference.conftest import (
    Conference,
    answered_with_enter,
    key,
    shipped,
    started,
    to_the_script,
)
from tests.ui.conftest import type_text
from tests.ui.run_circle.test_circle_run import rows


def every_line_shows(label: QLabel) -> bool:
    """The label is as tall as its words need at its width, wrapped."""
    needed = label.fontMetrics().boundingRect(
        QRect(0, 0, label.width(), 10_000), Qt.TextFlag.TextWordWrap, label.text()
    )
    return label.height() >= needed.height()


def seat_of(runner: CircleRunner, participant_id: int) -> int:
    return next(p.key for p in runner.choice.seats if p.participant_id == participant_id)


def test_a_conference_from_set_up_to_a_saved_agreement_from_the_keyboard(
    qtbot: QtBot,
    db: Database,
    tab: CircleSetupTab,
    conference: Conference,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "wait_for", answered_with_enter(qtbot, asked))
    runner = started(qtbot, tab, conference)
    console, session = runner.console, runner.session
    # the keeper's seat first in the console's list, each seat with its part in the case
    first_row = console.seats.item(0, 0).text()
    assert first_row.startswith("Marisol (keeper)")
    assert "Facilitator" in first_row
    rows_text = [console.seats.item(r, 0).text() for r in range(console.seats.rowCount())]
    assert any("Person who caused harm" in text for text in rows_text)
    to_the_script(qtbot, runner)

    # Step 1: the person who caused harm, "What happened?"
    what_happened = shipped(db, "repair-what-happened")
    caused = seat_of(runner, conference.caused)
    snapshot = session.snapshot
    assert console.script.person.text() == "Nou Xiong"
    assert console.script.part.text() == "Person who caused harm · Question 1 of 6"
    assert console.header.audience.isHidden()  # no "For: Nou" above "Asking: Nou Xiong"
    assert console.header.prompt.text() == what_happened
    assert snapshot.round.stage is CircleStage.REPAIR_HARM
    assert snapshot.round.prompt == what_happened
    assert " ".join(runner.wall.view.prompt_fit().lines) == what_happened
    assert snapshot.round.addressed == (caused,)  # the engine: the round is for them alone
    assert snapshot.holder_key == caused

    # Keep the answers (Alt+K), Tab into the note, type: the circle's letters are the box's.
    assert not console.script.note.isEnabled()
    key(qtbot, runner, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)
    assert console.script.keep.isChecked()
    key(qtbot, runner, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is console.script.note
    turn = session.snapshot.turn_number
    qtbot.keyClicks(console.script.note, "Pushed past, then felt bad")  # P, N, B, F, E, Space
    type_text(console.script.note, " — lo siento")
    assert session.snapshot.turn_number == turn  # nothing moved the piece
    assert not runner.wall.blank
    assert not runner.wall.isFullScreen()
    key(qtbot, runner, Qt.Key.Key_Escape)  # the keys go back to the circle
    assert QApplication.focusWidget() is not console.script.note
    assert console.isVisible()

    # Space through the script: each step for one person, in the usual order.
    expected = [("Nou Xiong", 6), ("Xochitl Ibarra", 4), ("Delfina Ibarra-Soto", 4)]
    seen = []
    for name, count in expected:
        for number in range(1, count + 1):
            if (name, number) != ("Nou Xiong", 1):
                key(qtbot, runner, Qt.Key.Key_Space)  # one key: the next question begins
                assert session.snapshot.state is CircleState.RUNNING
            assert console.script.person.text() == name
            assert console.script.part.text().endswith(f"Question {number} of {count}")
            assert session.snapshot.holder_key == session.snapshot.round.addressed[0]
            assert session.snapshot.round.prompt == console.header.prompt.text()
            seen.append(name)
    assert len(seen) == 14  # the facilitator answers none
    key(qtbot, runner, Qt.Key.Key_Space)

    # The agreement step: the piece rests with the keeper; the console asks what is agreed.
    snapshot = session.snapshot
    assert snapshot.round.stage is CircleStage.AGREEMENT
    assert snapshot.holder_key == next(s.key for s in snapshot.seats if s.is_keeper)
    panel = console.agreement
    assert console.live.right.currentWidget() is panel
    assert every_line_shows(console.header.prompt)  # the agreement panel squeezes nothing
    assert QApplication.focusWidget() is panel.what  # ready to type
    assert panel.due.minimumDate().toPython() == db.today()  # never due before it was agreed
    type_text(panel.what, "Nou helps Xochitl rebuild the science poster")
    key(qtbot, runner, Qt.Key.Key_Return)  # to "who"
    assert QApplication.focusWidget() is panel.who
    key(qtbot, runner, Qt.Key.Key_Down)  # the first of the case's people ...
    while panel.who.currentData() != ("participant", conference.caused):
        key(qtbot, runner, Qt.Key.Key_Down)  # ... down to Nou
    key(qtbot, runner, Qt.Key.Key_Return)  # to "by"
    assert QApplication.focusWidget() is panel.due
    key(qtbot, runner, Qt.Key.Key_Return)  # adds it, due in a week
    type_text(panel.what, "Check in with both at lunch on Friday")
    key(qtbot, runner, Qt.Key.Key_Return)
    while panel.who.currentData() != ("participant", conference.facilitator):
        key(qtbot, runner, Qt.Key.Key_Down)
    key(qtbot, runner, Qt.Key.Key_Return)
    key(qtbot, runner, Qt.Key.Key_Up)  # a year later than the week: the year is chosen first
    key(qtbot, runner, Qt.Key.Key_Return)
    assert panel.table.rowCount() == 2
    assert session.snapshot.round.stage is CircleStage.AGREEMENT  # typing moved nothing

    key(qtbot, runner, Qt.Key.Key_Escape)  # back to the circle
    key(qtbot, runner, Qt.Key.Key_E)  # end: asked, and Enter ends it
    assert asked == ["End the circle?"]
    assert console.saved_ok
    result = runner.result
    assert result is not None

    week = db.today() + timedelta(days=7)
    meeting = rows(db, f"SELECT kind, case_id FROM meeting WHERE id = {result.meeting_id}")
    assert meeting == [(MeetingKind.REPAIR_HARM_CIRCLE.value, conference.case.id)]
    came = rows(
        db,
        f"SELECT participant_id FROM meeting_attendee WHERE meeting_id = {result.meeting_id}",
    )
    everyone = {conference.caused, conference.harmed, conference.supporter, conference.facilitator}
    assert {row[0] for row in came} == everyone
    agreement = rows(db, "SELECT id, meeting_id, case_id FROM agreement")
    assert [(meeting_id, case_id) for _, meeting_id, case_id in agreement] == [
        (result.meeting_id, conference.case.id)
    ]
    items = rows(
        db,
        "SELECT description, owner_participant_id, due_on FROM agreement_item ORDER BY id",
    )
    assert items == [
        ("Nou helps Xochitl rebuild the science poster", conference.caused, week.isoformat()),
        (
            "Check in with both at lunch on Friday",
            conference.facilitator,
            week.replace(year=week.year + 1).isoformat(),
        ),
    ]
    answers = rows(
        db,
        f"SELECT participant_id, question, answer FROM meeting_answer "
        f"WHERE meeting_id = {result.meeting_id}",
    )
    assert answers == [
        (conference.caused, "what_happened", "Pushed past, then felt bad — lo siento")
    ]


def test_with_the_answers_not_kept_nothing_said_is_saved(
    qtbot: QtBot,
    db: Database,
    tab: CircleSetupTab,
    conference: Conference,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "wait_for", answered_with_enter(qtbot, asked))
    runner = started(qtbot, tab, conference)
    console = runner.console
    to_the_script(qtbot, runner)
    key(qtbot, runner, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not console.script.note  # off: no box to type in
    assert not console.script.note.isEnabled()
    while runner.session.snapshot.round.stage is not CircleStage.AGREEMENT:
        key(qtbot, runner, Qt.Key.Key_N)  # the keeper moves on step by step
    type_text(console.agreement.what, "Nou writes Xochitl a note")
    key(qtbot, runner, Qt.Key.Key_Return)
    key(qtbot, runner, Qt.Key.Key_Return)
    key(qtbot, runner, Qt.Key.Key_Return)
    assert console.agreement.problem.text() == "Choose who will do it first."
    assert QApplication.focusWidget() is console.agreement.who
    key(qtbot, runner, Qt.Key.Key_Down)  # the first of the case's people
    key(qtbot, runner, Qt.Key.Key_Return)
    key(qtbot, runner, Qt.Key.Key_Return)
    assert console.agreement.table.rowCount() == 1
    key(qtbot, runner, Qt.Key.Key_Escape)
    key(qtbot, runner, Qt.Key.Key_E)
    assert asked == ["End the circle?"]
    assert runner.result is not None
    meeting_id = runner.result.meeting_id
    assert rows(db, f"SELECT keep_answers FROM meeting WHERE id = {meeting_id}") == [(0,)]
    assert rows(db, "SELECT count(*) FROM meeting_answer") == [(0,)]
    first = console.agreement.who.itemData(1)
    assert rows(db, "SELECT description, owner_participant_id FROM agreement_item") == [
        ("Nou writes Xochitl a note", first[1])
    ]
