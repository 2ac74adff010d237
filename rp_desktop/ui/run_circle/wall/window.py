"""The window on the wall: the projector view, on the screen the keeper picked, full screen or not.

It shows circle snapshots, a blank screen, or (only when the keeper asks) the anonymous
summary of who spoke how long. It knows no records.

On a projector (a screen other than the console's) the wall fills its screen. On the console's
own screen it never covers the console: it opens as an ordinary window on the right, at most
half the screen wide, and the console moves to the left of it; full screen only when the keeper
asks (F)."""

from dataclasses import dataclass

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QScreen
from PySide6.QtWidgets import QStackedLayout, QWidget

from rp_desktop.domain.circle import CircleSnapshot
from rp_desktop.ui.run_circle.wall.projector import ProjectorView


class WallWindow(QWidget):
    """A top-level window holding the projector view.

    Signals:
        closedByUser(): the window was closed from the window manager, not by the console.
    """

    closedByUser = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(self.tr("Circle"))  # the wall's title names nothing and no one
        self.view = ProjectorView()
        self._pages = QStackedLayout(self)
        self._pages.setContentsMargins(0, 0, 0, 0)
        self._pages.addWidget(self.view)
        self._summary: QWidget | None = None
        self._closing_from_console = False
        self.resize(1280, 720)

    def show_snapshot(self, snapshot: CircleSnapshot) -> None:
        self.view.show_snapshot(snapshot)

    def set_blank(self, blank: bool) -> None:
        self.view.set_blank(blank)
        self._pages.setCurrentWidget(self.view)

    @property
    def blank(self) -> bool:
        return self.view.blank

    def show_summary(self, summary: QWidget | None) -> None:
        """Show an anonymous summary instead of the circle, or go back to the circle (None)."""
        if self._summary is not None:
            self._pages.removeWidget(self._summary)
            self._summary.deleteLater()
        self._summary = summary
        if summary is not None:
            self._pages.addWidget(summary)
            self._pages.setCurrentWidget(summary)
        else:
            self._pages.setCurrentWidget(self.view)

    def show_on(self, screen: QScreen | None, console: QWidget) -> None:
        """Show the wall on `screen` (another screen than the console's when None): full screen
        on a projector; beside `console`, never over it, on the console's own screen."""
        target = screen or other_screen(console.screen())
        if target is None:
            self.show()
            return
        self.setScreen(target)
        shared = target is console.screen() or len(QGuiApplication.screens()) == 1
        least = console.minimumSizeHint().width()
        place = wall_place(target.geometry(), target.availableGeometry(), shared, least)
        if place.full_screen:
            self.setGeometry(place.wall)
            self.showFullScreen()
            return
        if place.console is not None:
            _put(console, place.console)
        self.showNormal()
        _put(self, place.wall)

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def leave_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()

    def close_from_console(self) -> None:
        self._closing_from_console = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closing_from_console:
            self.closedByUser.emit()
        super().closeEvent(event)


def other_screen(current: QScreen | None) -> QScreen | None:
    """A screen other than the laptop's own, for the wall: a projector on a second output."""
    screens = QGuiApplication.screens()
    others = [s for s in screens if s is not current]
    return others[0] if others else current


def _put(window: QWidget, frame: QRect) -> None:
    """Move `window` so that its frame (title bar included) fills `frame`."""
    extra_width = window.frameGeometry().width() - window.width()
    extra_height = window.frameGeometry().height() - window.height()
    window.move(frame.topLeft())
    window.resize(frame.width() - extra_width, frame.height() - extra_height)


WALL_LEAST = (320, 180)  # the projector view's smallest size


@dataclass(frozen=True, slots=True)
class WallPlace:
    """Where the wall goes, full screen or not, and where the console goes (None: it stays)."""

    wall: QRect
    full_screen: bool
    console: QRect | None = None


def wall_place(screen: QRect, available: QRect, shared: bool, console_least: int) -> WallPlace:
    """The wall on a screen of geometry `screen` (`available` without its task bars): filling
    it, unless it is `shared` with the console, whose narrowest width is `console_least`. Then
    the wall takes the right of the screen, 16:9, at most half its width (less when the console
    needs more), and the console the rest, on the left: neither covers the other."""
    if not shared:
        return WallPlace(QRect(screen), full_screen=True)
    width = min(available.width() // 2, available.width() - console_least)
    width = max(width, WALL_LEAST[0])
    height = min(max(width * 9 // 16, WALL_LEAST[1]), available.height())
    wall = QRect(available.right() - width + 1, available.top(), width, height)
    console = QRect(
        available.left(), available.top(), available.width() - width, available.height()
    )
    return WallPlace(wall, full_screen=False, console=console)
