"""The Qt binding itself: calls that return nothing must not eat references to None.

PySide6 6.12.0 on Python 3.11 did, and the process aborted ("none_dealloc") once None ran out
of references; a projector repainting a circle gets there within minutes. This guards the
version pinned in pyproject.toml."""

import sys

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter, QPixmap


def test_calls_that_return_nothing_keep_none_alive() -> None:
    before = sys.getrefcount(None)
    rect = QRectF()
    pixmap = QPixmap(8, 8)
    painter = QPainter(pixmap)
    for _ in range(20_000):
        rect.setLeft(1.0)
        painter.setPen(QColor(10, 20, 30))
    painter.end()
    # Other code may hold or drop a few references meanwhile; a leak would show as 40,000.
    assert abs(sys.getrefcount(None) - before) < 100
