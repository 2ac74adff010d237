"""The families' forms built again from a draft (ui/window/reopening.py asks here): a caregiver
(for the student it was started from), and a contact with a family on a case."""

from PySide6.QtWidgets import QWidget

from rp_desktop.domain.records import Student
from rp_desktop.services.continuum import caregivers, contacts
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.students import records as students
from rp_desktop.ui.families.caregiver_form import CaregiverForm
from rp_desktop.ui.families.contact_form import ContactForm
from rp_desktop.ui.forms.record_form import RecordForm


def caregiver_form(
    db: Database, record_id: int | None, where: dict[str, object], parent: QWidget | None
) -> RecordForm:
    """Raises LookupError when the caregiver is gone."""
    if record_id is not None:
        return CaregiverForm(db, caregivers.get_caregiver(db, record_id), parent=parent)
    student_id = where.get("student_id")
    student: Student | None = None
    if isinstance(student_id, int):
        student = students.get_student(db, student_id)
    return CaregiverForm(db, for_student=student, parent=parent)


def contact_form(
    db: Database, record_id: int | None, where: dict[str, object], parent: QWidget | None
) -> RecordForm:
    """Raises LookupError when the case or the contact is gone."""
    case_id = where.get("case_id")
    if not isinstance(case_id, int):
        raise LookupError("case_id")
    listed = contacts.case_contacts(db, case_id)
    contact = next((c for c in listed if c.id == record_id), None)
    if record_id is not None and contact is None:
        raise LookupError(record_id)
    families = caregivers.caregivers_of_case(db, case_id)
    return ContactForm(db, case_id, families, contact, parent)
