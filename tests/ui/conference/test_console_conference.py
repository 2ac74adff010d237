"""The console's conference parts with any engine: keys typed in a box stay in it, Esc gives them
back, Tab leaves; someone marked not here; the keeper's seat first; a circle that reached its
agreement asks before ending without one; a group's agreements and the notes reach the record."""

from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from rp_desktop.domain.circle import CircleState
from rp_desktop.domain.circle.types import Timing
from rp_desktop.domain.circle_runs import CircleRunFields, SavedRun
from rp_desktop.domain.library import PlanFields, PlannedRound
from rp_desktop.domain.vocabulary import CircleStage
from rp_desktop.services import people
from rp_desktop.services.circles import library
from rp_desktop.services.circles import seeding as library_seed
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui import dialogs
from rp_desktop.ui.run_circle import runner as runner_module
from rp_desktop.ui.run_circle.console_parts import KEYS
from rp_desktop.ui.run_circle.runner import CircleRunner
from rp_desktop.ui.run_circle.seating import Attendee
from rp_desktop.ui.run_circle.setup_tab import CircleSetupTab
from tests.ui.conference.conftest import Conference, key, on_screen, started, to_the_script
from tests.ui.conftest import School, type_text
from tests.ui.fakes import FakeChime
from tests.ui.run_circle.test_circle_run import Monotonic


@dataclass
class Saved:
    """What the console gave the saving, instead of saving it."""

    fields: list[CircleRunFields]


@pytest.fixture
def saved(monkeypatch: pytest.MonkeyPatch) -> Saved:
    kept = Saved([])

    def save(_db: Database, fields: CircleRunFields) -> SavedRun:
        kept.fields.append(fields)
        return SavedRun(1, 1, None)

    monkeypatch.setattr(runner_module, "save_circle_run", save)
    return kept


def answered_with(qtbot: QtBot, which: Qt.Key, asked: list[str]):  # type: ignore[no-untyped-def]
    def wait_for(box: QDialog) -> int:
        assert isinstance(box, QMessageBox)
        asked.append(box.windowTitle())
        box.show()
        box.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is box)
        qtbot.keyClick(QApplication.focusWidget() or box, which)
        return box.result()

    return wait_for


@pytest.fixture
def group_circle(qtbot: QtBot, db: Database, school_db: School) -> CircleSetupTab:
    """The advisory's four students, then its counselor keeping in the last seat, on a plan
    with a check-in and a values-and-agreement round."""
    library_seed.ensure_circle_library(db)
    plan = library.save_plan(
        db,
        PlanFields(
            "Our class agreement",
            rounds=(
                PlannedRound(CircleStage.CHECK_IN, "One word for today?", Timing.NONE, None),
                PlannedRound(CircleStage.AGREEMENT, "What do we agree?", Timing.NONE, None),
            ),
        ),
    )
    setup = CircleSetupTab(db, 2025, clock=Monotonic(), chime=FakeChime())
    qtbot.addWidget(setup)
    for member in people.group_members(db, school_db.advisory_id):
        setup.seating.seat(Attendee.student(member))
    counselor = next(m for m in people.list_staff(db) if m.id == school_db.counselor_id)
    setup.seating.seat(Attendee.staff(counselor))
    setup.seating.set_keeper(Attendee.staff(counselor))
    setup.rounds.reload_plans(select=plan.id)
    setup.rounds.use_plan(plan)
    return setup


def run(qtbot: QtBot, setup: CircleSetupTab) -> CircleRunner:
    runner = setup.start_circle()
    assert runner is not None
    return on_screen(qtbot, runner)


def test_every_key_of_the_circle_typed_in_the_note_stays_in_it(
    qtbot: QtBot,
    tab: CircleSetupTab,
    conference: Conference,
    saved: Saved,
) -> None:
    runner = started(qtbot, tab, conference)
    console, session = runner.console, runner.session
    to_the_script(qtbot, runner)
    key(qtbot, runner, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)
    key(qtbot, runner, Qt.Key.Key_Tab)
    note = console.script.note
    assert QApplication.focusWidget() is note
    before = (session.snapshot.turn_number, session.snapshot.round.index, session.snapshot.state)
    single = [k for keys in KEYS.values() for k in keys if len(k) == 1]  # P, N, B, F, E, A
    qtbot.keyClicks(note, " ".join(single).lower() + " ")
    for other in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Return):  # back, next, pause
        qtbot.keyClick(note, other)
    after = (session.snapshot.turn_number, session.snapshot.round.index, session.snapshot.state)
    assert after == before  # no move, no pause
    assert note.text() == "p n b f e a "
    assert not runner.wall.blank
    assert console.isVisible()
    assert QApplication.focusWidget() is not note  # Enter: done typing, the keys go back
    key(qtbot, runner, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is note
    key(qtbot, runner, Qt.Key.Key_Tab)  # Tab leaves the box: never trapped
    assert QApplication.focusWidget() is not note
    key(qtbot, runner, Qt.Key.Key_Backtab)
    key(qtbot, runner, Qt.Key.Key_Escape)  # Esc in the box: back to the circle, open still
    assert console.isVisible()
    assert QApplication.focusWidget() is not note
    key(qtbot, runner, Qt.Key.Key_N)  # and now N is the circle's again
    assert session.snapshot.round.index == before[1] + 1
    console.end_circle(ask=False)
    (fields,) = saved.fields
    assert fields.keep_answers
    assert [(n.participant_id, n.question.value, n.text) for n in fields.script_notes] == [
        (conference.caused, "what_happened", "p n b f e a ")
    ]


def test_notes_are_dropped_when_the_answers_are_not_kept_after_all(
    qtbot: QtBot,
    tab: CircleSetupTab,
    conference: Conference,
    saved: Saved,
) -> None:
    runner = started(qtbot, tab, conference)
    to_the_script(qtbot, runner)
    key(qtbot, runner, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)
    key(qtbot, runner, Qt.Key.Key_Tab)
    type_text(runner.console.script.note, "Dijo que lo siente")
    key(qtbot, runner, Qt.Key.Key_Escape)
    key(qtbot, runner, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)  # unticked again
    assert not runner.console.script.note.isEnabled()
    runner.console.end_circle(ask=False)
    (fields,) = saved.fields
    assert not fields.keep_answers
    assert fields.script_notes == ()


def test_the_keepers_seat_comes_first_and_someone_not_here_is_recorded_absent(
    qtbot: QtBot, db: Database, group_circle: CircleSetupTab, school_db: School, saved: Saved
) -> None:
    runner = run(qtbot, group_circle)
    console, session = runner.console, runner.session
    labels = [console.seats.item(r, 0).text() for r in range(console.seats.rowCount())]
    assert labels[0] == "Marisol (keeper)"  # seated last, listed first: the keeper starts
    key(qtbot, runner, Qt.Key.Key_Space)  # start: the keeper holds the piece
    key(qtbot, runner, Qt.Key.Key_Space)  # the first student speaks ...
    key(qtbot, runner, Qt.Key.Key_Space)  # ... and hands the piece on
    spoke = session.snapshot.seats[0].key  # Xochitl, first seat, had her turn
    absent_row = 3  # Dariusz, who has not had the piece
    absent_key = next(s.key for s in session.snapshot.seats if s.label == "Dariusz")
    assert console.seats.item(absent_row, 0).text() == "Dariusz"
    console.seats.selectRow(absent_row)
    key(qtbot, runner, Qt.Key.Key_A)  # not here
    assert absent_key not in {s.key for s in session.snapshot.seats}
    console.seats.select_key(spoke)
    key(qtbot, runner, Qt.Key.Key_A)  # spoke, then left: a leaver, not absent
    console.end_circle(ask=False)
    (fields,) = saved.fields
    dariusz = next(m for m in school_db.members if m.first_name == "Dariusz")
    xochitl = next(m for m in school_db.members if m.first_name == "Xochitl")
    assert fields.absent_student_ids == frozenset({dariusz.id})
    seated = {p.student_id for p in fields.seats}
    assert dariusz.id not in seated
    assert xochitl.id in seated


def test_ending_with_nothing_agreed_asks_first_and_a_groups_lines_are_kept(
    qtbot: QtBot,
    group_circle: CircleSetupTab,
    saved: Saved,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "wait_for", answered_with(qtbot, Qt.Key.Key_Return, asked))
    runner = run(qtbot, group_circle)
    console, session = runner.console, runner.session
    key(qtbot, runner, Qt.Key.Key_Space)
    key(qtbot, runner, Qt.Key.Key_N)  # the agreement round
    assert session.snapshot.round.stage is CircleStage.AGREEMENT
    panel = console.agreement
    assert console.live.right.currentWidget() is panel
    assert not panel.who.isVisible()  # a group's agreements: lines, no owners
    key(qtbot, runner, Qt.Key.Key_Escape)
    key(qtbot, runner, Qt.Key.Key_E)
    assert asked == ["End without an agreement?"]  # Enter: back to the agreement
    assert session.snapshot.state is not CircleState.CLOSED
    assert saved.fields == []
    console.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is console)
    assert QApplication.focusWidget() is panel.what  # ready to type what is agreed
    type_text(panel.what, "We listen when someone holds the piece")
    key(qtbot, runner, Qt.Key.Key_Return)
    type_text(panel.what, "Sí se puede: we try again")
    key(qtbot, runner, Qt.Key.Key_Return)
    panel.table.selectRow(0)
    qtbot.mouseClick(panel.remove, Qt.MouseButton.LeftButton)
    assert panel.lines() == ("Sí se puede: we try again",)
    key(qtbot, runner, Qt.Key.Key_Escape)
    key(qtbot, runner, Qt.Key.Key_E)
    assert asked == ["End without an agreement?", "End the circle?"]
    (fields,) = saved.fields
    assert fields.group_agreements == ("Sí se puede: we try again",)
    assert fields.agreement == ()


def test_what_is_agreed_survives_a_crash_as_a_draft_of_the_cases_agreement(
    qtbot: QtBot,
    db: Database,
    tab: CircleSetupTab,
    conference: Conference,
    saved: Saved,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from rp_desktop.services import drafts
    from rp_desktop.ui.case.agreement_form import AgreementForm
    from rp_desktop.ui.window.reopening import reopen_draft

    runner = started(qtbot, tab, conference)
    to_the_script(qtbot, runner)
    while runner.session.snapshot.round.stage is not CircleStage.AGREEMENT:
        key(qtbot, runner, Qt.Key.Key_N)
    panel = runner.console.agreement
    type_text(panel.what, "Nou repaints the bench")
    key(qtbot, runner, Qt.Key.Key_Return)
    while panel.who.currentData() != ("participant", conference.caused):
        key(qtbot, runner, Qt.Key.Key_Down)
    key(qtbot, runner, Qt.Key.Key_Return)
    key(qtbot, runner, Qt.Key.Key_Return)

    (draft,) = drafts.list_drafts(db)  # as if RP Desktop stopped here
    assert draft.form == "agreement"
    assert draft.label == f"New agreement, case {conference.case.id}"
    form = reopen_draft(None, db, 2025, draft)
    qtbot.addWidget(form)
    assert isinstance(form, AgreementForm)
    (item,) = form.items.items()
    assert item.description == "Nou repaints the bench"
    assert item.owner_participant_id == conference.caused
    assert item.due_on == panel.items()[0].due_on

    def disk_full(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(dialogs, "show_circle_not_saved", lambda parent: None)
    real_save = runner_module.save_circle_run
    monkeypatch.setattr(runner_module, "save_circle_run", disk_full)
    runner.console.end_circle(ask=False)
    assert not runner.console.saved_ok
    assert [d.key for d in drafts.list_drafts(db)] == [draft.key]  # kept while not saved
    monkeypatch.setattr(runner_module, "save_circle_run", real_save)
    runner.console.press("end")  # "Save the circle again"
    assert runner.console.saved_ok
    assert drafts.list_drafts(db) == []


def test_the_person_asked_not_here_after_all_is_recorded_absent_and_their_step_says_so(
    qtbot: QtBot, tab: CircleSetupTab, conference: Conference, saved: Saved
) -> None:
    runner = started(qtbot, tab, conference)
    console = runner.console
    to_the_script(qtbot, runner)
    assert console.script.person.text() == "Nou Xiong"
    caused = next(p for p in runner.choice.seats if p.participant_id == conference.caused)
    console.seats.select_key(caused.key)
    key(qtbot, runner, Qt.Key.Key_A)  # Nou is not here after all
    assert console.script.person.text() == "Nou Xiong"  # still their step ...
    assert console.script.state.text().startswith("Not in the circle now")  # ... skipped
    assert console.script.state.isVisible()
    console.end_circle(ask=False)
    (fields,) = saved.fields
    assert fields.absent_student_ids == frozenset({caused.student_id})
    assert caused.key not in {p.key for p in fields.seats}
    assert all(turn.seat_key != caused.key for turn in fields.turns)  # handed the piece: no turn
