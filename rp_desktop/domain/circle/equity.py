"""Equity of voice: how the talking time of a circle was shared, and how often people passed."""

from collections.abc import Sequence
from dataclasses import dataclass

from rp_desktop.domain.circle.types import Seat, TurnRecord
from rp_desktop.domain.circle.views import seat_totals


@dataclass(frozen=True, slots=True)
class VoiceShare:
    seat_key: int
    label: str
    talk_seconds: float
    share: float  # of all talking time, 0..1
    turns: int  # times the piece came to this seat
    passes: int  # rounds passed without speaking


@dataclass(frozen=True, slots=True)
class VoiceSummary:
    seats: tuple[VoiceShare, ...]
    total_talk: float
    pass_rate: float  # passes / seat-rounds in which the piece came, 0..1
    gini: float  # 0 when everyone spoke equally long, towards 1 when one voice filled the circle

    @property
    def largest_share(self) -> float:
        return max((s.share for s in self.seats), default=0.0)


def voice_summary(seats: Sequence[Seat], turns: Sequence[TurnRecord]) -> VoiceSummary:
    """The summary of a circle's turns, one line per seat in the order given."""
    talk, passes = seat_totals(tuple(turns))
    total = sum(talk[seat.key] for seat in seats)
    rounds_with_piece = {(t.seat_key, t.round_index) for t in turns}
    lines = tuple(
        VoiceShare(
            seat_key=seat.key,
            label=seat.label,
            talk_seconds=talk[seat.key],
            share=talk[seat.key] / total if total else 0.0,
            turns=sum(1 for t in turns if t.seat_key == seat.key),
            passes=passes[seat.key],
        )
        for seat in seats
    )
    all_passes = sum(line.passes for line in lines)
    return VoiceSummary(
        seats=lines,
        total_talk=total,
        pass_rate=all_passes / len(rounds_with_piece) if rounds_with_piece else 0.0,
        gini=gini([line.talk_seconds for line in lines]),
    )


def gini(values: Sequence[float]) -> float:
    """The Gini coefficient of `values` (0 for none, one, or all equal)."""
    ordered = sorted(values)
    count, total = len(ordered), sum(ordered)
    if count < 2 or total == 0:
        return 0.0
    weighted = sum((index + 1) * value for index, value in enumerate(ordered))
    return (2 * weighted) / (count * total) - (count + 1) / count
