"""A student's caregivers on the student's record: each with how they are related, their phone,
the language spoken at home and whether an interpreter is needed; Add, Edit, and "No longer a
caregiver" (kept on past cases, offered nowhere new)."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rp_desktop.domain.continuum.caregivers import StudentCaregiver
from rp_desktop.domain.records import Student
from rp_desktop.services.continuum import caregivers
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui import dialogs
from rp_desktop.ui.families.caregiver_form import CaregiverForm
from rp_desktop.ui.families.languages import language_name
from rp_desktop.ui.families.rows_table import rows_table
from rp_desktop.ui.words.labels import label

ROWS_SHOWN = 3  # the table's height: most students have one or two caregivers


class StudentCaregivers(QWidget):
    """Signals: changed(): a caregiver was added, changed or taken off the list."""

    changed = Signal()

    def __init__(self, db: Database, student: Student, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._student = student
        self.found: list[StudentCaregiver] = []
        self.heading = QLabel(self.tr("<b>Caregivers</b>"))
        self.empty = QLabel(self.tr("No caregiver on record yet. Add a parent or guardian."))
        self.empty.setObjectName("emptyState")
        self.table = self._make_table()
        self.add_button = QPushButton(self.tr("Add a caregiver…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.remove_button = QPushButton(self.tr("No longer a caregiver"))
        self.remove_button.setToolTip(
            self.tr("Kept on past cases and contacts; no longer offered for new ones.")
        )
        self.form: CaregiverForm | None = None
        self._lay_out()
        self.add_button.clicked.connect(self.add_caregiver)
        self.edit_button.clicked.connect(self.edit_caregiver)
        self.remove_button.clicked.connect(self.deactivate)
        self.table.itemSelectionChanged.connect(self._sync_buttons)
        self.table.doubleClicked.connect(self.edit_caregiver)
        self.reload()

    def reload(self) -> None:
        self.found = caregivers.caregivers_of_student(self._db, self._student.id)
        self.table.setRowCount(len(self.found))
        for row, each in enumerate(self.found):
            fields = each.caregiver.fields
            cells = (
                each.caregiver.display_name,
                label(each.relation),
                fields.phone,
                language_name(fields.home_language),
                self.tr("Interpreter needed") if fields.interpreter_needed else "",
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.empty.setVisible(not self.found)
        self.table.setVisible(bool(self.found))
        self._sync_buttons()

    def selected(self) -> StudentCaregiver | None:
        rows = self.table.selectionModel().selectedRows()
        return self.found[rows[0].row()] if rows else None

    def add_caregiver(self) -> CaregiverForm:
        return self._open(CaregiverForm(self._db, for_student=self._student, parent=self))

    def edit_caregiver(self) -> CaregiverForm | None:
        chosen = self.selected()
        if chosen is None:
            return None
        return self._open(CaregiverForm(self._db, chosen.caregiver, parent=self))

    def deactivate(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        asked = dialogs.confirm(
            self,
            self.tr("No longer a caregiver"),
            self.tr(
                "Take {name} off this list? They stay on past cases and contacts, and are no "
                "longer offered for new ones."
            ).format(name=chosen.caregiver.display_name),
            self.tr("Take off the list"),
            self.tr("Keep"),
        )
        if asked:
            caregivers.set_active(self._db, chosen.caregiver.id, False)
            self._saved()

    def _open(self, form: CaregiverForm) -> CaregiverForm:
        self.form = form
        form.saved.connect(lambda _id: self._saved())
        form.open()
        return form

    def _saved(self) -> None:
        self.reload()
        self.changed.emit()

    def _make_table(self) -> QTableWidget:
        headers = [
            self.tr("Name"),
            self.tr("Relation"),
            self.tr("Phone"),
            self.tr("Language"),
            self.tr("Interpreter"),
        ]
        table = rows_table(headers, self.tr("Caregivers"))
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        line = table.verticalHeader().defaultSectionSize()
        table.setFixedHeight(table.horizontalHeader().sizeHint().height() + ROWS_SHOWN * line + 4)
        return table

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.empty)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def _sync_buttons(self) -> None:
        chosen = self.selected() is not None
        self.edit_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)
