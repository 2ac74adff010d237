"""The values the circle engine takes and gives: seats, rounds, settings, turns and snapshots.

A seat knows only a key and the label the wall may show. Who sits there (a student, a staff
member) is known to the layer that set the circle up, never to the engine or the projector.
"""

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from rp_desktop.domain.vocabulary import CircleStage

# Seconds from a monotonic clock (time.monotonic in the app, a fake in tests).
Clock = Callable[[], float]

# The pseudo-role a round names in `RoundPlan.to_roles` to go to the keeper's seat
# (`Seat.is_keeper`), as an agreement round does.
KEEPER = "keeper"


class CircleState(StrEnum):
    SETUP = "setup"  # seats and plan known, the piece not yet given
    RUNNING = "running"  # someone holds the piece
    PAUSED = "paused"  # time stands still; the piece stays put (seats may still change)
    BETWEEN_ROUNDS = "between_rounds"  # everyone has had the piece this round
    CLOSED = "closed"  # the circle has ended


class Direction(StrEnum):
    CLOCKWISE = "clockwise"
    COUNTERCLOCKWISE = "counterclockwise"


class Timing(StrEnum):
    """How a round's time is given."""

    PER_SPEAKER = "per_speaker"  # each speaker has `seconds`
    PER_ROUND = "per_round"  # the round has `seconds`, shared equally by the seats
    NONE = "none"  # no limit


class TimeLevel(StrEnum):
    """How the speaker's time stands, for colour on the screens."""

    UNLIMITED = "unlimited"  # no budget in this round
    CALM = "calm"
    AMBER = "amber"
    RED = "red"
    OVER = "over"  # past the budget: still counting, never cutting anyone off


class Move(StrEnum):
    START = "start"
    NEXT = "next"
    PASS = "pass"
    BACK = "back"
    PAUSE = "pause"
    RESUME = "resume"
    NEXT_ROUND = "next_round"
    ADD_SEAT = "add_seat"
    REMOVE_SEAT = "remove_seat"
    END = "end"


@dataclass(frozen=True, slots=True)
class Seat:
    """A place in the ring. `key` is unique within the circle; `label` is what the wall shows."""

    key: int
    label: str
    is_keeper: bool = False
    # The part the sitter plays, for rounds directed to a role ("person_harmed", "staff"...);
    # known to the keeper's screen only, never drawn on the wall.
    role: str = ""


@dataclass(frozen=True, slots=True)
class RoundPlan:
    """One round. It goes to everyone in the ring, unless it is directed: to named seats
    (`to_seats`, in that order) or to the seats whose role is in `to_roles` (in the order of
    `to_roles`, then ring order). A directed round passes the piece only among those seats."""

    stage: CircleStage
    prompt: str = ""
    timing: Timing = Timing.NONE
    seconds: float | None = None  # the budget, per speaker or per round as `timing` says
    to_seats: tuple[int, ...] = ()
    to_roles: tuple[str, ...] = ()
    second_prompt: str = ""  # the prompt in a second language, for a bilingual circle

    @property
    def directed(self) -> bool:
        return bool(self.to_seats or self.to_roles)


@dataclass(frozen=True, slots=True)
class CircleSettings:
    direction: Direction = Direction.CLOCKWISE
    start_key: int | None = None  # the seat that starts each round; the first seat when None
    offer_again: bool = True  # at a round's end, offer the piece again to those who passed
    amber_at: float = 0.25  # fraction of the budget left when the time turns amber
    red_at: float = 0.10  # ... and red


@dataclass(frozen=True, slots=True)
class TurnRecord:
    """One time the piece stopped at a seat. Times are seconds of running circle time (pauses
    excluded) from the start of the circle."""

    round_index: int
    seat_key: int
    start: float
    duration: float
    passed: bool


@dataclass(frozen=True, slots=True)
class SeatView:
    key: int
    label: str
    is_keeper: bool
    position: int  # 0-based place in the ring as it is now
    talk_seconds: float  # all rounds, including the current turn if this seat holds the piece
    passes: int  # rounds in which this seat passed and did not speak after
    had_turn: bool  # has had the piece in the current round (spoke or passed)
    passed_this_round: bool
    is_holder: bool
    is_next: bool


@dataclass(frozen=True, slots=True)
class RoundView:
    index: int  # 0-based
    count: int  # rounds in the plan (a round beyond the plan makes index >= count)
    stage: CircleStage
    prompt: str
    timing: Timing
    done: int  # seats that have had the piece this round
    size: int  # seats in the ring
    offering_again: bool  # the piece is going round again to those who passed
    elapsed: float
    budget: float | None
    remaining: float | None
    # The seats this round is for, in the order they speak; empty when it is for everyone.
    addressed: tuple[int, ...] = ()
    second_prompt: str = ""
    # The round goes to chosen seats or roles (then `addressed` empty means: no one present).
    directed: bool = False


@dataclass(frozen=True, slots=True)
class CircleSnapshot:
    """Everything a screen needs, at one moment. Immutable; no records, no names but labels."""

    state: CircleState
    seats: tuple[SeatView, ...]
    round: RoundView
    holder_key: int | None
    next_key: int | None
    turn_number: int  # grows with every new turn, never reused (not even after Back)
    speaker_elapsed: float
    speaker_budget: float | None
    speaker_remaining: float | None  # negative when over time
    level: TimeLevel
    total_elapsed: float  # running time since start, pauses excluded
    direction: Direction
    allowed: frozenset[Move]

    @property
    def holder(self) -> SeatView | None:
        return next((s for s in self.seats if s.key == self.holder_key), None)
