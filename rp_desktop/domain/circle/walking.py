"""Walking the ring: who is still owed the piece, and who gets it next.

A round for everyone walks the ring in the circle's direction. A directed round walks only its
addressed seats, in their set order (the direction does not apply): named seats in the plan's
order, or the seats in the plan's roles, by role, then ring order from the start seat.

Pure functions of a position, shared by the engine's moves and its look-ahead."""

from collections.abc import Iterator, Sequence

from rp_desktop.domain.circle.types import (
    KEEPER,
    CircleSettings,
    Direction,
    RoundPlan,
    Seat,
    Timing,
)
from rp_desktop.domain.circle.views import Position


def waiting_for(position: Position, *, again: bool) -> frozenset[int]:
    """Seats still owed the piece: those of the round with no turn yet (late arrivals too),
    and, once it is offered again, those who passed and have not had it back."""
    present = frozenset(round_keys(position))
    waiting = present - position.had_turn
    if again:
        waiting |= present & (position.passed - position.spoke - position.offered_again)
    return waiting


def following(position: Position, waiting: frozenset[int], direction: Direction) -> int | None:
    """The first seat in `waiting`, walking the round's order from the holder."""
    for key in walk(position, direction):
        if key in waiting:
            return key
    return None


def walk(position: Position, direction: Direction) -> Iterator[int]:
    """Every seat of the round once, starting just after the holder (or at the round's first
    seat): the ring in the direction, or a directed round's addressed seats in their order."""
    if position.addressed is not None:
        yield from _around(position.addressed, position.holder, 1)
        return
    keys = [seat.key for seat in position.seats]
    if not keys:
        return
    step = _step(direction)
    if position.holder in keys:
        yield from _around(keys, position.holder, step)
        return
    start = first_key(position)
    yield from _around(keys, start, step, after=False)


def round_keys(position: Position) -> tuple[int, ...]:
    """The seats the current round is for: its addressed seats, or the whole ring."""
    if position.addressed is not None:
        return position.addressed
    return tuple(seat.key for seat in position.seats)


def first_key(position: Position) -> int | None:
    """The seat that starts a round: the start seat, or the first seat if it has gone."""
    keys = [seat.key for seat in position.seats]
    if position.start_key in keys:
        return position.start_key
    return keys[0] if keys else None


def opening_key(position: Position) -> int | None:
    """Who is given the piece when the position's round begins."""
    if position.addressed is not None:
        return position.addressed[0] if position.addressed else None
    return first_key(position)


def addressed_for(
    plan: RoundPlan, position: Position, direction: Direction
) -> tuple[int, ...] | None:
    """The seats `plan` goes to in the position's ring, in speaking order; None when it goes to
    everyone. Named seats come in the plan's order (those not in the ring are left out), then
    the seats playing its roles: by the order of the roles, then ring order from the start
    seat in the direction."""
    if not plan.directed:
        return None
    by_key = {seat.key: seat for seat in position.seats}
    named = [key for key in plan.to_seats if key in by_key]
    start, step = first_key(position), _step(direction)
    ring = [by_key[key] for key in _around(list(by_key), start, step, after=False)]
    by_role = [seat.key for role in plan.to_roles for seat in ring if plays(seat, role)]
    return tuple(dict.fromkeys([*named, *by_role]))


def plays(seat: Seat, role: str) -> bool:
    """Whether `seat` is reached by a round to `role` ("keeper" reaches the keeper's seat)."""
    if role == KEEPER:
        return seat.is_keeper
    return bool(role) and seat.role == role


def joins_round(plan: RoundPlan, seat: Seat) -> bool:
    """A late arrival joins a round to roles if they play one of them; never a round to named
    seats (they were named before they came) and never a round for everyone (no list)."""
    return any(plays(seat, role) for role in plan.to_roles)


def without(addressed: tuple[int, ...] | None, key: int) -> tuple[int, ...] | None:
    return None if addressed is None else tuple(k for k in addressed if k != key)


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


def key_before(keys: Sequence[int], index: int) -> int | None:
    """The same for a directed round's order (always walked forwards): after the key at `index`
    left (`keys` no longer holds it), the key just before its place."""
    return keys[(index - 1) % len(keys)] if keys else None


def _around(
    keys: Sequence[int], origin: int | None, step: int, *, after: bool = True
) -> Iterator[int]:
    """Every key once, going round from `origin` (from just after it when `after`); from the
    first key when `origin` is not among them."""
    if not keys:
        return
    first = 0
    if origin in keys:
        first = keys.index(origin) + (step if after else 0)
    for offset in range(len(keys)):
        yield keys[(first + step * offset) % len(keys)]


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
