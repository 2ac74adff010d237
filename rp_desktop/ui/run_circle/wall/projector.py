"""The wall: a running circle drawn for a projector, from a `CircleSnapshot` and nothing else.

Projector-safe by construction: this module and the ones it draws with (all of `wall/`) import
only PySide6, the standard library and the circle's snapshot types; they never see a record, so
nothing confidential can reach the wall."""

from PySide6.QtCore import QPointF, QRectF, Qt, QVariantAnimation
from PySide6.QtGui import QHideEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from rp_desktop.domain.circle.types import CircleSnapshot, CircleState, SeatView, TimeLevel
from rp_desktop.ui.run_circle.wall import painting, text_fit, words
from rp_desktop.ui.run_circle.wall.block import Block, MiddleText
from rp_desktop.ui.run_circle.wall.dots import paint_dots
from rp_desktop.ui.run_circle.wall.frame import Frame, holder_badge, lay_out_frame
from rp_desktop.ui.run_circle.wall.painting import Colours, RowIcon
from rp_desktop.ui.run_circle.wall.piece import PieceMotion
from rp_desktop.ui.run_circle.wall.ring import (
    RingLayout,
    RingMode,
    SeatLabel,
)
from rp_desktop.ui.run_circle.wall.text_fit import NAME_WEIGHT, TextFit

LEVEL_COLOURS = {
    TimeLevel.UNLIMITED: Colours.CALM,
    TimeLevel.CALM: Colours.CALM,
    TimeLevel.AMBER: Colours.AMBER,
    TimeLevel.RED: Colours.RED,
    TimeLevel.OVER: Colours.RED,
}


class ProjectorView(QWidget):
    """The circle on the wall, read from the back of a classroom. It has no signals.

    Light text on a dark wall. Sizes follow the widget's height: at 1280x720 the prompt is set
    at 36 to 58 px (a prompt of a sentence or two gets 48 px or more; a longer one shrinks and
    wraps), seat names at 32 to 36 px. The prompt is never cut: the ring makes room for it
    first (ring.py), so every prompt in the library is whole beside 24 or 30 names of up to 14
    characters at 1280x720, 1366x768 and 1920x1080. Only a prompt too long for even the room
    numbered dots leave (or, with a speaker's time shown, beside 30 names as wide as fourteen
    Ms and Ws) ends, at the 36 px floor, in "…".

    Seats sit on a rounded ring, the first seat at the top, with equal gaps between name
    badges. When the names cannot all fit at 32 px (at 1280x720 that is about 30 first names),
    the ring becomes small numbered dots and only three names are shown, as badges over their
    dots: the holder of the talking piece, the next seat and the keeper. A name is never cut:
    the ring first shrinks its type to the 32 px floor, then puts a name wider than six ems on
    two lines (broken at a space, so "Rae L." sits over "(10-B)"). When the holder
    changes, the piece slides along the ring (`PIECE_MOVE_MS`); nothing else moves.

    A directed round says under the prompt who it is for, by the names on the wall in the
    order they speak ("For: Sam, Alex"; never a role), and dims the seats it is not for; its
    count is of those it is for ("1 of 2"). The agreement step (the piece resting with the
    keeper while the group agrees) says "Agreeing together" with the prompt, and no time. A
    bilingual round draws the prompt in its second language under the first, a little
    smaller; both are fitted together (`block.py`), down to 30 px at 720 rather than cut.

    Time is shown only for a speaker with a budget: a ring whose arc is the time left, and
    m:ss; past the budget "+m:ss over", counting up, never cutting anyone off. The colour
    (calm, amber, red) only repeats what the arc and the words already say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMinimumSize(320, 180)
        self._fonts = text_fit.FontBook()
        self._snapshot: CircleSnapshot | None = None
        self._blank = False
        self._show_timer = True
        self._frame: Frame | None = None
        self._frame_key: tuple[object, ...] = ()
        self._checked: tuple[object, ...] = ()  # the snapshot and size the frame was checked for
        self._piece = PieceMotion(self)
        self._piece.animation.valueChanged.connect(self._piece_moved)
        self._piece.animation.finished.connect(self.update)
        self._piece_area: QRectF | None = None  # where the travelling piece was last drawn

    def show_snapshot(self, snapshot: CircleSnapshot) -> None:
        previous = self._snapshot
        start = self._piece_point() if self.isVisible() and not self._blank else None
        self._snapshot = snapshot
        if previous is not None and previous.holder_key != snapshot.holder_key:
            self._move_piece(start)
        self.update()

    def set_blank(self, blank: bool) -> None:
        """A plain dark wall and nothing else, or the circle again."""
        self._blank = blank
        if blank:
            self._piece.animation.stop()
        self.update()

    @property
    def blank(self) -> bool:
        return self._blank

    def set_show_timer(self, show: bool) -> None:
        self._show_timer = show
        self.update()

    # What tests and screenshots read back; each lays out first if it has to.

    @property
    def piece_animation(self) -> QVariantAnimation:
        return self._piece.animation

    def prompt_fit(self) -> TextFit:
        return self._ensure_frame().fit

    def middle_block(self) -> Block:
        """The prompt, its second language and who the round is for, as fitted and placed."""
        return self._ensure_frame().block

    def prompt_box(self) -> QRectF:
        """Where the prompt (or the words standing for it) is fitted."""
        return self._ensure_frame().main

    def prompt_pixel_size(self) -> int:
        return self.prompt_fit().pixel_size

    def name_pixel_size(self) -> int:
        return self._ensure_frame().ring.name_pixels

    def ring_layout(self) -> RingLayout:
        return self._ensure_frame().ring

    def piece_angle(self) -> float | None:
        """The piece's angle now (radians, clockwise from three o'clock); None without one."""
        point = self._piece_point()
        return None if point is None else self._ensure_frame().ring.polar(point)[0]

    def holder_angle(self) -> float | None:
        rest = self._holder_rest()
        return None if rest is None else self._ensure_frame().ring.polar(rest)[0]

    def timer_text(self) -> str:
        return words.timer_text(self._snapshot, self._show_timer)

    def progress_text(self) -> str:
        return words.progress_text(self._snapshot)

    def hideEvent(self, event: QHideEvent) -> None:
        self._piece.animation.stop()  # no animation outlives the wall being seen
        super().hideEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.fillRect(self.rect(), Colours.BACKGROUND)
            snap = self._snapshot
            if self._blank or snap is None:
                return
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
            frame = self._ensure_frame()
            self._paint_ring(painter, snap, frame)
            if snap.state in (CircleState.PAUSED, CircleState.CLOSED):
                painter.fillRect(self.rect(), Colours.VEIL)
            self._paint_middle(painter, snap, frame)
        finally:
            painter.end()

    # Layout

    def _ensure_frame(self) -> Frame:
        snap, quick = self._snapshot, (self.width(), self.height(), self._show_timer)
        if self._frame is not None and self._checked == (snap, quick):
            return self._frame  # the same snapshot object at the same size: nothing to do
        seats = sorted(snap.seats, key=lambda seat: seat.position) if snap else []
        labels = tuple(SeatLabel(s.key, s.label, s.is_keeper) for s in seats)
        text = MiddleText(words.main_text(snap), words.second_text(snap), words.for_text(snap))
        bottom = not labels or (snap is not None and self._reserves_bottom(snap))
        key = (quick, labels, text, bottom)
        if self._frame is None or key != self._frame_key:
            size = (self.width(), self.height())
            self._frame = lay_out_frame(labels, text, bottom, size, self._fonts)
            self._frame_key = key
        self._checked = (snap, quick)
        return self._frame

    def _reserves_bottom(self, snap: CircleSnapshot) -> bool:
        """The bottom row holds "Paused" or the countdown in this state."""
        timed = self._show_timer and snap.speaker_budget is not None
        return snap.state is CircleState.PAUSED or (snap.state is CircleState.RUNNING and timed)

    # The talking piece

    def _move_piece(self, start: QPointF | None) -> None:
        self._piece.animation.stop()
        self._piece_area = None
        target = self._holder_rest()
        if start is not None and target is not None:
            self._piece.set_out(self._ensure_frame().ring, start, target)

    def _piece_moved(self, _angle: object) -> None:
        """Repaint only where the piece was and is, and the badge it is lighting up: the rest
        of the wall does not change while the piece travels (this keeps the wall cheap)."""
        point = self._piece_point()
        if point is None:
            self.update()
            return
        reach = self._ensure_frame().ring.piece_radius * 2.5
        here = QRectF(point.x() - reach, point.y() - reach, 2 * reach, 2 * reach)
        dirty = here.united(self._piece_area) if self._piece_area is not None else here
        badge = self.holder_badge()
        if badge is not None:
            dirty = dirty.united(badge[0].adjusted(-reach, -reach, reach, reach))
        self._piece_area = here
        self.update(dirty.toAlignedRect())

    def _piece_point(self) -> QPointF | None:
        """Where the piece is drawn now: on its way, or resting by the holder's seat."""
        if not self._piece.moving:
            return self._holder_rest()
        return self._piece.point(self._ensure_frame().ring)

    def _holder_rest(self) -> QPointF | None:
        badge = self.holder_badge()
        return None if badge is None else self._ensure_frame().ring.rest(badge[0])

    def holder_badge(self) -> tuple[QRectF, str] | None:
        """The holder's badge and the words on it: its whole label, as far as the screen allows."""
        return holder_badge(self._snapshot, self._ensure_frame().ring, self._fonts)

    def _lit(self, seat: SeatView) -> float:
        """How far the piece has arrived at `seat`: its badge lights up as the piece comes."""
        return self._piece.arrived() if seat.is_holder else 0.0

    # Painting

    def _paint_ring(self, painter: QPainter, snap: CircleSnapshot, frame: Frame) -> None:
        ring = frame.ring
        if ring.mode is RingMode.EMPTY:
            return
        painter.setPen(QPen(Colours.TRACK, max(1.5, self.height() * 0.003)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(frame.track)
        seats = {seat.key: seat for seat in snap.seats}
        font = self._fonts.font(ring.name_pixels, NAME_WEIGHT)
        holder = self.holder_badge()
        if ring.mode is RingMode.DOTS:
            paint_dots(painter, snap, ring, holder, self._fonts)
        else:
            quiet = painting.quiet_keys(snap)
            for place in ring.places:
                if holder is None or place.key != snap.holder_key:
                    seat, dim = seats[place.key], place.key in quiet
                    painting.draw_seat(painter, place.rect, place.text, seat, font, 0, dim)
        if holder is not None and snap.holder_key is not None:
            seat = seats[snap.holder_key]
            painting.draw_seat(painter, holder[0], holder[1], seat, font, self._lit(seat))
        point = self._piece_point()
        if point is not None:
            painting.draw_piece(painter, point, ring.piece_radius)

    def _paint_middle(self, painter: QPainter, snap: CircleSnapshot, frame: Frame) -> None:
        line = round(self.height() * 0.042)
        colour = Colours.PIECE if snap.round.offering_again else Colours.SOFT_TEXT
        painting.draw_line(painter, frame.progress, self.progress_text(), self._fonts, line, colour)
        block = frame.block
        for part, colour in (
            (block.prompt, Colours.TEXT),
            (block.second, Colours.SECOND_TEXT),
            (block.for_line, Colours.PIECE),
        ):
            if part is not None:
                font = self._fonts.font(part.fit.pixel_size, part.weight)
                painting.draw_lines(painter, part.fit, part.box, font, colour)
        if frame.ring.mode is RingMode.EMPTY:
            text = self.tr("No one is seated yet")
            painting.draw_row(painter, frame.bottom, text, self._fonts, RowIcon.NONE)
        elif snap.state is CircleState.PAUSED:
            painting.draw_row(painter, frame.bottom, self.tr("Paused"), self._fonts, RowIcon.PAUSE)
        elif text := self.timer_text():
            budget, remaining = snap.speaker_budget or 0.0, snap.speaker_remaining or 0.0
            share = None if remaining < 0 else remaining / budget if budget > 0 else 0.0
            colour = LEVEL_COLOURS[snap.level]
            icon = RowIcon.COUNTDOWN
            painting.draw_row(painter, frame.bottom, text, self._fonts, icon, share, colour)
