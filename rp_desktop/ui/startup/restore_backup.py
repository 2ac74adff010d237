"""Restoring the school from a backup at the first run (a lost or a new laptop): the backup file,
the passphrase it was made under (with the unlock screen's growing wait after wrong ones) and
where the database goes. The new, empty database made moments before is replaced by the restored
one, never left behind; nothing is changed until the backup has been checked."""

from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rp_desktop.domain.safekeeping.passphrase import Passphrase
from rp_desktop.services.safekeeping.backup_folders import backups_root
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.errors import WrongPassphrase
from rp_desktop.services.safekeeping.files import is_encrypted_file, sniff
from rp_desktop.services.safekeeping.restoring import restore_instead_of_new, restore_to_new
from rp_desktop.ui import choosers
from rp_desktop.ui.passphrase.unlock import PROBLEM_STYLE, UnlockPanel
from rp_desktop.ui.safekeeping.recovery_words import restore_failed_words


class RestoreBackupDialog(QDialog):
    """Choose a backup, type its passphrase, choose where it goes: `restored` is the restored
    database, open, once it is in place. At the very first screen there is no database yet
    (`db` None: it goes to `path`); from the welcome, the new one `db` is then closed and gone."""

    def __init__(
        self, db: Database | None, parent: QWidget | None = None, *, path: Path | None = None
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._path = db.path if db is not None else (path or Path()).expanduser().absolute()
        self.restored: Database | None = None
        self.setWindowTitle(self.tr("Restore from a backup"))
        self.setMinimumWidth(640)
        self.backup_field = self._path_field(self.tr("Backup file"))
        self.backup_field.setPlaceholderText(self.tr("Choose the backup file"))
        self.backup_field.textChanged.connect(self._backup_chosen)
        self.target_field = self._path_field(self.tr("Where the restored database goes"))
        self.target_field.setText(str(self._path))
        self.choose_backup_button = QPushButton(self.tr("Choose…"))
        self.choose_backup_button.setAccessibleName(self.tr("Choose the backup file"))
        self.choose_backup_button.clicked.connect(self._choose_backup)
        self.choose_target_button = QPushButton(self.tr("Change…"))
        self.choose_target_button.setAccessibleName(self.tr("Change where the database goes"))
        self.choose_target_button.clicked.connect(self._choose_target)
        self.panel = UnlockPanel()
        # The dialog's own Restore button does the trying (Enter in the field presses it).
        self.panel.unlock_button.hide()
        self.panel.passphrase.setAccessibleName(self.tr("Passphrase of the backup"))
        self.panel.passphrase.setPlaceholderText(self.tr("The one the backup was made under"))
        self.problem = QLabel(wordWrap=True)
        self.problem.setStyleSheet(PROBLEM_STYLE)
        self.problem.hide()
        self._lay_out()
        self.choose_backup_button.setFocus()

    @staticmethod
    def _path_field(name: str) -> QLineEdit:
        field = QLineEdit()
        field.setAccessibleName(name)
        field.setMinimumWidth(380)
        return field

    def _lay_out(self) -> None:
        intro = QLabel(
            self.tr(
                "<h2>Restore from a backup</h2>"
                "<p>Put your school's records back from a backup: after a laptop was lost or "
                "replaced, for example. The backup may be on a USB drive or in a network "
                "folder. The restored records open with the passphrase the backup was made "
                "under.</p>"
            ),
            wordWrap=True,
        )
        self.passphrase_label = QLabel(self.tr("Its passphrase"))
        form = QFormLayout()
        form.addRow(self.tr("Backup"), _row(self.backup_field, self.choose_backup_button))
        form.addRow(self.passphrase_label, self.panel)
        form.addRow(self.tr("Restore to"), _row(self.target_field, self.choose_target_button))
        self.elsewhere_note = QLabel(wordWrap=True)
        self.elsewhere_note.hide()
        form.addRow("", self.elsewhere_note)
        self.target_field.textChanged.connect(self._target_changed)
        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton(
            self.tr("Restore"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setDefault(True)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.restore)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self._set_tab_order()

    def _set_tab_order(self) -> None:
        """From the backup to where it goes, then the buttons."""
        chain = (
            self.backup_field,
            self.choose_backup_button,
            self.panel.passphrase,
            self.panel.show_text,
            self.target_field,
            self.choose_target_button,
        )
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)

    def choose_backup_file(self) -> Path | None:
        """Ask which backup; tests replace this. The dialog opens in the backups folder."""
        start = backups_root()
        return choosers.choose_file(
            self,
            self.tr("Choose the backup to restore"),
            self.tr("RP Desktop backups (*.db);;All files (*)"),
            str(start) if start.is_dir() else "",  # else Documents, or home
        )

    def choose_target_file(self) -> Path | None:
        """Ask where the restored database goes; tests replace this."""
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Where the restored database goes"),
            self.target_field.text(),
            self.tr("RP Desktop database (*.db)"),
        )
        return Path(chosen) if chosen else None

    def _choose_backup(self) -> None:
        if (chosen := self.choose_backup_file()) is not None:
            self.backup_field.setText(str(chosen))
            self.panel.focus()

    def _choose_target(self) -> None:
        if (chosen := self.choose_target_file()) is not None:
            self.target_field.setText(str(chosen))

    def _target_changed(self, text: str) -> None:
        """Away from where RP Desktop looks when it starts, say how to open it again."""
        elsewhere = Path(text.strip() or self._path).expanduser().absolute() != self._path
        self.elsewhere_note.setText(
            self.tr(
                "RP Desktop opens {usual} when it starts. To open the restored school there "
                'later, start RP Desktop with: rp-desktop --db "{path}"'
            ).format(usual=self._path, path=text.strip())
        )
        self.elsewhere_note.setVisible(elsewhere)

    def _backup_chosen(self, text: str) -> None:
        """An unencrypted backup needs no passphrase: the field is hidden for one."""
        plain = bool(text.strip()) and _is_plain(Path(text.strip()))
        self.panel.setVisible(not plain)
        self.passphrase_label.setVisible(not plain)

    def _say(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))
        if text:  # what was said about an earlier passphrase no longer applies
            self.panel.message.hide()
        self.adjustSize()

    def _chosen_backup(self) -> Path | None:
        text = self.backup_field.text().strip()
        if not text:
            self._say(self.tr("Choose the backup file first."))
            return None
        if not Path(text).is_file():
            self._say(self.tr("There is no file at {path}.").format(path=text))
            return None
        return Path(text)

    def restore(self) -> None:
        """Check the choices, then restore; a wrong passphrase waits as the unlock screen does."""
        if self.panel.wait_timer.isActive() or (backup := self._chosen_backup()) is None:
            return
        plain, typed = _is_plain(backup), self.panel.passphrase.text()
        if not plain and not typed:
            self._say(self.tr("Type the passphrase the backup was made under."))
            self.panel.focus()
            return
        self._say("")
        self._restore(backup, None if plain else Passphrase(typed))

    def _restore(self, backup: Path, passphrase: Passphrase | None) -> None:
        target = Path(self.target_field.text().strip() or self._path)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            if self._db is None:
                done = restore_to_new(target, backup, passphrase)
            else:
                done = restore_instead_of_new(self._db, backup, passphrase, target)
        except WrongPassphrase:
            self.panel.failed()
            self.adjustSize()  # room for the words under the field, the field kept whole
            return
        except Exception as error:  # damaged, not a backup, a place taken, a full disk
            self._say(restore_failed_words(error, first_run=True))
            return
        finally:
            QApplication.restoreOverrideCursor()
        if passphrase is not None:
            self.panel.succeeded()
        self.restored = done.database
        self.accept()

    @classmethod
    def ask(cls, db: Database, parent: QWidget | None = None) -> Database | None:
        """The restored database, open; None when the user cancelled (`db` is as it was)."""
        dialog = cls(db, parent)
        dialog.exec()
        return dialog.restored

    @classmethod
    def ask_first(cls, path: Path) -> Database | None:
        """At the very first screen, before any database is made: the school restored to
        `path` (or where the user chose), open; None when the user went back."""
        dialog = cls(None, path=path)
        dialog.exec()
        return dialog.restored


def _is_plain(path: Path) -> bool:
    """An unencrypted database file (any other file may be an encrypted one, or damaged)."""
    return path.is_file() and sniff(path) is None and not is_encrypted_file(path)


def _row(field: QLineEdit, button: QPushButton) -> QHBoxLayout:
    button.setAutoDefault(False)  # Enter restores; it never opens a file dialog
    row = QHBoxLayout()
    row.addWidget(field, 1)
    row.addWidget(button)
    return row
