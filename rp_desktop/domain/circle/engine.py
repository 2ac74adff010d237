"""The circle engine: where the talking piece is, whose turn comes next, and how time stands.

The position of the circle (`Position`) is an immutable value; every move makes a new one and
keeps the old one, so Back restores the position before the last move exactly. Pausing is not
a move of the piece: it lives in the circle clock, which Back never rewinds. Which moves are
allowed when is in rules.py; how a turn, a round or a pass changes the position, in turns.py;
whom a round is for (everyone, named seats or roles) and in what order, in walking.py.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from rp_desktop.domain.circle.clock import CircleClock
from rp_desktop.domain.circle.rules import InvalidMove, Why, why_not
from rp_desktop.domain.circle.turns import (
    advanced,
    begun_round,
    closed_turn,
    seat_added,
    seat_removed,
)
from rp_desktop.domain.circle.types import (
    CircleSettings,
    CircleSnapshot,
    CircleState,
    Clock,
    Move,
    RoundPlan,
    Seat,
    TurnRecord,
)
from rp_desktop.domain.circle.views import Moment, Position, build_snapshot
from rp_desktop.domain.circle.walking import addressed_for, check_setup, opening_key
from rp_desktop.domain.vocabulary import CircleStage

__all__ = ["EXTRA_ROUND", "CircleEngine", "InvalidMove", "Why"]

# A round beyond the plan: the keeper may always ask for one more.
EXTRA_ROUND = RoundPlan(CircleStage.DISCUSSION)


@dataclass
class CircleEngine:
    """A circle from its first round to its end. Moves raise InvalidMove when they make no
    sense; `snapshot()` says which moves are allowed."""

    seats: Sequence[Seat]
    rounds: Sequence[RoundPlan]
    clock: Clock
    settings: CircleSettings = field(default_factory=CircleSettings)

    def __post_init__(self) -> None:
        check_setup(self.seats, self.rounds, self.settings)
        self._time = CircleClock(self.clock)
        start = self.settings.start_key
        if start is None and self.seats:
            start = self.seats[0].key
        self._position = Position(CircleState.SETUP, tuple(self.seats), start)
        self._history: list[Position] = []
        # Turn numbers only ever grow, even across Back, so a screen never mistakes a new
        # turn for one it has already chimed for.
        self._turns_begun = 0

    # -- moves of the piece -----------------------------------------------------------------
    def start(self) -> None:
        self._check(Move.START)
        self._time.start()
        running = replace(self._position, phase=CircleState.RUNNING, started=True)
        self._move(self._begin_round(running, 0, self._time.now()))

    def next(self) -> None:
        self._check(Move.NEXT)
        now = self._time.now()
        self._move(self._advance(self._closed_turn(now, passed=False), now))

    def pass_(self) -> None:
        self._check(Move.PASS)
        now = self._time.now()
        self._move(self._advance(self._closed_turn(now, passed=True), now))

    def next_round(self) -> None:
        """Begin the next round; a turn in progress ends (a keeper may move on early)."""
        self._check(Move.NEXT_ROUND)
        now = self._time.now()
        position = self._closed_turn(now, passed=False)
        self._move(self._begin_round(position, position.round_index + 1, now))

    def back(self) -> None:
        """Take back the last move of the piece, seat change or round change."""
        self._check(Move.BACK)
        self._position = self._history.pop()

    def add_seat(self, seat: Seat, after_key: int | None = None) -> None:
        """A late arrival joins the ring after `after_key` (at the end when None)."""
        self._check(Move.ADD_SEAT)
        position = self._position
        if any(s.key == seat.key for s in (*position.seats, *position.departed)):
            raise InvalidMove(Move.ADD_SEAT, Why.SEAT_TAKEN)
        at = len(position.seats)
        if after_key is not None:
            at = self._index_of(after_key, Move.ADD_SEAT) + 1
        plan = self._round_plan(position.round_index)
        self._move(seat_added(position, seat, at, plan))

    def remove_seat(self, key: int) -> None:
        """Someone leaves. If they hold the piece, their turn ends and the piece moves on (in
        a directed round, to the next seat it is for still waiting)."""
        self._check(Move.REMOVE_SEAT)
        index = self._index_of(key, Move.REMOVE_SEAT)
        now = self._time.now()
        position = self._position
        holding = position.holder == key and position.phase is CircleState.RUNNING
        if holding:
            position = self._closed_turn(now, passed=False)
        position = seat_removed(position, index, self.settings.direction, holding=holding)
        if holding:
            position = self._advance(position, now)
        self._move(position)

    # -- time -------------------------------------------------------------------------------
    def pause(self) -> None:
        self._check(Move.PAUSE)
        self._time.pause()

    def resume(self) -> None:
        self._check(Move.RESUME)
        self._time.resume()

    def end(self) -> None:
        self._check(Move.END)
        position = self._position
        now = self._time.now() if position.started else 0.0
        position = self._closed_turn(now, passed=False)
        self._time.pause()
        self._move(
            replace(
                position,
                phase=CircleState.CLOSED,
                holder=None,
                ended_at=now,
                round_ended=position.round_ended if position.round_ended is not None else now,
            )
        )
        self._history.clear()  # an ended circle is not reopened

    # -- what the screens and the record need ---------------------------------------------
    @property
    def turns(self) -> tuple[TurnRecord, ...]:
        return self._position.turns

    @property
    def all_seats(self) -> tuple[Seat, ...]:
        """Everyone who sat in the circle: the ring as it is now, then those who left."""
        return self._position.seats + self._position.departed

    @property
    def rounds_begun(self) -> tuple[RoundPlan, ...]:
        """The rounds as they were run, including any beyond the plan."""
        if not self._position.started:
            return ()
        return tuple(self._round_plan(i) for i in range(self._position.round_index + 1))

    def snapshot(self) -> CircleSnapshot:
        position = self._position
        state = self._state()
        now = 0.0 if state is CircleState.SETUP else self._time.now()
        plan = self._round_plan(position.round_index)
        addressed = position.addressed
        if state is CircleState.SETUP:  # who the first round will go to
            addressed = addressed_for(plan, position, self.settings.direction)
        return build_snapshot(
            position,
            Moment(
                now=now,
                state=state,
                plan=plan,
                plan_count=len(self.rounds),
                next_key=self._peek_next(now),
                allowed=frozenset(m for m in Move if self._why_not(m) is None),
                addressed=addressed,
            ),
            self.settings,
        )

    def _peek_next(self, now: float) -> int | None:
        """Who would hold the piece after Next (or when the next round begins)."""
        position = self._position
        if position.phase is CircleState.RUNNING:
            return self._advance(self._closed_turn(now, passed=False), now).holder
        if position.phase in (CircleState.SETUP, CircleState.BETWEEN_ROUNDS):
            between = position.phase is CircleState.BETWEEN_ROUNDS
            plan = self._round_plan(position.round_index + 1 if between else 0)
            direction = self.settings.direction
            return opening_key(
                replace(position, addressed=addressed_for(plan, position, direction))
            )
        return None

    # -- checking a move, making it -----------------------------------------------------------
    def _state(self) -> CircleState:
        phase = self._position.phase
        if self._time.paused and phase in (CircleState.RUNNING, CircleState.BETWEEN_ROUNDS):
            return CircleState.PAUSED
        return phase

    def _why_not(self, move: Move) -> Why | None:
        return why_not(move, self._state(), self._position, can_undo=bool(self._history))

    def _check(self, move: Move) -> None:
        why = self._why_not(move)
        if why is not None:
            raise InvalidMove(move, why)

    def _move(self, position: Position) -> None:
        self._history.append(self._position)
        self._position = position
        self._turns_begun = max(self._turns_begun, position.turn_number)

    def _round_plan(self, index: int) -> RoundPlan:
        return self.rounds[index] if index < len(self.rounds) else EXTRA_ROUND

    def _closed_turn(self, now: float, *, passed: bool) -> Position:
        return closed_turn(self._position, now, passed=passed)

    def _begin_round(self, position: Position, index: int, now: float) -> Position:
        return begun_round(
            position, index, now, self._round_plan(index), self.settings.direction,
            turns_begun=self._turns_begun,
        )  # fmt: skip

    def _advance(self, position: Position, now: float) -> Position:
        return advanced(position, now, self.settings, turns_begun=self._turns_begun)

    def _index_of(self, key: int, move: Move) -> int:
        for index, seat in enumerate(self._position.seats):
            if seat.key == key:
                return index
        raise InvalidMove(move, Why.UNKNOWN_SEAT)
