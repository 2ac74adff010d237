"""The rest of the application, imported behind the first screen.

The first screen (unlock, new school) needs only Qt and a few light modules. While the user
reads it and types the passphrase, a worker thread imports what the window needs (SQLAlchemy, the
models, the services, the window and its tabs), so that pressing Enter costs the key derivation
and the opening, not the imports.

The main thread never imports any of it while the worker runs: it waits for the worker first
(`wait`), because two threads importing the same circle of modules at once can each be handed
the other's half-made module. The worker starts only once the first screen has been drawn, so
the screen is not slowed by it.
"""

import gc
import importlib
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from rp_desktop.ui.application import FirstDrawing, when_drawn
from rp_desktop.ui.crash import log_failure

# What opening the database and the window's frame need. Each pulls in what it imports.
NEEDED = (
    "rp_desktop.services.safekeeping.opening",
    "rp_desktop.ui.startup.window",
)
# What comes right after, loaded too when there is a screen to load it behind: the welcome of a
# new school, and the window's pages (which a plain database builds after the frame is drawn).
AHEAD = (
    "rp_desktop.ui.startup.welcome",
    "rp_desktop.ui.home.tab",
    "rp_desktop.ui.circles.tab",
    "rp_desktop.ui.case.tab",
    "rp_desktop.ui.students.tab",
)


# How often the worker offers the interpreter to the screen's thread, in seconds (Python's
# default is 5 ms): an event the screen handles in Python then waits about a millisecond.
SWITCH_SECONDS = 0.001


class Preload:
    """Imports `needed`, then `ahead`, on a worker thread once `start` is called. `wait`
    returns when they are imported, importing `needed` itself when the worker never started or
    failed, so that a failure is raised there, on the main thread, where the crash handler sees
    it."""

    def __init__(self, needed: Sequence[str] = NEEDED, ahead: Sequence[str] = AHEAD) -> None:
        self._modules = tuple(needed)
        self._ahead = tuple(ahead)
        self._worker: threading.Thread | None = None
        self._watch: FirstDrawing | None = None
        self._collecting = False
        self._switch: float | None = None
        self.done = False

    @property
    def loading(self) -> bool:
        """True while the worker is importing."""
        return self._worker is not None and self._worker.is_alive()

    def start_once_drawn(self) -> None:
        """Start as soon as the next window (the first screen) has been drawn."""
        if not (self.done or self._worker is not None or self._watch is not None):
            self._watch = when_drawn(self.start)

    def stop_watching(self) -> None:
        """No longer wait for a window to be drawn (the screen closed, or was never shown)."""
        if self._watch is not None:
            self._watch.cancel()
        self._watch = None

    def start(self) -> None:
        """Start importing on a worker thread; nothing when it has started once or is done."""
        self.stop_watching()
        if self.done or self._worker is not None:
            return
        # No garbage collection while the worker imports: the imports make millions of objects
        # that are not garbage (it is faster), and a collection run on the worker could end a
        # Qt object of the main thread there.
        self._collecting = gc.isenabled()
        gc.disable()
        self._switch = sys.getswitchinterval()
        sys.setswitchinterval(SWITCH_SECONDS)
        self._worker = threading.Thread(target=self._run, name="preload", daemon=True)
        self._worker.start()

    def _run(self) -> None:
        try:
            for name in (*self._modules, *self._ahead):
                importlib.import_module(name)
        except BaseException as error:  # logged now, raised again by wait()
            log_failure("loading the application behind the first screen", error)

    def join(self) -> None:
        """Let the worker finish, if it started; import nothing here."""
        self.stop_watching()
        if self._worker is not None:
            self._worker.join()
        if self._switch is not None:
            sys.setswitchinterval(self._switch)
            self._switch = None
        if self._collecting:
            # What the worker made lives as long as the application: set aside, so that the
            # collector, back on, does not go through it all at its first run.
            gc.freeze()
            gc.enable()
            self._collecting = False

    def wait(self) -> None:
        """Return once the modules needed are imported (see the class)."""
        self.join()
        with _uncollected():
            for name in self._modules:  # at once when the worker did it; raises what it met
                importlib.import_module(name)
        self.done = True


@contextmanager
def _uncollected() -> Iterator[None]:
    """No garbage collection while importing (what imports make is not garbage, and going
    through it slows them), and what they made set aside after: it lives as long as the
    application, and the collector need not go through it at every full run."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if collecting:
            gc.enable()
