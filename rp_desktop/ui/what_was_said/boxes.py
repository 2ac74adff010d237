"""The pieces of a meeting's "what each said" pages: large type, a box for what someone said,
and scrolling a page's top into view in the form around it."""

from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QScrollArea, QWidget

ANSWER_PIXELS = 16


def font(pixels: int, *, bold: bool = False) -> QFont:
    chosen = QFont()
    chosen.setPixelSize(pixels)
    chosen.setBold(bold)
    return chosen


def said_box(name: str, height: int) -> QPlainTextEdit:
    """A box for what someone said; Tab goes on to the next one."""
    edit = QPlainTextEdit()
    edit.setFont(font(ANSWER_PIXELS))
    edit.setAccessibleName(name)
    edit.setTabChangesFocus(True)
    edit.setMaximumHeight(height)
    return edit


def scroll_to_top_of(widget: QWidget) -> None:
    """Scroll the scroll area `widget` is in so that its top is at the top of the view."""
    area = widget.parentWidget()
    while area is not None and not isinstance(area, QScrollArea):
        area = area.parentWidget()
    inner = area.widget() if area is not None else None
    if area is None or inner is None:
        return
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    area.verticalScrollBar().setValue(widget.mapTo(inner, QPoint(0, 0)).y())
