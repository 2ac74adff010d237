"""Unlocking an encrypted database: a passphrase field that waits longer after each wrong try.

The panel is shared by the start-up dialog and the lock screen of the main window; whoever holds
it does the trying and tells it how that went."""

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rp_desktop.domain.safekeeping.passphrase import Passphrase, unlock_delay
from rp_desktop.services.safekeeping.errors import DatabaseError, WrongPassphrase
from rp_desktop.ui.settings import FAILED_UNLOCKS

if TYPE_CHECKING:  # the first screen is shown before the database code has loaded
    from rp_desktop.services.safekeeping.database import Database

PROBLEM_STYLE = "color: #b00020;"
# This is the first screen, drawn before the rest of the application has loaded: it names none
# of Qt's own enumerations (the Qt namespace builds them all when first named, which takes longer
# than drawing the screen).


class UnlockPanel(QWidget):
    """A passphrase field and an Unlock button; `attempted` carries what was typed."""

    attempted = Signal(object)  # Passphrase

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.passphrase = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.passphrase.setPlaceholderText(self.tr("Passphrase"))
        self.passphrase.setMinimumWidth(360)
        self.show_text = QCheckBox(self.tr("Show"))
        self.show_text.toggled.connect(self._show_text)
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setDefault(True)
        self.message = QLabel(wordWrap=True)
        self.message.setStyleSheet(PROBLEM_STYLE)
        self.message.hide()
        self.wait_timer = QTimer(self, singleShot=True)
        self.wait_timer.timeout.connect(self._wait_over)
        row = QHBoxLayout()
        row.addWidget(self.passphrase, 1)
        row.addWidget(self.show_text)
        row.addWidget(self.unlock_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.unlock_button.clicked.connect(self._attempt)
        self.passphrase.returnPressed.connect(self._attempt)
        self._wait_if_needed(announce=False)

    def _show_text(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.passphrase.setEchoMode(mode)

    def _attempt(self) -> None:
        if self.wait_timer.isActive() or not self.passphrase.text():
            return
        self.attempted.emit(Passphrase(self.passphrase.text()))

    def failed(self) -> None:
        """The passphrase was wrong: say so, clear the field and wait before the next try."""
        settings = QSettings()
        FAILED_UNLOCKS.write(settings, FAILED_UNLOCKS.read(settings) + 1)
        self.passphrase.clear()
        self.message.setText(self.tr("That passphrase is not right. Check it and try again."))
        self.message.show()
        self._wait_if_needed(announce=True)

    def succeeded(self) -> None:
        FAILED_UNLOCKS.write(QSettings(), 0)
        self.passphrase.clear()
        self.message.hide()

    def focus(self) -> None:
        self.passphrase.setFocus()

    def _wait_if_needed(self, *, announce: bool) -> None:
        seconds = unlock_delay(FAILED_UNLOCKS.read(QSettings()))
        if not seconds:
            return
        self.unlock_button.setEnabled(False)
        self.passphrase.setEnabled(False)
        self.wait_timer.start(int(seconds * 1000))
        wait = self._wait_words(int(seconds))
        text = f"{self.message.text()} {wait}" if announce else wait
        self.message.setText(text)
        self.message.show()

    def _wait_words(self, seconds: int) -> str:
        if seconds >= 60 and seconds % 60 == 0:
            minutes = seconds // 60
            if minutes == 1:
                return self.tr("Wait a minute before trying again.")
            return self.tr("Wait {minutes} minutes before trying again.").format(minutes=minutes)
        if seconds >= 60:
            return self.tr(
                "Wait {minutes} minutes and {seconds} seconds before trying again."
            ).format(minutes=seconds // 60, seconds=seconds % 60)
        if seconds == 1:
            return self.tr("Wait a second before trying again.")
        return self.tr("Wait {seconds} seconds before trying again.").format(seconds=seconds)

    def _wait_over(self) -> None:
        self.unlock_button.setEnabled(True)
        self.passphrase.setEnabled(True)
        self.message.setText(self.tr("You can try again now."))
        self.focus()


class UnlockDialog(QDialog):
    """Start-up for an encrypted database: the passphrase, tried by `opener` until it opens."""

    def __init__(
        self,
        path: Path,
        opener: Callable[[Passphrase], "Database"],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._opener = opener
        self.database: Database | None = None
        self.error: DatabaseError | None = None
        self.setWindowTitle(self.tr("Unlock RP Desktop"))
        intro = QLabel(
            self.tr(
                "<h2>Unlock your records</h2><p>The database {name} is encrypted. "
                "Type its passphrase to open it.</p>"
            ).format(name=path.name),
            wordWrap=True,
        )
        self.panel = UnlockPanel()
        self.quit_button = QPushButton(self.tr("Quit"))
        self.quit_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.quit_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.panel)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.panel.attempted.connect(self._try)
        self.panel.focus()

    def _try(self, passphrase: Passphrase) -> None:
        try:
            self.database = self._opener(passphrase)
        except WrongPassphrase:
            self.panel.failed()
            return
        except DatabaseError as error:
            self.error = error
            self.reject()
            return
        self.panel.succeeded()
        self.accept()

    @classmethod
    def ask(
        cls, path: Path, opener: Callable[[Passphrase], "Database"]
    ) -> "Database | DatabaseError | None":
        """The opened database, the error that stopped it opening, or None if the user quit."""
        dialog = cls(path, opener)
        dialog.exec()
        return dialog.database or dialog.error
