"""The Security menu: lock now, change the passphrase, how long before locking by itself; and
the status bar's word on whether the database is encrypted."""

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMainWindow,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui import dialogs
from rp_desktop.ui.lock.idle import IdleWatcher
from rp_desktop.ui.lock.locking import LockKey, WindowLock
from rp_desktop.ui.settings import IDLE_LOCK_MINUTES

MIN_MINUTES, MAX_MINUTES = 1, 60
LOCK_KEYS = QKeySequence("Ctrl+L")


def _tr(text: str) -> str:
    return QCoreApplication.translate("SecurityMenu", text)


class IdleMinutesDialog(QDialog):
    """How many minutes without use before RP Desktop locks by itself."""

    def __init__(self, minutes: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Lock after"))
        intro = QLabel(
            self.tr(
                "When nobody has used RP Desktop for this long, it locks: the records are "
                "hidden, and the database closed, until you unlock it."
            ),
            wordWrap=True,
        )
        self.minutes = QSpinBox(minimum=MIN_MINUTES, maximum=MAX_MINUTES)
        self.minutes.setValue(min(max(minutes, MIN_MINUTES), MAX_MINUTES))
        self.minutes.setSuffix(self.tr(" minutes"))
        self.minutes.setAccessibleName(self.tr("Minutes without use before locking"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.minutes, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    @classmethod
    def ask(cls, minutes: int, parent: QWidget | None = None) -> int | None:
        """The minutes chosen, or None when cancelled."""
        dialog = cls(minutes, parent)
        if dialogs.wait_for(dialog) != QDialog.DialogCode.Accepted.value:
            return None
        return dialog.minutes.value()


def add_security_menu(
    window: QMainWindow, db: Database, lock: WindowLock, idle: IdleWatcher
) -> LockKey:
    """The Security menu, with Lock now on Ctrl+L; returns the filter that catches Ctrl+L in
    any window, for the caller to install."""
    menu = window.menuBar().addMenu(_tr("&Security"))
    lock_now = QAction(_tr("&Lock now"), window)
    lock_now.setShortcut(LOCK_KEYS)
    lock_now.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)  # from any window
    lock_now.triggered.connect(lock.lock)
    menu.addAction(lock_now)
    # And from a form, which the shortcut cannot reach: the key filter returned is installed
    # with the window's other input watch (MainWindow.watch_input).
    key = LockKey(LOCK_KEYS, menu)
    key.pressed.connect(lock.lock)
    menu.addSeparator()
    change = menu.addAction(_tr("&Change passphrase…"))
    change.triggered.connect(lambda: change_passphrase(window, db))
    after = menu.addAction(_tr("Lock &after…"))
    after.triggered.connect(lambda: choose_idle_minutes(window, idle))
    return key


def change_passphrase(parent: QWidget, db: Database) -> None:
    if not db.encrypted:
        dialogs.show_error(
            parent,
            _tr("This database is not encrypted"),
            _tr(
                "This database has no passphrase to change: it is not encrypted, so anyone "
                "who can use this computer or copy the file can read the records.\n\n"
                "To protect them, make an encrypted copy under a passphrase (File > Backups… > "
                "Make a recovery copy…), open the copy from then on and delete this file. Ask "
                "whoever looks after RP Desktop in your district if you need help."
            ),
        )
        return
    from rp_desktop.ui.passphrase.forms import ChangePassphraseDialog  # loaded when first used

    ChangePassphraseDialog.ask(db, parent)


def choose_idle_minutes(parent: QWidget, idle: IdleWatcher) -> None:
    store = QSettings()
    minutes = IdleMinutesDialog.ask(IDLE_LOCK_MINUTES.read(store), parent)
    if minutes is not None:
        IDLE_LOCK_MINUTES.write(store, minutes)
        idle.set_minutes(minutes)


def encryption_label(db: Database) -> QLabel:
    """A permanent status-bar word: Encrypted or Not encrypted, explained in its tooltip."""
    if db.encrypted:
        text = _tr("Encrypted")
        tip = _tr(
            "The records are encrypted on disk: without the passphrase, this file and its "
            "backups cannot be read."
        )
    else:
        text = _tr("Not encrypted")
        tip = _tr(
            "The records are not encrypted: anyone who can use this computer or copy the "
            "database file can read them. Security > Change passphrase explains what to do."
        )
    label = QLabel(text)
    label.setContentsMargins(12, 0, 4, 0)
    label.setToolTip(tip)
    label.setProperty("showWhenLocked", True)
    return label
