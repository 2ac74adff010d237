"""Choosing who gets a letter, and printing it: one letter per family member chosen, each in
their home language when the app has it (English otherwise, with a line offering an
interpreter), sent to the printer or saved as one PDF. Each letter to a caregiver on record is
logged in the case's family contacts as a letter sent."""

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rp_desktop.domain.continuum.letters import Letter, Recipient, letters_for
from rp_desktop.ui.families.languages import language_name
from rp_desktop.ui.families.letter_texts import available_languages
from rp_desktop.ui.screen_fit import fit_to_screen


@dataclass(frozen=True)
class Addressee:
    """Someone a letter can go to, and the first name of the student it is about."""

    recipient: Recipient
    student_first_name: str
    relation: str
    student_id: int | None = None  # the student the letter is about


class LetterDialog(QDialog):
    """Choose the recipients (all ticked at first) and, for an invitation, the meeting and the
    place; Print… or Save as PDF… close it with `choice` saying which."""

    PRINT = "print"
    PDF = "pdf"

    def __init__(
        self,
        title: str,
        addressees: list[Addressee],
        choices: list[tuple[str, int]],
        choice_label: str,
        *,
        ask_place: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.addressees = addressees
        self.available = available_languages()
        self.choice = ""
        self.which = self._choice_combo(choices, choice_label)
        self.place = QLineEdit(placeholderText=self.tr("e.g. the counseling office, room 104"))
        self.place.setAccessibleName(self.tr("Where"))
        self.place.setVisible(ask_place)
        self.people = QListWidget()
        self.people.setAccessibleName(self.tr("Who gets a letter"))
        self.people.setWordWrap(True)
        self.people.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.none = QLabel(
            self.tr("No family member on this case or on its students' records yet."),
            wordWrap=True,
        )
        self.print_button = QPushButton(self.tr("Print…"))
        self.pdf_button = QPushButton(self.tr("Save as PDF…"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self._fill()
        self._lay_out(choice_label, ask_place)
        self.print_button.clicked.connect(lambda: self._finish(self.PRINT))
        self.pdf_button.clicked.connect(lambda: self._finish(self.PDF))
        self.buttons.rejected.connect(self.reject)
        self.people.itemChanged.connect(self._sync)
        self._sync()
        fit_to_screen(self, self.sizeHint().expandedTo(self.minimumSizeHint()), "letters")

    @staticmethod
    def _choice_combo(choices: list[tuple[str, int]], choice_label: str) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(choice_label)
        for text, record_id in choices:
            combo.addItem(text, record_id)
        return combo

    def chosen(self) -> list[tuple[Letter, Addressee]]:
        """The letters to write, one per ticked recipient, each with its language."""
        ticked = [
            self.addressees[row]
            for row in range(self.people.count())
            if self.people.item(row).checkState() == Qt.CheckState.Checked
        ]
        letters = letters_for([a.recipient for a in ticked], self.available)
        return list(zip(letters, ticked, strict=True))

    def record_id(self) -> int | None:
        data = self.which.currentData()
        return int(data) if data is not None else None

    def _fill(self) -> None:
        letters = letters_for([a.recipient for a in self.addressees], self.available)
        for letter, addressee in zip(letters, self.addressees, strict=True):
            item = QListWidgetItem(self._line(letter, addressee))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.people.addItem(item)
        self.none.setVisible(not self.addressees)

    def _line(self, letter: Letter, addressee: Addressee) -> str:
        language = letter.language
        name = addressee.recipient.name
        if addressee.relation:
            name = self.tr("{name} ({relation})").format(name=name, relation=addressee.relation)
        if addressee.student_first_name:
            name = self.tr("{name}, about {student}").format(
                name=name, student=addressee.student_first_name
            )
        wanted = language_name(language.wanted)
        if language.fell_back:
            text = self.tr("{name}: {language} not available yet: English, interpreter offered")
            return text.format(name=name, language=wanted)
        if language.interpreter_line:
            return self.tr("{name}: in {language}, interpreter offered").format(
                name=name, language=wanted
            )
        return self.tr("{name}: in {language}").format(name=name, language=wanted)

    def _lay_out(self, choice_label: str, ask_place: bool) -> None:
        form = QFormLayout()
        form.addRow(choice_label, self.which)
        if ask_place:
            form.addRow(self.tr("Where"), self.place)
        self.buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.pdf_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(
            QLabel(self.tr("One letter for each family member ticked, in their language:"))
        )
        layout.addWidget(self.none)
        layout.addWidget(self.people, 1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(760)

    def _sync(self) -> None:
        any_ticked = bool(self.chosen())
        self.print_button.setEnabled(any_ticked)
        self.pdf_button.setEnabled(any_ticked)

    def _finish(self, choice: str) -> None:
        self.choice = choice
        self.accept()
