"""Open a case from a practice log: the one thing a log lacks to be a Tier 2 case is what it is
about (a category of harm or of concern) and a sentence on what happened, started from the
log's note. The students come in as "Student": who was harmed, if anyone, is for the case."""

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from rp_desktop.domain.continuum.practice import CASE_CATEGORY_KINDS, PracticeLog
from rp_desktop.domain.validation import InvalidInput
from rp_desktop.services.casework import cases
from rp_desktop.services.continuum import practice
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui import dialogs
from rp_desktop.ui.forms.widgets import searchable_if_long
from rp_desktop.ui.practice.words import practice_words, refusal_text
from rp_desktop.ui.screen_fit import fit_to_screen
from rp_desktop.ui.words.formatting import counted, format_date
from rp_desktop.ui.words.problems import problem_text

PREFERRED = QSize(620, 200)  # grows to its words where they wrap


class OpenCaseDialog(QDialog):
    """Choose the category and say what happened; Open the case saves it. `case_id` is the new
    case's once accepted."""

    def __init__(self, db: Database, log: PracticeLog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._log = log
        self.case_id: int | None = None
        self.setWindowTitle(self.tr("Open a case from this log"))
        self.category = self._category_combo()
        self.description = QLineEdit(log.fields.note)
        self.description.setAccessibleName(self.tr("What happened"))
        self.description.setPlaceholderText(self.tr("In one sentence, in plain words."))
        self.problem = QLabel(wordWrap=True)
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.open_button = self.buttons.addButton(
            self.tr("Open the case"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._lay_out()
        fit_to_screen(self, PREFERRED.expandedTo(self.sizeHint()), "practice_case")

    @classmethod
    def ask(cls, db: Database, log: PracticeLog, parent: QWidget | None = None) -> int | None:
        """The new case's id, or None when cancelled."""
        dialog = cls(db, log, parent)
        return dialog.case_id if dialogs.accepted(dialog) else None

    def intro_text(self) -> str:
        fields = self._log.fields
        students = counted(
            len(fields.student_ids), self.tr("1 student"), self.tr("{count} students")
        )
        return self.tr(
            "A Tier 2 case of {date} from {what}, with {students} in it as "
            '"Student" (in the case, say who was harmed, if anyone).'
        ).format(
            date=format_date(fields.happened_on),
            what=practice_words(fields.kind, fields.tally),
            students=students,
        )

    def accept(self) -> None:
        category_id = self.category.currentData()
        if category_id is None:
            self._say(self.tr("Choose what the case is about."), self.category)
            return
        try:
            self.case_id = practice.open_case_from_practice(
                self._db, self._log.id, category_id, self.description.text()
            )
        except InvalidInput as invalid:
            self._say(" ".join(problem_text(p) for p in invalid.problems), self.description)
            return
        except practice.CaseNotOpened as refused:
            self._say(refusal_text(refused.refusal, self._log.case_id), self.category)
            return
        super().accept()

    def _category_combo(self) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(self.tr("Category"))
        for category in cases.list_categories(self._db):
            if category.kind in CASE_CATEGORY_KINDS:
                combo.addItem(category.name, category.id)
        combo.setPlaceholderText(self.tr("Choose a category…"))
        combo.setCurrentIndex(-1)
        searchable_if_long(combo)
        return combo

    def _lay_out(self) -> None:
        intro = QLabel(self.intro_text(), wordWrap=True)
        fields = QFormLayout()
        fields.addRow(self.tr("&Category"), self.category)
        fields.addRow(self.tr("&What happened"), self.description)  # each label its buddy
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(fields)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    def _say(self, text: str, field: QWidget) -> None:
        self.problem.setText(text)
        self.problem.show()
        field.setFocus()
