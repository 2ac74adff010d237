"""The names on the ring, never cut: which size and which names go on two lines.

The ring tries, in order, and takes the first that fits:
1. every name on one line no wider than LABEL_EMS, at each size from the largest down to the
   legibility floor (smaller type before any wrapping);
2. every name wider than that on two lines, broken at a space (or, in a name without one,
   after a hyphen), at each size;
3. at the floor, only the widest names on two lines, as many as still fit (a two-line badge is
   narrower but taller, and the sides of the ring have little height to spare), the others
   whole on one line in a badge as wide as they need.
A layout counts only when it is `roomy`: it leaves the prompt room to be whole (ring.py). No
badge has less than 0.3 em of air each side of its name. Only then does the ring become
numbered dots (ring.py)."""

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from rp_desktop.ui.run_circle.wall.text_fit import (
    NAME_WEIGHT,
    FontBook,
    badge_lines,
    badge_splits,
    lines_width,
)

LABEL_EMS = 6.0  # a label wider than this many ems goes on two lines on the ring
BADGE_EMS = 1.5  # badge height in ems of its label
PADDINGS = (0.55, 0.3)  # ems each side of a name; a crowded ring first narrows its badges
TIGHT_PADDINGS = (0.3,)  # ... never closer than this: letters need air from the badge edge

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Badge:
    """A name as its badge shows it: one or two lines ("\\n"), and the room they take."""

    text: str
    width: float  # of the widest line, without padding
    height: float  # of the badge


def name_badge(label: str, pixels: int, limit: float, fonts: FontBook) -> Badge:
    """`label` at `pixels`, on two lines when wider than `limit` and it has a space to break
    at; never cut."""
    metrics = fonts.metrics(pixels, NAME_WEIGHT)
    lines = badge_lines(label, metrics, limit)
    height = pixels * BADGE_EMS + (len(lines) - 1) * metrics.lineSpacing()
    return Badge("\n".join(lines), lines_width(lines, metrics), height)


Attempt = Callable[[int, float, list[Badge]], T | None]


def fit_names(
    labels: Sequence[str],
    sizes: Sequence[int],
    fonts: FontBook,
    attempt: Attempt[T],
    room: Callable[[T], float],
    roomy: Callable[[T], bool] = lambda _layout: True,
) -> T | None:
    """The first layout `attempt(pixels, padding, badges)` gives that is `roomy` (leaves the
    prompt room enough), trying the names as the module says (`room` tells how much a layout
    leaves the prompt); None when none fits."""
    floor = min(sizes)
    for wrap in (False, True):
        for pixels in sizes:
            limit = pixels * LABEL_EMS
            widths = _widths(labels, pixels, fonts)
            if wrap != any(width > limit for width in widths):
                continue  # one line needs no long name; two lines need one
            badges = [
                name_badge(label, pixels, limit if wrap else math.inf, fonts) for label in labels
            ]
            for padding in PADDINGS:
                layout = attempt(pixels, padding, badges)
                if layout is not None and roomy(layout):
                    return layout
    layout = _some_wrapped(labels, floor, fonts, attempt, room)
    return layout if layout is not None and roomy(layout) else None


def _widths(labels: Sequence[str], pixels: int, fonts: FontBook) -> list[float]:
    metrics = fonts.metrics(pixels, NAME_WEIGHT)
    return [metrics.horizontalAdvance(label) for label in labels]


def _some_wrapped(
    labels: Sequence[str],
    pixels: int,
    fonts: FontBook,
    attempt: Attempt[T],
    room: Callable[[T], float],
) -> T | None:
    """At `pixels`, the most of the widest names on two lines that still fits (found by
    halving: fewer two-line badges fit more easily); the rest on one line."""
    limit, widths = pixels * LABEL_EMS, _widths(labels, pixels, fonts)
    breakable = [i for i, label in enumerate(labels) if widths[i] > limit and badge_splits(label)]
    breakable.sort(key=lambda i: -widths[i])
    whole = [name_badge(label, pixels, math.inf, fonts) for label in labels]
    wrapped = [name_badge(label, pixels, limit, fonts) for label in labels]

    def badges(count: int) -> list[Badge]:
        two = set(breakable[:count])
        return [wrapped[i] if i in two else whole[i] for i in range(len(labels))]

    found = []
    for padding in TIGHT_PADDINGS:
        best: T | None = None
        low, high = 0, max(len(breakable) - 1, 0)
        while low <= high:
            middle = (low + high) // 2
            layout = attempt(pixels, padding, badges(middle))
            if layout is None:
                high = middle - 1
            else:
                best, low = layout, middle + 1
        if best is not None:
            found.append(best)
    return max(found, key=room, default=None)
