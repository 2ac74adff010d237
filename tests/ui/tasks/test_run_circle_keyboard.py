"""Task: run a circle for an advisory from the keyboard alone. The circle is set up and started
from the main window's "Run a circle" tab before counting (the set-up is counted by
run_circle_setup); then every move of the circle, ending it included, is a key: no click at all.

Counted: Space three times (start, then pass the piece on twice), P (a pass), Left (back: the
pass is taken back), N (the next round), E (end) and Enter (yes, end it): 8 keys, 0 clicks."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from rp_desktop.domain.circle import CircleState
from rp_desktop.domain.circle.types import Timing
from rp_desktop.domain.library import PlanFields, PlannedRound
from rp_desktop.domain.vocabulary import CircleStage
from rp_desktop.services.circles import library
from rp_desktop.services.circles import seeding as library_seed
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui import dialogs
from rp_desktop.ui.run_circle import runner as runner_module
from rp_desktop.ui.run_circle.chime import SilentChime
from rp_desktop.ui.run_circle.runner import CircleRunner
from rp_desktop.ui.window.main_window import MainWindow
from tests.ui.conftest import School
from tests.ui.tasks.moves import Moves


def started_from_the_window(
    qtbot: QtBot, db: Database, window: MainWindow, group: int
) -> CircleRunner:
    """The advisory seated, a two-round plan chosen, Start pressed (not counted)."""
    library_seed.ensure_circle_library(db)
    plan = library.save_plan(
        db,
        PlanFields(
            "Check-in and gratitude",
            rounds=(
                PlannedRound(CircleStage.CHECK_IN, "One word for today?", Timing.NONE, None),
                PlannedRound(CircleStage.DISCUSSION, "Who helped you?", Timing.NONE, None),
            ),
        ),
    )
    window.show()
    window.show_view("circle")
    tab = window.circle_tab()
    tab.seating.seat_group(group)
    tab.rounds.reload_plans(select=plan.id)
    tab.rounds.use_plan(plan)
    runner = tab.start_circle()
    assert runner is not None
    qtbot.addWidget(runner.console)
    qtbot.addWidget(runner.wall)
    runner.console.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is runner.console)
    return runner


def test_a_circle_runs_and_ends_from_the_keyboard_alone(
    qtbot: QtBot,
    db: Database,
    window: MainWindow,
    school_db: School,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(runner_module, "make_chime", SilentChime)  # no sound in a test
    runner = started_from_the_window(qtbot, db, window, school_db.advisory_id)
    moves = Moves(qtbot)
    session = runner.session
    asked: list[str] = []

    def answer_with_enter(box: QDialog) -> int:
        """The question on screen; the keeper presses Enter (counted)."""
        assert isinstance(box, QMessageBox)
        asked.append(box.windowTitle())
        box.show()
        box.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is box)
        moves.key(Qt.Key.Key_Return)
        return box.result()

    monkeypatch.setattr(dialogs, "wait_for", answer_with_enter)
    seated = {seat.key: seat.label for seat in session.snapshot.seats}
    assert len(seated) == 5  # the advisory's four students and its usual keeper
    assert session.snapshot.state is CircleState.SETUP

    def passes() -> dict[int, int]:
        return {seat.key: seat.passes for seat in session.snapshot.seats}

    moves.key(Qt.Key.Key_Space)  # start: the first seat holds the piece
    assert session.snapshot.state is CircleState.RUNNING
    holders = [session.snapshot.holder_key]
    for _ in range(2):  # the piece passed on twice, each time to the one the console named
        coming = session.snapshot.next_key
        moves.key(Qt.Key.Key_Space)
        assert session.snapshot.holder_key == coming
        holders.append(coming)
    assert len(set(holders)) == 3
    passer, coming = session.snapshot.holder_key, session.snapshot.next_key
    assert passer is not None
    moves.key(Qt.Key.Key_P)  # the third person passes
    assert session.snapshot.holder_key == coming
    assert passes() == {key: int(key == passer) for key in seated}
    moves.key(Qt.Key.Key_Left)  # back: the pass is taken back, the piece with them again
    assert session.snapshot.holder_key == passer
    assert passes() == dict.fromkeys(seated, 0)
    moves.key(Qt.Key.Key_N)  # the next round
    assert session.snapshot.round.index == 1
    assert session.snapshot.state is CircleState.RUNNING
    moves.key(Qt.Key.Key_E)  # end: "End the circle?", answered with Enter
    assert asked == ["End the circle?"]
    assert session.snapshot.state is CircleState.CLOSED

    assert moves.clicks == 0
    moves.assert_within("run_circle_keys")
    assert runner.console.saved_ok
    assert runner.result is not None
    with db.engine.connect() as connection:
        runs = connection.execute(text("SELECT count(*) FROM circle_run")).scalar_one()
        turns = connection.execute(text("SELECT count(*) FROM turn")).scalar_one()
    assert runs == 1
    assert turns == len(runner.engine.turns) >= 3
