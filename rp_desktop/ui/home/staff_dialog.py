"""Adding the staff who keep circles and follow cases: a name and a role at a time, the staff
already kept listed above. Reached from Home's checklist for a new school."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rp_desktop.domain.first_steps import StaffFields
from rp_desktop.domain.validation import InvalidInput
from rp_desktop.domain.vocabulary import StaffRole
from rp_desktop.services.first_steps import add_staff
from rp_desktop.services.people import list_staff
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui import dialogs
from rp_desktop.ui.words.labels import label
from rp_desktop.ui.words.problems import problem_text

PROBLEM_STYLE = "color: #b00020;"


class StaffDialog(QDialog):
    """Add staff one after another; `added` counts them. Enter in a field adds the person."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.added = 0
        self.setWindowTitle(self.tr("Add staff"))
        self.kept = QListWidget()
        self.kept.setAccessibleName(self.tr("Staff already added"))
        self.first_name = QLineEdit()
        self.first_name.setAccessibleName(self.tr("First name"))
        self.last_name = QLineEdit()
        self.last_name.setAccessibleName(self.tr("Last name"))
        self.role = QComboBox()
        self.role.setAccessibleName(self.tr("Role"))
        for role in StaffRole:
            self.role.addItem(label(role), role)
        self.problem = QLabel(wordWrap=True)
        self.problem.setStyleSheet(PROBLEM_STYLE)
        self.problem.hide()
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.setAccessibleName(self.tr("Add this staff member"))
        self.add_button.setDefault(True)
        self.add_button.clicked.connect(self.add)
        for field in (self.first_name, self.last_name):  # a problem goes once it is being fixed
            field.textEdited.connect(self.problem.hide)
        self._lay_out()
        self._show_kept()
        self.first_name.setFocus(Qt.FocusReason.OtherFocusReason)

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("First name"), self.first_name)
        form.addRow(self.tr("Last name"), self.last_name)
        form.addRow(self.tr("Role"), self.role)
        form.addRow("", self.problem)
        form.addRow("", self.add_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Staff already added:")))
        layout.addWidget(self.kept, 1)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(460, 420)

    @classmethod
    def ask(cls, db: Database, parent: QWidget | None = None) -> int:
        """Show the dialog until it is closed; how many staff were added."""
        dialog = cls(db, parent)
        dialogs.wait_for(dialog)
        return dialog.added

    def add(self) -> None:
        role = StaffRole(self.role.currentData())
        fields = StaffFields(self.first_name.text(), self.last_name.text(), role)
        try:
            add_staff(self._db, fields)
        except InvalidInput as invalid:
            first = invalid.problems[0]
            where = self.tr("First name") if first.field == "first_name" else self.tr("Last name")
            self.problem.setText(f"{where}: {problem_text(first)}")
            self.problem.show()
            (self.first_name if first.field == "first_name" else self.last_name).setFocus()
            return
        self.added += 1
        self.problem.hide()
        self.first_name.clear()
        self.last_name.clear()
        self._show_kept()
        self.first_name.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_kept(self) -> None:
        self.kept.clear()
        for member in list_staff(self._db):
            self.kept.addItem(f"{member.display_name} · {label(member.role)}")
        if not self.kept.count():
            self.kept.addItem(self.tr("No staff yet: add the first one below."))
