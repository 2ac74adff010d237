"""The talking piece on its way: when the holder changes, the piece slides the short way round
the ring from where it was to the new holder's seat (`PIECE_MOVE_MS`); nothing else moves."""

import math

from PySide6.QtCore import QEasingCurve, QObject, QPointF, QVariantAnimation

from rp_desktop.ui.run_circle.wall.ring import RingLayout

PIECE_MOVE_MS = 350


class PieceMotion:
    """The piece's journey, driven by `animation` (a child of the view that draws it, which
    repaints on its valueChanged and finished signals)."""

    def __init__(self, parent: QObject) -> None:
        self.animation = QVariantAnimation(parent)  # drives the piece's angle
        self.animation.setDuration(PIECE_MOVE_MS)
        self.animation.setEasingCurve(QEasingCurve.Type.InOutCubic)
        self._from = (0.0, 1.0)  # where the moving piece set out and goes: angle, reach
        self._to = (0.0, 1.0)

    @property
    def moving(self) -> bool:
        return self.animation.state() is QVariantAnimation.State.Running

    def set_out(self, ring: RingLayout, start: QPointF, target: QPointF) -> None:
        """From `start` to `target`, the short way round the ring; a piece already there stays."""
        self._from, self._to = ring.polar(start), ring.polar(target)
        turn = _normal(self._to[0] - self._from[0])  # the short way round
        if abs(turn) > 1e-6:
            self.animation.setStartValue(self._from[0])
            self.animation.setEndValue(self._from[0] + turn)
            self.animation.start()

    def point(self, ring: RingLayout) -> QPointF:
        """Where the piece is on its way (while `moving`), coming in or out as the seats lie."""
        angle = float(self.animation.currentValue())
        turn = float(self.animation.endValue()) - self._from[0]
        reach = self._from[1] + (self._to[1] - self._from[1]) * (angle - self._from[0]) / turn
        return ring.at(angle, reach)

    def arrived(self) -> float:
        """How far the piece has come, 0 to 1: the holder's badge lights up as it comes."""
        return self.animation.currentTime() / PIECE_MOVE_MS if self.moving else 1.0


def _normal(angle: float) -> float:
    """The same angle in (-pi, pi]."""
    return math.pi - (math.pi - angle) % (2 * math.pi)
