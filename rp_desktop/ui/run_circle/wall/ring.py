"""Where the seats of a circle go on the wall.

Seats sit on an ellipse that fills the screen, the first seat at the top and the rest clockwise
in ring order. With names, each seat is a badge and the gaps between neighbouring badges are all
equal: badges are wider than tall, so more of them fit down the sides than across the top. A
name is never cut: the ring first shrinks its type (down to the legibility floor), then puts a
name wider than six ems on two lines. When every name cannot fit even so, the ring becomes
numbered dots and a few names are shown over their dots (`badges_on_ring`).

Layouts are computed once per size and seating, never while painting."""

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainterPath, QPolygonF

from rp_desktop.ui.run_circle.wall.names import BADGE_EMS, Badge, fit_names
from rp_desktop.ui.run_circle.wall.ring_shape import (
    SAMPLES,
    SQUARENESS,
    SQUARER,
    Box,
    box_at,
    free_middle,
    inward,
    spread_evenly,
    unit_ellipse,
)
from rp_desktop.ui.run_circle.wall.text_fit import FontBook

DOT_LABEL_EMS = 5.0  # a label wider than this many ems goes on two lines over its dot


class RingMode(StrEnum):
    EMPTY = "empty"  # no one seated
    NAMES = "names"  # every seat a badge with its label
    DOTS = "dots"  # numbered dots; names over the dots of the holder, next and keeper


@dataclass(frozen=True, slots=True)
class SeatLabel:
    key: int
    label: str
    is_keeper: bool


@dataclass(frozen=True, slots=True)
class SeatPlace:
    key: int
    rect: QRectF
    text: str  # the whole label, on one or two lines ("\n"), or the seat number on a dot
    sample: int  # where on the ellipse, 0 at the top, SAMPLES around


@dataclass(frozen=True, slots=True)
class RingLayout:
    mode: RingMode
    centre: QPointF
    radii: tuple[float, float]
    bounds: QRectF  # the screen less its margin
    places: tuple[SeatPlace, ...]
    name_pixels: int
    badge_height: float
    gap: float
    piece_radius: float
    content: QRectF  # the free middle: round, prompt and timer go here
    squareness: float = SQUARENESS  # of the ring's shape (ring_shape.py)

    def place_of(self, key: int | None) -> SeatPlace | None:
        return next((place for place in self.places if place.key == key), None)

    def polar(self, point: QPointF) -> tuple[float, float]:
        """Angle (clockwise on screen, 0 at three o'clock) and reach (1 on the ellipse)."""
        x = (point.x() - self.centre.x()) / self.radii[0]
        y = (point.y() - self.centre.y()) / self.radii[1]
        return math.atan2(y, x), math.hypot(x, y)

    def at(self, angle: float, reach: float) -> QPointF:
        return QPointF(
            self.centre.x() + reach * self.radii[0] * math.cos(angle),
            self.centre.y() + reach * self.radii[1] * math.sin(angle),
        )

    def rest(self, rect: QRectF) -> QPointF:
        """Where the talking piece lies for a badge drawn at `rect`: on its inner edge."""
        return inward(self.centre, rect, self.piece_radius * 0.5)


def layout_ring(
    seats: Sequence[SeatLabel],
    width: int,
    height: int,
    fonts: FontBook,
    roomy: Callable[[QRectF], bool] = lambda _middle: True,
) -> RingLayout:
    """The ring of `seats` on a `width` x `height` wall, leaving a middle that is `roomy` (room
    for the prompt whole). The ring yields to the prompt: it tries every way of fitting the
    names (`names.py`) on its rounded ring, then on a squarer one drawn out along the screen's
    edges, then numbered dots; when none leaves the middle roomy, the names layout that leaves
    it the most room."""
    margin = height * 0.025
    bounds = QRectF(margin, margin, width - 2 * margin, height - 2 * margin)
    largest, smallest = round(height * 0.05), math.ceil(height * 32 / 720)
    if not seats:
        content = bounds.adjusted(width * 0.08, height * 0.1, -width * 0.08, -height * 0.1)
        return RingLayout(
            RingMode.EMPTY, bounds.center(), (1.0, 1.0), bounds, (), largest,
            largest * BADGE_EMS, 0.0, 0.0, content,
        )  # fmt: skip
    sizes = sorted({largest, (largest + smallest) // 2, smallest}, reverse=True)
    tried: list[RingLayout] = []  # every names layout that fitted, roomy or not
    for squareness in (SQUARENESS, SQUARER):
        layout = _names_ring(seats, bounds, (sizes, squareness), fonts, roomy, tried)
        if layout is not None:
            return layout
    dots = _dots_layout(seats, bounds, smallest, fonts)
    return dots if roomy(dots.content) or not tried else max(tried, key=_room)


def _room(layout: RingLayout) -> float:
    return layout.content.width() * layout.content.height()


def _names_ring(
    seats: Sequence[SeatLabel],
    bounds: QRectF,
    how: tuple[list[int], float],
    fonts: FontBook,
    roomy: Callable[[QRectF], bool],
    tried: list[RingLayout],
) -> RingLayout | None:
    """The names fitted (`names.py`) at `sizes` on a ring of `squareness` leaving a `roomy`
    middle; every layout that fits, roomy or not, is added to `tried`."""
    sizes, squareness = how

    def attempt(pixels: int, padding: float, badges: list[Badge]) -> RingLayout | None:
        layout = _names_layout(seats, bounds, (pixels, padding, squareness), badges)
        tried.extend([layout] if layout is not None else [])
        return layout

    labels = [seat.label for seat in seats]
    return fit_names(labels, sizes, fonts, attempt, _room, lambda ring: roomy(ring.content))


def _names_layout(
    seats: Sequence[SeatLabel],
    bounds: QRectF,
    how: tuple[int, float, float],
    badges: list[Badge],
) -> RingLayout | None:
    """Every seat a badge with its whole name, at `pixels` with `padding` ems each side of it
    on a ring of `squareness`, or None when they cannot all fit."""
    pixels, padding, squareness = how
    height = pixels * BADGE_EMS
    sizes = [(max(b.height, b.width + 2 * padding * pixels), b.height) for b in badges]
    middle = sorted(w for w, _ in sizes)[len(sizes) // 2]
    radii = (bounds.width() / 2 - middle / 2, bounds.height() / 2 - height / 2)
    spread = spread_evenly(bounds, radii, sizes, height * 0.15, squareness)
    if spread is None:
        return None
    samples = spread[0]
    gap = bounds.height() * 0.012
    piece = bounds.height() * 0.024
    places = tuple(
        SeatPlace(seat.key, _rect(box_at(bounds, radii, k, w, h, squareness)), text, k)
        for seat, text, k, (w, h) in zip(
            seats, [b.text for b in badges], samples, sizes, strict=True
        )
    )
    content = _middle_clear_of(bounds, (*radii, squareness), [p.rect for p in places], piece)
    return RingLayout(
        RingMode.NAMES, bounds.center(), radii, bounds, places, pixels, height, gap, piece,
        content, squareness,
    )  # fmt: skip


def _dots_layout(
    seats: Sequence[SeatLabel], bounds: QRectF, pixels: int, fonts: FontBook
) -> RingLayout:
    count = len(seats)
    around = math.pi * (bounds.width() + bounds.height()) / 2  # near enough the perimeter
    dot = min(bounds.height() * 0.052, around / count * 0.72)
    while True:
        radii = (bounds.width() / 2 - dot / 2, bounds.height() / 2 - dot / 2)
        spread = spread_evenly(bounds, radii, [(dot, dot)] * count, least_gap=dot * 0.15)
        if spread is not None or dot < 6:
            break
        dot *= 0.88
    samples = spread[0] if spread else [k * SAMPLES // count for k in range(count)]
    places = tuple(
        SeatPlace(seat.key, _rect(box_at(bounds, radii, k, dot, dot)), str(index + 1), k)
        for index, (seat, k) in enumerate(zip(seats, samples, strict=True))
    )
    height, piece = pixels * BADGE_EMS, bounds.height() * 0.024
    layout = RingLayout(
        RingMode.DOTS, bounds.center(), radii, bounds, places, pixels, height,
        bounds.height() * 0.012, piece, QRectF(),
    )  # fmt: skip
    # Room for a name over any dot, so the middle never moves when the piece does.
    widest = pixels * (DOT_LABEL_EMS + 1.2)
    badges = [badge_on_dot(layout, p.rect, widest) for p in places]
    shape = (*radii, SQUARENESS)
    content = _middle_clear_of(bounds, shape, [p.rect for p in places] + badges, piece)
    return replace(layout, content=content)


def badge_on_dot(
    layout: RingLayout, dot: QRectF, width: float, height: float | None = None
) -> QRectF:
    """A name badge `width` wide (and `height` tall, one line's badge by default) over `dot`,
    inside the screen."""
    tall = layout.badge_height if height is None else height
    return clamp(centred_rect(dot.center(), width, tall), layout.bounds)


def badges_on_ring(
    layout: RingLayout, wanted: Sequence[tuple[SeatPlace, float, float]]
) -> list[QRectF]:
    """Badges of the given widths and heights over their seats' dots, in order; a badge that
    would cover an earlier one moves along the ring, away from it, until it is clear."""
    placed: list[tuple[QRectF, int]] = []
    for place, width, height in wanted:
        sample, rect = place.sample, badge_on_dot(layout, place.rect, width, height)
        if placed:
            nearest = min(placed, key=lambda p: abs(_around(p[1] - sample)))[1]
            step = 4 if _around(sample - nearest) >= 0 else -4
            for _ in range(SAMPLES // 8):
                if not any(_touching(rect, other, layout.gap) for other, _ in placed):
                    break
                sample += step
                dot = _dot_at(layout, sample, place.rect.width())
                rect = badge_on_dot(layout, dot, width, height)
        placed.append((rect, sample))
    return [rect for rect, _ in placed]


def _middle_clear_of(
    bounds: QRectF, shape: tuple[float, float, float], rects: list[QRectF], piece: float
) -> QRectF:
    """The free middle, clear of `rects` and of the talking piece resting by any of them."""
    halo = piece * 1.3
    pieces = [inward(bounds.center(), rect, piece * 0.5) for rect in rects]
    halos = [QRectF(c.x() - halo, c.y() - halo, 2 * halo, 2 * halo) for c in pieces]
    pad = bounds.height() * 0.03
    return free_middle(bounds, shape[:2], rects + halos, pad, shape[2])


def _dot_at(layout: RingLayout, sample: int, size: float) -> QRectF:
    return _rect(box_at(layout.bounds, layout.radii, sample, size, size, layout.squareness))


def _around(samples: int) -> int:
    """A difference of samples as the shorter way round, signed: positive is clockwise."""
    return (samples + SAMPLES // 2) % SAMPLES - SAMPLES // 2


def _touching(a: QRectF, b: QRectF, gap: float) -> bool:
    return a.adjusted(-gap, -gap, gap, gap).intersects(b)


def centred_rect(centre: QPointF, width: float, height: float) -> QRectF:
    # Built whole rather than moved: PySide6 6.12.0 on Python 3.11 drops a reference to None
    # on every call of a method returning void (QRectF.moveCenter among them).
    return QRectF(centre.x() - width / 2, centre.y() - height / 2, width, height)


def _rect(box: Box) -> QRectF:
    x, y, w, h = box
    return QRectF(x - w / 2, y - h / 2, w, h)


def clamp(rect: QRectF, bounds: QRectF) -> QRectF:
    """`rect` moved (and shrunk only if it is larger) to lie inside `bounds`."""
    width, height = min(rect.width(), bounds.width()), min(rect.height(), bounds.height())
    x = min(max(rect.left(), bounds.left()), bounds.right() - width)
    y = min(max(rect.top(), bounds.top()), bounds.bottom() - height)
    return QRectF(x, y, width, height)


def track_path(layout: RingLayout) -> QPainterPath:
    """The ring itself, a faint line the seats sit on."""
    xs, ys = unit_ellipse(layout.squareness)
    cx, cy, rx, ry = layout.centre.x(), layout.centre.y(), *layout.radii
    points = [QPointF(cx + rx * xs[k], cy + ry * ys[k]) for k in range(0, SAMPLES, 8)]
    path = QPainterPath()
    path.addPolygon(QPolygonF([*points, points[0]]))
    return path
