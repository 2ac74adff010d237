"""The one QApplication, named before anything reads or writes settings and set up for the
keyboard once its first screen is drawn (ui/keyboard.py); and a way to do something just after
a window is first on screen."""

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:  # named only for the types: Qt builds a class when it is first named
    from PySide6.QtGui import QWindow

from rp_desktop import __version__

ORGANIZATION = "RP Desktop"
LOOK_EVERY_MS = 10
APPLICATION = "RP Desktop"


def application() -> QApplication:
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    QCoreApplication.setApplicationVersion(__version__)
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(sys.argv[:1])
    when_drawn(_keyboard_first)  # not before: the first screen is drawn first
    return app


def _keyboard_first() -> None:
    from rp_desktop.ui.keyboard import keyboard_first

    keyboard_first()


def when_drawn(then: Callable[[], None], window: "QWindow | None" = None) -> "FirstDrawing":
    """Call `then` once, just after `window` (any window of the application, when None) has
    been drawn for the first time. Cancel the returned watch to stop waiting."""
    return FirstDrawing(then, window)


class FirstDrawing(QObject):
    """Waits for a window to be drawn; see `when_drawn`.

    It looks every few milliseconds whether the window is exposed: Qt draws a widget's window
    while delivering the exposure, so once it is exposed it has been drawn. (An event filter
    would see the exposure as it comes, but the first event handed to Python builds Qt's
    enumerations of event types, which takes longer than drawing the first screen.)"""

    def __init__(self, then: Callable[[], None], window: "QWindow | None") -> None:
        super().__init__(window or QCoreApplication.instance())  # kept by it until done
        self._then: Callable[[], None] | None = then
        self._window = window
        self._looking = QTimer(self, interval=LOOK_EVERY_MS)
        self._looking.timeout.connect(self._look)
        self._looking.start()

    def _look(self) -> None:
        windows = [self._window] if self._window is not None else QGuiApplication.topLevelWindows()
        then = self._then
        if then is not None and any(window.isExposed() for window in windows):
            self.cancel()
            then()

    def cancel(self) -> None:
        if self._then is None:
            return  # done already
        self._then = None
        self._looking.stop()
        self.deleteLater()
