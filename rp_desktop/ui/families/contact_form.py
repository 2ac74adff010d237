"""One contact with a family about a case: with whom (a caregiver on record, or a family not
on record yet), how (a call, a meeting, a letter, a message), when, what came of it, in which
language, by whom, and a note."""

from PySide6.QtWidgets import QComboBox, QDateEdit, QPlainTextEdit, QWidget

from rp_desktop.domain.continuum.caregivers import Contact, ContactFields, StudentCaregiver
from rp_desktop.domain.continuum.kinds import ContactKind, ContactOutcome
from rp_desktop.domain.continuum.letters import ENGLISH
from rp_desktop.services import people
from rp_desktop.services.continuum import contacts
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui.families.languages import LanguageCombo
from rp_desktop.ui.forms.form_draft import DraftPlace
from rp_desktop.ui.forms.record_form import RecordForm
from rp_desktop.ui.forms.widgets import choice_combo, current_choice, date_edit, select_data
from rp_desktop.ui.words.formatting import pydate, qdate
from rp_desktop.ui.words.labels import label

# The outcome a kind of contact usually has, chosen when the kind is.
USUAL_OUTCOME = {
    ContactKind.CALL: ContactOutcome.REACHED,
    ContactKind.MEETING: ContactOutcome.MET,
    ContactKind.LETTER: ContactOutcome.SENT,
    ContactKind.MESSAGE: ContactOutcome.SENT,
}


class ContactForm(RecordForm):
    """Log or change one contact with a family on a case. Signals: see RecordForm."""

    def __init__(
        self,
        db: Database,
        case_id: int,
        families: list[StudentCaregiver],
        contact: Contact | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Contact with family"), parent)
        self._db = db
        self._case_id = case_id
        self._contact = contact
        self._families = {f.caregiver.id: f for f in families}
        self.caregiver: QComboBox = self.add_field(
            "caregiver_id", self.tr("&With"), self._caregiver_combo(families)
        )
        self.kind: QComboBox = self.add_field(
            "kind", self.tr("&How"), choice_combo(list(ContactKind))
        )
        self.contacted_on: QDateEdit = self.add_field("contacted_on", self.tr("&Date"), date_edit())
        self.contacted_on.setDate(qdate(db.today()))
        self.outcome: QComboBox = self.add_field(
            "outcome", self.tr("&Outcome"), choice_combo(list(ContactOutcome))
        )
        self.language: LanguageCombo = self.add_field(
            "language", self.tr("&Language used"), LanguageCombo()
        )
        self.staff: QComboBox = self.add_field("staff_id", self.tr("&By"), self._staff_combo())
        self.note: QPlainTextEdit = self.add_field("note", self.tr("&Note"), QPlainTextEdit())
        self.note.setPlaceholderText(self.tr("Optional: what was said or agreed, in a line or two"))
        self.note.setFixedHeight(self.note.fontMetrics().lineSpacing() * 4)
        self._fill(contact)
        self.caregiver.currentIndexChanged.connect(self._caregiver_chosen)
        self.kind.currentIndexChanged.connect(self._kind_chosen)
        record = contact.id if contact else None
        self.draft.start(DraftPlace(db, "family_contact", record, case_id=case_id))
        self.remember_initial()

    def values(self) -> ContactFields:
        return ContactFields(
            caregiver_id=self.caregiver.currentData(),
            kind=current_choice(self.kind, ContactKind) or ContactKind.CALL,
            contacted_on=pydate(self.contacted_on.date()),
            outcome=current_choice(self.outcome, ContactOutcome) or ContactOutcome.REACHED,
            language=self.language.code(),
            note=self.note.toPlainText(),
            staff_id=self.staff.currentData(),
        )

    def submit(self, values: ContactFields) -> int:
        if self._contact is None:
            saved = contacts.add_contact(
                self._db, self._case_id, values, replaces_draft=self.draft.key
            )
        else:
            saved = contacts.update_contact(
                self._db, self._contact.id, values, replaces_draft=self.draft.key
            )
        self._contact = saved
        return saved.id

    def _caregiver_combo(self, families: list[StudentCaregiver]) -> QComboBox:
        combo = QComboBox()
        for family in families:
            text = self.tr("{name} ({relation})").format(
                name=family.caregiver.display_name, relation=label(family.relation)
            )
            combo.addItem(text, family.caregiver.id)
        combo.addItem(self.tr("A family member not on record"), None)
        return combo

    def _staff_combo(self) -> QComboBox:
        combo = QComboBox()
        combo.addItem(self.tr("Not recorded"), None)
        for member in people.list_staff(self._db):
            combo.addItem(member.display_name, member.id)
        return combo

    def _fill(self, contact: Contact | None) -> None:
        if contact is None:
            select_data(self.kind, ContactKind.CALL)
            select_data(self.outcome, ContactOutcome.REACHED)
            self._caregiver_chosen()
            return
        fields = contact.fields
        select_data(self.caregiver, fields.caregiver_id)
        select_data(self.kind, fields.kind)
        if fields.contacted_on is not None:
            self.contacted_on.setDate(qdate(fields.contacted_on))
        select_data(self.outcome, fields.outcome)
        self.language.set_code(fields.language)
        select_data(self.staff, fields.staff_id)
        self.note.setPlainText(fields.note)

    def _caregiver_chosen(self) -> None:
        """The language used starts as the caregiver's home language."""
        family = self._families.get(self.caregiver.currentData())
        self.language.set_code(family.caregiver.fields.home_language if family else ENGLISH)

    def _kind_chosen(self) -> None:
        kind = current_choice(self.kind, ContactKind)
        if kind is not None:
            select_data(self.outcome, USUAL_OUTCOME[kind])
