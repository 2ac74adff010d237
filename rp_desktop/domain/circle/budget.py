"""How long a plan takes for a group, and a plan scaled to fit a period.

A per-speaker round takes its seconds once for each person it goes to: everyone in the circle,
or the people seated in the roles it is directed to. A per-round round takes its seconds. A
round with no time limit takes as long as it takes: when only the keeper speaks in it (an
opening or closing reading, the agreement typed while the group agrees) it is counted as
`KEEPER_ROUND_ESTIMATE`; any other is counted apart, not guessed."""

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from rp_desktop.domain.circle.types import KEEPER, Timing
from rp_desktop.domain.library import (
    LONGEST_ROUND_SECONDS,
    SHORTEST_ROUND_SECONDS,
    PlannedRound,
)
from rp_desktop.domain.vocabulary import CircleStage

KEEPER_ROUND_ESTIMATE = 60  # seconds counted for an untimed round only the keeper speaks in
STEP = 5  # fitted seconds are a multiple of this
_KEEPERS_STAGES = frozenset({CircleStage.OPENING, CircleStage.CLOSING})


class TimedRound(Protocol):
    @property
    def stage(self) -> CircleStage: ...
    @property
    def timing(self) -> Timing: ...
    @property
    def seconds(self) -> int | None: ...
    @property
    def to_roles(self) -> tuple[str, ...]: ...


@dataclass(frozen=True, slots=True)
class PlanTime:
    """A plan's time for a group: `seconds` counts the timed rounds and `estimated` untimed
    keeper's rounds at KEEPER_ROUND_ESTIMATE each; `untimed` other rounds are not counted."""

    seconds: int
    estimated: int = 0
    untimed: int = 0


def plan_seconds(
    rounds: Sequence[TimedRound], people: int, roles: Mapping[str, int] | None = None
) -> PlanTime:
    """The time the rounds take for `people` seated, `roles` counting the seats in each role
    (without it, a directed round goes to one person per role it names)."""
    seconds = estimated = untimed = 0
    for r in rounds:
        if r.timing is not Timing.NONE and r.seconds is not None:
            seconds += r.seconds * speakers(r, people, roles)
        elif keepers_round(r):
            estimated += 1
        else:
            untimed += 1
    return PlanTime(seconds + estimated * KEEPER_ROUND_ESTIMATE, estimated, untimed)


def keepers_round(r: TimedRound) -> bool:
    """An untimed round only the keeper speaks in: directed to the keeper alone, or an
    opening or closing that goes to nobody in particular."""
    if r.to_roles:
        return r.to_roles == (KEEPER,)
    return r.stage in _KEEPERS_STAGES


def speakers(r: TimedRound, people: int, roles: Mapping[str, int] | None) -> int:
    """How many times the round's seconds count: 1 for a round shared, else its speakers."""
    if r.timing is Timing.PER_ROUND:
        return 1
    if not r.to_roles:
        return people
    if roles is None:
        return len(r.to_roles)
    return sum(roles.get(role, 0) for role in r.to_roles)


def fit_to_period(
    rounds: Sequence[PlannedRound],
    people: int,
    period_seconds: int,
    roles: Mapping[str, int] | None = None,
) -> tuple[PlannedRound, ...]:
    """The rounds with every timed round scaled by one factor so that the plan fits the period
    (or fills it, when there is time to spare): seconds rounded down to a multiple of 5 and
    never below 5 s; a round held at that floor is left out of the factor, so the others make
    up for it. Untimed rounds and the order are unchanged."""
    weights = {
        i: speakers(r, people, roles)
        for i, r in enumerate(rounds)
        if r.timing is not Timing.NONE and r.seconds is not None
    }
    estimated = plan_seconds(rounds, people, roles).estimated * KEEPER_ROUND_ESTIMATE
    fitted: dict[int, int] = {}
    floored: set[int] = set()
    while True:
        fitted = _scaled(rounds, weights, floored, period_seconds - estimated)
        newly = {i for i, seconds in fitted.items() if seconds < SHORTEST_ROUND_SECONDS}
        if not newly:
            break
        floored |= newly
    fitted |= dict.fromkeys(floored, SHORTEST_ROUND_SECONDS)
    return tuple(replace(r, seconds=fitted[i]) if i in fitted else r for i, r in enumerate(rounds))


def _scaled(
    rounds: Sequence[PlannedRound], weights: Mapping[int, int], floored: set[int], available: int
) -> dict[int, int]:
    """The seconds of the timed rounds not held at the floor, scaled by the one factor that
    makes them fill what the floored rounds leave of `available`."""
    free = {i: w for i, w in weights.items() if i not in floored}
    left = available - sum(SHORTEST_ROUND_SECONDS * weights[i] for i in floored)
    total = sum((rounds[i].seconds or 0) * w for i, w in free.items())
    factor = max(left, 0) / total if total else 1.0
    return {i: _step_down((rounds[i].seconds or 0) * factor) for i in free}


def _step_down(seconds: float) -> int:
    """Seconds rounded down to a multiple of STEP, at most the longest a round may take."""
    return min(math.floor(seconds / STEP + 1e-9) * STEP, LONGEST_ROUND_SECONDS)
