"""Locking the main window, and coming back to exactly where the user was.

Locked, nothing on screen comes from the records: every other window of the application is
hidden (not closed, so half-typed forms survive in memory, and dialogs waited for with
dialogs.wait_for come back, still waited for), long work under way is cancelled if it still can
be and waited for if not (ui/background.py), the window's records give way to the
lock screen, the title and status bar say nothing about the school, the menus offer only what
needs no records, and the database forgets its key. The projector's wall window is left alone:
it draws only the circle, never records, and a circle in the room should not go dark because
the keeper's laptop locked."""

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QToolTip,
    QWidget,
)
from shiboken6 import isValid

from rp_desktop.domain.safekeeping.passphrase import Passphrase
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.errors import DatabaseError, PassphraseNeeded, WrongPassphrase
from rp_desktop.ui import background, dialogs
from rp_desktop.ui.lock.screen import LockScreen

# Windows shown again after unlocking: ordinary windows and dialogs, not menus or tooltips.
RESHOWN_TYPES = (Qt.WindowType.Window, Qt.WindowType.Dialog)


@dataclass
class WhereTheUserWas:
    """What locking put away, to be put back by unlocking."""

    title: str
    windows: list[QWidget] = field(default_factory=list)
    active: QWidget | None = None
    focus: QWidget | None = None
    status: list[QWidget] = field(default_factory=list)
    actions: list[QAction] = field(default_factory=list)


class WindowLock(QObject):
    """Locks and unlocks one main window and its database.

    `records` is the page of `stack` that shows records; `keep_enabled` says which menu actions
    still work while locked (Quit, Help); `stays_shown` which other windows stay on screen (the
    wall, which draws circle snapshots only); `unlocked_again` runs after unlocking, to refresh.

    Signals:
        aboutToLock(): the records are hidden and the key is about to be forgotten; whatever
            still uses the database (a backup being made) finishes now.
        lockedChanged(bool): the window was locked (True) or unlocked (False).
    """

    aboutToLock = Signal()
    lockedChanged = Signal(bool)

    def __init__(
        self,
        window: QMainWindow,
        db: Database,
        stack: QStackedWidget,
        records: QWidget,
        *,
        keep_enabled: Callable[[QAction], bool],
        stays_shown: Callable[[QWidget], bool],
        unlocked_again: Callable[[], None],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._db = db
        self._stack = stack
        self._records = records
        self._keep_enabled = keep_enabled
        self._stays_shown = stays_shown
        self._unlocked_again = unlocked_again
        self.screen = LockScreen(db.path.name, db.encrypted)
        self.screen.unlockRequested.connect(self.unlock)
        stack.addWidget(self.screen)
        self._was: WhereTheUserWas | None = None

    @property
    def locked(self) -> bool:
        return self._was is not None

    def lock(self) -> None:
        """Hide every record and forget the key. Locking a locked window does nothing."""
        if self._was is not None:
            return
        was = WhereTheUserWas(
            title=self._window.windowTitle(),
            active=QApplication.activeWindow(),
            focus=QApplication.focusWidget(),
        )
        self._was = was
        QToolTip.hideText()
        was.windows = self._hide_other_windows()
        self._stack.setCurrentWidget(self.screen)
        self._window.setWindowTitle(self.tr("RP Desktop — Locked"))
        self._window.statusBar().clearMessage()
        was.status = _hide_status(self._window)
        was.actions = self._disable_actions()
        self.aboutToLock.emit()
        self._window.repaint()  # the lock screen is up before waiting on any work
        background.stop_all()  # cancelled if it still can be, finished if not: never half done
        self._db.lock()
        if was.active is not None:  # the user was here: the lock screen comes to the front
            self._window.activateWindow()  # (not over another program they are using)
        self.screen.focus()
        self.lockedChanged.emit(True)

    def unlock(self, passphrase: Passphrase | None) -> bool:
        """Open the database again and put everything back; False (still locked, the screen
        says why) when the passphrase is wrong."""
        was = self._was
        if was is None:
            return True
        try:
            self._db.unlock(passphrase)
        except (WrongPassphrase, PassphraseNeeded):
            self.screen.failed()
            return False
        except DatabaseError as error:  # the file went away or changed while locked
            dialogs.show_database_error(self._window, error)
            return False
        self.screen.succeeded()
        self._was = None
        self._window.setWindowTitle(was.title)
        for widget in was.status:
            widget.show()
        for action in was.actions:
            action.setEnabled(True)
        self._stack.setCurrentWidget(self._records)
        self._unlocked_again()
        for window in sorted(was.windows, key=_depth):  # a dialog after the one it belongs to
            if isValid(window):
                window.show()
        _give_back_focus(was)
        self.lockedChanged.emit(False)
        return True

    def _hide_other_windows(self) -> list[QWidget]:
        """Hide every visible window but this one and those that stay shown; return those to show
        again."""
        hidden = []
        for widget in QApplication.topLevelWidgets():
            if widget is self._window or self._stays_shown(widget):
                continue
            if not widget.isVisible():
                continue
            widget.hide()
            if widget.windowType() in RESHOWN_TYPES and not _was_waited_for(widget):
                hidden.append(widget)
        return hidden

    def _disable_actions(self) -> list[QAction]:
        disabled = []
        for menu_action in self._window.menuBar().actions():
            menu = menu_action.menu()  # a QMenu or None (the stubs say QObject: a C++ template)
            for action in menu.actions() if isinstance(menu, QMenu) else ():
                if action.isEnabled() and not self._keep_enabled(action):
                    action.setEnabled(False)
                    disabled.append(action)
        return disabled


def _was_waited_for(widget: QWidget) -> bool:
    """A dialog someone waited on with exec() (application-modal). Hiding it ends that wait as
    if it were cancelled, so it cannot come back. Forms opened with open() (window-modal) and
    dialogs waited for with dialogs.wait_for (whose wait hiding does not end) come back."""
    return (
        isinstance(widget, QDialog)
        and widget.windowModality() is Qt.WindowModality.ApplicationModal
        and not widget.property(dialogs.COMES_BACK)
    )


def _depth(widget: QWidget) -> int:
    """How many windows `widget` belongs to (0 for one of its own)."""
    depth = 0
    parent = widget.parentWidget()
    while parent is not None:
        depth += 1
        parent = parent.parentWidget()
    return depth


def _hide_status(window: QMainWindow) -> list[QWidget]:
    """Hide the status bar's ordinary widgets (school, counts, path); the permanent ones that
    name no record, such as "Encrypted", stay."""
    hidden = []
    for widget in window.statusBar().findChildren(
        QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly
    ):
        if not widget.isHidden() and not widget.property("showWhenLocked"):
            widget.hide()
            hidden.append(widget)
    return hidden


def _give_back_focus(was: WhereTheUserWas) -> None:
    if was.active is not None and isValid(was.active) and was.active.isVisible():
        was.active.raise_()
        was.active.activateWindow()
    if was.focus is not None and isValid(was.focus) and was.focus.isVisible():
        was.focus.setFocus(Qt.FocusReason.OtherFocusReason)


class LockKey(QObject):
    """An application event filter for the lock key in any window.

    The menu's shortcut cannot fire while a form is open: forms are window-modal, and a modal
    window shadows the main window's shortcuts. The key press then reaches the form, and this
    filter takes it.

    Signals:
        pressed(): the lock key was pressed where no shortcut took it.
    """

    pressed = Signal()

    def __init__(self, keys: QKeySequence, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._keys = keys

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() is QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and QKeySequence(event.keyCombination()) == self._keys
        ):
            self.pressed.emit()
            return True
        return False
