"""The window on the wall: the projector view, on the screen the keeper picked, full screen or not.

It shows circle snapshots, a blank screen, or (only when the keeper asks) the anonymous
summary of who spoke how long. It knows no records."""

from PySide6.QtCore import Qt, Signal
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

    def place_on(self, screen: QScreen | None) -> None:
        """Move to `screen` (the first other screen when None, if there is one)."""
        target = screen or other_screen(self.screen())
        if target is not None:
            self.setScreen(target)
            self.move(target.availableGeometry().topLeft())

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
