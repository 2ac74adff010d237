"""Where the seats of a circle go on the wall.

Seats sit on an ellipse that fills the screen, the first seat at the top and the rest clockwise
in ring order. With names, each seat is a badge and the gaps between neighbouring badges are all
equal: badges are wider than tall, so more of them fit down the sides than across the top. A
name is never cut: the ring first shrinks its type (down to the legibility floor), then puts a
name wider than six ems on two lines. When every name cannot fit even so, the ring becomes
numbered dots and a few names are shown over their dots (`badges_on_ring`).

The ring yields to the prompt (`middle.py`): a layout leaving it too little room to be whole at
its floor size gives way to the next way of fitting the names, then to a squarer ring drawn out
along the screen's edges (the middle wider), then to dots. Drawing the ring out reads better
than hiding names: each stays on its badge, as large; only the ring's corners change.

Layouts are computed once per size, seating and prompt, never while painting."""

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainterPath, QPolygonF

from rp_desktop.ui.run_circle.wall.middle import Free, Middle, area, empty_middle, middle_clear_of
from rp_desktop.ui.run_circle.wall.names import BADGE_EMS, Badge, fit_names, name_badge
from rp_desktop.ui.run_circle.wall.ring_shape import (
    SAMPLES,
    SQUARENESS,
    SQUARER,
    Box,
    box_at,
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
    free: Free  # the free middle: round, prompt and timer go here (middle.py)
    squareness: float = SQUARENESS  # of the ring's shape (ring_shape.py)

    @property
    def content(self) -> QRectF:
        """The prompt's box in the free middle."""
        return self.free.main

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
    seats: Sequence[SeatLabel], width: int, height: int, fonts: FontBook, middle: Middle
) -> RingLayout:
    """The ring of `seats` on a `width` x `height` wall, leaving the `middle` free: its prompt
    box roomy, with the bands above and below. The ring yields to the prompt: it tries every
    way of fitting the names (`names.py`) on its rounded ring, then on a squarer one drawn out
    along the screen's edges, then numbered dots; when none leaves the middle roomy, the names
    layout that leaves it the most room."""
    margin = height * 0.025
    bounds = QRectF(margin, margin, width - 2 * margin, height - 2 * margin)
    largest, smallest = round(height * 0.05), math.ceil(height * 32 / 720)
    if not seats:
        return RingLayout(
            RingMode.EMPTY, bounds.center(), (1.0, 1.0), bounds, (), largest,
            largest * BADGE_EMS, 0.0, 0.0, empty_middle(bounds, middle),
        )  # fmt: skip
    sizes = sorted({largest, (largest + smallest) // 2, smallest}, reverse=True)
    tried: list[RingLayout] = []  # every names layout that fitted, roomy or not
    for squareness in (SQUARENESS, SQUARER):
        shape = replace(middle, squareness=squareness)
        layout = _names_ring(seats, bounds, (sizes, shape), fonts, tried)
        if layout is not None:
            return layout
    for squareness in (SQUARENESS, SQUARER):
        shape = replace(middle, squareness=squareness)
        dots = _dots_layout(seats, bounds, (smallest, shape), fonts)
        if middle.roomy(dots.content):
            return dots
    return max(tried, key=lambda layout: area(layout.content)) if tried else dots


def _names_ring(
    seats: Sequence[SeatLabel],
    bounds: QRectF,
    how: tuple[list[int], Middle],
    fonts: FontBook,
    tried: list[RingLayout],
) -> RingLayout | None:
    """The names fitted (`names.py`) at `sizes` on a ring leaving the `middle` roomy; every
    layout that fits, roomy or not, is added to `tried`."""
    sizes, middle = how

    def attempt(pixels: int, padding: float, badges: list[Badge]) -> RingLayout | None:
        layout = _names_layout(seats, bounds, (pixels, padding, middle), badges)
        tried.extend([layout] if layout is not None else [])
        return layout

    labels = [seat.label for seat in seats]
    room, roomy = (lambda ring: area(ring.content)), (lambda ring: middle.roomy(ring.content))
    return fit_names(labels, sizes, fonts, attempt, room, roomy)


def _names_layout(
    seats: Sequence[SeatLabel],
    bounds: QRectF,
    how: tuple[int, float, Middle],
    badges: list[Badge],
) -> RingLayout | None:
    """Every seat a badge with its whole name, at `pixels` with `padding` ems each side of it,
    leaving the `middle` roomy if it can, or None when they cannot all fit."""
    pixels, padding, middle = how
    height = pixels * BADGE_EMS
    sizes = [(max(b.height, b.width + 2 * padding * pixels), b.height) for b in badges]
    median = sorted(w for w, _ in sizes)[len(sizes) // 2]
    radii = (bounds.width() / 2 - median / 2, bounds.height() / 2 - height / 2)
    square = middle.squareness
    spread = spread_evenly(bounds, radii, sizes, height * 0.15, square)
    if spread is None:
        return None
    piece = bounds.height() * 0.024
    places = tuple(
        SeatPlace(seat.key, _rect(box_at(bounds, radii, k, w, h, square)), badge.text, k)
        for seat, badge, k, (w, h) in zip(seats, badges, spread[0], sizes, strict=True)
    )
    free = middle_clear_of(bounds, radii, [p.rect for p in places], piece, middle)
    return RingLayout(
        RingMode.NAMES, bounds.center(), radii, bounds, places, pixels, height,
        bounds.height() * 0.012, piece, free, square,
    )  # fmt: skip


def _dots_layout(
    seats: Sequence[SeatLabel],
    bounds: QRectF,
    how: tuple[int, Middle],
    fonts: FontBook,
) -> RingLayout:
    """Every seat a numbered dot, leaving room for any seat's name over its dot at `pixels`
    and the `middle` roomy if it can."""
    pixels, middle = how
    count = len(seats)
    around = math.pi * (bounds.width() + bounds.height()) / 2  # near enough the perimeter
    dot = min(bounds.height() * 0.052, around / count * 0.72)
    while True:
        radii = (bounds.width() / 2 - dot / 2, bounds.height() / 2 - dot / 2)
        spread = spread_evenly(bounds, radii, [(dot, dot)] * count, dot * 0.15, middle.squareness)
        if spread is not None or dot < 6:
            break
        dot *= 0.88
    samples = spread[0] if spread else [k * SAMPLES // count for k in range(count)]
    square = middle.squareness
    places = tuple(
        SeatPlace(seat.key, _rect(box_at(bounds, radii, k, dot, dot, square)), str(index + 1), k)
        for index, (seat, k) in enumerate(zip(seats, samples, strict=True))
    )
    height, piece = pixels * BADGE_EMS, bounds.height() * 0.024
    layout = RingLayout(
        RingMode.DOTS, bounds.center(), radii, bounds, places, pixels, height,
        bounds.height() * 0.012, piece, Free(QRectF(), QRectF(), QRectF()), middle.squareness,
    )  # fmt: skip
    # Room for each seat's name over its dot, so the middle never moves when the piece does.
    badges = [
        badge_on_dot(layout, place.rect, *_room_for_name(seat.label, pixels, height, fonts))
        for seat, place in zip(seats, places, strict=True)
    ]
    free = middle_clear_of(bounds, radii, [p.rect for p in places] + badges, piece, middle)
    return replace(layout, free=free)


def _room_for_name(label: str, pixels: int, height: float, fonts: FontBook) -> tuple[float, float]:
    """The width and height of a badge with `label` over a dot: on two lines when wider than
    DOT_LABEL_EMS (as `frame.holder_badge` and `dots.paint_dots` draw it), `height` * 0.8 of
    padding beside it."""
    badge = name_badge(label, pixels, pixels * DOT_LABEL_EMS, fonts)
    return badge.width + height * 0.8, badge.height


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
