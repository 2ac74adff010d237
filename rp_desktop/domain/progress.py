"""How long work says how far it has got, and how it is stopped: one protocol for the exports,
the retention purge and restoring a backup, whoever runs them (a worker of the window, the
command line, a test).

A service calls `progress(done, total, step)` between its steps; `step` is a word of the work's
own (a file name, a stage's key), never a name from the records. Raising `Cancelled` from that
call is how the work is stopped: the service lets it through after undoing what it began, so a
cancelled export leaves no file and a cancelled purge removes nothing. Past the point where
stopping would leave things half done (a restore's copy put in place, a purge committed), the
service calls with `cancellable=False`, and from then on no call raises."""

import threading
from collections.abc import Callable
from typing import Protocol


class Cancelled(Exception):
    """The user stopped the work before it changed anything."""

    def __init__(self) -> None:
        super().__init__("The work was cancelled; nothing was changed.")


class Progress(Protocol):
    def __call__(self, done: int, total: int, step: str = "", *, cancellable: bool = True) -> None:
        """`done` of `total` steps are done and `step` is under way. May raise Cancelled while
        `cancellable` (and every call before was)."""


def no_progress(done: int, total: int, step: str = "", *, cancellable: bool = True) -> None:
    """Progress for work nobody watches and nobody stops."""


Report = Callable[[int, int, str, bool], None]


class Stoppable:
    """A Progress that can be asked to stop: `cancel()` from any thread makes the next call
    raise Cancelled, as long as the work has not passed its point of no return. Each call is
    passed on to `report(done, total, step, cancellable)` first."""

    def __init__(self, report: Report | None = None) -> None:
        self._report = report
        self._asked = threading.Event()
        self._lock = threading.Lock()
        self._cancellable = True

    @property
    def cancellable(self) -> bool:
        return self._cancellable

    @property
    def asked(self) -> bool:
        """Whether cancel() was called (and accepted)."""
        return self._asked.is_set()

    def cancel(self) -> bool:
        """Ask the work to stop; False when it has passed its point of no return."""
        with self._lock:
            if not self._cancellable:
                return False
            self._asked.set()
            return True

    def __call__(self, done: int, total: int, step: str = "", *, cancellable: bool = True) -> None:
        with self._lock:
            if self._cancellable and self._asked.is_set():
                raise Cancelled()
            if not cancellable:
                self._cancellable = False
        if self._report is not None:
            self._report(done, total, step, self._cancellable)
