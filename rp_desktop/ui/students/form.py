"""The student form: the school's student number, names, grade and homeroom, and what the
roster says of the student's demographics (read only: the roster is where they change)."""

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from rp_desktop.domain.records import Student, StudentFields
from rp_desktop.domain.vocabulary import HIGHEST_GRADE, LOWEST_GRADE
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.students import demographics
from rp_desktop.services.students import records as students
from rp_desktop.ui.forms.form_draft import DraftPlace
from rp_desktop.ui.forms.record_form import RecordForm
from rp_desktop.ui.forms.widgets import select_data
from rp_desktop.ui.words.labels import demographic_field_label, grade_label


class StudentForm(RecordForm):
    """Add, open or edit one student. Signals: see RecordForm."""

    def __init__(
        self, db: Database, student: Student | None = None, *, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Student") if student else self.tr("New student"), parent)
        self._db = db
        self._student = student
        self.student_number: QLineEdit = self.add_field(
            "student_number", self.tr("Student &number"), QLineEdit()
        )
        self.first_name: QLineEdit = self.add_field(
            "first_name", self.tr("&First name"), QLineEdit()
        )
        self.last_name: QLineEdit = self.add_field("last_name", self.tr("&Last name"), QLineEdit())
        self.preferred_name: QLineEdit = self.add_field(
            "preferred_name", self.tr("&Preferred name"), QLineEdit()
        )
        self.preferred_name.setPlaceholderText(
            self.tr("The name the student goes by, if different")
        )
        self.grade: QComboBox = self.add_field("grade", self.tr("&Grade"), QComboBox())
        self.grade.addItem(self.tr("Choose a grade…"), None)
        for grade in range(LOWEST_GRADE, HIGHEST_GRADE + 1):
            self.grade.addItem(grade_label(grade), grade)
        self.homeroom: QLineEdit = self.add_field("homeroom", self.tr("&Homeroom"), QLineEdit())
        self.from_roster = QLabel(wordWrap=True)
        if student is not None:
            self._fill(student)
            self.form.addRow(self.tr("From the roster"), self.from_roster)
        self.draft.start(DraftPlace(db, "student", student.id if student else None))
        self.remember_initial()

    def values(self) -> StudentFields:
        return StudentFields(
            student_number=self.student_number.text(),
            first_name=self.first_name.text(),
            last_name=self.last_name.text(),
            preferred_name=self.preferred_name.text(),
            grade=self.grade.currentData(),
            homeroom=self.homeroom.text(),
        )

    def submit(self, values: StudentFields) -> int:
        if self._student is None:
            saved = students.add_student(self._db, values, replaces_draft=self.draft.key)
        else:
            saved = students.update_student(
                self._db, self._student.id, values, replaces_draft=self.draft.key
            )
        self._student = saved
        return saved.id

    def _fill(self, student: Student) -> None:
        self.student_number.setText(student.student_number)
        self.first_name.setText(student.first_name)
        self.last_name.setText(student.last_name)
        self.preferred_name.setText(student.preferred_name)
        select_data(self.grade, student.grade)
        self.homeroom.setText(student.homeroom)
        known = demographics.values_for_student(self._db, student.id)
        self.from_roster.setText(
            " · ".join(
                f"{demographic_field_label(field)}: {value}" for field, value in known.items()
            )
            or self.tr("No demographic fields; a roster import with those columns adds them.")
        )
