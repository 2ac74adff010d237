"""The shape of the ring on the wall, a rounded ellipse: points on it, and boxes spaced along
it with equal gaps. Pure geometry, in samples and pixels."""

import math
from functools import cache

from PySide6.QtCore import QPointF, QRectF

SAMPLES = 1440  # points on the ellipse a seat may take; 2-3 px apart at 1280x720
SQUARENESS = 3.0  # 2 is an ellipse; 3 rounds the corners out, leaving room for the prompt
SQUARER = 8.0  # nearly a rectangle along the screen's edges: the most room the ring can leave

Box = tuple[float, float, float, float]  # centre x, centre y, width, height


@cache
def unit_ellipse(squareness: float = SQUARENESS) -> tuple[tuple[float, ...], tuple[float, ...]]:
    angles = [-math.pi / 2 + 2 * math.pi * k / SAMPLES for k in range(SAMPLES)]
    power = 2 / squareness
    return (
        tuple(math.copysign(abs(math.cos(a)) ** power, math.cos(a)) for a in angles),
        tuple(math.copysign(abs(math.sin(a)) ** power, math.sin(a)) for a in angles),
    )


def box_at(
    bounds: QRectF,
    radii: tuple[float, float],
    sample: int,
    w: float,
    h: float,
    squareness: float = SQUARENESS,
) -> Box:
    xs, ys = unit_ellipse(squareness)
    x = bounds.center().x() + radii[0] * xs[sample % SAMPLES]
    y = bounds.center().y() + radii[1] * ys[sample % SAMPLES]
    x = min(max(x, bounds.left() + w / 2), bounds.right() - w / 2)
    y = min(max(y, bounds.top() + h / 2), bounds.bottom() - h / 2)
    return x, y, w, h


def _separation(a: Box, b: Box) -> float:
    """The clear space between two boxes along the axis where they are furthest apart."""
    return max(abs(a[0] - b[0]) - (a[2] + b[2]) / 2, abs(a[1] - b[1]) - (a[3] + b[3]) / 2)


def spread_evenly(
    bounds: QRectF,
    radii: tuple[float, float],
    sizes: list[tuple[float, float]],
    least_gap: float,
    squareness: float = SQUARENESS,
) -> tuple[list[int], float] | None:
    """Samples for each box with the widest equal gap between neighbours, at least `least_gap`."""
    best = _walk(bounds, (*radii, squareness), sizes, least_gap)
    if best is None:
        return None
    low, high = least_gap, bounds.height()
    for _ in range(12):
        middle = (low + high) / 2
        found = _walk(bounds, (*radii, squareness), sizes, middle)
        if found is None:
            high = middle
        else:
            best, low = found, middle
    return best, low


Shape = tuple[float, float, float]  # the ring's radii and squareness


def _walk(
    bounds: QRectF, shape: Shape, sizes: list[tuple[float, float]], gap: float
) -> list[int] | None:
    samples = [0]
    previous = _box(bounds, shape, 0, sizes[0])
    for size in sizes[1:]:
        sample = _first_clear(bounds, shape, previous, samples[-1], size, gap)
        if sample is None:
            return None
        samples.append(sample)
        previous = _box(bounds, shape, sample, size)
    first = _box(bounds, shape, 0, sizes[0])
    if len(sizes) > 1 and _separation(previous, first) < gap:
        return None
    return samples


def _box(bounds: QRectF, shape: Shape, sample: int, size: tuple[float, float]) -> Box:
    return box_at(bounds, shape[:2], sample, *size, squareness=shape[2])


def _first_clear(
    bounds: QRectF,
    shape: Shape,
    previous: Box,
    start: int,
    size: tuple[float, float],
    gap: float,
) -> int | None:
    """The first sample after `start` where a box of `size` clears `previous` by `gap`: coarse
    steps, then halving (the clearance only grows over the first half of the ring)."""
    step = 16
    low, high = start, start + step
    while _separation(previous, _box(bounds, shape, high, size)) < gap:
        low, high = high, high + step
        if high >= SAMPLES:
            return None
    while high - low > 1:
        middle = (low + high) // 2
        if _separation(previous, _box(bounds, shape, middle, size)) >= gap:
            high = middle
        else:
            low = middle
    return high if high < SAMPLES else None


def _unit(origin: QPointF, point: QPointF) -> QPointF:
    dx, dy = point.x() - origin.x(), point.y() - origin.y()
    length = math.hypot(dx, dy)
    return QPointF(0.0, -1.0) if length < 1e-6 else QPointF(dx / length, dy / length)


def _extent(rect: QRectF, direction: QPointF) -> float:
    """How far from `rect`'s centre to its edge, going along the unit vector `direction`."""
    reaches = [
        size / 2 / abs(d)
        for size, d in ((rect.width(), direction.x()), (rect.height(), direction.y()))
        if abs(d) > 1e-9
    ]
    return min(reaches)


def inward(centre: QPointF, rect: QRectF, beyond: float) -> QPointF:
    """The point `beyond` past `rect`'s edge, on the way from its centre to the ring's."""
    direction = _unit(centre, rect.center())
    return rect.center() - direction * (_extent(rect, direction) + beyond)
