"""How circle times are shown in whole seconds, and when the next shown number changes.

Screens wake up exactly when a number they show changes, instead of ticking many times a
second: the time shown is then always the clock's truth, and the laptop stays cool."""

import math

from rp_desktop.domain.circle.types import CircleSnapshot, CircleState


def shown_elapsed(seconds: float) -> int:
    """Time counting up shows whole seconds gone by."""
    return math.floor(seconds)


def shown_remaining(seconds: float) -> int:
    """Time counting down shows the second in progress (0:01 until the time is up); past the
    budget it shows whole seconds over, as a negative number."""
    if seconds > 0:
        return math.ceil(seconds)
    return -math.floor(-seconds)


def seconds_to_next_change(snapshot: CircleSnapshot) -> float | None:
    """How long until any time on screen shows a different number; None while time stands."""
    if snapshot.state not in (CircleState.RUNNING, CircleState.BETWEEN_ROUNDS):
        return None
    counting_up = [snapshot.total_elapsed, snapshot.round.elapsed]
    counting_down = [snapshot.round.remaining] if snapshot.state is CircleState.RUNNING else []
    if snapshot.holder_key is not None:
        counting_up.append(snapshot.speaker_elapsed)
        counting_down.append(snapshot.speaker_remaining)
    waits = [_to_next_whole(value) for value in counting_up]
    waits += [_to_next_whole(-value) for value in counting_down if value is not None]
    return min(waits)


def _to_next_whole(value: float) -> float:
    """Seconds until an increasing `value` next reaches a whole number (1 if it is on one)."""
    return math.floor(value) + 1 - value


def clock_text(seconds: int) -> str:
    """m:ss, or h:mm:ss past an hour; a leading + for time over."""
    sign = "+" if seconds < 0 else ""
    seconds = abs(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{secs:02d}"
    return f"{sign}{minutes}:{secs:02d}"
