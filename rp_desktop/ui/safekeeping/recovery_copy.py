"""The district's recovery copy: a second passphrase, twice, where to save the copy, and the
school's switch that keeps private notes out of it (services/safekeeping/recovery_notes.py)."""

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rp_desktop.domain.safekeeping.passphrase import Passphrase
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.recovery_notes import (
    leave_private_notes_out,
    private_notes_left_out,
)
from rp_desktop.ui import choosers, dialogs
from rp_desktop.ui.passphrase.forms import NewPassphraseFields
from rp_desktop.ui.passphrase.unlock import PROBLEM_STYLE


@dataclass(frozen=True)
class RecoveryCopyRequest:
    passphrase: Passphrase
    target: Path
    notes_left_out: bool = False


class RecoveryCopyDialog(QDialog):
    """The district's passphrase, twice, and where to save the recovery copy."""

    def __init__(self, parent: QWidget | None = None, db: Database | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.request: RecoveryCopyRequest | None = None
        self.setWindowTitle(self.tr("Make a recovery copy"))
        self.setMinimumWidth(600)
        intro = QLabel(
            self.tr(
                "<p>A recovery copy holds all the records, encrypted with a second passphrase "
                "that your district keeps. If your own passphrase is ever lost, the district "
                "can still open the copy.</p><p>Type the district's passphrase (not yours), "
                "then choose where to save the copy, for example on the drive the district "
                "gave you.</p>"
            ),
            wordWrap=True,
        )
        self.fields = NewPassphraseFields()
        where = self._make_target_row()
        notes = self._make_notes_switch(db is not None and private_notes_left_out(db))
        self.problem = QLabel(wordWrap=True)
        self.problem.setStyleSheet(PROBLEM_STYLE)
        self.problem.hide()
        buttons = self._make_buttons()
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.fields)
        layout.addLayout(where)
        layout.addLayout(notes)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def _make_target_row(self) -> QHBoxLayout:
        """Where to save the copy, chosen with a file dialog, never typed."""
        self.target = QLineEdit(readOnly=True)
        self.target.setPlaceholderText(self.tr("No file chosen yet"))
        self.target.setAccessibleName(self.tr("Where to save the recovery copy"))
        self.choose_button = QPushButton(self.tr("Choose…"))
        self.choose_button.clicked.connect(self._choose)
        where = QHBoxLayout()
        where.addWidget(QLabel(self.tr("Save it as")))
        where.addWidget(self.target, 1)
        where.addWidget(self.choose_button)
        return where

    def _make_notes_switch(self, left_out: bool) -> QVBoxLayout:
        """The school's setting, as it stands; saved when the copy is made."""
        self.notes_out = QCheckBox(
            self.tr("Keep private notes out of the district's recovery copy")
        )
        self.notes_out.setAccessibleName(self.notes_out.text())
        self.notes_out.setChecked(left_out)
        about = QLabel(
            self.tr(
                "Ticked, every case's private note is emptied in the copy; your own backups "
                "keep them."
            ),
            wordWrap=True,
        )
        self.notes_out.setAccessibleDescription(about.text())
        about.setContentsMargins(22, 0, 0, 0)  # under the box's words, not its square
        column = QVBoxLayout()
        column.setSpacing(2)
        column.addWidget(self.notes_out)
        column.addWidget(about)
        return column

    def _make_buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox()
        self.make_button = buttons.addButton(
            self.tr("Make the recovery copy"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        return buttons

    def choose_target(self) -> Path | None:
        """Ask where to save; tests replace this."""
        chosen = choosers.choose_save_file(
            self,
            self.tr("Save the recovery copy as"),
            self.tr("RP Desktop recovery copy.db"),
            self.tr("RP Desktop database (*.db)"),
        )
        return chosen[0] if chosen else None

    def _choose(self) -> None:
        target = self.choose_target()
        if target is not None:
            self.target.setText(str(target))
            self.problem.hide()

    def accept(self) -> None:
        passphrase = self.fields.check()
        if passphrase is None:
            return
        if not self.target.text():
            self.problem.setText(self.tr("Choose where to save the recovery copy."))
            self.problem.show()
            return
        target = Path(self.target.text())
        if target.exists():
            self.problem.setText(self.tr("A file is already there. Choose a new name."))
            self.problem.show()
            return
        left_out = self.notes_out.isChecked()
        if self._db is not None and left_out != private_notes_left_out(self._db):
            leave_private_notes_out(self._db, left_out)
        self.request = RecoveryCopyRequest(passphrase, target, left_out)
        super().accept()

    @classmethod
    def ask(
        cls, parent: QWidget | None = None, db: Database | None = None
    ) -> RecoveryCopyRequest | None:
        dialog = cls(parent, db)
        return dialog.request if dialogs.accepted(dialog) else None
