"""How the piece's moves change the position: a turn written down, a round begun, the piece
handed on. Pure functions of an immutable `Position`; the engine says when, and keeps the old
position for Back. `turns_begun` is the highest turn number the circle has given so far."""

from dataclasses import replace

from rp_desktop.domain.circle.types import (
    CircleSettings,
    CircleState,
    Direction,
    RoundPlan,
    Seat,
    TurnRecord,
)
from rp_desktop.domain.circle.views import Position
from rp_desktop.domain.circle.walking import (
    addressed_for,
    following,
    joins_round,
    key_before,
    neighbour,
    opening_key,
    seat_before,
    waiting_for,
    without,
)


def closed_turn(position: Position, now: float, *, passed: bool) -> Position:
    """The position with the holder's turn written down (unchanged if no one holds it)."""
    if position.holder is None or position.phase is not CircleState.RUNNING:
        return position
    turn = TurnRecord(
        position.round_index, position.holder, position.turn_started,
        now - position.turn_started, passed,
    )  # fmt: skip
    key = position.holder
    return replace(
        position,
        turns=(*position.turns, turn),
        had_turn=position.had_turn | {key},
        spoke=position.spoke if passed else position.spoke | {key},
        passed=position.passed | {key} if passed else position.passed,
        # A turn is a second offer only for someone who passed before; a late arrival's
        # first turn, even while the piece goes round again, is still their first offer.
        offered_again=(
            position.offered_again | {key}
            if position.offering_again and key in position.passed
            else position.offered_again
        ),
    )


def begun_round(
    position: Position, index: int, now: float, plan: RoundPlan, direction: Direction,
    *, turns_begun: int,
) -> Position:  # fmt: skip
    """Round `index` (planned as `plan`) begun: the piece goes to its first seat, or, with no
    one seated (or no one the round is for), the round stands between rounds at once."""
    position = replace(position, addressed=addressed_for(plan, position, direction))
    first = opening_key(position)
    return replace(
        position,
        phase=CircleState.RUNNING if first is not None else CircleState.BETWEEN_ROUNDS,
        round_index=index,
        round_started=now,
        round_ended=None if first is not None else now,
        holder=first,
        turn_started=now,
        turn_number=_new_turn(position, turns_begun) if first is not None else position.turn_number,
        had_turn=frozenset(),
        spoke=frozenset(),
        passed=frozenset(),
        offered_again=frozenset(),
        offering_again=False,
    )


def advanced(
    position: Position, now: float, settings: CircleSettings, *, turns_begun: int
) -> Position:
    """Give the piece to the next seat still waiting its turn this round; when none is
    left, offer it again to those who passed (if the keeper wants), or end the round."""
    direction = settings.direction
    offering_again = position.offering_again
    receiver = following(position, waiting_for(position, again=offering_again), direction)
    if receiver is None and not offering_again and settings.offer_again:
        offering_again = True
        receiver = following(position, waiting_for(position, again=True), direction)
    if receiver is None:
        return replace(position, phase=CircleState.BETWEEN_ROUNDS, holder=None, round_ended=now)
    return replace(
        position,
        holder=receiver,
        turn_started=now,
        turn_number=_new_turn(position, turns_begun),
        offering_again=offering_again,
    )


def seat_added(position: Position, seat: Seat, at: int, plan: RoundPlan) -> Position:
    """A late arrival seated at ring index `at`; in a round to roles they play, they are
    also the last the round is for."""
    addressed = position.addressed
    if addressed is not None and joins_round(plan, seat):
        addressed = (*addressed, seat.key)
    seats = (*position.seats[:at], seat, *position.seats[at:])
    return replace(position, seats=seats, addressed=addressed)


def seat_removed(
    position: Position, index: int, direction: Direction, *, holding: bool
) -> Position:
    """The seat at ring index `index` gone (their turn already written down). If they held
    the piece, the holder becomes the seat just before their place in the round's order, so
    that `advanced` hands the piece on from where they sat."""
    leaving = position.seats[index]
    start_key = position.start_key
    if start_key == leaving.key:
        start_key = neighbour(position.seats, index, direction)
    seats = position.seats[:index] + position.seats[index + 1 :]
    addressed = without(position.addressed, leaving.key)
    holder = position.holder
    if holding and addressed is not None and position.addressed is not None:
        # the holder of a directed round is always one it is for
        holder = key_before(addressed, position.addressed.index(leaving.key))
    elif holding:
        holder = seat_before(seats, index, direction)
    return replace(
        position,
        seats=seats,
        departed=(*position.departed, leaving),
        start_key=start_key,
        addressed=addressed,
        holder=holder,
    )


def _new_turn(position: Position, turns_begun: int) -> int:
    return max(turns_begun, position.turn_number) + 1
