"""Which moves make sense when, and why the others do not: the engine checks a move against
these rules before making it, and the snapshot lists the moves they allow."""

from enum import StrEnum

from rp_desktop.domain.circle.types import CircleState, Move
from rp_desktop.domain.circle.views import Position


class InvalidMove(Exception):
    """The move makes no sense now (next before the start, a move while paused...)."""

    def __init__(self, move: Move, reason: "Why") -> None:
        self.move, self.reason = move, reason
        super().__init__(f"{move.value} is not possible: {reason.value}")


class Why(StrEnum):
    NOT_RUNNING = "the piece is not going round"
    PAUSED = "the circle is paused"
    CLOSED = "the circle has ended"
    NO_SEATS = "no one is seated"
    NOTHING_TO_UNDO = "there is no move to take back"
    ALREADY_STARTED = "the circle has started"
    UNKNOWN_SEAT = "there is no such seat"
    SEAT_TAKEN = "that seat key is already used"


def why_not(move: Move, state: CircleState, position: Position, *, can_undo: bool) -> Why | None:
    """Why `move` makes no sense in `state` at `position`; None when it may be made.
    `can_undo`: there is a move to take back."""
    if state is CircleState.CLOSED:
        return Why.CLOSED
    match move:
        case Move.START:
            if state is not CircleState.SETUP:
                return Why.ALREADY_STARTED
            return None if position.seats else Why.NO_SEATS
        case Move.NEXT | Move.PASS:
            return _why_not_turn(state, position)
        case Move.NEXT_ROUND:
            if state is CircleState.PAUSED:
                return Why.PAUSED
            if state is CircleState.SETUP:
                return Why.NOT_RUNNING
            return None if position.seats else Why.NO_SEATS
        case Move.BACK:
            return None if can_undo else Why.NOTHING_TO_UNDO
        case Move.PAUSE:
            if state in (CircleState.RUNNING, CircleState.BETWEEN_ROUNDS):
                return None
            return Why.PAUSED if state is CircleState.PAUSED else Why.NOT_RUNNING
        case Move.RESUME:
            return None if state is CircleState.PAUSED else Why.NOT_RUNNING
        case Move.ADD_SEAT | Move.REMOVE_SEAT | Move.END:
            return None
    return None


def _why_not_turn(state: CircleState, position: Position) -> Why | None:
    if state is CircleState.PAUSED:
        return Why.PAUSED
    if state is not CircleState.RUNNING or position.holder is None:
        return Why.NOT_RUNNING
    return None
