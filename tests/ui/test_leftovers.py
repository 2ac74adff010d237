"""The check every test ends with (tests/leftovers.py): what a test leaves running or open is
named and stopped, and what went away with its widgets is not."""

import sys

from PySide6.QtCore import QObject, QTimer, QVariantAnimation
from PySide6.QtWidgets import QDialog, QLineEdit, QProgressBar, QVBoxLayout, QWidget

from tests.leftovers import leftovers


def next_line() -> str:
    """The caller's next line, as the check names the place a timer was started."""
    caller = sys._getframe(1)
    return f"{__file__}:{caller.f_lineno + 1} ({caller.f_code.co_name})"


def test_a_timer_left_running_is_named_and_stopped() -> None:
    timer = QTimer()
    with leftovers() as left:
        at = next_line()
        timer.start(60_000)
    assert left == [f"a QTimer started at {at}"]
    assert not timer.isActive()


def test_a_single_shot_still_pending_is_named_and_never_fires(qtbot) -> None:  # type: ignore[no-untyped-def]
    fired: list[str] = []
    context = QObject()
    with leftovers() as left:
        plain = next_line()
        QTimer.singleShot(60_000, lambda: fired.append("plain"))
        with_context = next_line()
        QTimer.singleShot(60_000, context, lambda: fired.append("with a context"))
    assert left == [f"a QTimer started at {plain}", f"a QTimer started at {with_context}"]
    timer = context.findChild(QTimer)  # like Qt's own, it goes with its context
    assert timer is not None
    assert not timer.isActive()
    assert fired == []


def test_an_animation_left_running_and_a_window_left_open_are_named(qtbot) -> None:  # type: ignore[no-untyped-def]
    animation = QVariantAnimation(duration=60_000, startValue=0.0, endValue=1.0)
    with leftovers() as left:
        at = next_line()
        animation.start()
        window = QDialog()
        window.setWindowTitle("Left open")
        window.show()
    assert left == [f"an animation started at {at}", "a window still open: QDialog 'Left open'"]
    assert animation.state() is QVariantAnimation.State.Stopped


def test_what_went_with_its_widget_or_was_stopped_is_not_counted(qtbot) -> None:  # type: ignore[no-untyped-def]
    with leftovers() as left:
        stopped = QTimer()
        stopped.start(60_000)
        stopped.stop()
        owner = QWidget()
        QTimer(owner).start(60_000)
        QTimer.singleShot(60_000, owner, owner.close)
        layout = QVBoxLayout(owner)
        layout.addWidget(QProgressBar(minimum=0, maximum=0))  # Qt animates it with its own timer
        layout.addWidget(QLineEdit())  # a blinking cursor: Qt's own timer again
        owner.show()
        owner.close()
        owner.deleteLater()
    assert left == []


def test_a_single_shot_that_fired_is_not_counted(qtbot) -> None:  # type: ignore[no-untyped-def]
    fired: list[int] = []
    with leftovers() as left:
        QTimer.singleShot(0, lambda: fired.append(1))
        qtbot.waitUntil(lambda: fired == [1], timeout=1000)
    assert left == []
