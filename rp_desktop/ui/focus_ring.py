"""The ring around the control that has the keyboard focus.

Fusion, the style the application runs under, shows no focus at all on drop-downs, check boxes,
radio buttons and buttons, and a 1-pixel tint on text fields. One ring follows the focus
(ui/keyboard.py moves it): a 2-pixel line just outside the control, in a colour that stands out
from the window's background (a contrast of at least 3:1, as WCAG asks of focus indicators).
The control draws as it always did; nothing that takes no focus (the projector's wall) has one.

The ring is a child of the nearest widget that has room for it around the control (a control
flush with its own parent's edges would clip a ring drawn in that parent), but never outside a
scrolled view's viewport, so it is hidden with the control when the control scrolls away. It
watches the control and the widgets between them, and moves when any of them moves or resizes.
"""

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen, QRegion
from PySide6.QtWidgets import QAbstractScrollArea, QWidget
from shiboken6 import isValid

RING_PX = 2
ON_LIGHT = QColor("#0b57d0")  # a strong blue: 5.9:1 on Fusion's light grey
ON_DARK = QColor("#a8c7fa")  # a light blue for a dark palette
DARK_BELOW = 0.35  # relative luminance under which a background counts as dark
MOVES = (QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.Hide)


class FocusRing(QWidget):
    """A 2-pixel ring around the widget it follows; mouse clicks go through it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("focusRing")
        self.setAccessibleName(QCoreApplication.translate("Keyboard", "Keyboard focus"))
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._target: QWidget | None = None
        self._watched: list[QWidget] = []
        self.hide()

    def widget(self) -> QWidget | None:
        """The control the ring is around, if any."""
        return self._target

    def follow(self, widget: QWidget | None) -> None:
        """Go around `widget`; hide for a window itself, or nothing."""
        self._unwatch()
        if widget is None or widget.isWindow():
            self._target = None
            self.hide()
            return
        self._target = widget
        host = _host_for(widget)
        self._watched = _between(widget, host)
        for watched in self._watched:
            watched.installEventFilter(self)
        widget.destroyed.connect(self._gone)
        if self.parentWidget() is not host:
            self.setParent(host)
        self.place()

    def place(self) -> None:
        """Put the ring around its control, where the control is now."""
        target, host = self._target, self.parentWidget()
        if target is None or host is None or not isValid(target) or not target.isVisible():
            self.hide()
            return
        inside = QRect(target.mapTo(host, QPoint(0, 0)), target.size())
        outside = inside.adjusted(-RING_PX, -RING_PX, RING_PX, RING_PX)
        self.setGeometry(outside)
        whole = QRect(QPoint(0, 0), outside.size())
        # Only the ring is the ring's: the control under it repaints without it.
        self.setMask(QRegion(whole) - QRegion(whole.adjusted(RING_PX, RING_PX, -RING_PX, -RING_PX)))
        self.raise_()
        self.show()

    def colour(self) -> QColor:
        """The ring's colour against the background it is drawn on."""
        background = self.palette().color(QPalette.ColorRole.Window)
        return ON_DARK if luminance(background) < DARK_BELOW else ON_LIGHT

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in MOVES:
            try:
                self.place()
            except RuntimeError:  # a window being deleted hides its children, ours among them
                self._gone()
        return False

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(self.colour(), RING_PX))
        half = RING_PX / 2
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(half, half, -half, -half), 3, 3)
        painter.end()

    def _unwatch(self) -> None:
        for watched in self._watched:
            if isValid(watched):
                watched.removeEventFilter(self)
        if self._target is not None and isValid(self._target):
            self._target.destroyed.disconnect(self._gone)
        self._watched = []

    def _gone(self) -> None:
        self._watched = []
        self._target = None
        self.hide()


def _host_for(widget: QWidget) -> QWidget:
    """The nearest ancestor of `widget` with room for the ring around it: its window at most,
    a scrolled view's viewport at most."""
    host = widget.parentWidget()
    assert host is not None  # a widget that is not a window has a parent
    while not host.isWindow() and not _is_viewport(host):
        around = QRect(widget.mapTo(host, QPoint(0, 0)), widget.size())
        if host.rect().contains(around.adjusted(-RING_PX, -RING_PX, RING_PX, RING_PX)):
            break
        parent = host.parentWidget()
        if parent is None:
            break
        host = parent
    return host


def _is_viewport(widget: QWidget) -> bool:
    area = widget.parentWidget()
    return isinstance(area, QAbstractScrollArea) and area.viewport() is widget


def _between(widget: QWidget, host: QWidget) -> list[QWidget]:
    """`widget` and its ancestors below `host`: when one moves, the widget moves in `host`."""
    chain = []
    current: QWidget | None = widget
    while current is not None and current is not host:
        chain.append(current)
        current = current.parentWidget()
    return chain


def luminance(colour: QColor) -> float:
    """WCAG's relative luminance of an sRGB colour, from 0 (black) to 1 (white)."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.03928 else ((channel + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: QColor, second: QColor) -> float:
    """WCAG's contrast ratio of two colours, from 1 to 21."""
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
