"""Where everything on the wall goes for one size, seating and prompt (the ring, the round's
line, the prompt's box with the words in it, and the bottom row), and where the holder's badge
goes over its seat."""

from dataclasses import dataclass

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainterPath

from rp_desktop.domain.circle.types import CircleSnapshot, CircleState
from rp_desktop.ui.run_circle.wall.block import Block, MiddleText, block_fits_whole, fit_block
from rp_desktop.ui.run_circle.wall.middle import Middle
from rp_desktop.ui.run_circle.wall.names import name_badge
from rp_desktop.ui.run_circle.wall.ring import (
    DOT_LABEL_EMS,
    RingLayout,
    RingMode,
    SeatLabel,
    badge_on_dot,
    layout_ring,
    track_path,
)
from rp_desktop.ui.run_circle.wall.text_fit import FontBook, TextFit

LINE_HEIGHT = 0.063  # the round's line, in screen heights
ABOVE_WIDTH = 0.5  # the width the round's line needs at most, in screen widths ...
BELOW_WIDTH = 0.35  # ... and the bottom row (the time, or "Paused")
# The prompt's legibility floor, in screen heights (36 px at 720): below it, the ring yields
# room, and only then is the end cut. Two languages need nearly twice the room: a bilingual
# round's prompt may go down to 30 px at 720 (its second language to 26 px, `block.py`)
# before either is cut, so that prompts of 300 characters in each stay whole beside a class.
PROMPT_FLOOR = 0.05
BILINGUAL_FLOOR = 0.042


@dataclass(frozen=True, slots=True)
class Frame:
    """Everything placed for one size, seating and prompt, reused by every paint until one of
    them changes."""

    ring: RingLayout
    track: QPainterPath
    progress: QRectF
    main: QRectF
    bottom: QRectF
    block: Block  # the prompt, its second language and who the round is for, fitted in `main`

    @property
    def fit(self) -> TextFit:
        """The prompt (or the words standing for it), fitted."""
        return self.block.prompt.fit


def lay_out_frame(
    labels: tuple[SeatLabel, ...],
    text: MiddleText,
    bottom: bool,
    size: tuple[int, int],
    fonts: FontBook,
) -> Frame:
    """The ring of `labels`, then the middle it leaves free: the round's line at the top, a
    bottom row when `bottom`, and the words `text` fitted in between."""
    width, height = size
    floor = round(height * (BILINGUAL_FLOOR if text.second else PROMPT_FLOOR))
    largest = round(height * 0.08)
    spacing, row = height * 0.02, height * 0.1 if bottom else 0.0

    def roomy(main: QRectF) -> bool:  # the words whole with the prompt at its floor, or larger
        return block_fits_whole(text, main, fonts, floor)

    above = (width * ABOVE_WIDTH, height * LINE_HEIGHT + spacing)
    below = (width * BELOW_WIDTH, row + spacing) if bottom else (0.0, 0.0)
    ring = layout_ring(labels, width, height, fonts, Middle(roomy=roomy, above=above, below=below))
    free = ring.free
    progress = QRectF(free.above.left(), free.above.top(), free.above.width(), height * LINE_HEIGHT)
    lower = QRectF(free.below.left(), free.below.bottom() - row, free.below.width(), row)
    block = fit_block(text, free.main, fonts, largest, floor)
    return Frame(ring, track_path(ring), progress, free.main, lower, block)


def holder_badge(
    snap: CircleSnapshot | None, ring: RingLayout, fonts: FontBook
) -> tuple[QRectF, str] | None:
    """The holder's badge and the words on it: its whole label, on two lines when long (as
    the next seat's and the keeper's over their dots), so it never covers the prompt."""
    holder = snap.holder if snap is not None and _has_piece(snap) else None
    place = ring.place_of(holder.key if holder else None)
    if place is None or holder is None:
        return None
    if ring.mode is RingMode.NAMES:
        return place.rect, place.text  # the whole name is on its seat already
    padding = ring.badge_height * 0.8  # as the ring keeps room for it (`ring._room_for_name`)
    limit = min(ring.name_pixels * DOT_LABEL_EMS, ring.bounds.width() - padding)
    badge = name_badge(holder.label, ring.name_pixels, limit, fonts)
    return badge_on_dot(ring, place.rect, badge.width + padding, badge.height), badge.text


def _has_piece(snap: CircleSnapshot) -> bool:
    return snap.state in (CircleState.RUNNING, CircleState.PAUSED) and snap.holder_key is not None
