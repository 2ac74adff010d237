"""What a test leaves behind in Qt: a window still open, a QTimer or an animation still running
(napari's `_dangling_qtimers` in its conftest.py is the model). A timer left running fires in a
later test, into objects that test knows nothing of; an open window keeps its database and
widgets alive.

What counts, once the test's widgets are closed and their deletion delivered:
- a QTimer or an animation started from Python (the app's code or the test's) still active.
  Qt's own timers (a cursor's blink, a busy bar's animation) are not started from Python and
  are not looked at; a timer owned by a widget that was deleted went with it;
- a QTimer.singleShot still pending;
- any window still visible.
"""

import sys
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest
from PySide6.QtCore import QAbstractAnimation, QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtWidgets import QApplication

Started = list[tuple[object, str]]


@contextmanager
def leftovers() -> Iterator[list[str]]:
    """Note every QTimer, single shot and animation started inside; at the end stop what still
    runs and close what is still open, and list each in the list yielded."""
    started: weakref.WeakKeyDictionary[object, str] = weakref.WeakKeyDictionary()
    pending: Started = []  # single shots: nothing else holds their timer
    left: list[str] = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(QTimer, "singleShot", staticmethod(_single_shot(QTimer.start, pending)))
        patch.setattr(QTimer, "start", _recording(QTimer.start, started))
        patch.setattr(QAbstractAnimation, "start", _recording(QAbstractAnimation.start, started))
        try:
            yield left
        finally:
            # What deleted widgets owned went with them, once the deletion is delivered.
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            left += _stop_running([*started.items(), *pending]) + _close_open_windows()


def _started_at() -> str:
    """Where the app or the test started it: the first caller outside this file."""
    frame = sys._getframe(1)
    while frame.f_back is not None and frame.f_code.co_filename == __file__:
        frame = frame.f_back
    return f"{frame.f_code.co_filename}:{frame.f_lineno} ({frame.f_code.co_name})"


def _recording(
    start: Callable[..., None], started: "weakref.WeakKeyDictionary[object, str]"
) -> Callable[..., None]:
    def recorded_start(self: object, *args: object) -> None:
        started[self] = _started_at()
        start(self, *args)

    return recorded_start


def _single_shot(start: Callable[..., None], pending: Started) -> Callable[..., None]:
    """QTimer.singleShot(msec, [timer type,] [context,] slot), made with a QTimer that can be
    looked at afterwards; like Qt's own, it goes with its context."""

    def single_shot(msec: int, *rest: object) -> None:
        timer_type = rest[0] if rest and isinstance(rest[0], Qt.TimerType) else None
        rest = rest[1:] if timer_type is not None else rest
        context, slot = (None, rest[0]) if len(rest) == 1 else rest
        timer = QTimer(context)
        timer.setSingleShot(True)
        if timer_type is not None:
            timer.setTimerType(timer_type)
        timer.timeout.connect(slot)
        pending.append((timer, _started_at()))
        start(timer, msec)

    return single_shot


def _stop_running(started: Started) -> list[str]:
    left = []
    for thing, where in started:
        try:
            if isinstance(thing, QTimer) and thing.isActive():
                thing.stop()
                left.append(f"a QTimer started at {where}")
            elif isinstance(thing, QAbstractAnimation) and (
                thing.state() is QAbstractAnimation.State.Running
            ):
                thing.stop()
                left.append(f"an animation started at {where}")
        except RuntimeError:  # its C++ side is gone: deleted, so not running
            continue
    return left


def _close_open_windows() -> list[str]:
    if QApplication.instance() is None:
        return []
    left = []
    for window in QApplication.topLevelWidgets():
        if window.isVisible():
            left.append(f"a window still open: {type(window).__name__} {window.windowTitle()!r}")
            window.close()
            window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return left
