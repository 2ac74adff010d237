"""The referral form: a teacher's request for help as it came in: who referred, when, which
students, what happened, what was tried, what they ask for, and whether a suspension was
proposed (how many days, by whom). It waits in Home's queue for triage once saved."""

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QPlainTextEdit,
    QSizePolicy,
    QSpinBox,
    QWidget,
)

from rp_desktop.domain.continuum.referrals import MOST_SUSPENSION_DAYS, Referral, ReferralFields
from rp_desktop.services import people
from rp_desktop.services.continuum import referrals
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.students import records as students
from rp_desktop.ui.forms.form_draft import DraftPlace
from rp_desktop.ui.forms.record_form import RecordForm
from rp_desktop.ui.forms.widgets import date_edit, select_data
from rp_desktop.ui.referrals.people import ReferrerField, StudentsField
from rp_desktop.ui.words.formatting import pydate, qdate

SUSPENSION_ROWS = ("suspension_days", "suspension_proposed_by")


class ReferralForm(RecordForm):
    """A new referral, or one already taken in (its decision is made elsewhere: triage)."""

    def __init__(
        self, db: Database, referral: Referral | None = None, *, parent: QWidget | None = None
    ) -> None:
        title = (
            self.tr("Referral {number}").format(number=referral.id)
            if referral
            else self.tr("New referral")
        )
        super().__init__(title, parent)
        self._db = db
        self._referral = referral
        self._add_who()
        self._add_what()
        self._add_suspension()
        self._fill(referral)
        self.draft.keep("referred_by", self.referrer.draft_state, self.referrer.restore_draft_state)
        self.draft.keep("student_ids", self.students.draft_state, self.students.restore_draft_state)
        self.draft.start(DraftPlace(db, "referral", referral.id if referral else None))
        self.remember_initial()

    def values(self) -> ReferralFields:
        proposed = self.proposed.isChecked()
        return ReferralFields(
            received_on=pydate(self.received_on.date()),
            referred_by_staff_id=self.referrer.staff_id,
            referred_by_name=self.referrer.name(),
            what_happened=self.what_happened.toPlainText(),
            tried=self.tried.toPlainText(),
            asks_for=self.asks_for.toPlainText(),
            suspension_proposed=proposed,
            suspension_days=self.days.value() if proposed else None,
            suspension_proposed_by_staff_id=self.proposer.currentData() if proposed else None,
            student_ids=self.students.student_ids(),
        )

    def submit(self, values: ReferralFields) -> int:
        if self._referral is None:
            saved = referrals.add_referral(self._db, values, replaces_draft=self.draft.key)
        else:
            saved = referrals.update_referral(
                self._db, self._referral.id, values, replaces_draft=self.draft.key
            )
        self._referral = saved
        return saved.id

    def _add_who(self) -> None:
        db = self._db
        self.received_on: QDateEdit = self.add_field(
            "received_on", self.tr("&Received on"), date_edit()
        )
        self.referrer: ReferrerField = self.add_field(
            "referred_by", self.tr("Referred &by"), ReferrerField(people.list_staff(db))
        )
        self.students: StudentsField = self.add_field(
            "student_ids",
            self.tr("S&tudents"),
            StudentsField(lambda text: students.find_students(db, text), self._student_name),
        )

    def _add_what(self) -> None:
        self.what_happened: QPlainTextEdit = self.add_field(
            "what_happened", self.tr("&What happened"), _text_box(80)
        )
        self.what_happened.setPlaceholderText(self.tr("In the referrer's words, briefly."))
        self.tried: QPlainTextEdit = self.add_field(
            "tried", self.tr("What was tr&ied"), _text_box(50)
        )
        self.asks_for: QPlainTextEdit = self.add_field(
            "asks_for", self.tr("What they &ask for"), _text_box(50)
        )

    def _add_suspension(self) -> None:
        self.proposed: QCheckBox = self.add_field(
            "suspension_proposed",
            self.tr("Suspension"),
            QCheckBox(self.tr("A &suspension was proposed")),
        )
        # As wide as its words: a click beside them, where it would not tick, lands on nothing.
        self.proposed.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.days: QSpinBox = self.add_field(
            "suspension_days", self.tr("&Days of suspension"), QSpinBox()
        )
        self.days.setRange(1, MOST_SUSPENSION_DAYS)
        self.proposer: QComboBox = self.add_field(
            "suspension_proposed_by", self.tr("Proposed b&y"), QComboBox()
        )
        self.proposer.addItem(self.tr("Not recorded"), None)
        for member in people.list_staff(self._db):
            self.proposer.addItem(member.display_name, member.id)
        self.proposed.toggled.connect(self._show_suspension)

    def _show_suspension(self) -> None:
        for name in SUSPENSION_ROWS:
            show_field(self, name, self.proposed.isChecked())
        self.body_grew()

    def _fill(self, referral: Referral | None) -> None:
        if referral is None:
            self.received_on.setDate(qdate(self._db.today()))
            self._show_suspension()
            return
        fields = referral.fields
        self.received_on.setDate(qdate(fields.received_on or self._db.today()))
        self.referrer.restore_draft_state(
            {"staff_id": fields.referred_by_staff_id, "name": fields.referred_by_name}
        )
        for student_id, name in zip(fields.student_ids, referral.student_names, strict=True):
            self.students.add(student_id, name)
        self.what_happened.setPlainText(fields.what_happened)
        self.tried.setPlainText(fields.tried)
        self.asks_for.setPlainText(fields.asks_for)
        self.proposed.setChecked(fields.suspension_proposed)
        self.days.setValue(fields.suspension_days or 1)
        select_data(self.proposer, fields.suspension_proposed_by_staff_id)
        self._show_suspension()

    def _student_name(self, student_id: int) -> str | None:
        try:
            return students.get_student(self._db, student_id).display_name
        except students.StudentNotFound:
            return None


def _text_box(height: int) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setMinimumHeight(height)
    box.setMaximumHeight(height * 3 // 2)
    return box


def show_field(form: RecordForm, name: str, visible: bool) -> None:
    """Show or hide a field's whole row: its label, the field and its problem line."""
    holder = form.fields[name].parentWidget()
    assert holder is not None  # add_field put it in one
    form.form.setRowVisible(holder, visible)
