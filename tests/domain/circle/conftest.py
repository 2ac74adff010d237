"""A monotonic fake clock and small builders for the circle engine tests.

The clock moves only in binary-exact steps (multiples of 0.25 s), so every time the engine shows
can be compared with `==` against a truth the tests compute themselves."""

from collections.abc import Sequence

import pytest

from rp_desktop.domain.circle import CircleEngine, CircleSettings, RoundPlan, Seat, Timing
from rp_desktop.domain.vocabulary import CircleStage

# A reading far from zero, as time.monotonic() gives after a long uptime.
CLOCK_ORIGIN = 123_456.0


class FakeClock:
    """Monotonic seconds that stand still until a test moves them forward."""

    def __init__(self, now: float = CLOCK_ORIGIN) -> None:
        self.now = now
        self.reads = 0

    def __call__(self) -> float:
        self.reads += 1
        return self.now

    def advance(self, seconds: float) -> None:
        assert seconds >= 0, "a monotonic clock never goes back"
        assert float(seconds * 4).is_integer(), "keep steps binary-exact: multiples of 0.25 s"
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    # Overrides the wall-clock fixture of tests/conftest.py: the engine takes monotonic seconds.
    return FakeClock()


def make_seats(count: int, *, keeper: int | None = None, first_key: int = 0) -> list[Seat]:
    return [
        Seat(key, f"Seat {key}", is_keeper=key == keeper)
        for key in range(first_key, first_key + count)
    ]


def make_rounds(*timings: tuple[Timing, float | None]) -> list[RoundPlan]:
    """One discussion round per (timing, seconds), with a prompt naming its place."""
    return [
        RoundPlan(CircleStage.DISCUSSION, f"Prompt {index}", timing, seconds)
        for index, (timing, seconds) in enumerate(timings)
    ]


THREE_ROUNDS = [
    RoundPlan(CircleStage.CHECK_IN, "How are you arriving today?"),
    RoundPlan(CircleStage.DISCUSSION, "What matters to you in this class?"),
    RoundPlan(CircleStage.CHECK_OUT, "One word as you leave."),
]


def make_engine(
    clock: FakeClock,
    seats: int | Sequence[Seat] = 4,
    rounds: Sequence[RoundPlan] = THREE_ROUNDS,
    **settings: object,
) -> CircleEngine:
    ring = make_seats(seats) if isinstance(seats, int) else list(seats)
    return CircleEngine(ring, list(rounds), clock, CircleSettings(**settings))  # type: ignore[arg-type]


def holders(engine: CircleEngine, clock: FakeClock, moves: str, step: float = 1.0) -> list[int]:
    """Play `moves` ('n' next, 'p' pass), `step` seconds apart; the holder before each move."""
    seen = []
    for move in moves:
        holder = engine.snapshot().holder_key
        assert holder is not None
        seen.append(holder)
        clock.advance(step)
        if move == "n":
            engine.next()
        else:
            engine.pass_()
    return seen
