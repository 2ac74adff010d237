"""The Students tab: the roster, with adding, editing and deactivating."""

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QPushButton, QWidget

from rp_desktop.domain.records import ListQuery, Student
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.students import records as students
from rp_desktop.ui.lists.list_tab import ListTab
from rp_desktop.ui.lists.record_model import Column
from rp_desktop.ui.words.formatting import counted
from rp_desktop.ui.words.labels import grade_label

if TYPE_CHECKING:  # the forms load when first opened, not at start-up
    from rp_desktop.ui.forms.record_form import RecordForm


class StudentsTab(ListTab):
    """Students, active ones unless asked otherwise.

    Signals (besides ListTab's):
        timelineRequested(int): show this student's timeline (their id).
    """

    timelineRequested = Signal(int)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        columns = [
            Column(self.tr("Last name"), lambda s: s.last_name, "last_name", private=True),
            Column(self.tr("First name"), lambda s: s.first_name, "first_name", private=True),
            Column(self.tr("Goes by"), lambda s: s.preferred_name, "preferred_name", private=True),
            Column(self.tr("Grade"), lambda s: grade_label(s.grade), "grade", numeric=True),
            Column(self.tr("Homeroom"), lambda s: s.homeroom, "homeroom"),
            Column(
                self.tr("Student number"),
                lambda s: s.student_number,
                "student_number",
                private=True,
            ),
            Column(self.tr("Status"), self._status_text, "active", short=True),
        ]
        super().__init__(
            columns,
            lambda query, offset, limit: students.list_students(db, query, offset, limit),
            order=("last_name", False),
            search_hint=self.tr("Search by name, student number or homeroom  (Ctrl+F)"),
            parent=parent,
        )
        self._db = db
        self.show_inactive = QCheckBox(self.tr("Show students who left"))
        self.deactivate_button = QPushButton(self.tr("Mark as left"))
        self.import_button = QPushButton(self.tr("Import the roster…"))
        self.import_button.setToolTip(self.tr("Add or update students from the school's list"))
        self.add_filter(self.show_inactive)
        self.add_action(self.deactivate_button)
        self.add_action(self.import_button)
        self.import_button.clicked.connect(self.import_roster)
        self.show_inactive.toggled.connect(self.reload)
        self.deactivate_button.clicked.connect(self._toggle_active)
        self.table.selectionModel().selectionChanged.connect(self._sync_deactivate)
        self.model.modelReset.connect(self._sync_deactivate)
        self._sync_deactivate()

    def extra_filters(self, query: ListQuery) -> ListQuery:
        return replace(query, include_inactive=self.show_inactive.isChecked())

    def open_record(self, record: Student) -> None:
        """Open shows the student's whole story across the tiers; Edit changes their details."""
        self.timelineRequested.emit(record.id)

    def import_roster(self) -> None:
        """The roster wizard (as File > Import the roster…); every list reads again after."""
        from rp_desktop.ui.students.roster_wizard import RosterWizard

        if RosterWizard.ask(self._db, self) is not None:
            self.recordsChanged.emit()

    def make_form(self, record_id: int | None) -> "RecordForm":
        # Imported when first needed: start-up does not wait for the forms.
        from rp_desktop.ui.students.form import StudentForm

        student = students.get_student(self._db, record_id) if record_id is not None else None
        return StudentForm(self._db, student, parent=self)

    def count_text(self, total: int) -> str:
        return counted(total, self.tr("1 student"), self.tr("{count} students"))

    def empty_text(self) -> str:
        return self.tr(
            "No students yet. Import your roster: File > Import the roster… (Ctrl+I), "
            "or the button above."
        )

    def no_match_text(self, text: str) -> str:
        return self.tr('No one matches "{text}". Check the spelling or clear the search.').format(
            text=text
        )

    def _status_text(self, student: Student) -> str:
        return self.tr("Active") if student.active else self.tr("Left")

    def _toggle_active(self) -> None:
        student = self.selected_record()
        if student is None:
            return
        changed = students.set_student_active(self._db, student.id, not student.active)
        self.saved(changed.id)

    def _sync_deactivate(self) -> None:
        student = self.selected_record()
        self.deactivate_button.setEnabled(student is not None)
        self.deactivate_button.setText(
            self.tr("Mark as returned")
            if student and not student.active
            else self.tr("Mark as left")
        )
