"""Running a circle: the talking piece, rounds, passes and time, as a pure state machine.

`CircleEngine` takes an injected monotonic clock and never counts ticks; `snapshot()` gives a
`CircleSnapshot`, everything a screen needs to draw the circle, and nothing else.
"""

from rp_desktop.domain.circle.engine import CircleEngine, InvalidMove
from rp_desktop.domain.circle.types import (
    CircleSettings,
    CircleSnapshot,
    CircleState,
    Direction,
    Move,
    RoundPlan,
    RoundView,
    Seat,
    SeatView,
    TimeLevel,
    Timing,
    TurnRecord,
)

__all__ = [
    "CircleEngine",
    "CircleSettings",
    "CircleSnapshot",
    "CircleState",
    "Direction",
    "InvalidMove",
    "Move",
    "RoundPlan",
    "RoundView",
    "Seat",
    "SeatView",
    "TimeLevel",
    "Timing",
    "TurnRecord",
]
