"""Equity of voice across recorded circle runs: how evenly talking time was spread (the Gini of
each run, summed up as the median run), how often people passed, and how much a group's students
spoke against an even share.

Voice is read per circle (each run's Gini, summed up by month) and per group: the run's own
group, the class or advisory the circle was kept for. Never by a demographic field, by grade, or
by homeroom (a student's attribute, where the group is the circle's own): comparing how much
children of one gender, language or grade speak invites deficit readings of them, where the
question a keeper can act on is whether everyone in *this* circle was heard.

Only the seats of participants count: the keeper guides the circle and often speaks longest, which
says nothing about whether students were heard. A seat counts in a run when the piece came to it
at least once; a run where it came to no participant is left out.
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rp_desktop.domain.reports.measures import gini, mean, median, share
from rp_desktop.domain.reports.model import Breakdown, BreakdownKind

# The only ways voice is broken down: by month of circles (NONE) and by the circles' own groups.
VOICE_BREAKDOWNS = frozenset({BreakdownKind.NONE, BreakdownKind.GROUP})
NOT_BY_TRAIT = "voice_not_by_trait"  # the empty reason of a voice report asked by a trait


def voice_breakdown_allowed(breakdown: Breakdown | BreakdownKind) -> bool:
    """Whether voice may be reported by this breakdown: never by a demographic field, grade or
    homeroom."""
    kind = breakdown.kind if isinstance(breakdown, Breakdown) else breakdown
    return kind in VOICE_BREAKDOWNS


def refuse_voice_breakdown(breakdown: Breakdown | BreakdownKind) -> None:
    """Raise ValueError for a breakdown voice is never reported by."""
    if not voice_breakdown_allowed(breakdown):
        raise ValueError(
            "Voice is reported per circle and per the circle's own group, never by a "
            "demographic field or by grade, and not by homeroom."
        )


@dataclass(frozen=True, slots=True)
class SeatTally:
    """One participant's seat in one run: talking time (turns not passed), turns, passes."""

    run_id: int
    seat_id: int
    student_id: int | None
    talk_ms: int
    turns: int
    passes: int


@dataclass(frozen=True, slots=True)
class VoiceFigures:
    gini: float | None  # the median of the runs' Gini coefficients; None without runs
    pass_rate: float | None  # passes / turns over all the runs; None without turns
    runs: int


def by_run(tallies: Iterable[SeatTally]) -> dict[int, list[SeatTally]]:
    """The seats of each run with at least one turn, in the order given."""
    runs: dict[int, list[SeatTally]] = defaultdict(list)
    for tally in tallies:
        if tally.turns:
            runs[tally.run_id].append(tally)
    return dict(runs)


def run_gini(seats: Sequence[SeatTally]) -> float:
    """The Gini of one run's talking time: 0 when everyone spoke as long, towards 1 when one
    voice filled the circle."""
    return gini([seat.talk_ms for seat in seats])


def pass_rate(seats: Iterable[SeatTally]) -> float | None:
    """Passes / turns: how often the piece came and the person passed. None without turns."""
    counted = list(seats)
    return share(sum(s.passes for s in counted), sum(s.turns for s in counted))


def voice_figures(tallies: Iterable[SeatTally]) -> VoiceFigures:
    """The figures of a set of runs (a month's): the median run's Gini and the pass rate."""
    runs = by_run(tallies)
    seats = [seat for run in runs.values() for seat in run]
    return VoiceFigures(
        gini=median([run_gini(run) for run in runs.values()]),
        pass_rate=pass_rate(seats),
        runs=len(runs),
    )


def talk_ratios(tallies: Iterable[SeatTally]) -> dict[int, float]:
    """Each seat's share of its run's talking time against an even share (1 / seats in the
    run): 1 is an even share, 2 twice that, 0.5 half. Runs where nobody spoke (everyone
    passed) have no shares and are left out. Keyed by seat id."""
    ratios: dict[int, float] = {}
    for seats in by_run(tallies).values():
        total = sum(seat.talk_ms for seat in seats)
        if not total:
            continue
        for seat in seats:
            ratios[seat.seat_id] = seat.talk_ms / total * len(seats)
    return ratios


def group_voice(
    seats: Iterable[SeatTally], ratios: dict[int, float]
) -> tuple[float | None, float | None]:
    """A group's pass rate and its seats' mean talk ratio (see talk_ratios), over the seats
    given (those of the group's students)."""
    counted = [seat for seat in seats if seat.turns]
    in_talking_runs = [ratios[s.seat_id] for s in counted if s.seat_id in ratios]
    return pass_rate(counted), mean(in_talking_runs)
