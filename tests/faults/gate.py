"""Holding long work at one of its steps, so that a test can cancel it, lock, or look at the
window while the worker is in the middle of it: no sleeping, no timing."""

import threading
from collections.abc import Callable
from typing import Any

from rp_desktop.domain.progress import Progress

# How long a held worker waits for the test before it goes on anyway (a failed test must not
# hang the run); never reached when the test passes.
PATIENCE_SECONDS = 60


class Gate:
    """Wraps a Progress (`around`) so that the worker stops at the first report of `step` until
    `release()`. `reached` is set once it stops there; `steps` are every step reported."""

    def __init__(self, step: str) -> None:
        self.step = step
        self.reached = threading.Event()
        self._go = threading.Event()
        self.steps: list[str] = []

    def around(self, progress: Progress) -> Progress:
        def held(done: int, total: int, step: str = "", *, cancellable: bool = True) -> None:
            self.steps.append(step)
            if step == self.step and not self.reached.is_set():
                self.reached.set()
                self._go.wait(PATIENCE_SECONDS)
            progress(done, total, step, cancellable=cancellable)

        return held

    def release(self) -> None:
        self._go.set()

    def hold(self, function: Callable[..., Any]) -> Callable[..., Any]:
        """`function` (a service taking `progress=`) with its progress held by this gate."""

        def held(*args: Any, progress: Progress, **kwargs: Any) -> Any:
            return function(*args, progress=self.around(progress), **kwargs)

        return held
