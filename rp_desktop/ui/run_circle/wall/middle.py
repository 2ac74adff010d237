"""The free middle of the wall, inside the ring and clear of its seats: the largest box for the
prompt, with a band above it for the round's line and one below it for the time. The bands
need less width than the prompt, so the prompt's box may grow wide where the ring is wide and
the bands sit where it narrows. Pure geometry, in pixels."""

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QRectF

from rp_desktop.ui.run_circle.wall.ring_shape import SQUARENESS, inward

# Where the prompt's box may be centred, in shares of the screen from its middle: on it or a
# little above or below, and (only when those leave the prompt too little room) to one side.
CENTRES = ((0.0, 0.0), (0.0, -0.08), (0.0, 0.08))
ASIDE = ((-0.1, 0.0), (0.1, 0.0), (-0.1, 0.08), (0.1, 0.08))

Edges = list[tuple[float, float, float, float]]  # left, top, right, bottom of each obstacle


def _always(_box: QRectF) -> bool:
    return True


@dataclass(frozen=True, slots=True)
class Middle:
    """What the free middle must hold: the prompt, in a box `roomy` tells is large enough, a
    band `above` and one `below` it (the width they may need at most, and their height), on a
    ring of `squareness`."""

    squareness: float = SQUARENESS
    roomy: Callable[[QRectF], bool] = _always
    above: tuple[float, float] = (0.0, 0.0)
    below: tuple[float, float] = (0.0, 0.0)


@dataclass(frozen=True, slots=True)
class Free:
    """The free middle found: the band above, the prompt's box, the band below."""

    above: QRectF
    main: QRectF
    below: QRectF


def empty_middle(bounds: QRectF, middle: Middle) -> Free:
    """With no one seated: the round's line, the words and the bottom row, screen wide."""
    w, h = bounds.width(), bounds.height()
    above, below = middle.above[1], middle.below[1]
    main = bounds.adjusted(w * 0.08, h * 0.1 + above, -w * 0.08, -h * 0.1 - below)
    return Free(
        QRectF(main.left(), main.top() - above, main.width(), above),
        main,
        QRectF(main.left(), main.bottom(), main.width(), below),
    )


def middle_clear_of(
    bounds: QRectF, radii: tuple[float, float], rects: list[QRectF], piece: float, middle: Middle
) -> Free:
    """The free middle, clear of `rects` and of the talking piece resting by any of them."""
    halo = piece * 1.3
    pieces = [inward(bounds.center(), rect, piece * 0.5) for rect in rects]
    halos = [QRectF(c.x() - halo, c.y() - halo, 2 * halo, 2 * halo) for c in pieces]
    return free_middle(bounds, radii, rects + halos, bounds.height() * 0.03, middle)


def free_middle(
    bounds: QRectF, radii: tuple[float, float], obstacles: list[QRectF], pad: float, middle: Middle
) -> Free:
    """The largest `roomy` prompt box with its bands, among a few shapes centred on or a little
    above or below the middle, inside the ring and `pad` clear of every obstacle; when none is
    roomy, the largest among shapes a little to one side as well (a wide badge on one side of
    the ring need not narrow the prompt on the other); when none of those either, the largest
    centred one. Each shape is grown evenly until it touches something, then wider, taller."""
    edges = [(r.left() - pad, r.top() - pad, r.right() + pad, r.bottom() + pad) for r in obstacles]
    space = _Space(bounds, (radii[0] - pad, radii[1] - pad), edges, middle)
    centred = [space.grown(centre) for centre in CENTRES]
    for boxes in (centred, [space.grown(centre) for centre in ASIDE]):
        fitting = [box for box in boxes if middle.roomy(box)]
        if fitting:
            return space.free(max(fitting, key=area))
    return space.free(max(centred, key=area))


def area(box: QRectF) -> float:
    return box.width() * box.height()


class _Space:
    """The room inside the ring and clear of `edges`, where a prompt box and its bands go."""

    def __init__(
        self, bounds: QRectF, reach: tuple[float, float], edges: Edges, middle: Middle
    ) -> None:
        self.bounds, self.reach, self.edges, self.middle = bounds, reach, edges, middle
        self.cx, self.cy = bounds.center().x(), bounds.center().y()

    def grown(self, centre: tuple[float, float]) -> QRectF:
        """The largest of a few prompt boxes, each with room for its bands, grown with them
        from `centre` (shares of the screen from the middle)."""
        x = self.cx + centre[0] * self.bounds.width()
        y = self.cy + centre[1] * self.bounds.height()
        y += (self.middle.above[1] - self.middle.below[1]) / 2  # the bands and box centred there

        def clear(half_w: float, half_h: float) -> bool:
            main = QRectF(x - half_w, y - half_h, 2 * half_w, 2 * half_h)
            bands = self.bands(main, self.middle.above[0], self.middle.below[0])
            return all(self.clear(box) for box in (main, *bands))

        best = (0.0, 0.0)
        for squash in (0.6, 0.8, 1.0):
            half_w, half_h = _grow(clear, self.bounds.width() / 2, self.bounds.height() / 2, squash)
            if half_w * half_h > best[0] * best[1]:
                best = (half_w, half_h)
        return QRectF(x - best[0], y - best[1], 2 * best[0], 2 * best[1])

    def free(self, main: QRectF) -> Free:
        """`main` with its bands, each as wide as is clear, up to the width of `main`."""
        widths = []
        for index, (least, _height) in enumerate((self.middle.above, self.middle.below)):
            low = min(least, main.width())

            def fits(width: float, index: int = index) -> bool:
                return self.clear(self.bands(main, width, width)[index])

            widths.append(_largest(fits, low, main.width()) if fits(low) else low)
        above, below = self.bands(main, widths[0], widths[1])
        return Free(above, main, below)

    def bands(self, main: QRectF, above: float, below: float) -> tuple[QRectF, QRectF]:
        """The bands over and under `main`, centred on it, `above` and `below` wide at most."""
        top_w, low_w = min(above, main.width()), min(below, main.width())
        top_h, low_h = self.middle.above[1], self.middle.below[1]
        x = main.center().x()
        return (
            QRectF(x - top_w / 2, main.top() - top_h, top_w, top_h),
            QRectF(x - low_w / 2, main.bottom(), low_w, low_h),
        )

    def clear(self, box: QRectF) -> bool:
        """Whether `box` lies inside the ring and touches no obstacle (an empty box always)."""
        if box.width() <= 0 or box.height() <= 0:
            return True
        left, top, right, bottom = box.left(), box.top(), box.right(), box.bottom()
        across = max(abs(left - self.cx), abs(right - self.cx)) / self.reach[0]
        down = max(abs(top - self.cy), abs(bottom - self.cy)) / self.reach[1]
        power = self.middle.squareness
        if across**power + down**power > 1:
            return False
        return not any(
            left < x1 and right > x0 and top < y1 and bottom > y0 for x0, y0, x1, y1 in self.edges
        )


def _grow(
    clear: Callable[[float, float], bool], wide: float, tall: float, squash: float
) -> tuple[float, float]:
    """Half sizes of a box grown while `clear`: evenly from nothing in the proportions
    (`wide`, `tall` x `squash`), then wider up to `wide`, then taller up to `tall`."""
    scale = _largest(lambda s: clear(s * wide, s * tall * squash), 0.0, 1.0)
    width = _largest(lambda w: clear(w, scale * tall * squash), scale * wide, wide)
    return width, _largest(lambda h: clear(width, h), scale * tall * squash, tall)


def _largest(fits: Callable[[float], bool], low: float, high: float) -> float:
    """The largest value in [low, high] that `fits`, given that `low` fits and fitting only
    gets harder as the value grows."""
    for _ in range(12):
        middle = (low + high) / 2
        low, high = (middle, high) if fits(middle) else (low, middle)
    return low
