"""Whether the unlock screen answers while the rest of the application loads behind it: the real
start-up on an encrypted database until the screen is drawn, then a timer asks every few
milliseconds for the screen's event loop and notes how late each tick comes, while the worker
imports and, as many ticks again, once it is done.

A late tick is a moment the screen could not handle an event: its slot is Python, which waits
for its turn at the interpreter. A key typed into the passphrase field is handled by Qt alone,
so typing waits no longer than this (usually less). Prints RESPONSIVE and, in milliseconds, the
median and worst lateness while loading, then the same once loaded."""

import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from rp_desktop.app import main as start
from rp_desktop.ui.passphrase.unlock import UnlockDialog
from rp_desktop.ui.startup.preload import Preload

TICK_MS = 5
preloads: list[Preload] = []


def lateness(keep_on: Callable[[int], bool]) -> list[float]:
    """Milliseconds each tick came after it was due, while `keep_on(ticks so far)`; the event
    loop runs meanwhile as the screen's own would, waiting in Qt between events."""
    late: list[float] = []
    due = [time.perf_counter() + TICK_MS / 1000]
    loop = QEventLoop()

    def tick() -> None:
        now = time.perf_counter()
        late.append(max(0.0, (now - due[0]) * 1000))
        due[0] = now + TICK_MS / 1000
        if not keep_on(len(late)):
            loop.quit()

    timer = QTimer(interval=TICK_MS)
    timer.timeout.connect(tick)
    timer.start()
    loop.exec()
    timer.stop()
    return late


def watch(dialog: UnlockDialog) -> int:
    """In place of the dialog's exec(): draw it, then time the ticks."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    dialog.show()
    while not preloads:
        app.processEvents()
    loading = lateness(lambda _ticks: preloads[0].loading)
    loaded = lateness(lambda ticks: ticks < max(len(loading), 20))
    figures = [
        statistics.median(loading),
        max(loading),
        statistics.median(loaded),
        max(loaded),
    ]
    print("RESPONSIVE " + " ".join(f"{ms:.2f}" for ms in figures), flush=True)
    os._exit(0)


def main(path: str) -> None:
    start_preload = Preload.start

    def started(preload: Preload) -> None:
        start_preload(preload)
        preloads.append(preload)

    setattr(Preload, "start", started)  # noqa: B010 (replacing a method, as tests patch one)
    setattr(UnlockDialog, "exec", watch)  # noqa: B010
    start(Path(path), exec=False)


if __name__ == "__main__":
    main(sys.argv[1])
