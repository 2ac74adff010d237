"""Noticing that nobody has used the application for a while, so the records can be locked.

Input only notes the time; one single-shot timer wakes when the time may be up and asks the
injected monotonic clock how long it really has been. So a laptop that slept through the timer
locks on waking, tests move a fake clock instead of waiting, and a busy mouse costs nothing but
reading the clock."""

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

# What counts as someone at the keyboard. Window activation and repaints do not.
INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TouchEnd,
        QEvent.Type.TabletPress,
        QEvent.Type.TabletMove,
        QEvent.Type.InputMethod,
    }
)

MonotonicClock = Callable[[], float]


class IdleWatcher(QObject):
    """An application event filter that says when there has been no input for `minutes`.

    Signals:
        idle(): no key, mouse, wheel or touch input for the whole time. Said once; the next
            input starts the watch again.
    """

    idle = Signal()

    def __init__(
        self,
        minutes: int,
        clock: MonotonicClock = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._minutes = 0
        self._last_input = clock()
        self._said = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.check)
        self.set_minutes(minutes)

    @property
    def minutes(self) -> int:
        return self._minutes

    def install(self) -> None:
        """Watch the input of every window of the application."""
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def set_minutes(self, minutes: int) -> None:
        """Watch for `minutes` without input from now on; 0 never says idle."""
        self._minutes = max(0, minutes)
        self._last_input = self._clock()
        self._said = False
        self._wake_in(self._limit())

    def seconds_left(self) -> float:
        return max(0.0, self._limit() - (self._clock() - self._last_input))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS:
            self._last_input = self._clock()
            if self._said:  # after an idle, input starts a new watch
                self._said = False
                self._wake_in(self._limit())
        return False

    def check(self) -> None:
        """The timer's slot: say idle if the time is up, or sleep again for what is left."""
        if not self._minutes or self._said:
            return
        left = self.seconds_left()
        if left > 0:
            self._wake_in(left)
            return
        self._said = True
        self.timer.stop()  # asked early by hand (tests) or not, the next input starts again
        self.idle.emit()

    def _limit(self) -> float:
        return self._minutes * 60.0

    def _wake_in(self, seconds: float) -> None:
        if not self._minutes:
            self.timer.stop()
            return
        # A little late rather than early: an early wake would only sleep again.
        self.timer.start(int(seconds * 1000) + 50)
