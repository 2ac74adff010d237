"""Walking the ring: who is still owed the piece, and who gets it next in the direction.

Pure functions of a position, shared by the engine's moves and its look-ahead."""

from collections.abc import Iterator, Sequence

from rp_desktop.domain.circle.types import CircleSettings, Direction, RoundPlan, Seat, Timing
from rp_desktop.domain.circle.views import Position


def waiting_for(position: Position, *, again: bool) -> frozenset[int]:
    """Seats still owed the piece: those with no turn yet this round (late arrivals too),
    and, once it is offered again, those who passed and have not had it back."""
    present = frozenset(seat.key for seat in position.seats)
    waiting = present - position.had_turn
    if again:
        waiting |= present & (position.passed - position.spoke - position.offered_again)
    return waiting


def following(position: Position, waiting: frozenset[int], direction: Direction) -> int | None:
    """The first seat in `waiting`, walking the ring from the holder in the direction."""
    for seat in walk(position, direction):
        if seat.key in waiting:
            return seat.key
    return None


def walk(position: Position, direction: Direction) -> Iterator[Seat]:
    """Every seat once, starting just after the holder (or at the start seat)."""
    seats = position.seats
    if not seats:
        return
    step = _step(direction)
    keys = [seat.key for seat in seats]
    if position.holder in keys:
        first = keys.index(position.holder) + step
    else:
        start = first_key(position)
        first = keys.index(start) if start is not None else 0
    for offset in range(len(seats)):
        yield seats[(first + step * offset) % len(seats)]


def first_key(position: Position) -> int | None:
    """The seat that starts a round: the start seat, or the first seat if it has gone."""
    keys = [seat.key for seat in position.seats]
    if position.start_key in keys:
        return position.start_key
    return keys[0] if keys else None


def neighbour(seats: tuple[Seat, ...], index: int, direction: Direction) -> int | None:
    """The seat after `seats[index]` in the direction, other than itself."""
    if len(seats) < 2:
        return None
    return seats[(index + _step(direction)) % len(seats)].key


def seat_before(seats: tuple[Seat, ...], index: int, direction: Direction) -> int | None:
    """After a holder at `index` left (`seats` no longer holds them): the seat just before
    their place, so that the walk carries on from where they sat."""
    if not seats:
        return None
    before = (index - 1) % len(seats) if _step(direction) == 1 else index % len(seats)
    return seats[before].key


def _step(direction: Direction) -> int:
    return 1 if direction is Direction.CLOCKWISE else -1


def check_setup(
    seats: Sequence[Seat], rounds: Sequence[RoundPlan], settings: CircleSettings
) -> None:
    """Refuse a circle that could never run as meant (a programming error, not a user's)."""
    keys = [seat.key for seat in seats]
    if len(set(keys)) != len(keys):
        raise ValueError("seat keys must be unique")
    if settings.start_key is not None and settings.start_key not in keys:
        raise ValueError("the start seat is not in the circle")
    if not 0 <= settings.red_at <= settings.amber_at <= 1:
        raise ValueError("warning thresholds must satisfy 0 <= red_at <= amber_at <= 1")
    for plan in rounds:
        if plan.timing is not Timing.NONE and plan.seconds is not None and plan.seconds <= 0:
            raise ValueError("a timed round needs a positive number of seconds (or None)")
