"""Task: from the "Run a circle" tab, set up a circle for one advisory and start it (at most 5
moves; it took 9 clicks). Type part of the advisory's name, Enter seats its students with its
usual keeper keeping, the community-building plan is already there, Ctrl+Enter starts."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from rp_desktop.services import people
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui.run_circle import runner as runner_module
from rp_desktop.ui.run_circle.chime import SilentChime
from rp_desktop.ui.run_circle.console import CircleConsole
from tests.ui.tasks.moves import Moves
from tests.ui.tasks.sample_window import click_tab, open_window, sample_school


def visible_windows() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible()]


def test_run_circle_setup(qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    sample_school(db)
    monkeypatch.setattr(runner_module, "make_chime", SilentChime)  # no sound in a test
    groups = people.list_groups(db, school_year=2025)
    advisory = next(g for g in groups if g.name == "Advisory 10-A")
    assert advisory.keeper_id is not None
    members = {s.id for s in people.group_members(db, advisory.id)}
    window = open_window(qtbot, db)

    moves = Moves(qtbot)
    click_tab(moves, window, "Run a circle")
    group = window.circle_tab().seating.group
    qtbot.waitUntil(group.hasFocus)  # the tab is built and shown: the group field has the keys
    moves.type("10-a")  # the group field has the keys: the list narrows to one
    moves.key(Qt.Key.Key_Return)
    moves.key(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: any(isinstance(w, CircleConsole) for w in visible_windows()))
    moves.assert_within("run_circle_setup")

    setup = window.circle_tab()
    runner = setup.runner
    assert runner is not None
    qtbot.addWidget(runner.console)
    qtbot.addWidget(runner.wall)
    assert runner.console.isVisible()
    choice = runner.choice
    assert choice.group_id == advisory.id
    assert choice.keeper_id == advisory.keeper_id
    assert {seat.student_id for seat in choice.seats if seat.student_id} == members
    keeper = [seat for seat in choice.seats if seat.is_keeper]
    assert [seat.staff_id for seat in keeper] == [advisory.keeper_id]
    assert choice.purpose == "Community-building circle"
    runner.session.stop()
