"""Choosing a passphrase: for a new database (or the explicit choice of none), and changing it.

Pasting is allowed, there are no composition rules, and the advice beside the field says what
is wrong in plain words as the user types."""

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from rp_desktop.domain.safekeeping.passphrase import Passphrase, PassphraseProblem
from rp_desktop.services.safekeeping.errors import WrongPassphrase
from rp_desktop.services.safekeeping.passphrases import (
    WeakPassphrase,
    change_passphrase,
    passphrase_problem,
)
from rp_desktop.ui import dialogs
from rp_desktop.ui.passphrase.unlock import PROBLEM_STYLE

if TYPE_CHECKING:  # the new-school screen is shown before the database code has loaded
    from rp_desktop.services.safekeeping.database import Database

ADVICE_STYLE = "color: #3c4043;"


def problem_words(problem: PassphraseProblem) -> str:
    def tr(text: str) -> str:
        return QCoreApplication.translate("Passphrase", text)

    return {
        PassphraseProblem.EMPTY: tr("Type a passphrase."),
        PassphraseProblem.TOO_SHORT: tr(
            "Make it longer: at least 15 characters, or four or more words."
        ),
        PassphraseProblem.COMMON: tr(
            "Many people choose this one, so it is easy to guess. Choose another."
        ),
        PassphraseProblem.REPEATED: tr("It repeats the same few characters. Choose another."),
        PassphraseProblem.MISMATCH: tr("The two passphrases are not the same."),
    }[problem]


def _password_field(name: str) -> QLineEdit:
    field = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
    field.setAccessibleName(name)
    field.setMinimumWidth(360)
    return field


class NewPassphraseFields(QWidget):
    """A new passphrase typed twice, with advice beside it as it is typed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.passphrase = _password_field(self.tr("New passphrase"))
        self.passphrase.setPlaceholderText(self.tr("For example: four words you will remember"))
        self.again = _password_field(self.tr("New passphrase again"))
        self.show_text = QCheckBox(self.tr("Show what I type"))
        self.show_text.toggled.connect(self._show_text)
        self.advice = QLabel(
            self.tr("At least 15 characters, or four or more words. Spaces are fine."),
            wordWrap=True,
        )
        self.advice.setStyleSheet(ADVICE_STYLE)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Passphrase"), self.passphrase)
        form.addRow(self.tr("Type it again"), self.again)
        form.addRow("", self.show_text)
        form.addRow("", self.advice)
        self.passphrase.textChanged.connect(self._judge_as_typed)
        self.again.textChanged.connect(self._judge_as_typed)

    def _show_text(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.passphrase.setEchoMode(mode)
        self.again.setEchoMode(mode)

    def problem(self) -> PassphraseProblem | None:
        return passphrase_problem(self.passphrase.text(), self.again.text())

    def _judge_as_typed(self) -> None:
        # The second field is judged only once it is as long as the first.
        again = self.again.text()
        confirmation = again if len(again) >= len(self.passphrase.text()) else None
        problem = passphrase_problem(self.passphrase.text(), confirmation)
        if problem is None:
            text = (
                self.tr(
                    "Good. Write it down somewhere safe: without it, no one can open the records."
                )
                if confirmation is not None
                else self.tr("Good. Now type it again below.")
            )
            self.advice.setStyleSheet(ADVICE_STYLE)
        else:
            text = problem_words(problem)
            self.advice.setStyleSheet(PROBLEM_STYLE)
        self.advice.setText(text)

    def check(self) -> Passphrase | None:
        """The passphrase when it will do; otherwise say why beside the field and return None."""
        problem = self.problem()
        if problem is not None:
            self.advice.setText(problem_words(problem))
            self.advice.setStyleSheet(PROBLEM_STYLE)
            field = self.again if problem is PassphraseProblem.MISMATCH else self.passphrase
            field.setFocus()
            return None
        return Passphrase(self.passphrase.text())


@dataclass(frozen=True)
class NewDatabaseChoice:
    passphrase: Passphrase | None  # None: the user chose no encryption
    # The user has a backup of the school (a laptop lost or replaced): restore it instead.
    restore: bool = False

    @property
    def unencrypted(self) -> bool:
        return self.passphrase is None


class NewDatabaseDialog(QDialog):
    """The first run: protect the new database with a passphrase, or explicitly choose not to."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice: NewDatabaseChoice | None = None
        self.setWindowTitle(self.tr("Protect your records"))
        self.setMinimumWidth(600)
        intro = QLabel(
            self.tr(
                "<h2>Protect your records</h2>"
                "<p>RP Desktop keeps records about students on this computer. Choose a "
                "passphrase: the records are encrypted with it, so a lost or stolen laptop "
                "gives nothing away. You will type it each time RP Desktop starts or unlocks.</p>"
                "<p>A few ordinary words you will remember work well. If the passphrase is lost, "
                "the records cannot be opened by anyone, so keep a written copy somewhere safe, "
                "or make a recovery copy for your district (File menu).</p>"
            ),
            wordWrap=True,
        )
        self.fields = NewPassphraseFields()
        self.unencrypted = QCheckBox(self.tr("Do not encrypt this database (not recommended)"))
        self.warning = QLabel(
            self.tr(
                "Without encryption, anyone who has this laptop, or a copy of the database file, "
                "can read every record. Choose this only if the district protects the whole disk "
                "and has asked you to."
            ),
            wordWrap=True,
        )
        self.warning.setStyleSheet(PROBLEM_STYLE)
        self.warning.hide()
        self.unencrypted.toggled.connect(self._encryption_toggled)
        self._lay_out(intro, self._buttons())
        self.fields.passphrase.setFocus()

    def _buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox()
        self.create_button = buttons.addButton(
            self.tr("Create the database"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        self.restore_button = buttons.addButton(
            self.tr("Restore my school from a backup…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.restore_button.setAccessibleName(self.tr("Restore my school from a backup"))
        self.restore_button.setAutoDefault(False)
        self.restore_button.clicked.connect(self._restore_instead)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        return buttons

    def _restore_instead(self) -> None:
        """No new database: the school comes back from its backup, with its own passphrase."""
        self.choice = NewDatabaseChoice(None, restore=True)
        super().accept()

    def _lay_out(self, intro: QLabel, buttons: QDialogButtonBox) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.fields)
        layout.addSpacing(8)
        layout.addWidget(self.unencrypted)
        layout.addWidget(self.warning)
        layout.addStretch(1)
        layout.addWidget(buttons)

    def _encryption_toggled(self, without: bool) -> None:
        self.fields.setEnabled(not without)
        self.warning.setVisible(without)

    def accept(self) -> None:
        if self.unencrypted.isChecked():
            self.choice = NewDatabaseChoice(None)
        else:
            passphrase = self.fields.check()
            if passphrase is None:
                return
            self.choice = NewDatabaseChoice(passphrase)
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None = None) -> NewDatabaseChoice | None:
        dialog = cls(parent)
        return dialog.choice if dialog.exec() == QDialog.DialogCode.Accepted else None


class ChangePassphraseDialog(QDialog):
    """The current passphrase, then the new one twice; the database is re-encrypted under the
    new one (services.passphrases.change_passphrase, which writes the audit event)."""

    def __init__(self, db: "Database", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.changed = False
        self.setWindowTitle(self.tr("Change the passphrase"))
        self.current_field = _password_field(self.tr("Current passphrase"))
        self.fields = NewPassphraseFields()
        self.current_problem = QLabel(wordWrap=True)
        self.current_problem.setStyleSheet(PROBLEM_STYLE)
        self.current_problem.hide()
        form = QFormLayout()
        form.addRow(self.tr("Current passphrase"), self.current_field)
        form.addRow("", self.current_problem)
        buttons = QDialogButtonBox()
        self.change_button = buttons.addButton(
            self.tr("Change the passphrase"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.fields)
        layout.addWidget(buttons)

    def _current_is_wrong(self) -> None:
        self.current_problem.setText(self.tr("That is not the current passphrase."))
        self.current_problem.show()
        self.current_field.clear()
        self.current_field.setFocus()

    def accept(self) -> None:
        if not self.current_field.text():
            self.current_problem.setText(self.tr("Type the current passphrase."))
            self.current_problem.show()
            return
        new = self.fields.check()
        if new is None:
            return
        # QtCore.Qt named here, not at the top: the new-school screen is a first screen, and
        # the Qt namespace builds all its enumerations when first named.
        QApplication.setOverrideCursor(QtCore.Qt.CursorShape.WaitCursor)
        try:
            change_passphrase(self._db, Passphrase(self.current_field.text()), new)
        except WrongPassphrase:
            self._current_is_wrong()
            return
        except WeakPassphrase as weak:  # the fields judge the same way; this is belt and braces
            self.fields.advice.setText(problem_words(weak.problem))
            self.fields.advice.setStyleSheet(PROBLEM_STYLE)
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.changed = True
        super().accept()

    @classmethod
    def ask(cls, db: "Database", parent: QWidget | None = None) -> bool:
        """True when the passphrase was changed."""
        dialog = cls(db, parent)
        dialogs.wait_for(dialog)  # locking hides it; unlocking brings it back as it was
        return dialog.changed
