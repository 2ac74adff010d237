"""Where everything on the wall goes for one size, seating and prompt (the ring, the round's
line, the prompt's box and the bottom row), and where the holder's badge goes over its seat."""

from dataclasses import dataclass

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainterPath

from rp_desktop.domain.circle.types import CircleSnapshot, CircleState
from rp_desktop.ui.run_circle.wall.names import name_badge
from rp_desktop.ui.run_circle.wall.ring import (
    RingLayout,
    RingMode,
    SeatLabel,
    badge_on_dot,
    layout_ring,
    track_path,
)
from rp_desktop.ui.run_circle.wall.text_fit import (
    TEXT_WEIGHT,
    FontBook,
    TextFit,
    fit_text,
    fits_whole,
)


@dataclass(frozen=True, slots=True)
class Frame:
    """Everything placed for one size, seating and prompt, reused by every paint until one of
    them changes."""

    ring: RingLayout
    track: QPainterPath
    progress: QRectF
    main: QRectF
    bottom: QRectF
    fit: TextFit


def lay_out_frame(
    labels: tuple[SeatLabel, ...], text: str, bottom: bool, size: tuple[int, int], fonts: FontBook
) -> Frame:
    """The ring of `labels`, then the middle it leaves free: the round's line at the top, a
    bottom row when `bottom`, and the prompt `text` fitted in between."""
    width, height = size
    largest, floor = round(height * 0.08), round(height * 0.05)

    def roomy(middle: QRectF) -> bool:  # the prompt whole at its floor size, or larger
        return fits_whole(text, _rows(middle, height, bottom)[1], fonts, floor, TEXT_WEIGHT)

    ring = layout_ring(labels, width, height, fonts, roomy)
    progress, main, lower = _rows(ring.content, height, bottom)
    fit = fit_text(text, main, fonts, largest, floor, TEXT_WEIGHT)
    return Frame(ring, track_path(ring), progress, main, lower, fit)


def _rows(box: QRectF, height: int, bottom: bool) -> tuple[QRectF, QRectF, QRectF]:
    """The free middle `box` cut into the round's line, the prompt's box and the bottom row."""
    spacing = height * 0.02
    progress = QRectF(box.left(), box.top(), box.width(), height * 0.063)
    row = height * 0.1 if bottom else 0.0
    lower = QRectF(box.left(), box.bottom() - row, box.width(), row)
    top, bottom_edge = progress.bottom() + spacing, lower.top() - (spacing if row else 0.0)
    return progress, QRectF(box.left(), top, box.width(), bottom_edge - top), lower


def holder_badge(
    snap: CircleSnapshot | None, ring: RingLayout, fonts: FontBook
) -> tuple[QRectF, str] | None:
    """The holder's badge and the words on it: its whole label, on two lines only when one
    line would be wider than the screen."""
    holder = snap.holder if snap is not None and _has_piece(snap) else None
    place = ring.place_of(holder.key if holder else None)
    if place is None or holder is None:
        return None
    if ring.mode is RingMode.NAMES:
        return place.rect, place.text  # the whole name is on its seat already
    padding = ring.badge_height * 0.8
    limit = ring.bounds.width() - padding  # one line, unless the screen is narrower
    badge = name_badge(holder.label, ring.name_pixels, limit, fonts)
    return badge_on_dot(ring, place.rect, badge.width + padding, badge.height), badge.text


def _has_piece(snap: CircleSnapshot) -> bool:
    return snap.state in (CircleState.RUNNING, CircleState.PAUSED) and snap.holder_key is not None
