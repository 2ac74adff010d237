"""The caregiver form: a caregiver's name, phone and email (neither required), the language
spoken at home and whether an interpreter is needed, and the students they care for."""

from PySide6.QtWidgets import QCheckBox, QLineEdit, QWidget

from rp_desktop.domain.continuum.caregivers import Caregiver, CaregiverFields, CaregiverLink
from rp_desktop.domain.continuum.kinds import CaregiverRelationship
from rp_desktop.domain.records import Student
from rp_desktop.services.continuum import caregivers
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.students import records as students
from rp_desktop.ui.families.languages import LanguageCombo
from rp_desktop.ui.families.student_links import StudentLinks
from rp_desktop.ui.forms.form_draft import DraftPlace
from rp_desktop.ui.forms.form_state import Json
from rp_desktop.ui.forms.record_form import RecordForm


class CaregiverForm(RecordForm):
    """Add or change one caregiver. A new caregiver starts linked to `for_student` (as a
    parent, which the form lets change). Signals: see RecordForm."""

    def __init__(
        self,
        db: Database,
        caregiver: Caregiver | None = None,
        *,
        for_student: Student | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("Caregiver") if caregiver else self.tr("New caregiver")
        super().__init__(title, parent)
        self._db = db
        self._caregiver = caregiver
        self._add_fields()
        self._fill(caregiver, for_student)
        self.draft.keep("students", self._links_draft, self._restore_links)
        extra = {"student_id": for_student.id} if for_student and not caregiver else {}
        self.draft.start(
            DraftPlace(db, "caregiver", caregiver.id if caregiver else None, extra=extra)
        )
        self.remember_initial()

    def _add_fields(self) -> None:
        self.first_name: QLineEdit = self.add_field(
            "first_name", self.tr("&First name"), QLineEdit()
        )
        self.last_name: QLineEdit = self.add_field("last_name", self.tr("&Last name"), QLineEdit())
        self.phone: QLineEdit = self.add_field("phone", self.tr("&Phone"), QLineEdit())
        self.email: QLineEdit = self.add_field("email", self.tr("&Email"), QLineEdit())
        self.language: LanguageCombo = self.add_field(
            "home_language", self.tr("Home &language"), LanguageCombo()
        )
        self.interpreter: QCheckBox = self.add_field(
            "interpreter_needed",
            self.tr("&Interpreter"),
            QCheckBox(self.tr("An interpreter is needed for calls and meetings")),
        )
        self.students: StudentLinks = self.add_field(
            "students",
            self.tr("Cares for"),
            StudentLinks(lambda text: students.find_students(self._db, text)),
        )
        self.phone.setPlaceholderText(self.tr("Optional"))
        self.email.setPlaceholderText(self.tr("Optional"))

    def values(self) -> CaregiverFields:
        return CaregiverFields(
            first_name=self.first_name.text(),
            last_name=self.last_name.text(),
            phone=self.phone.text(),
            email=self.email.text(),
            home_language=self.language.code(),
            interpreter_needed=self.interpreter.isChecked(),
            students=self.students.links(),
        )

    def submit(self, values: CaregiverFields) -> int:
        if self._caregiver is None:
            saved = caregivers.add_caregiver(self._db, values, replaces_draft=self.draft.key)
        else:
            saved = caregivers.update_caregiver(
                self._db, self._caregiver.id, values, replaces_draft=self.draft.key
            )
        self._caregiver = saved
        return saved.id

    def _fill(self, caregiver: Caregiver | None, for_student: Student | None) -> None:
        if caregiver is None:
            if for_student is not None:
                link = CaregiverLink(for_student.id, CaregiverRelationship.PARENT)
                self.students.set_links([(link, for_student.display_name)])
            return
        fields = caregiver.fields
        self.first_name.setText(fields.first_name)
        self.last_name.setText(fields.last_name)
        self.phone.setText(fields.phone)
        self.email.setText(fields.email)
        self.language.set_code(fields.home_language)
        self.interpreter.setChecked(fields.interpreter_needed)
        self.students.set_links(list(zip(fields.students, caregiver.student_names, strict=True)))

    def _links_draft(self) -> list[dict[str, Json]]:
        return [
            {"student_id": link.student_id, "relation": link.relation.value}
            for link in self.students.links()
        ]

    def _restore_links(self, state: Json) -> None:
        """The draft's students, named as the records name them now (one no longer on record
        is left out)."""
        links = []
        for entry in state if isinstance(state, list) else []:
            try:
                relation = CaregiverRelationship(entry["relation"])
                student = students.get_student(self._db, int(entry["student_id"]))
            except (KeyError, TypeError, ValueError, students.StudentNotFound):
                continue
            links.append((CaregiverLink(student.id, relation), student.display_name))
        self.students.set_links(links)
