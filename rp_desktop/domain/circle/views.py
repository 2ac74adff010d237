"""From the engine's position to the snapshot a screen draws: talk times, passes, timers."""

from collections import defaultdict
from dataclasses import dataclass

from rp_desktop.domain.circle.types import (
    CircleSettings,
    CircleSnapshot,
    CircleState,
    Move,
    RoundPlan,
    RoundView,
    Seat,
    SeatView,
    TimeLevel,
    Timing,
    TurnRecord,
)


@dataclass(frozen=True, slots=True)
class Position:
    """Where the circle stands between two moves. Times are circle time (see clock.py)."""

    phase: CircleState
    seats: tuple[Seat, ...]
    start_key: int | None
    started: bool = False  # the piece has been given at least once (not undone)
    round_index: int = 0
    round_started: float = 0.0
    round_ended: float | None = None
    holder: int | None = None
    turn_started: float = 0.0
    turn_number: int = 0
    had_turn: frozenset[int] = frozenset()
    spoke: frozenset[int] = frozenset()
    passed: frozenset[int] = frozenset()
    offered_again: frozenset[int] = frozenset()
    offering_again: bool = False
    turns: tuple[TurnRecord, ...] = ()
    departed: tuple[Seat, ...] = ()
    ended_at: float | None = None
    # A directed round's seats, in speaking order, resolved when the round began (late
    # arrivals in its roles added, seats that left taken out); None: the round is for everyone.
    addressed: tuple[int, ...] | None = None


@dataclass(frozen=True, slots=True)
class Moment:
    """What the engine knows beyond the position when a snapshot is taken."""

    now: float
    state: CircleState
    plan: RoundPlan
    plan_count: int
    next_key: int | None
    allowed: frozenset[Move]
    # The seats the shown round is for (None: everyone); before the start, those the first
    # round would go to.
    addressed: tuple[int, ...] | None = None


def build_snapshot(position: Position, moment: Moment, settings: CircleSettings) -> CircleSnapshot:
    holding = position.holder is not None and position.phase is CircleState.RUNNING
    now = position.ended_at if position.ended_at is not None else moment.now
    speaker_elapsed = now - position.turn_started if holding else 0.0
    budget = speaker_budget(moment.plan, len(_for_whom(position, moment))) if holding else None
    remaining = None if budget is None else budget - speaker_elapsed
    return CircleSnapshot(
        state=moment.state,
        seats=_seat_views(position, moment, speaker_elapsed if holding else 0.0),
        round=_round_view(position, moment, now),
        holder_key=position.holder if holding else None,
        next_key=moment.next_key,
        turn_number=position.turn_number,
        speaker_elapsed=speaker_elapsed,
        speaker_budget=budget,
        speaker_remaining=remaining,
        level=time_level(budget, remaining, settings),
        total_elapsed=now,
        direction=settings.direction,
        allowed=moment.allowed,
    )


def speaker_budget(plan: RoundPlan, seats: int) -> float | None:
    """Each speaker's time: the round's budget shared equally among the seats it is for (all
    of the ring, or a directed round's addressed seats), or their own."""
    if plan.seconds is None or plan.timing is Timing.NONE:
        return None
    if plan.timing is Timing.PER_ROUND:
        return plan.seconds / max(seats, 1)
    return plan.seconds


def round_budget(plan: RoundPlan, seats: int) -> float | None:
    """The round's whole time: its own, or each speaker's times the seats it is for."""
    if plan.seconds is None or plan.timing is Timing.NONE:
        return None
    if plan.timing is Timing.PER_SPEAKER:
        return plan.seconds * seats
    return plan.seconds


def time_level(
    budget: float | None, remaining: float | None, settings: CircleSettings
) -> TimeLevel:
    if budget is None or remaining is None:
        return TimeLevel.UNLIMITED
    if remaining <= 0:
        return TimeLevel.OVER
    if remaining <= settings.red_at * budget:
        return TimeLevel.RED
    if remaining <= settings.amber_at * budget:
        return TimeLevel.AMBER
    return TimeLevel.CALM


def _seat_views(position: Position, moment: Moment, live: float) -> tuple[SeatView, ...]:
    talk, passes = seat_totals(position.turns)
    return tuple(
        SeatView(
            key=seat.key,
            label=seat.label,
            is_keeper=seat.is_keeper,
            position=index,
            talk_seconds=talk[seat.key] + (live if seat.key == position.holder else 0.0),
            passes=passes[seat.key],
            had_turn=seat.key in position.had_turn,
            passed_this_round=seat.key in position.passed - position.spoke,
            is_holder=seat.key == position.holder and position.phase is CircleState.RUNNING,
            is_next=seat.key == moment.next_key,
        )
        for index, seat in enumerate(position.seats)
    )


def seat_totals(turns: tuple[TurnRecord, ...]) -> tuple[dict[int, float], dict[int, int]]:
    """Talk time per seat, and passes per seat: the rounds in which a seat passed and did not
    speak afterwards (a pass is counted once however often the piece was offered)."""
    talk: dict[int, float] = defaultdict(float)
    passed_in: dict[int, set[int]] = defaultdict(set)
    spoke_in: dict[int, set[int]] = defaultdict(set)
    for turn in turns:
        if turn.passed:
            passed_in[turn.seat_key].add(turn.round_index)
        else:
            talk[turn.seat_key] += turn.duration
            spoke_in[turn.seat_key].add(turn.round_index)
    passes: dict[int, int] = defaultdict(int)
    for key, rounds in passed_in.items():
        passes[key] = len(rounds - spoke_in[key])
    return talk, passes


def _round_view(position: Position, moment: Moment, now: float) -> RoundView:
    present = _for_whom(position, moment)
    budget = round_budget(moment.plan, len(present))
    started = moment.state is not CircleState.SETUP
    end = position.round_ended if position.round_ended is not None else now
    elapsed = end - position.round_started if started else 0.0
    return RoundView(
        index=position.round_index,
        count=moment.plan_count,
        stage=moment.plan.stage,
        prompt=moment.plan.prompt,
        timing=moment.plan.timing,
        done=len(set(present) & position.had_turn),
        size=len(present),
        offering_again=position.offering_again,
        elapsed=elapsed,
        budget=budget,
        remaining=None if budget is None else budget - elapsed,
        addressed=moment.addressed or (),
        second_prompt=moment.plan.second_prompt,
        directed=moment.addressed is not None,
    )


def _for_whom(position: Position, moment: Moment) -> tuple[int, ...]:
    """The seats the shown round is for: its addressed seats, or the whole ring."""
    if moment.addressed is not None:
        return moment.addressed
    return tuple(seat.key for seat in position.seats)
