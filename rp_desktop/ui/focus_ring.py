"""The ring around the control that has the keyboard focus.

Fusion, the style the application runs under, shows no focus at all on drop-downs, check boxes,
radio buttons and buttons, and a 1-pixel tint on text fields. One QFocusFrame follows the focus
(ui/keyboard.py moves it) and draws a 2-pixel ring just outside the control, in a colour that
stands out from the window's background (a contrast of at least 3:1, as WCAG asks of focus
indicators). Qt's frame keeps itself around the control as it moves, resizes or hides; the
control draws as it always did, and nothing that takes no focus (the projector's wall) has one.
"""

from PySide6.QtCore import QCoreApplication, QRectF
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QFocusFrame, QWidget

RING_PX = 2
ON_LIGHT = QColor("#0b57d0")  # a strong blue: 5.9:1 on Fusion's light grey
ON_DARK = QColor("#a8c7fa")  # a light blue for a dark palette
DARK_BELOW = 0.35  # relative luminance under which a background counts as dark


class FocusRing(QFocusFrame):
    """A 2-pixel ring around the widget it follows (QFocusFrame keeps it in place)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("focusRing")
        self.setAccessibleName(QCoreApplication.translate("Keyboard", "Keyboard focus"))

    def follow(self, widget: QWidget | None) -> None:
        """Go around `widget`, or hide for a window itself or nothing."""
        if widget is None or widget.isWindow():
            self.setWidget(None)  # type: ignore[arg-type]  # Qt takes None: follow nothing
            return
        self.setWidget(widget)
        self.update()

    def colour(self) -> QColor:
        """The ring's colour against the background it is drawn on."""
        background = self.palette().color(QPalette.ColorRole.Window)
        return ON_DARK if luminance(background) < DARK_BELOW else ON_LIGHT

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(self.colour(), RING_PX)
        painter.setPen(pen)
        half = RING_PX / 2
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(half, half, -half, -half), 3, 3)
        painter.end()


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
