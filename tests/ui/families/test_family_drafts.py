"""What was typed in a family's forms survives a crash: a new caregiver started from a student,
with a second student added, and a contact with a family, each come back whole from their
draft and save once."""

from PySide6.QtCore import Qt

from rp_desktop.domain.continuum.caregivers import CaregiverLink
from rp_desktop.domain.continuum.kinds import CaregiverRelationship, ContactKind
from rp_desktop.services import drafts
from rp_desktop.services.continuum import caregivers, contacts
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui.families.caregiver_form import CaregiverForm
from rp_desktop.ui.families.contact_form import ContactForm
from rp_desktop.ui.window.reopening import reopen_draft
from tests.ui.conftest import School, type_text
from tests.ui.families.setup import add_family, family_case
from tests.ui.window.test_drafts import YEAR, kill, pause


def test_a_new_caregiver_comes_back_with_both_students(
    qtbot, db: Database, school_db: School
) -> None:
    xochitl, amani = school_db.members[0], school_db.members[3]
    form = CaregiverForm(db, for_student=xochitl)  # killed below, as a crash would
    form.show()
    type_text(form.first_name, "Rosalía")
    type_text(form.students.picker.search, "amani")
    qtbot.keyClick(form.students.picker.search, Qt.Key.Key_Return)
    form.students.relation_combo(1).setCurrentText("Grandparent")
    typed = form.values()
    assert typed.students == (
        CaregiverLink(xochitl.id, CaregiverRelationship.PARENT),
        CaregiverLink(amani.id, CaregiverRelationship.GRANDPARENT),
    )
    pause(qtbot, form)
    kill(form)

    [draft] = drafts.list_drafts(db)
    restored = reopen_draft(None, db, YEAR, draft)
    qtbot.addWidget(restored)
    assert isinstance(restored, CaregiverForm)
    assert restored.values() == typed
    assert restored.students.names() == ["Xochitl Ibarra", "Amani Haddad"]
    restored.accept()
    assert drafts.list_drafts(db) == []
    (saved,) = caregivers.caregivers_of_student(db, amani.id)
    assert saved.caregiver.display_name == "Rosalía"


def test_a_contact_with_a_family_comes_back_on_its_case(
    qtbot, db: Database, school_db: School
) -> None:
    family = add_family(db, school_db)
    case = family_case(db, school_db, family)
    families = caregivers.caregivers_of_case(db, case.id)
    form = ContactForm(db, case.id, families)  # killed below, as a crash would
    form.show()
    form.kind.setCurrentText("Meeting")
    type_text(form.note, "Met after school; she will come on Tuesday")
    typed = form.values()
    pause(qtbot, form)
    kill(form)

    [draft] = drafts.list_drafts(db)
    restored = reopen_draft(None, db, YEAR, draft)
    qtbot.addWidget(restored)
    assert isinstance(restored, ContactForm)
    assert restored.values() == typed
    restored.accept()
    (logged,) = contacts.case_contacts(db, case.id)
    assert logged.fields.kind is ContactKind.MEETING
    assert logged.caregiver_name == "Pa Xiong"
    assert drafts.list_drafts(db) == []
