"""Back: every move of the piece, seat change or round change can be taken back exactly.

By design (engine.py, clock.py) Back does not rewind pauses and time keeps flowing: Back puts
the piece where it was, and the clock goes on. So the exact test compares with a twin circle
that never made the move, on a twin clock showing the same reading."""

from collections.abc import Callable
from dataclasses import replace

import pytest

from rp_desktop.domain.circle import (
    CircleEngine,
    CircleSnapshot,
    CircleState,
    InvalidMove,
    Move,
    Seat,
    Timing,
    TurnRecord,
)
from rp_desktop.domain.circle.engine import Why
from tests.domain.circle.conftest import FakeClock, holders, make_engine, make_rounds

Everything = tuple[CircleSnapshot, tuple[TurnRecord, ...], tuple[Seat, ...], tuple[object, ...]]


def everything(engine: CircleEngine) -> Everything:
    """All a circle is, but for the turn number: turn numbers never repeat, so a turn given
    again after Back has a new one (see test_turn_numbers_never_repeat_across_back)."""
    snapshot = replace(engine.snapshot(), turn_number=0)
    return snapshot, engine.turns, engine.all_seats, engine.rounds_begun


def test_turn_numbers_never_repeat_across_back(clock: FakeClock) -> None:
    """A screen chimes once per turn number; a new turn after Back must not reuse one."""
    engine = make_engine(clock, 4)
    engine.start()
    engine.next()
    chimed = engine.snapshot().turn_number
    engine.back()
    assert engine.snapshot().turn_number == chimed - 1  # Back restores the turn exactly
    engine.next()
    assert engine.snapshot().turn_number > chimed


def build(clock: FakeClock) -> CircleEngine:
    rounds = make_rounds((Timing.PER_SPEAKER, 30.0), (Timing.PER_ROUND, 120.0))
    return make_engine(clock, 6, rounds, start_key=1)


def _setup(engine: CircleEngine, clock: FakeClock) -> None:
    clock.advance(2.0)


def _first_speaker(engine: CircleEngine, clock: FakeClock) -> None:
    engine.start()
    clock.advance(3.0)


def _mid_round(engine: CircleEngine, clock: FakeClock) -> None:
    engine.start()
    holders(engine, clock, "npn", step=4.0)
    clock.advance(3.0)


def _offering_again(engine: CircleEngine, clock: FakeClock) -> None:
    engine.start()
    holders(engine, clock, "npnpnn", step=4.0)
    assert engine.snapshot().round.offering_again
    clock.advance(3.0)


def _between_rounds(engine: CircleEngine, clock: FakeClock) -> None:
    engine.start()
    holders(engine, clock, "nnnnnn", step=2.0)
    clock.advance(3.0)


def _paused_mid_turn(engine: CircleEngine, clock: FakeClock) -> None:
    engine.start()
    holders(engine, clock, "nn", step=4.0)
    clock.advance(3.0)
    engine.pause()
    clock.advance(60.0)


def _beyond_the_plan(engine: CircleEngine, clock: FakeClock) -> None:
    engine.start()
    engine.next_round()
    engine.next_round()
    holders(engine, clock, "pn", step=4.0)
    clock.advance(3.0)


SCENARIOS: dict[str, Callable[[CircleEngine, FakeClock], None]] = {
    "setup": _setup,
    "first speaker": _first_speaker,
    "mid round": _mid_round,
    "offering again": _offering_again,
    "between rounds": _between_rounds,
    "paused mid turn": _paused_mid_turn,
    "beyond the plan": _beyond_the_plan,
}


def _holder_or_first(engine: CircleEngine) -> int:
    snap = engine.snapshot()
    return snap.holder_key if snap.holder_key is not None else snap.seats[0].key


def _someone_else(engine: CircleEngine) -> int:
    snap = engine.snapshot()
    return next(s.key for s in reversed(snap.seats) if s.key != snap.holder_key)


MOVES: dict[str, tuple[Move, Callable[[CircleEngine], None]]] = {
    "start": (Move.START, lambda e: e.start()),
    "next": (Move.NEXT, lambda e: e.next()),
    "pass": (Move.PASS, lambda e: e.pass_()),
    "next round": (Move.NEXT_ROUND, lambda e: e.next_round()),
    "add at the end": (Move.ADD_SEAT, lambda e: e.add_seat(Seat(40, "Late"))),
    "add behind": (
        Move.ADD_SEAT,
        lambda e: e.add_seat(Seat(41, "Late"), after_key=_holder_or_first(e)),
    ),
    "remove the holder": (Move.REMOVE_SEAT, lambda e: e.remove_seat(_holder_or_first(e))),
    "remove another": (Move.REMOVE_SEAT, lambda e: e.remove_seat(_someone_else(e))),
    "remove the start seat": (Move.REMOVE_SEAT, lambda e: e.remove_seat(1)),
}


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_back_restores_the_exact_snapshot_at_the_same_clock_reading(
    clock: FakeClock, scenario: str
) -> None:
    tried = 0
    for name, (move, play) in MOVES.items():
        engine = build(clock)
        SCENARIOS[scenario](engine, clock)
        before = everything(engine)
        if move not in before[0].allowed:
            continue
        play(engine)
        assert everything(engine) != before, name
        assert Move.BACK in engine.snapshot().allowed
        engine.back()
        assert everything(engine) == before, name
        tried += 1
    assert tried >= 4


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_back_leaves_the_circle_as_if_the_move_never_happened(scenario: str) -> None:
    """Time flows between the move and Back; a twin circle never made the move."""
    tried = 0
    for name, (move, play) in MOVES.items():
        clock, twin_clock = FakeClock(), FakeClock()
        engine, twin = build(clock), build(twin_clock)
        for circle, its_clock in ((engine, clock), (twin, twin_clock)):
            SCENARIOS[scenario](circle, its_clock)
        if move not in engine.snapshot().allowed:
            continue
        play(engine)
        for c in (clock, twin_clock):
            c.advance(2.5)
        engine.back()
        assert everything(engine) == everything(twin), name
        # ... and stays the same circle afterwards.
        for follow in (Move.RESUME, Move.START, Move.NEXT, Move.PASS, Move.NEXT_ROUND, Move.END):
            for c in (clock, twin_clock):
                c.advance(1.25)
            if follow in engine.snapshot().allowed:
                for circle in (engine, twin):
                    getattr(circle, {Move.PASS: "pass_"}.get(follow, follow.value))()
            assert everything(engine) == everything(twin), (name, follow)
        tried += 1
    assert tried >= 4


def test_after_next_then_back_the_previous_speaker_has_the_seconds_since(
    clock: FakeClock,
) -> None:
    engine = make_engine(clock, 3, make_rounds((Timing.PER_SPEAKER, 60.0)))
    engine.start()
    clock.advance(20.0)
    engine.next()
    clock.advance(5.0)
    engine.back()
    snap = engine.snapshot()
    assert snap.holder_key == 0
    assert snap.speaker_elapsed == 25.0
    assert snap.speaker_remaining == 35.0
    assert snap.seats[0].talk_seconds == 25.0
    assert snap.seats[1].talk_seconds == 0.0
    assert snap.turn_number == 1
    assert engine.turns == ()


def test_back_does_not_rewind_a_pause(clock: FakeClock) -> None:
    engine = make_engine(clock, 3)
    engine.start()
    clock.advance(10.0)
    engine.next()
    clock.advance(2.0)
    engine.pause()
    clock.advance(300.0)
    engine.resume()
    clock.advance(3.0)
    engine.back()  # pause and resume are not moves: this takes back the Next
    snap = engine.snapshot()
    assert snap.state is CircleState.RUNNING
    assert snap.holder_key == 0
    assert snap.speaker_elapsed == 15.0
    assert snap.total_elapsed == 15.0


def test_backs_unwind_to_the_setup_and_then_stop(clock: FakeClock) -> None:
    engine = make_engine(clock, 3)
    states = [everything(engine)]
    plays: list[Callable[[], None]] = [
        engine.start,
        engine.next,
        engine.pass_,
        lambda: engine.add_seat(Seat(7, "Late"), after_key=0),
        lambda: engine.remove_seat(2),
        engine.next,
        engine.next_round,
    ]
    for play in plays:
        play()
        states.append(everything(engine))
    assert len({snapshot for snapshot, *_ in states}) == len(states)
    while len(states) > 1:
        states.pop()
        engine.back()
        assert everything(engine) == states[-1]
    assert engine.snapshot().state is CircleState.SETUP
    assert Move.BACK not in engine.snapshot().allowed
    with pytest.raises(InvalidMove) as caught:
        engine.back()
    assert caught.value.reason is Why.NOTHING_TO_UNDO


def test_a_move_made_again_after_back_gives_the_same_circle(clock: FakeClock) -> None:
    engine = make_engine(clock, 4)
    engine.start()
    holders(engine, clock, "np")
    clock.advance(6.0)
    engine.remove_seat(2)
    after = everything(engine)
    engine.back()
    engine.remove_seat(2)
    assert everything(engine) == after


def test_back_after_removing_the_holder_gives_them_the_piece_and_their_time(
    clock: FakeClock,
) -> None:
    engine = make_engine(clock, 4)
    engine.start()
    clock.advance(7.0)
    engine.remove_seat(0)
    clock.advance(2.0)
    engine.back()
    snap = engine.snapshot()
    assert snap.holder_key == 0
    assert snap.speaker_elapsed == 9.0
    assert [seat.key for seat in engine.all_seats] == [0, 1, 2, 3]
    assert engine.turns == ()


def test_back_while_paused_keeps_the_pause_and_the_refusals(clock: FakeClock) -> None:
    engine = make_engine(clock, 3)
    engine.start()
    engine.next()
    engine.pause()
    engine.back()
    snap = engine.snapshot()
    assert snap.state is CircleState.PAUSED
    assert snap.holder_key == 0
    with pytest.raises(InvalidMove) as caught:
        engine.next()
    assert caught.value.reason is Why.PAUSED


def test_back_to_the_setup_then_a_fresh_start(clock: FakeClock) -> None:
    engine = make_engine(clock, 3)
    engine.start()
    clock.advance(40.0)
    engine.pause()
    clock.advance(10.0)
    engine.back()
    snap = engine.snapshot()
    assert snap.state is CircleState.SETUP
    assert snap.total_elapsed == 0.0
    assert snap.allowed == frozenset({Move.START, Move.ADD_SEAT, Move.REMOVE_SEAT, Move.END})
    clock.advance(10.0)
    engine.start()
    clock.advance(1.0)
    snap = engine.snapshot()
    assert snap.state is CircleState.RUNNING
    assert snap.total_elapsed == 1.0
    assert snap.turn_number == 2  # the first turn's number is not used again


def test_end_cannot_be_taken_back(clock: FakeClock) -> None:
    engine = make_engine(clock, 3)
    engine.start()
    engine.next()
    engine.end()
    with pytest.raises(InvalidMove) as caught:
        engine.back()
    assert caught.value.reason is Why.CLOSED
    assert engine.snapshot().state is CircleState.CLOSED
