"""Colours and drawing pieces of the projector view: seat badges and dots, the talking piece, the
countdown ring, pause bars, and lines of text already fitted (`text_fit.py`).

`projector.py` decides what to draw and where; these draw it."""

from enum import Enum

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen

from rp_desktop.domain.circle.types import CircleSnapshot, CircleState, SeatView
from rp_desktop.ui.run_circle.wall.text_fit import (
    NAME_WEIGHT,
    TEXT_WEIGHT,
    FontBook,
    TextFit,
    elide,
)
from rp_desktop.ui.run_circle.wall.words import keeper_alone


class Colours:
    """A dark wall with light text: calm in a dim room, high contrast from the back of it."""

    BACKGROUND = QColor("#10151c")
    TRACK = QColor("#243040")
    TEXT = QColor("#f5f3ee")
    SOFT_TEXT = QColor("#a3afbc")
    BADGE = QColor("#1d2732")
    BADGE_EDGE = QColor("#4a5a6c")
    DONE_BADGE = QColor("#151c25")
    DONE_TEXT = QColor("#8d99a6")
    DONE_EDGE = QColor("#2c3845")
    SPOKE_MARK = QColor("#7fc4a8")
    PIECE = QColor("#f3d68a")
    PIECE_DEEP = QColor("#b8903c")
    ON_PIECE = QColor("#1a1712")
    KEEPER = QColor("#b9a7f2")
    CALM = QColor("#6cc3a6")
    AMBER = QColor("#f2b33d")
    RED = QColor("#ef6a5b")
    SECOND_TEXT = QColor("#d8dde3")  # the prompt in a second language: a step quieter
    VEIL = QColor(16, 21, 28, 150)


QUIET = 0.3  # the opacity of a seat a directed round is not for


def quiet_keys(snap: CircleSnapshot) -> frozenset[int]:
    """The seats drawn quieter: in a directed round under way, those it is not for (none in a
    round for the keeper alone, which the whole circle listens to or agrees in)."""
    addressed = set(snap.round.addressed)
    under_way = snap.state in (CircleState.RUNNING, CircleState.PAUSED)
    if not addressed or not under_way or keeper_alone(snap):
        return frozenset()
    return frozenset(seat.key for seat in snap.seats if seat.key not in addressed)


def draw_lines(painter: QPainter, fit: TextFit, box: QRectF, font: QFont, colour: QColor) -> None:
    """The fitted lines, each centred, the block centred vertically in `box`."""
    painter.setFont(font)
    painter.setPen(colour)
    top = box.top() + (box.height() - fit.height) / 2
    flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter
    for index, line in enumerate(fit.lines):
        row = QRectF(box.left(), top + index * fit.line_height, box.width(), fit.line_height)
        painter.drawText(row, flags, line)


def draw_badge(painter: QPainter, rect: QRectF, fill: QColor, edge: QColor, dashed: bool) -> None:
    pen = QPen(edge, max(1.5, rect.height() * 0.045))
    if dashed:
        pen.setStyle(Qt.PenStyle.DashLine)
    painter.setPen(pen if edge.alpha() else Qt.PenStyle.NoPen)
    painter.setBrush(fill)
    radius = min(rect.height(), rect.width()) / 2
    painter.drawRoundedRect(rect, radius, radius)


def _quieten(painter: QPainter, rect: QRectF, quiet: bool) -> float:
    """For a `quiet` seat, the wall laid over the ring's line where its badge goes, then the
    opacity it is drawn at (so the line does not show through the dimmed badge)."""
    painter.setOpacity(1.0)
    if quiet:
        draw_badge(painter, rect, Colours.BACKGROUND, QColor(0, 0, 0, 0), dashed=False)
        painter.setOpacity(QUIET)
    return QUIET if quiet else 1.0


def draw_spoke_mark(painter: QPainter, centre: QPointF, radius: float) -> None:
    """A small tick: this seat has had the piece this round."""
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(Colours.SPOKE_MARK)
    painter.drawEllipse(centre, radius, radius)
    tick = QPainterPath(centre + QPointF(-0.45 * radius, 0.02 * radius))
    tick.lineTo(centre + QPointF(-0.1 * radius, 0.38 * radius))
    tick.lineTo(centre + QPointF(0.48 * radius, -0.35 * radius))
    pen = QPen(Colours.BACKGROUND, max(1.5, radius * 0.3))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(tick)


def draw_passed_mark(painter: QPainter, centre: QPointF, radius: float) -> None:
    """A quiet open ring: this seat passed this round. Passing is a right, not a fault."""
    painter.setPen(QPen(Colours.DONE_TEXT, max(1.5, radius * 0.28)))
    painter.setBrush(Colours.BACKGROUND)
    painter.drawEllipse(centre, radius * 0.8, radius * 0.8)


def draw_keeper_mark(painter: QPainter, centre: QPointF, radius: float) -> None:
    """A small diamond on the badge's top edge: the keeper's seat."""
    diamond = QPainterPath(centre + QPointF(0, -radius))
    for dx, dy in ((radius, 0.0), (0.0, radius), (-radius, 0.0), (0.0, -radius)):
        diamond.lineTo(centre + QPointF(dx, dy))
    painter.setPen(QPen(Colours.BACKGROUND, max(1.0, radius * 0.25)))
    painter.setBrush(Colours.KEEPER)
    painter.drawPath(diamond)


def draw_piece(painter: QPainter, centre: QPointF, radius: float) -> None:
    """The talking piece: a warm stone with a soft halo."""
    painter.setPen(Qt.PenStyle.NoPen)
    halo = QColor(Colours.PIECE)
    halo.setAlpha(48)
    painter.setBrush(halo)
    painter.drawEllipse(centre, radius * 1.55, radius * 1.55)
    painter.setBrush(Colours.PIECE)
    painter.drawEllipse(centre, radius, radius)
    painter.setPen(QPen(Colours.PIECE_DEEP, max(1.5, radius * 0.14)))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawEllipse(centre, radius * 0.55, radius * 0.55)


def draw_countdown(painter: QPainter, box: QRectF, fraction: float | None, colour: QColor) -> None:
    """A ring whose arc is the share of time left (from twelve o'clock, shrinking clockwise).
    `fraction` None means over time: the whole ring, thin, in `colour`."""
    width = box.width() * 0.13
    ring = box.adjusted(width / 2, width / 2, -width / 2, -width / 2)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(Colours.TRACK, width))
    painter.drawEllipse(ring)
    pen = QPen(colour, width if fraction is not None else width * 0.5)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    if fraction is None:
        painter.drawEllipse(ring)
    elif fraction > 0:
        painter.drawArc(ring, 90 * 16, -round(360 * 16 * min(1.0, fraction)))


def draw_pause_bars(painter: QPainter, box: QRectF, colour: QColor) -> None:
    w, h = box.width(), box.height()
    inner = box.adjusted(w * 0.22, h * 0.2, -w * 0.22, -h * 0.2)
    bar, radius = inner.width() * 0.3, inner.width() * 0.09
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawRoundedRect(QRectF(inner.left(), inner.top(), bar, inner.height()), radius, radius)
    painter.drawRoundedRect(
        QRectF(inner.right() - bar, inner.top(), bar, inner.height()), radius, radius
    )


class RowIcon(Enum):
    NONE = "none"
    COUNTDOWN = "countdown"
    PAUSE = "pause"


def draw_row(
    painter: QPainter,
    row: QRectF,
    text: str,
    fonts: FontBook,
    icon: RowIcon,
    share: float | None = None,
    colour: QColor = Colours.CALM,
) -> None:
    """The bottom row: a countdown ring (its arc `share`, None when over) or pause bars, then
    `text` beside it, centred together; without an icon, a quieter line of text alone."""
    side = row.height() if icon is not RowIcon.NONE else 0.0
    pixels = round(row.height() * (0.6 if side else 0.42))
    weight = NAME_WEIGHT if side else TEXT_WEIGHT
    metrics = fonts.metrics(pixels, weight)
    space = side * 0.25
    width = min(metrics.horizontalAdvance(text) + 1, row.width() - side - space)
    left = row.center().x() - (side + space + width) / 2
    symbol = QRectF(left, row.top(), side, side)
    if icon is RowIcon.PAUSE:
        draw_pause_bars(painter, symbol, Colours.TEXT)
    elif icon is RowIcon.COUNTDOWN:
        draw_countdown(painter, symbol, share, colour)
    painter.setFont(fonts.font(pixels, weight))
    painter.setPen(Colours.TEXT if side else Colours.SOFT_TEXT)
    words = QRectF(left + side + space, row.top(), width, row.height())
    painter.drawText(words, Qt.AlignmentFlag.AlignCenter, elide(text, metrics, width))


def draw_line(
    painter: QPainter, box: QRectF, text: str, fonts: FontBook, pixels: int, colour: QColor
) -> None:
    """One line of quieter text, made smaller (to two thirds at most) before it is elided."""
    width = fonts.metrics(pixels).horizontalAdvance(text)
    if width > box.width():
        pixels = max(pixels * 2 // 3, int(pixels * box.width() / width))
    painter.setFont(fonts.font(pixels))
    painter.setPen(colour)
    shown = elide(text, fonts.metrics(pixels), box.width())
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, shown)


def draw_seat(
    painter: QPainter,
    rect: QRectF,
    text: str,
    seat: SeatView,
    font: QFont,
    lit: float,
    quiet: bool = False,
) -> None:
    """A seat's name badge. `lit` (0 to 1) is how far the talking piece has arrived here;
    a `quiet` seat (one a directed round is not for) is drawn dimmed, whole."""
    base = _quieten(painter, rect, quiet)
    done = seat.had_turn and not seat.is_holder
    fill, edge, ink = (
        (Colours.DONE_BADGE, Colours.DONE_EDGE, Colours.DONE_TEXT)
        if done
        else (Colours.BADGE, Colours.BADGE_EDGE, Colours.TEXT)
    )
    if seat.is_keeper:
        edge = Colours.KEEPER
    if seat.is_next and not seat.is_holder:
        edge = Colours.PIECE
    draw_badge(painter, rect, fill, edge, dashed=seat.is_next and not seat.is_holder)
    if lit > 0:
        painter.setOpacity(base * lit)
        draw_badge(painter, rect, Colours.PIECE, QColor(0, 0, 0, 0), dashed=False)
        painter.setOpacity(base)
        ink = Colours.ON_PIECE if lit > 0.5 else ink
    painter.setFont(font)
    painter.setPen(ink)
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    _draw_marks(painter, rect, seat, done, lines=text.count("\n") + 1)
    painter.setOpacity(1.0)


def _draw_marks(painter: QPainter, rect: QRectF, seat: SeatView, done: bool, lines: int) -> None:
    """The keeper's diamond and the spoke or passed mark, sized as on a one-line badge, so a
    two-line badge's marks stay clear of its name."""
    size = min(rect.height() / lines, rect.width())
    if seat.is_keeper:
        draw_keeper_mark(painter, QPointF(rect.center().x(), rect.top()), size * 0.17)
    if done:
        corner = QPointF(rect.right() - size * 0.2, rect.top() + size * 0.08)
        if seat.passed_this_round:
            draw_passed_mark(painter, corner, size * 0.2)
        else:
            draw_spoke_mark(painter, corner, size * 0.2)


def draw_dot(
    painter: QPainter, rect: QRectF, number: str, seat: SeatView, font: QFont, quiet: bool = False
) -> None:
    """A seat as a small numbered dot, for a ring too large for every name; dimmed when
    `quiet`, as `draw_seat`."""
    _quieten(painter, rect, quiet)
    done = seat.had_turn and not seat.is_holder
    fill = Colours.DONE_BADGE if done else Colours.BADGE
    edge = Colours.KEEPER if seat.is_keeper else Colours.DONE_EDGE if done else Colours.BADGE_EDGE
    if seat.is_next and not seat.is_holder:
        edge = Colours.PIECE
    if done and seat.passed_this_round:
        fill = Colours.BACKGROUND
    draw_badge(painter, rect, fill, edge, dashed=False)
    if font.pixelSize() >= 9:
        painter.setFont(font)
        painter.setPen(Colours.DONE_TEXT if done else Colours.TEXT)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, number)
    painter.setOpacity(1.0)
