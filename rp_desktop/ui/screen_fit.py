"""Windows and dialogs sized to the screen they open on, and remembered.

One call per window or dialog, before it is first shown: `fit_to_screen(widget, preferred, key)`.
It gives the widget the size it had when it was last closed (kept in QSettings under `key`), or
`preferred` the first time, never larger than the AVAILABLE part of the screen it opens on (the
screen less the task bar and panels) less room for the title bar and borders the system adds. A
window remembered on a large monitor still fits a 1366x768 laptop, and one remembered on a
screen that is gone comes back on this one."""

from PySide6.QtCore import (
    QEvent,
    QMargins,
    QObject,
    QPoint,
    QRect,
    QSettings,
    QSize,
    Qt,
)
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

from rp_desktop.ui.settings import Option

# What the system adds around a window (a title bar, borders) before it has been shown and can
# say: generous, so that a window sized before it is shown still fits with its title bar.
FRAME = QMargins(8, 40, 8, 8)


def fit_to_screen(widget: QWidget, preferred: QSize, key: str) -> None:
    """Size `widget` (a top-level window or dialog) to its remembered size or `preferred`,
    within the available geometry of its screen, and remember its size and place whenever it is
    hidden or closed. `key` names the kind of window ("case", "form/StudentForm")."""
    store = QSettings()
    place = _place(key).read(store)
    if place.isValid() and not place.isEmpty():
        widget.setGeometry(place)
        clamp_to_screen(widget)
        if _maximized(key).read(store):
            widget.setWindowState(widget.windowState() | Qt.WindowState.WindowMaximized)
    else:
        widget.resize(preferred.boundedTo(usable_area(widget).size()))
    if widget.findChild(_Remember, _remember_name(key)) is None:
        widget.installEventFilter(_Remember(widget, key))


def usable_area(widget: QWidget) -> QRect:
    """The part of `widget`'s screen a window's inside can take: the available geometry less
    the window's frame (its real frame once shown, else FRAME)."""
    screen = screen_of(widget)
    area = screen.availableGeometry()
    return area.marginsRemoved(frame_of(widget))


def screen_of(widget: QWidget) -> QScreen:
    """The screen `widget` is on, or will open on: where its middle is, else its parent's."""
    if widget.isVisible() or widget.testAttribute(Qt.WidgetAttribute.WA_Moved):
        found = QGuiApplication.screenAt(widget.geometry().center())
        if found is not None:
            return found
    return widget.screen()


def frame_of(widget: QWidget) -> QMargins:
    """The frame the system puts around `widget`'s window: known once shown, else FRAME."""
    if widget.isVisible():
        outer, inner = widget.frameGeometry(), widget.geometry()
        margins = QMargins(
            inner.left() - outer.left(),
            inner.top() - outer.top(),
            outer.right() - inner.right(),
            outer.bottom() - inner.bottom(),
        )
        if margins.top() > 0 or margins.left() > 0:
            return margins
    return FRAME


def clamp_to_screen(widget: QWidget) -> None:
    """Shrink `widget` to its screen's usable area and move it inside it if it reaches out."""
    area = usable_area(widget)
    size = widget.size().boundedTo(area.size())
    if size != widget.size():
        widget.resize(size)
    place = widget.geometry()
    x = min(max(place.x(), area.left()), area.right() + 1 - place.width())
    y = min(max(place.y(), area.top()), area.bottom() + 1 - place.height())
    if QPoint(x, y) != place.topLeft():
        widget.move(widget.pos() + QPoint(x, y) - place.topLeft())


def grow_to(widget: QWidget, wanted: QSize) -> None:
    """Make `widget` at least `wanted` (as its content grows), within its screen's usable area;
    it never shrinks here, so nothing the user sized is taken away."""
    area = usable_area(widget)
    size = widget.size().expandedTo(wanted.boundedTo(area.size()))
    if size != widget.size():
        widget.resize(size)
        if widget.isVisible():
            clamp_to_screen(widget)


class _Remember(QObject):
    """Keeps the window's place as it is moved, resized or maximized, and writes it to the
    settings when the window is hidden or closed.

    The window is read only while it is moved or resized, never when it is hidden: a window
    being deleted is hidden too, and must not be touched then."""

    def __init__(self, widget: QWidget, key: str) -> None:
        super().__init__(widget)
        self.setObjectName(_remember_name(key))
        self._key = key
        self._place = QRect()
        self._maximized = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _CHANGES and isinstance(watched, QWidget) and not watched.isMinimized():
            self._maximized = watched.isMaximized()
            self._place = watched.normalGeometry() if self._maximized else watched.geometry()
        elif kind in (QEvent.Type.Hide, QEvent.Type.Close) and self._place.isValid():
            store = QSettings()
            _place(self._key).write(store, self._place)
            _maximized(self._key).write(store, self._maximized)
        return False


_CHANGES = (QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.WindowStateChange)


def _place(key: str) -> "Option[QRect]":
    return Option(f"{key}/place", QRect())


def _maximized(key: str) -> "Option[bool]":
    return Option(f"{key}/maximized", False)


def _remember_name(key: str) -> str:
    return f"rememberGeometry:{key}"
