"""The console's keys beyond the moves: E ends the circle (asking first; Enter says yes, Esc
keeps going), Esc leaves full screen or closes the console, Ctrl+W closes it (a running circle
asks to end first), and the console lists every key it has."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMessageBox

from rp_desktop.domain.circle import CircleState
from rp_desktop.ui import dialogs
from rp_desktop.ui.keyboard import key_text
from rp_desktop.ui.run_circle.console_parts import KEYS, key_words
from rp_desktop.ui.run_circle.runner import CircleRunner
from rp_desktop.ui.run_circle.setup_tab import CircleSetupTab
from tests.ui.run_circle.test_circle_run import (  # noqa: F401 (the fixtures)
    chime,
    monotonic,
    rows,
    setup,
)


def started(qtbot, setup: CircleSetupTab) -> CircleRunner:  # type: ignore[no-untyped-def]  # noqa: F811
    runner = setup.start_circle()
    assert runner is not None
    qtbot.addWidget(runner.console)
    qtbot.addWidget(runner.wall)
    runner.console.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is runner.console)
    return runner


def answer_with(qtbot, key: Qt.Key, asked: list[str]):  # type: ignore[no-untyped-def]
    """A dialogs.wait_for that shows the question and answers it with `key`, as a person would."""

    def wait_for(box: QDialog) -> int:
        assert isinstance(box, QMessageBox)
        asked.append(box.windowTitle())
        box.show()
        box.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is box)
        qtbot.keyClick(QApplication.focusWidget() or box, key)
        assert not box.isVisible()
        return box.result()

    return wait_for


def test_e_asks_and_enter_ends_the_circle_and_saves_it(
    qtbot,
    db,
    setup: CircleSetupTab,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "wait_for", answer_with(qtbot, Qt.Key.Key_Return, asked))
    runner = started(qtbot, setup)
    qtbot.keyClick(runner.console, Qt.Key.Key_Space)
    qtbot.keyClick(runner.console, Qt.Key.Key_Space)
    qtbot.keyClick(runner.console, Qt.Key.Key_E)
    assert asked == ["End the circle?"]
    assert runner.session.snapshot.state is CircleState.CLOSED
    assert runner.console.saved_ok
    assert rows(db, "SELECT count(*) FROM circle_run") == [(1,)]
    assert not runner.console.buttons["end"].isEnabled()


def test_e_then_esc_keeps_the_circle_going(
    qtbot,
    db,
    setup: CircleSetupTab,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "wait_for", answer_with(qtbot, Qt.Key.Key_Escape, asked))
    runner = started(qtbot, setup)
    qtbot.keyClick(runner.console, Qt.Key.Key_Space)
    qtbot.keyClick(runner.console, Qt.Key.Key_E)
    assert asked == ["End the circle?"]
    assert runner.session.snapshot.state is CircleState.RUNNING
    assert rows(db, "SELECT count(*) FROM circle_run") == [(0,)]
    runner.console.end_circle(ask=False)


def test_esc_leaves_full_screen_first_then_closes_the_console_asking_to_end(
    qtbot,
    db,
    setup: CircleSetupTab,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "wait_for", answer_with(qtbot, Qt.Key.Key_Return, asked))
    runner = started(qtbot, setup)
    qtbot.keyClick(runner.console, Qt.Key.Key_Space)
    qtbot.keyClick(runner.console, Qt.Key.Key_F)
    assert runner.wall.isFullScreen()
    runner.console.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is runner.console)
    qtbot.keyClick(runner.console, Qt.Key.Key_Escape)
    assert not runner.wall.isFullScreen()
    assert runner.console.isVisible()
    assert asked == []
    qtbot.keyClick(runner.console, Qt.Key.Key_Escape)
    assert asked == ["End the circle?"]
    assert not runner.console.isVisible()
    assert not runner.wall.isVisible()
    assert rows(db, "SELECT count(*) FROM circle_run") == [(1,)]


def test_ctrl_w_closes_the_console_and_keeps_it_when_the_keeper_keeps_going(
    qtbot,
    setup: CircleSetupTab,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "wait_for", answer_with(qtbot, Qt.Key.Key_Escape, asked))
    runner = started(qtbot, setup)
    qtbot.keyClick(runner.console, Qt.Key.Key_Space)
    qtbot.keyClick(runner.console, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert asked == ["End the circle?"]
    assert runner.console.isVisible()  # "Keep going"
    runner.console.end_circle(ask=False)
    runner.console.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is runner.console)
    qtbot.keyClick(runner.console, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert not runner.console.isVisible()  # ended and saved: nothing to ask


def test_a_circle_not_started_closes_on_ctrl_w_without_asking(
    qtbot,
    db,
    setup: CircleSetupTab,  # noqa: F811
) -> None:
    runner = started(qtbot, setup)
    qtbot.keyClick(runner.console, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert not runner.console.isVisible()
    assert rows(db, "SELECT count(*) FROM circle_run") == [(0,)]


def test_the_console_lists_every_key_it_has(qtbot, setup: CircleSetupTab) -> None:  # noqa: F811
    runner = started(qtbot, setup)
    listed = next(
        label for label in runner.console.findChildren(QLabel) if label.accessibleName() == "Keys"
    )
    assert listed.isVisible()
    text = listed.text()
    words = key_words()
    for action, keys in KEYS.items():
        assert words[action] in text
        for key in keys:
            assert key_text(key) in text
    assert "E: end the circle" in text
    assert runner.console.buttons["end"].text().endswith("(E)")
    runner.console.end_circle(ask=False)
