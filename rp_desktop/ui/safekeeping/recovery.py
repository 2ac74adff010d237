"""The recovery screen, shown at start when the database cannot be opened: it says what is
wrong in plain words and offers to try the passphrase again, restore a backup, or save what can
still be read. The file that would not open is never deleted or overwritten: restoring renames
it aside, and reading it opens it read-only. As the first screen (an empty file, or not a
database), it is drawn before the database code loads, and finds the backups after."""

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rp_desktop.domain.safekeeping.passphrase import Passphrase
from rp_desktop.services.safekeeping.errors import DatabaseError
from rp_desktop.services.safekeeping.files import is_encrypted_file
from rp_desktop.services.safekeeping.salvage import salvage_file
from rp_desktop.ui import choosers, dialogs
from rp_desktop.ui.application import when_drawn
from rp_desktop.ui.passphrase.unlock import PROBLEM_STYLE
from rp_desktop.ui.safekeeping.recovery_words import (
    PassphraseKeepsFailing,
    Recovery,
    backups_words,
    problem_words,
    restore_failed_words,
    salvage_failed_words,
    salvage_words,
    unreadable,
)

if TYPE_CHECKING:  # the backups' code loads once the screen is drawn
    from rp_desktop.services.safekeeping.backups import Backup
    from rp_desktop.services.safekeeping.database import Database


class RecoveryDialog(QDialog):
    """What went wrong and what can be done. `database` is set when a restored backup opened;
    `outcome` is Recovery.TRY_AGAIN when the user wants to type the passphrase again."""

    def __init__(
        self,
        path: Path,
        problem: DatabaseError,
        parent: QWidget | None = None,
        *,
        folder: Path | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        list_now: bool = True,
    ) -> None:
        super().__init__(parent)
        self._path = path
        self._folder = folder
        self._clock = clock
        self.database: Database | None = None
        self.outcome: Recovery | None = None
        self.setWindowTitle(self.tr("RP Desktop: the database could not be opened"))
        self.setMinimumWidth(720)
        self.backups: list[Backup] = []
        self._encrypted = encrypted = is_encrypted_file(path) or isinstance(
            problem, PassphraseKeepsFailing
        )
        self.message = QLabel(problem_words(path.name, unreadable(problem)), wordWrap=True)
        self.passphrase = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.passphrase.setPlaceholderText(self.tr("The passphrase of your records"))
        self.show_text = QCheckBox(self.tr("Show"))
        self.show_text.toggled.connect(self._show_text)
        self.problem = QLabel(wordWrap=True)
        self.problem.setStyleSheet(PROBLEM_STYLE)
        self.problem.hide()
        self.try_again_button = QPushButton(self.tr("Try the passphrase again"))
        self.try_again_button.setVisible(encrypted)
        self.try_again_button.clicked.connect(self._try_again)
        self.quit_button = QPushButton(self.tr("Quit"))
        self.quit_button.clicked.connect(self.reject)
        self._lay_out()
        if list_now:
            self.list_backups()

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self._passphrase_part())
        layout.addWidget(self.problem)
        layout.addWidget(self._restore_box())
        layout.addWidget(self._salvage_box())
        layout.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.try_again_button)
        buttons.addStretch(1)
        buttons.addWidget(self.quit_button)
        layout.addLayout(buttons)

    def _passphrase_part(self) -> QWidget:
        """Shown when the file, or one of its backups, is encrypted."""
        self._passphrase_needed = QWidget()
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Passphrase")))
        row.addWidget(self.passphrase, 1)
        row.addWidget(self.show_text)
        part = QVBoxLayout(self._passphrase_needed)
        part.setContentsMargins(0, 0, 0, 0)
        intro = self.tr(
            "To restore a backup or save what can be read, type the passphrase of your records:"
        )
        part.addWidget(QLabel(intro, wordWrap=True))
        part.addLayout(row)
        self._passphrase_needed.setVisible(self._encrypted)
        return self._passphrase_needed

    def _restore_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Restore a backup"))
        self.backup_list = QListWidget()
        self.backup_list.setAccessibleName(self.tr("Backups of this database"))
        self.restore_button = QPushButton(self.tr("Restore the chosen backup"))
        self.restore_button.clicked.connect(self.restore_chosen)
        self.restore_file_button = QPushButton(self.tr("Restore a backup file…"))
        self.restore_file_button.clicked.connect(self.restore_file)
        self.backups_note = QLabel(backups_words(None), wordWrap=True)
        layout = QVBoxLayout(box)
        layout.addWidget(self.backups_note)
        layout.addWidget(self.backup_list)
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.restore_file_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.backup_list.hide()
        self.restore_button.hide()
        return box

    def list_backups(self) -> None:
        """Find the backups of the file (their folder is read, none is opened) and offer them."""
        from rp_desktop.services.safekeeping import backups
        from rp_desktop.ui.safekeeping.backup_list import backup_time, reason_words, size_words

        self.backups = backups.list_backups(self._path, folder=self._folder, check=False)
        for backup in self.backups:
            self.backup_list.addItem(
                f"{backup_time(backup.taken_at)} · {reason_words(backup.reason)} · "
                f"{size_words(backup.size)}"
            )
        self.backup_list.setCurrentRow(0)
        self.backups_note.setText(backups_words(bool(self.backups)))
        self.backup_list.setVisible(bool(self.backups))
        self.restore_button.setVisible(bool(self.backups))
        encrypted_backup = any(is_encrypted_file(b.path) for b in self.backups)
        self._passphrase_needed.setVisible(self._encrypted or encrypted_backup)

    def _salvage_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Save what can still be read"))
        self.salvage_button = QPushButton(self.tr("Save what can be read…"))
        self.salvage_button.clicked.connect(self.save_what_can_be_read)
        self.salvage_result = QLabel(wordWrap=True)
        self.salvage_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(box)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Copy everything that can still be read into a new file, for your IT "
                    "contact or to open later. The damaged file is not changed."
                ),
                wordWrap=True,
            )
        )
        layout.addWidget(self.salvage_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.salvage_result)
        return box

    def _show_text(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.passphrase.setEchoMode(mode)

    def _typed(self) -> Passphrase | None:
        return Passphrase(self.passphrase.text()) if self.passphrase.text() else None

    def _say(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def _try_again(self) -> None:
        self.outcome = Recovery.TRY_AGAIN
        self.accept()

    def chosen_backup(self) -> "Backup | None":
        row = self.backup_list.currentRow()
        return self.backups[row] if 0 <= row < len(self.backups) else None

    def restore_chosen(self) -> None:
        from rp_desktop.ui.safekeeping.backup_list import backup_time

        backup, now = self.chosen_backup(), self._clock()
        if backup is not None and self._confirm_restore(
            self.tr("as they were on {when}").format(when=backup_time(backup.taken_at)), now
        ):
            self._restore_from(backup.path, now)

    def restore_file(self) -> None:
        """A backup not among those listed (a USB drive, a network folder), chosen as a file."""
        chosen, now = self.choose_backup_file(), self._clock()
        if chosen is not None and is_encrypted_file(chosen):  # its passphrase will be asked for
            self._passphrase_needed.show()
        if chosen is not None and self._confirm_restore(
            self.tr("as they are in {file}").format(file=chosen.name), now
        ):
            self._restore_from(chosen, now)

    def choose_backup_file(self) -> Path | None:
        """Ask which backup file; tests replace this. It opens in the backups folder."""
        from rp_desktop.services.safekeeping.backup_folders import backups_root

        start = self._folder or backups_root()
        return choosers.choose_file(
            self,
            self.tr("Choose the backup to restore"),
            self.tr("RP Desktop backups (*.db);;All files (*)"),
            str(start) if start.is_dir() else "",  # else Documents, or home
        )

    def _restore_from(self, backup: Path, now: datetime) -> None:
        from rp_desktop.services.safekeeping.opening import open_database
        from rp_desktop.services.safekeeping.restoring import restore_in_place

        passphrase = self._typed()
        try:
            restore_in_place(self._path, backup, passphrase, now)
            self.database = open_database(self._path, passphrase=passphrase)
        except Exception as error:  # the old file is back in its place when putting the copy fails
            self._say(restore_failed_words(error))
            return
        self.accept()

    def _confirm_restore(self, when: str, now: datetime) -> bool:
        from rp_desktop.services.safekeeping.backups import damaged_name

        return dialogs.confirm(
            self,
            self.tr("Restore this backup?"),
            self.tr(
                "The records will be put back {when}; anything entered after that will not be "
                "in them.\n\nThe file that would not open is kept, renamed to {name}, in the "
                "same folder."
            ).format(when=when, name=damaged_name(self._path, now)),
            self.tr("Restore the backup"),
            self.tr("Cancel"),
        )

    def choose_target(self) -> Path | None:
        """Ask where to save what can be read; tests replace this."""
        suggested = self._path.with_name(f"{self._path.stem} (what could be read).db")
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save what can be read as"),
            str(suggested),
            self.tr("RP Desktop database (*.db)"),
        )
        return Path(chosen) if chosen else None

    def save_what_can_be_read(self) -> None:
        passphrase = self._typed()
        if passphrase is None and is_encrypted_file(self._path):
            self._say(self.tr("Type the passphrase first: the file is encrypted with it."))
            return
        target = self.choose_target()
        if target is None:
            return
        try:
            salvage = salvage_file(self._path, passphrase, target)
        except Exception as error:  # nothing readable, an existing file, a folder not writable
            self._say(salvage_failed_words(error))
            return
        self._say("")
        self.salvage_result.setText(salvage_words(salvage, target))

    @classmethod
    def ask(
        cls, path: Path, problem: DatabaseError, parent: QWidget | None = None
    ) -> "Database | Recovery | None":
        """The restored database, Recovery.TRY_AGAIN, or None when the user quit. The backups
        are found once the screen is drawn: their code may not have loaded yet."""
        dialog = cls(path, problem, parent, list_now=False)
        dialog.winId()  # its window, to be drawn
        when_drawn(dialog.list_backups, dialog.windowHandle())
        dialog.exec()
        return dialog.database or dialog.outcome
