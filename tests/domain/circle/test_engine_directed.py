"""Directed rounds: a round put to named seats (in the order named) or to roles (by role, then
ring order from the start seat), the piece going only among the seats it is for."""

from dataclasses import replace

import pytest

from rp_desktop.domain.circle import (
    CircleEngine,
    CircleSettings,
    CircleState,
    Direction,
    Move,
    RoundPlan,
    Seat,
    Timing,
)
from rp_desktop.domain.vocabulary import CircleStage
from tests.domain.circle.conftest import FakeClock, holders, make_engine

CAUSED = "person_who_caused_harm"
HARMED = "person_harmed"
SUPPORTER = "supporter"

# A repair circle: the keeper at 0, then (clockwise) seats 1-6 with their parts.
RING = [
    Seat(0, "Keeper", is_keeper=True, role="facilitator"),
    Seat(1, "Ama", role=SUPPORTER),
    Seat(2, "Bo", role=HARMED),
    Seat(3, "Cy", role=SUPPORTER),
    Seat(4, "Dee", role=CAUSED),
    Seat(5, "Eli", role="staff"),
    Seat(6, "Fen", role=SUPPORTER),
]
EVERYONE = RoundPlan(CircleStage.CHECK_IN, "How are you arriving?")


def directed(
    *, seats: tuple[int, ...] = (), roles: tuple[str, ...] = (), timing: Timing = Timing.NONE,
    seconds: float | None = None,
) -> RoundPlan:  # fmt: skip
    return RoundPlan(
        CircleStage.REPAIR_HARM, "What happened?", timing, seconds, seats, roles, "¿Qué pasó?"
    )


def engine_for(clock: FakeClock, *rounds: RoundPlan, **settings: object) -> CircleEngine:
    return make_engine(clock, RING, rounds, **settings)


def round_order(engine: CircleEngine, clock: FakeClock) -> list[int]:
    """Everyone the piece reaches until the round ends, each speaking."""
    seen = []
    while engine.snapshot().state is CircleState.RUNNING:
        seen += holders(engine, clock, "n")
    return seen


# -- whom a round goes to, in what order ------------------------------------------------------
@pytest.mark.parametrize("direction", list(Direction))
def test_a_round_to_named_seats_goes_in_the_order_named(
    clock: FakeClock, direction: Direction
) -> None:
    engine = engine_for(clock, directed(seats=(5, 2, 6)), direction=direction, start_key=3)
    engine.start()
    assert round_order(engine, clock) == [5, 2, 6]
    snap = engine.snapshot()
    assert snap.state is CircleState.BETWEEN_ROUNDS
    assert {t.seat_key for t in engine.turns} == {5, 2, 6}
    assert [s.key for s in snap.seats if s.had_turn] == [2, 5, 6]


@pytest.mark.parametrize(
    ("direction", "supporters"),
    [(Direction.CLOCKWISE, [6, 1, 3]), (Direction.COUNTERCLOCKWISE, [3, 1, 6])],
)
def test_a_round_to_roles_goes_by_role_then_round_the_ring_from_the_start_seat(
    clock: FakeClock, direction: Direction, supporters: list[int]
) -> None:
    plan = directed(roles=(CAUSED, HARMED, SUPPORTER))
    engine = engine_for(clock, plan, direction=direction, start_key=5)
    snap = engine.snapshot()
    assert snap.round.addressed == (4, 2, *supporters)  # known before the start
    assert snap.next_key == 4
    engine.start()
    assert round_order(engine, clock) == [4, 2, *supporters]


def test_named_seats_not_in_the_ring_are_left_out_and_named_twice_speak_once(
    clock: FakeClock,
) -> None:
    engine = engine_for(clock, directed(seats=(42, 3, 1, 3)))
    engine.start()
    assert engine.snapshot().round.addressed == (3, 1)
    assert round_order(engine, clock) == [3, 1]


def test_a_keeper_only_agreement_round_rests_with_the_keeper(clock: FakeClock) -> None:
    agreement = RoundPlan(CircleStage.AGREEMENT, "What will we do?", to_roles=("keeper",))
    engine = engine_for(clock, EVERYONE, agreement, start_key=3)
    engine.start()
    assert round_order(engine, clock) == [3, 4, 5, 6, 0, 1, 2]
    assert engine.snapshot().next_key == 0
    engine.next_round()
    snap = engine.snapshot()
    assert (snap.holder_key, snap.round.stage) == (0, CircleStage.AGREEMENT)
    assert (snap.round.addressed, snap.round.size, snap.round.done) == ((0,), 1, 0)
    assert snap.speaker_budget is None  # agreeing together is not timed
    assert snap.next_key is None  # after the keeper, the round ends
    clock.advance(600.0)
    engine.next()
    snap = engine.snapshot()
    assert snap.state is CircleState.BETWEEN_ROUNDS
    assert (snap.round.size, snap.round.done) == (1, 1)
    assert engine.turns[-1].seat_key == 0
    assert engine.turns[-1].duration == 600.0


def test_a_round_for_everyone_after_a_directed_one_goes_round_the_whole_ring(
    clock: FakeClock,
) -> None:
    engine = engine_for(
        clock, directed(roles=(HARMED,)), EVERYONE, direction=Direction.COUNTERCLOCKWISE
    )
    engine.start()
    assert round_order(engine, clock) == [2]
    engine.next_round()
    snap = engine.snapshot()
    assert (snap.round.addressed, snap.round.directed, snap.round.size) == ((), False, 7)
    assert round_order(engine, clock) == [0, 6, 5, 4, 3, 2, 1]


# -- passes and the offer again ------------------------------------------------------------
def test_passes_are_offered_again_only_among_the_addressed(clock: FakeClock) -> None:
    engine = engine_for(clock, directed(seats=(4, 2, 1, 6)), offer_again=True)
    engine.start()
    assert holders(engine, clock, "pnpn") == [4, 2, 1, 6]
    snap = engine.snapshot()
    assert snap.round.offering_again
    assert snap.holder_key == 4
    assert snap.next_key == 1
    assert holders(engine, clock, "pp") == [4, 1]
    assert engine.snapshot().state is CircleState.BETWEEN_ROUNDS
    assert [t.seat_key for t in engine.turns] == [4, 2, 1, 6, 4, 1]
    assert {s.key: s.passes for s in engine.snapshot().seats if s.passes} == {4: 1, 1: 1}


def test_without_the_offer_again_a_directed_round_ends_after_the_last_addressed(
    clock: FakeClock,
) -> None:
    engine = engine_for(clock, directed(roles=(SUPPORTER,)), offer_again=False)
    engine.start()
    assert holders(engine, clock, "ppp") == [1, 3, 6]
    assert engine.snapshot().state is CircleState.BETWEEN_ROUNDS


# -- arrivals and leavings -----------------------------------------------------------------
def test_a_late_arrival_in_the_round_s_role_joins_the_end_of_the_order(
    clock: FakeClock,
) -> None:
    engine = engine_for(clock, directed(roles=(CAUSED, SUPPORTER)))
    engine.start()
    assert holders(engine, clock, "n") == [4]
    engine.add_seat(Seat(9, "Gil", role=CAUSED), after_key=0)  # sits near the start
    engine.add_seat(Seat(10, "Hal", role=HARMED))  # not in the round's roles
    snap = engine.snapshot()
    assert snap.round.addressed == (4, 1, 3, 6, 9)
    assert (snap.round.size, snap.round.done) == (5, 1)
    assert round_order(engine, clock) == [1, 3, 6, 9]
    assert 10 not in {t.seat_key for t in engine.turns}


def test_a_late_arrival_in_the_role_has_a_turn_while_the_piece_is_offered_again(
    clock: FakeClock,
) -> None:
    engine = engine_for(clock, directed(roles=(SUPPORTER,)))
    engine.start()
    assert holders(engine, clock, "pnn") == [1, 3, 6]
    assert engine.snapshot().round.offering_again
    engine.add_seat(Seat(9, "Gil", role=SUPPORTER), after_key=1)
    assert holders(engine, clock, "n") == [1]
    assert engine.snapshot().holder_key == 9


def test_a_late_arrival_is_not_addressed_by_a_round_to_named_seats(clock: FakeClock) -> None:
    engine = engine_for(clock, directed(seats=(3, 5)))
    engine.start()
    engine.add_seat(Seat(9, "Gil", role=SUPPORTER), after_key=3)
    assert engine.snapshot().round.addressed == (3, 5)
    assert round_order(engine, clock) == [3, 5]


def test_when_the_holder_leaves_the_piece_goes_to_the_next_addressed_still_waiting(
    clock: FakeClock,
) -> None:
    engine = engine_for(clock, directed(seats=(6, 1, 4, 2)))
    engine.start()
    assert holders(engine, clock, "n") == [6]
    clock.advance(5.0)
    engine.remove_seat(1)
    snap = engine.snapshot()
    assert snap.holder_key == 4
    assert snap.round.addressed == (6, 4, 2)
    assert (snap.round.size, snap.round.done) == (3, 1)
    assert engine.turns[-1].seat_key == 1
    assert engine.turns[-1].duration == 5.0
    assert round_order(engine, clock) == [4, 2]


def test_when_the_first_addressed_holds_the_piece_and_leaves_the_next_one_has_it(
    clock: FakeClock,
) -> None:
    engine = engine_for(clock, directed(seats=(6, 1, 4)))
    engine.start()
    engine.remove_seat(6)
    assert engine.snapshot().holder_key == 1
    assert round_order(engine, clock) == [1, 4]


def test_a_waiting_addressed_seat_that_leaves_is_skipped(clock: FakeClock) -> None:
    engine = engine_for(clock, directed(seats=(6, 1, 4)))
    engine.start()
    engine.remove_seat(1)
    assert engine.snapshot().next_key == 4
    assert round_order(engine, clock) == [6, 4]


def test_when_the_last_addressed_leaves_holding_the_piece_the_round_ends(
    clock: FakeClock,
) -> None:
    engine = engine_for(clock, directed(roles=(HARMED,)))
    engine.start()
    engine.remove_seat(2)
    snap = engine.snapshot()
    assert snap.state is CircleState.BETWEEN_ROUNDS
    assert snap.holder_key is None
    assert (snap.round.addressed, snap.round.size, snap.round.directed) == ((), 0, True)


def test_a_round_that_no_one_present_is_for_stands_between_rounds_at_once(
    clock: FakeClock,
) -> None:
    family = directed(roles=("family_member",))
    engine = engine_for(clock, EVERYONE, family, directed(seats=(2,)))
    engine.start()
    round_order(engine, clock)
    turn = engine.snapshot().turn_number
    engine.next_round()
    snap = engine.snapshot()
    assert snap.state is CircleState.BETWEEN_ROUNDS
    assert (snap.round.index, snap.holder_key, snap.turn_number) == (1, None, turn)
    assert (snap.round.addressed, snap.round.size, snap.round.done) == ((), 0, 0)
    assert snap.next_key == 2  # the next round's only seat
    assert Move.NEXT_ROUND in snap.allowed
    engine.next_round()
    assert engine.snapshot().holder_key == 2


def test_a_circle_whose_first_round_is_for_no_one_present_starts_between_rounds(
    clock: FakeClock,
) -> None:
    engine = engine_for(clock, directed(seats=(77,)), EVERYONE)
    assert engine.snapshot().next_key is None
    engine.start()
    snap = engine.snapshot()
    assert snap.state is CircleState.BETWEEN_ROUNDS
    assert snap.next_key == 0
    engine.back()
    assert engine.snapshot().state is CircleState.SETUP


# -- what the screens are shown ----------------------------------------------------------------
def test_the_snapshot_counts_the_addressed_and_names_who_comes_next(clock: FakeClock) -> None:
    engine = engine_for(clock, EVERYONE, directed(roles=(SUPPORTER, "staff")))
    engine.start()
    round_order(engine, clock)
    assert engine.snapshot().next_key == 1
    engine.next_round()
    snap = engine.snapshot()
    assert snap.round.addressed == (1, 3, 6, 5)
    assert snap.round.directed
    assert snap.round.second_prompt == "¿Qué pasó?"
    assert (snap.round.size, snap.round.done) == (4, 0)
    assert (snap.holder_key, snap.next_key) == (1, 3)
    assert [s.key for s in snap.seats if s.is_next] == [3]
    assert len(snap.seats) == 7  # the seat views are the whole ring, as ever
    holders(engine, clock, "nn")
    snap = engine.snapshot()
    assert (snap.round.done, snap.holder_key, snap.next_key) == (2, 6, 5)


def test_a_per_round_budget_is_shared_among_the_addressed(clock: FakeClock) -> None:
    plan = directed(seats=(2, 4, 6), timing=Timing.PER_ROUND, seconds=90.0)
    engine = engine_for(clock, plan)
    engine.start()
    snap = engine.snapshot()
    assert snap.speaker_budget == 30.0
    assert snap.round.budget == 90.0
    clock.advance(10.0)
    assert engine.snapshot().speaker_remaining == 20.0


def test_a_per_speaker_round_lasts_its_seconds_times_the_addressed(clock: FakeClock) -> None:
    plan = directed(roles=(SUPPORTER,), timing=Timing.PER_SPEAKER, seconds=45.0)
    engine = engine_for(clock, plan)
    assert engine.snapshot().round.budget == 135.0  # shown before the start too
    engine.start()
    snap = engine.snapshot()
    assert (snap.speaker_budget, snap.round.budget) == (45.0, 135.0)
    engine.add_seat(Seat(9, "Gil", role=SUPPORTER))
    assert engine.snapshot().round.budget == 180.0


# -- Back --------------------------------------------------------------------------------------
def test_back_across_directed_rounds_restores_each_position_exactly(clock: FakeClock) -> None:
    engine = engine_for(clock, directed(seats=(3, 1)), directed(roles=(SUPPORTER,)), EVERYONE)
    seen = [engine.snapshot()]
    moves = [engine.start, engine.pass_, engine.next, engine.next, engine.next_round]
    moves += [engine.next, lambda: engine.add_seat(Seat(9, "Gil", role=SUPPORTER))]
    moves += [lambda: engine.remove_seat(3), engine.next_round, engine.next]
    for move in moves:
        clock.advance(2.0)
        move()
        seen.append(engine.snapshot())
    assert seen[5].round.addressed == (1, 3, 6)
    assert seen[7].round.addressed == (1, 3, 6, 9)
    for expected in reversed(seen[:-1]):
        engine.back()
        snap = engine.snapshot()
        # time runs on; everything else is as it was
        assert snap.round == replace(
            expected.round, elapsed=snap.round.elapsed, remaining=snap.round.remaining
        )
        assert (snap.holder_key, snap.next_key, snap.state) == (
            expected.holder_key, expected.next_key, expected.state,
        )  # fmt: skip
        assert [(s.key, s.had_turn) for s in snap.seats] == [
            (s.key, s.had_turn) for s in expected.seats
        ]
    assert engine.snapshot().state is CircleState.SETUP


def test_back_at_the_same_moment_leaves_no_trace_of_a_round_change(clock: FakeClock) -> None:
    engine = engine_for(clock, directed(roles=(HARMED, CAUSED)), directed(seats=(5,)))
    engine.start()
    clock.advance(3.0)
    before = engine.snapshot(), engine.turns, engine.rounds_begun
    engine.next_round()
    assert engine.snapshot().round.addressed == (5,)
    engine.back()
    assert (engine.snapshot(), engine.turns, engine.rounds_begun) == before


def test_a_circle_with_no_directed_round_has_no_addressed_seats(clock: FakeClock) -> None:
    engine = CircleEngine(RING, [EVERYONE], clock, CircleSettings())
    engine.start()
    snap = engine.snapshot()
    assert (snap.round.addressed, snap.round.directed, snap.round.size) == ((), False, 7)


def test_a_round_to_named_seats_and_roles_goes_to_the_named_first(clock: FakeClock) -> None:
    engine = engine_for(clock, directed(seats=(5, 3), roles=(SUPPORTER,)))
    engine.start()
    assert engine.snapshot().round.addressed == (5, 3, 1, 6)
    assert round_order(engine, clock) == [5, 3, 1, 6]


def test_a_pause_in_a_directed_round_keeps_the_piece_and_its_seats(clock: FakeClock) -> None:
    engine = engine_for(clock, directed(roles=(HARMED, SUPPORTER)))
    engine.start()
    holders(engine, clock, "n")
    engine.pause()
    snap = engine.snapshot()
    assert snap.state is CircleState.PAUSED
    assert (snap.holder_key, snap.next_key) == (1, 3)
    assert Move.NEXT not in snap.allowed
    engine.add_seat(Seat(9, "Gil", role=SUPPORTER))  # arrives while paused: joins the round
    engine.remove_seat(1)  # the holder leaves while paused: the piece goes on
    snap = engine.snapshot()
    assert snap.round.addressed == (2, 3, 6, 9)
    assert snap.holder_key == 3
    engine.resume()
    assert round_order(engine, clock) == [3, 6, 9]
