"""The district's recovery copy: a second passphrase, twice, and where to save the copy."""

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
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
from rp_desktop.ui import choosers, dialogs
from rp_desktop.ui.passphrase.forms import NewPassphraseFields
from rp_desktop.ui.passphrase.unlock import PROBLEM_STYLE


@dataclass(frozen=True)
class RecoveryCopyRequest:
    passphrase: Passphrase
    target: Path


class RecoveryCopyDialog(QDialog):
    """The district's passphrase, twice, and where to save the recovery copy."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
        self.problem = QLabel(wordWrap=True)
        self.problem.setStyleSheet(PROBLEM_STYLE)
        self.problem.hide()
        buttons = self._make_buttons()
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.fields)
        layout.addLayout(where)
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
        self.request = RecoveryCopyRequest(passphrase, target)
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None = None) -> RecoveryCopyRequest | None:
        dialog = cls(parent)
        return dialog.request if dialogs.accepted(dialog) else None
