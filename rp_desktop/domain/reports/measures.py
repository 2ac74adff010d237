"""The small sums behind the reports: shares that are None when there is nothing to share
(never a division by zero, never a made-up 0), a median and a mean."""

import statistics
from collections.abc import Sequence

from rp_desktop.domain.circle.equity import gini

__all__ = ["gini", "kept_share", "mean", "median", "share"]


def share(part: float, whole: float) -> float | None:
    """`part` of `whole`, 0..1; None when `whole` is 0."""
    return part / whole if whole else None


def kept_share(done: int, missed: int) -> float | None:
    """The share of agreement items kept: done / (done + missed).

    Only settled items count: an open item may still be kept, and a renegotiated one was
    replaced by another item, so both count neither way. None when no item is settled."""
    return share(done, done + missed)


def median(values: Sequence[float]) -> float | None:
    """The middle value (the mean of the two middle ones for an even count); None for none."""
    return statistics.median(values) if values else None


def mean(values: Sequence[float]) -> float | None:
    return statistics.fmean(values) if values else None
