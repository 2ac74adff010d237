"""A circle being run: the engine, the one timer that wakes the screens when a number on them
changes, and the chime at time-up. Both screens (console and wall) draw the same snapshots."""

import math
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from rp_desktop.domain.circle import (
    CircleEngine,
    CircleSnapshot,
    InvalidMove,
    Move,
    Seat,
    TimeLevel,
)
from rp_desktop.domain.circle.display import seconds_to_next_change
from rp_desktop.ui.run_circle.chime import Chime

# Wake a millisecond after a number changes, never before it.
WAKE_MARGIN_MS = 1


class CircleSession(QObject):
    """Moves from the keyboard or buttons go to the engine; every change sends a new snapshot.

    Signals:
        changed(object): a new CircleSnapshot, after any move and whenever a shown time changes.
    """

    changed = Signal(object)

    def __init__(self, engine: CircleEngine, chime: Chime, parent: QObject | None = None):
        super().__init__(parent)
        self.engine = engine
        self.chime = chime
        self._chimed_turns: set[int] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.refresh)
        self._snapshot = engine.snapshot()

    @property
    def snapshot(self) -> CircleSnapshot:
        return self._snapshot

    def move(self, move: Move) -> bool:
        """Make a move of the piece or of time; False (and nothing changes) if it is not
        possible now, e.g. Next while paused."""
        actions: dict[Move, Callable[[], None]] = {
            Move.START: self.engine.start,
            Move.NEXT: self.engine.next,
            Move.PASS: self.engine.pass_,
            Move.BACK: self.engine.back,
            Move.PAUSE: self.engine.pause,
            Move.RESUME: self.engine.resume,
            Move.NEXT_ROUND: self.engine.next_round,
            Move.END: self.engine.end,
        }
        return self._attempt(actions[move])

    def toggle_pause(self) -> bool:
        paused = Move.RESUME in self._snapshot.allowed
        return self.move(Move.RESUME if paused else Move.PAUSE)

    def add_seat(self, seat: Seat, after_key: int | None = None) -> bool:
        return self._attempt(lambda: self.engine.add_seat(seat, after_key))

    def remove_seat(self, key: int) -> bool:
        return self._attempt(lambda: self.engine.remove_seat(key))

    def refresh(self) -> None:
        """Take a new snapshot, chime if the speaker's time just ran out, and sleep until the
        next shown number changes."""
        self._snapshot = snapshot = self.engine.snapshot()
        if snapshot.level is TimeLevel.OVER and snapshot.turn_number not in self._chimed_turns:
            self._chimed_turns.add(snapshot.turn_number)  # once per turn, Back or not
            self.chime.play()
        wait = seconds_to_next_change(snapshot)
        if wait is None:
            self._timer.stop()
        else:
            self._timer.start(math.ceil(wait * 1000) + WAKE_MARGIN_MS)
        self.changed.emit(snapshot)

    def stop(self) -> None:
        """No more wake-ups (the window is closing)."""
        self._timer.stop()

    @property
    def waiting_ms(self) -> int:
        """Milliseconds until the next wake-up; -1 when none is due."""
        return self._timer.remainingTime() if self._timer.isActive() else -1

    def _attempt(self, action: Callable[[], None]) -> bool:
        try:
            action()
        except InvalidMove:
            return False
        self.refresh()
        return True
