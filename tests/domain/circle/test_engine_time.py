"""Time: what the clock says is what the screens show, pauses frozen, budgets per speaker, per
round or none, the colour levels, and over time that keeps counting."""

import time

import pytest

from rp_desktop.domain.circle import (
    CircleSnapshot,
    CircleState,
    RoundPlan,
    Seat,
    TimeLevel,
    Timing,
)
from rp_desktop.domain.vocabulary import CircleStage
from tests.domain.circle.conftest import FakeClock, holders, make_engine, make_rounds


def timers(snap: CircleSnapshot) -> tuple[object, ...]:
    """Every number on the screens that moves with time."""
    return (
        snap.total_elapsed,
        snap.speaker_elapsed,
        snap.speaker_remaining,
        snap.level,
        snap.round.elapsed,
        snap.round.remaining,
        tuple(s.talk_seconds for s in snap.seats),
    )


def test_times_are_the_clocks_own_truth(clock: FakeClock) -> None:
    engine = make_engine(clock, 3)
    clock.advance(50.0)  # before the start nothing counts
    assert engine.snapshot().total_elapsed == 0.0
    engine.start()
    clock.advance(12.75)
    snap = engine.snapshot()
    assert snap.total_elapsed == 12.75
    assert snap.speaker_elapsed == 12.75
    assert snap.round.elapsed == 12.75
    assert [s.talk_seconds for s in snap.seats] == [12.75, 0.0, 0.0]
    engine.next()
    clock.advance(0.25)
    snap = engine.snapshot()
    assert snap.speaker_elapsed == 0.25
    assert snap.total_elapsed == 13.0
    assert [s.talk_seconds for s in snap.seats] == [12.75, 0.25, 0.0]
    assert engine.turns[0].start == 0.0
    assert engine.turns[0].duration == 12.75


def test_snapshots_do_not_move_time(clock: FakeClock) -> None:
    engine = make_engine(clock, 3)
    engine.start()
    clock.advance(3.0)
    first = engine.snapshot()
    for _ in range(100):
        assert engine.snapshot() == first


def test_between_rounds_the_round_clock_stops_and_the_total_goes_on(clock: FakeClock) -> None:
    engine = make_engine(clock, 2)
    engine.start()
    holders(engine, clock, "nn", step=5.0)
    clock.advance(40.0)
    snap = engine.snapshot()
    assert snap.round.elapsed == 10.0
    assert snap.total_elapsed == 50.0
    assert snap.speaker_elapsed == 0.0
    assert snap.speaker_budget is None
    assert snap.level is TimeLevel.UNLIMITED
    engine.next_round()
    clock.advance(1.0)
    assert engine.snapshot().round.elapsed == 1.0
    assert engine.turns[-1].start + engine.turns[-1].duration == 10.0


# -- budgets -----------------------------------------------------------------------------------
def test_per_speaker_budget(clock: FakeClock) -> None:
    engine = make_engine(clock, 4, make_rounds((Timing.PER_SPEAKER, 60.0)))
    assert engine.snapshot().round.budget == 240.0
    engine.start()
    clock.advance(20.0)
    snap = engine.snapshot()
    assert snap.round.timing is Timing.PER_SPEAKER
    assert snap.speaker_budget == 60.0
    assert snap.speaker_remaining == 40.0
    assert snap.round.budget == 240.0
    assert snap.round.remaining == 220.0
    engine.next()
    assert engine.snapshot().speaker_remaining == 60.0  # every speaker has their own minute


def test_per_round_budget_is_shared_and_recomputed_when_seats_change(clock: FakeClock) -> None:
    engine = make_engine(clock, 4, make_rounds((Timing.PER_ROUND, 300.0)))
    engine.start()
    clock.advance(15.0)
    snap = engine.snapshot()
    assert snap.round.timing is Timing.PER_ROUND
    assert snap.round.budget == 300.0
    assert snap.round.remaining == 285.0
    assert snap.speaker_budget == 75.0
    assert snap.speaker_remaining == 60.0
    engine.add_seat(Seat(4, "Late"))
    snap = engine.snapshot()
    assert snap.speaker_budget == 60.0
    assert snap.speaker_remaining == 45.0
    assert snap.round.budget == 300.0
    engine.add_seat(Seat(5, "Later"))
    assert engine.snapshot().speaker_budget == 300.0 / 6
    engine.remove_seat(5)
    engine.remove_seat(4)
    engine.remove_seat(3)
    snap = engine.snapshot()
    assert snap.speaker_budget == 100.0
    assert snap.speaker_remaining == 85.0


@pytest.mark.parametrize(
    "plan",
    [
        RoundPlan(CircleStage.DISCUSSION, "", Timing.NONE, None),
        RoundPlan(CircleStage.DISCUSSION, "", Timing.NONE, 60.0),
        RoundPlan(CircleStage.DISCUSSION, "", Timing.PER_SPEAKER, None),
        RoundPlan(CircleStage.DISCUSSION, "", Timing.PER_ROUND, None),
    ],
)
def test_no_timing(clock: FakeClock, plan: RoundPlan) -> None:
    engine = make_engine(clock, 3, [plan])
    engine.start()
    clock.advance(10_000.0)
    snap = engine.snapshot()
    assert snap.speaker_budget is None
    assert snap.speaker_remaining is None
    assert snap.round.budget is None
    assert snap.round.remaining is None
    assert snap.level is TimeLevel.UNLIMITED
    assert snap.speaker_elapsed == 10_000.0


def test_each_round_has_its_own_timing(clock: FakeClock) -> None:
    rounds = make_rounds((Timing.PER_SPEAKER, 30.0), (Timing.PER_ROUND, 90.0), (Timing.NONE, None))
    engine = make_engine(clock, 3, rounds)
    engine.start()
    assert engine.snapshot().speaker_budget == 30.0
    engine.next_round()
    assert engine.snapshot().speaker_budget == 30.0  # 90 shared by 3
    assert engine.snapshot().round.budget == 90.0
    engine.next_round()
    assert engine.snapshot().speaker_budget is None


# -- levels ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("elapsed", "level"),
    [
        (0.0, TimeLevel.CALM),
        (74.75, TimeLevel.CALM),
        (75.0, TimeLevel.AMBER),  # 25 s left: exactly amber_at (0.25) of 100 s
        (89.75, TimeLevel.AMBER),
        (90.0, TimeLevel.RED),  # 10 s left: exactly red_at (0.10) of 100 s
        (99.75, TimeLevel.RED),
        (100.0, TimeLevel.OVER),  # time is up
        (100.25, TimeLevel.OVER),
        (5000.0, TimeLevel.OVER),
    ],
)
def test_levels_at_the_default_thresholds(
    clock: FakeClock, elapsed: float, level: TimeLevel
) -> None:
    engine = make_engine(clock, 2, make_rounds((Timing.PER_SPEAKER, 100.0)))
    engine.start()
    clock.advance(elapsed)
    snap = engine.snapshot()
    assert snap.level is level
    assert snap.speaker_remaining == 100.0 - elapsed


def test_levels_at_the_settings_thresholds(clock: FakeClock) -> None:
    engine = make_engine(
        clock, 2, make_rounds((Timing.PER_SPEAKER, 40.0)), amber_at=0.5, red_at=0.125
    )
    engine.start()
    seen = []
    for _ in range(45):
        seen.append(engine.snapshot().level)
        clock.advance(1.0)
    # calm while more than 20 s are left, amber down to 5 s left, red above 0, then over
    assert seen == (
        [TimeLevel.CALM] * 20 + [TimeLevel.AMBER] * 15 + [TimeLevel.RED] * 5 + [TimeLevel.OVER] * 5
    )


def test_over_time_keeps_counting_and_never_cuts_anyone_off(clock: FakeClock) -> None:
    engine = make_engine(clock, 3, make_rounds((Timing.PER_SPEAKER, 30.0)))
    engine.start()
    turn = engine.snapshot().turn_number
    remaining = []
    for _ in range(5):
        clock.advance(20.0)
        snap = engine.snapshot()
        remaining.append(snap.speaker_remaining)
        assert snap.state is CircleState.RUNNING
        assert snap.holder_key == 0
        assert snap.turn_number == turn  # still the same turn: one chime, not one per look
    assert remaining == [10.0, -10.0, -30.0, -50.0, -70.0]
    assert engine.snapshot().level is TimeLevel.OVER
    assert engine.snapshot().seats[0].talk_seconds == 100.0
    engine.next()
    assert engine.turns[0].duration == 100.0  # the record keeps the whole turn
    snap = engine.snapshot()
    assert snap.level is TimeLevel.CALM
    assert snap.turn_number == turn + 1  # a new turn: the screens may chime again


def test_per_round_over_time_for_the_round(clock: FakeClock) -> None:
    engine = make_engine(clock, 2, make_rounds((Timing.PER_ROUND, 60.0)))
    engine.start()
    clock.advance(45.0)
    engine.next()
    clock.advance(30.0)
    snap = engine.snapshot()
    assert snap.round.remaining == -15.0
    assert snap.speaker_remaining == 0.0
    assert snap.level is TimeLevel.OVER


# -- pause -------------------------------------------------------------------------------------
def test_pause_freezes_every_timer(clock: FakeClock) -> None:
    engine = make_engine(clock, 3, make_rounds((Timing.PER_SPEAKER, 60.0)))
    engine.start()
    clock.advance(10.0)
    engine.next()
    clock.advance(54.5)
    engine.pause()
    frozen = engine.snapshot()
    assert frozen.level is TimeLevel.RED
    clock.advance(900.0)
    assert engine.snapshot() == frozen
    engine.resume()
    assert timers(engine.snapshot()) == timers(frozen)
    clock.advance(0.25)
    snap = engine.snapshot()
    assert snap.total_elapsed == 64.75
    assert snap.speaker_elapsed == 54.75
    assert snap.seats[1].talk_seconds == 54.75
    engine.next()
    assert engine.turns[-1].duration == 54.75
    assert engine.turns[-1].start == 10.0


def test_a_clock_jump_during_a_pause_changes_nothing(clock: FakeClock) -> None:
    """A laptop asleep over midnight, or the system clock set back: the monotonic clock jumps
    forward while paused, and the circle must not care."""
    engine = make_engine(clock, 3, make_rounds((Timing.PER_ROUND, 120.0)))
    engine.start()
    clock.advance(25.0)
    engine.pause()
    before = engine.snapshot()
    clock.advance(1_000_000.0)
    assert engine.snapshot() == before
    engine.resume()
    assert timers(engine.snapshot()) == timers(before)
    clock.advance(5.0)
    snap = engine.snapshot()
    assert snap.total_elapsed == 30.0
    assert snap.speaker_remaining == 10.0
    assert snap.round.elapsed == 30.0


def test_pauses_between_rounds_and_many_pauses_add_up_exactly(clock: FakeClock) -> None:
    engine = make_engine(clock, 2)
    engine.start()
    running = 0.0
    for index in range(40):
        clock.advance(7.25)
        running += 7.25
        engine.pause()
        clock.advance(3600.0 * (index % 3))
        engine.resume()
        if index % 5 == 4:
            if engine.snapshot().state is CircleState.RUNNING:
                engine.next()
            else:
                engine.next_round()
    assert engine.snapshot().total_elapsed == running
    assert sum(t.duration for t in engine.turns) <= running


def test_back_while_paused_leaves_the_clock_paused(clock: FakeClock) -> None:
    engine = make_engine(clock, 3)
    engine.start()
    clock.advance(10.0)
    engine.next()
    clock.advance(5.0)
    engine.pause()
    clock.advance(100.0)
    engine.back()
    snap = engine.snapshot()
    assert snap.state is CircleState.PAUSED
    assert snap.holder_key == 0
    assert snap.speaker_elapsed == 15.0
    clock.advance(100.0)
    assert engine.snapshot() == snap
    engine.resume()
    clock.advance(1.0)
    assert engine.snapshot().speaker_elapsed == 16.0


def test_end_freezes_time(clock: FakeClock) -> None:
    engine = make_engine(clock, 3, make_rounds((Timing.PER_SPEAKER, 10.0)))
    engine.start()
    clock.advance(12.0)
    engine.end()
    closed = engine.snapshot()
    assert closed.total_elapsed == 12.0
    assert closed.round.elapsed == 12.0
    assert closed.speaker_elapsed == 0.0
    assert closed.level is TimeLevel.UNLIMITED
    assert closed.seats[0].talk_seconds == 12.0
    clock.advance(1_000_000.0)
    assert engine.snapshot() == closed


def test_the_engine_never_reads_the_wall_clock(
    clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only the injected clock counts; midnight or a changed system clock cannot reach it."""

    def forbidden() -> float:
        raise AssertionError("the circle engine read a system clock")

    for name in ("time", "monotonic", "perf_counter", "time_ns", "monotonic_ns"):
        monkeypatch.setattr(time, name, forbidden)
    engine = make_engine(clock, 3, make_rounds((Timing.PER_SPEAKER, 5.0)))
    engine.start()
    clock.advance(2.0)
    engine.pause()
    engine.resume()
    engine.pass_()
    engine.add_seat(Seat(3, "Late"))
    engine.remove_seat(1)
    engine.back()
    engine.next_round()
    engine.end()
    assert engine.snapshot().total_elapsed == 2.0
    assert clock.reads > 0
