"""The wall: a running circle drawn for a projector, from a `CircleSnapshot` and nothing else.

Projector-safe by construction: this module and the two it draws with (`ring`, `painting`)
import only PySide6, the standard library and the circle's snapshot types; they never see a
record, so nothing confidential can reach the wall."""

import math
from dataclasses import dataclass

from PySide6.QtCore import QEasingCurve, QPointF, QRectF, Qt, QVariantAnimation
from PySide6.QtGui import QHideEvent, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from rp_desktop.domain.circle.display import clock_text, shown_remaining
from rp_desktop.domain.circle.types import CircleSnapshot, CircleState, SeatView, TimeLevel
from rp_desktop.domain.vocabulary import CircleStage
from rp_desktop.ui.run_circle.wall import painting
from rp_desktop.ui.run_circle.wall.painting import (
    NAME_WEIGHT,
    TEXT_WEIGHT,
    Colours,
    RowIcon,
    TextFit,
)
from rp_desktop.ui.run_circle.wall.ring import (
    DOT_LABEL_EMS,
    RingLayout,
    RingMode,
    SeatLabel,
    badge_on_dot,
    badges_on_ring,
    layout_ring,
    track_path,
)

PIECE_MOVE_MS = 350
LEVEL_COLOURS = {
    TimeLevel.UNLIMITED: Colours.CALM,
    TimeLevel.CALM: Colours.CALM,
    TimeLevel.AMBER: Colours.AMBER,
    TimeLevel.RED: Colours.RED,
    TimeLevel.OVER: Colours.RED,
}


@dataclass(frozen=True, slots=True)
class _Frame:
    """Everything placed for one size, seating and prompt, reused by every paint until one of
    them changes."""

    ring: RingLayout
    track: QPainterPath
    progress: QRectF
    main: QRectF
    bottom: QRectF
    fit: TextFit


class ProjectorView(QWidget):
    """The circle on the wall, read from the back of a classroom. It has no signals.

    Light text on a dark wall. Sizes follow the widget's height: at 1280x720 the prompt is set
    at 36 to 58 px (a prompt of a sentence or two gets 48 px or more; a longer one shrinks and
    wraps, and only at the 36 px floor is its end cut, with "…"), seat names at 32 to 36 px.

    Seats sit on a rounded ring, the first seat at the top, with equal gaps between name
    badges. When the names cannot all fit at 32 px (at 1280x720 that is about 30 first names),
    the ring becomes small numbered dots and only three names are shown, as badges over their
    dots: the holder of the talking piece, the next seat and the keeper. A label wider than six
    ems is elided on the ring and shown whole while its seat holds the piece. When the holder
    changes, the piece slides along the ring (`PIECE_MOVE_MS`); nothing else moves.

    Time is shown only for a speaker with a budget: a ring whose arc is the time left, and
    m:ss; past the budget "+m:ss over", counting up, never cutting anyone off. The colour
    (calm, amber, red) only repeats what the arc and the words already say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMinimumSize(320, 180)
        self._fonts = painting.FontBook()
        self._snapshot: CircleSnapshot | None = None
        self._blank = False
        self._show_timer = True
        self._frame: _Frame | None = None
        self._frame_key: tuple[object, ...] = ()
        self._checked: tuple[object, ...] = ()  # the snapshot and size the frame was checked for
        self._from = (0.0, 1.0)  # where the moving piece set out and goes: angle, reach
        self._to = (0.0, 1.0)
        self._animation = QVariantAnimation(self)  # drives the piece's angle
        self._animation.setDuration(PIECE_MOVE_MS)
        self._animation.setEasingCurve(QEasingCurve.Type.InOutCubic)
        self._animation.valueChanged.connect(self._piece_moved)
        self._animation.finished.connect(self.update)
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
            self._animation.stop()
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
        return self._animation

    def prompt_fit(self) -> TextFit:
        return self._ensure_frame().fit

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
        snap = self._snapshot
        if snap is None or not self._show_timer or snap.speaker_budget is None:
            return ""
        if snap.state not in (CircleState.RUNNING, CircleState.PAUSED):
            return ""
        remaining = snap.speaker_remaining or 0.0
        shown = shown_remaining(remaining)
        if remaining < 0:
            return self.tr("+{time} over").format(time=clock_text(-shown))
        return clock_text(shown)

    def progress_text(self) -> str:
        snap = self._snapshot
        if snap is None or snap.state in (CircleState.SETUP, CircleState.CLOSED):
            return ""
        rnd = snap.round
        text = (
            self.tr("Round {number} of {count}").format(number=rnd.index + 1, count=rnd.count)
            if rnd.index < rnd.count
            else self.tr("Round {number}").format(number=rnd.index + 1)
        )
        if snap.state is CircleState.BETWEEN_ROUNDS or rnd.size == 0:
            return text
        if rnd.offering_again:
            return text + " · " + self.tr("Offered again to those who passed")
        holder = snap.holder
        turn = min(max(rnd.done + (0 if holder is None or holder.had_turn else 1), 1), rnd.size)
        return text + " · " + self.tr("{turn} of {seats}").format(turn=turn, seats=rnd.size)

    def hideEvent(self, event: QHideEvent) -> None:
        self._animation.stop()  # no animation outlives the wall being seen
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

    def _ensure_frame(self) -> _Frame:
        snap, quick = self._snapshot, (self.width(), self.height(), self._show_timer)
        if self._frame is not None and self._checked == (snap, quick):
            return self._frame  # the same snapshot object at the same size: nothing to do
        seats = sorted(snap.seats, key=lambda seat: seat.position) if snap else []
        labels = tuple(SeatLabel(s.key, s.label, s.is_keeper) for s in seats)
        text = self._main_text(snap)
        bottom = not labels or (snap is not None and self._reserves_bottom(snap))
        key = (quick, labels, text, bottom)
        if self._frame is None or key != self._frame_key:
            self._frame, self._frame_key = self._lay_out(labels, text, bottom), key
        self._checked = (snap, quick)
        return self._frame

    def _lay_out(self, labels: tuple[SeatLabel, ...], text: str, bottom: bool) -> _Frame:
        height = self.height()
        ring = layout_ring(labels, self.width(), height, self._fonts)
        box, spacing = ring.content, height * 0.02
        progress = QRectF(box.left(), box.top(), box.width(), height * 0.063)
        row = height * 0.1 if bottom else 0.0
        lower = QRectF(box.left(), box.bottom() - row, box.width(), row)
        top, bottom_edge = progress.bottom() + spacing, lower.top() - (spacing if row else 0.0)
        main = QRectF(box.left(), top, box.width(), bottom_edge - top)
        largest, floor = round(height * 0.08), round(height * 0.05)
        fit = painting.fit_text(text, main, self._fonts, largest, floor, TEXT_WEIGHT)
        return _Frame(ring, track_path(ring), progress, main, lower, fit)

    def _main_text(self, snap: CircleSnapshot | None) -> str:
        if snap is None:
            return ""
        if snap.state is CircleState.SETUP:
            return self.tr("The circle will begin soon")
        if snap.state is CircleState.BETWEEN_ROUNDS:
            return self.tr("Round complete")
        if snap.state is CircleState.CLOSED:
            return self.tr("Thank you")
        return snap.round.prompt.strip() or self._stage_words(snap.round.stage)

    def _reserves_bottom(self, snap: CircleSnapshot) -> bool:
        """The bottom row holds "Paused" or the countdown in this state."""
        timed = self._show_timer and snap.speaker_budget is not None
        return snap.state is CircleState.PAUSED or (snap.state is CircleState.RUNNING and timed)

    def _stage_words(self, stage: CircleStage) -> str:
        return {
            CircleStage.OPENING: self.tr("Opening"),
            CircleStage.CHECK_IN: self.tr("Check-in"),
            CircleStage.VALUES_AND_GUIDELINES: self.tr("Values and guidelines"),
            CircleStage.DISCUSSION: self.tr("Discussion"),
            CircleStage.CHECK_OUT: self.tr("Check-out"),
            CircleStage.CLOSING: self.tr("Closing"),
            CircleStage.REPAIR_HARM: self.tr("Making things right"),
            CircleStage.RE_ENTRY: self.tr("Welcome back"),
        }.get(stage, "")

    # The talking piece

    def _move_piece(self, start: QPointF | None) -> None:
        self._animation.stop()
        self._piece_area = None
        target = self._holder_rest()
        if start is None or target is None:
            return
        ring = self._ensure_frame().ring
        self._from, self._to = ring.polar(start), ring.polar(target)
        turn = _normal(self._to[0] - self._from[0])  # the short way round
        if abs(turn) > 1e-6:
            self._animation.setStartValue(self._from[0])
            self._animation.setEndValue(self._from[0] + turn)
            self._animation.start()

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

    def _moving(self) -> bool:
        return self._animation.state() is QVariantAnimation.State.Running

    def _piece_point(self) -> QPointF | None:
        """Where the piece is drawn now: on its way, or resting by the holder's seat."""
        if not self._moving():
            return self._holder_rest()
        angle = float(self._animation.currentValue())
        turn = float(self._animation.endValue()) - self._from[0]
        reach = self._from[1] + (self._to[1] - self._from[1]) * (angle - self._from[0]) / turn
        return self._ensure_frame().ring.at(angle, reach)

    def _holder_rest(self) -> QPointF | None:
        badge = self.holder_badge()
        return None if badge is None else self._ensure_frame().ring.rest(badge[0])

    def holder_badge(self) -> tuple[QRectF, str] | None:
        """The holder's badge and the words on it: its whole label, as far as the screen allows."""
        snap, ring = self._snapshot, self._ensure_frame().ring
        holder = snap.holder if snap is not None and _has_piece(snap) else None
        place = ring.place_of(holder.key if holder else None)
        if place is None or holder is None:
            return None
        if ring.mode is RingMode.NAMES and place.text == holder.label:
            return place.rect, place.text
        metrics = self._fonts.metrics(ring.name_pixels, NAME_WEIGHT)
        padding = ring.badge_height * 0.8
        if ring.mode is RingMode.NAMES:
            padding = place.rect.width() - metrics.horizontalAdvance(place.text)
        width = metrics.horizontalAdvance(holder.label) + padding
        badge = badge_on_dot(ring, place.rect, width)  # centred on the seat, kept on screen
        return badge, painting.elide(holder.label, metrics, badge.width() - padding + 1)

    def _lit(self, seat: SeatView) -> float:
        """How far the piece has arrived at `seat`: its badge lights up as the piece comes."""
        if not seat.is_holder:
            return 0.0
        return self._animation.currentTime() / PIECE_MOVE_MS if self._moving() else 1.0

    # Painting

    def _paint_ring(self, painter: QPainter, snap: CircleSnapshot, frame: _Frame) -> None:
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
            self._paint_dots(painter, snap, ring, seats, holder)
        else:
            for place in ring.places:
                if holder is None or place.key != snap.holder_key:
                    painting.draw_seat(painter, place.rect, place.text, seats[place.key], font, 0)
        if holder is not None and snap.holder_key is not None:
            seat = seats[snap.holder_key]
            painting.draw_seat(painter, holder[0], holder[1], seat, font, self._lit(seat))
        point = self._piece_point()
        if point is not None:
            painting.draw_piece(painter, point, ring.piece_radius)

    def _paint_dots(
        self,
        painter: QPainter,
        snap: CircleSnapshot,
        ring: RingLayout,
        seats: dict[int, SeatView],
        holder: tuple[QRectF, str] | None,
    ) -> None:
        """Every seat a numbered dot; the next seat and the keeper named over theirs, clear of
        the holder's badge (drawn after). A dot under a badge is left out, not half shown."""
        named = [snap.next_key] if holder is not None else []
        named += [seat.key for seat in snap.seats if seat.is_keeper]
        keys = [key for key in dict.fromkeys(named) if key != snap.holder_key or holder is None]
        places = [place for key in keys if (place := ring.place_of(key)) is not None]
        metrics = self._fonts.metrics(ring.name_pixels, NAME_WEIGHT)
        pad, widest = ring.badge_height * 0.8, ring.name_pixels * (DOT_LABEL_EMS + 1.2)
        wanted = [
            (p, min(metrics.horizontalAdvance(seats[p.key].label) + pad, widest)) for p in places
        ]
        holder_place = ring.place_of(snap.holder_key)
        if holder is not None and holder_place is not None:
            wanted.insert(0, (holder_place, holder[0].width()))
        badges = badges_on_ring(ring, wanted)
        numbers = self._fonts.font(round(ring.places[0].rect.width() * 0.45), NAME_WEIGHT)
        for dot in ring.places:
            if not any(dot.rect.intersects(badge) for badge in badges):
                painting.draw_dot(painter, dot.rect, dot.text, seats[dot.key], numbers)
        font = self._fonts.font(ring.name_pixels, NAME_WEIGHT)
        for place, badge in zip(places, badges[len(badges) - len(places) :], strict=True):
            seat = seats[place.key]
            text = painting.elide(seat.label, metrics, badge.width() - pad + 1)
            painting.draw_seat(painter, badge, text, seat, font, 0)

    def _paint_middle(self, painter: QPainter, snap: CircleSnapshot, frame: _Frame) -> None:
        line = round(self.height() * 0.042)
        colour = Colours.PIECE if snap.round.offering_again else Colours.SOFT_TEXT
        painting.draw_line(painter, frame.progress, self.progress_text(), self._fonts, line, colour)
        font = self._fonts.font(frame.fit.pixel_size, TEXT_WEIGHT)
        painting.draw_lines(painter, frame.fit, frame.main, font, Colours.TEXT)
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


def _has_piece(snap: CircleSnapshot) -> bool:
    return snap.state in (CircleState.RUNNING, CircleState.PAUSED) and snap.holder_key is not None


def _normal(angle: float) -> float:
    """The same angle in (-pi, pi]."""
    return math.pi - (math.pi - angle) % (2 * math.pi)
