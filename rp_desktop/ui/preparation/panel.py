"""The case window's Preparation tab: each participant's pre-conference checklist in one row
(process explained, their choice, safety concerns, supporters, consent date), edited one
person at a time."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from rp_desktop.domain.casework.records import CaseDetail
from rp_desktop.domain.continuum.kinds import Willingness
from rp_desktop.domain.continuum.preparation import Preparation
from rp_desktop.domain.records import Participant
from rp_desktop.domain.vocabulary import Role
from rp_desktop.services.continuum.preparation import case_preparations
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui.case.panels import RecordTable
from rp_desktop.ui.forms.record_form import RecordForm
from rp_desktop.ui.preparation.form import PreparationForm, voluntary_words
from rp_desktop.ui.words.formatting import format_date
from rp_desktop.ui.words.labels import label

YES = "✓"
# The staff who run the meeting are not prepared for it.
RUNNING_IT = (Role.STAFF, Role.FACILITATOR)


class PreparationPanel(QWidget):
    """Signals: saved(): a participant's preparation was saved."""

    saved = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._detail: CaseDetail | None = None
        self.table = RecordTable(
            [
                self.tr("Person"),
                self.tr("Explained"),
                self.tr("Their choice"),
                self.tr("Safety concerns"),
                self.tr("Supporters"),
                self.tr("Consent"),
            ],
            3,
            fitted=(0, 1, 2, 5),
        )
        self.table.setAccessibleName(self.tr("Preparation of each person"))
        self.intro = QLabel(voluntary_words(), wordWrap=True)
        self.waiting = QLabel(wordWrap=True)
        self.waiting.setObjectName("consentNote")
        self.edit = QPushButton(self.tr("Prepare this person…"))
        row = QHBoxLayout()
        row.addWidget(self.edit)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.waiting)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self.edit.clicked.connect(self.edit_chosen)
        self.table.doubleClicked.connect(self.edit_chosen)
        self.table.itemSelectionChanged.connect(self._enable)

    def show_detail(self, detail: CaseDetail) -> None:
        self._detail = detail
        people = {p.id: p for p in detail.case.participants}
        preparations = [
            p
            for p in case_preparations(self._db, detail.case.id)
            if people[p.participant_id].fields.role not in RUNNING_IT
        ]
        self.table.show_rows(
            [(p.participant_id, self._cells(people[p.participant_id], p)) for p in preparations]
        )
        harmed_unasked = [
            p
            for p in preparations
            if people[p.participant_id].fields.role is Role.PERSON_HARMED
            and p.fields.willingness is Willingness.NOT_ASKED
        ]
        self.waiting.setText(
            self.tr(
                "The person harmed has not been asked yet: a repair-harm circle or a "
                "conference waits for their choice."
            )
            if harmed_unasked
            else ""
        )
        self.waiting.setVisible(bool(harmed_unasked))
        self._enable()

    def edit_chosen(self) -> RecordForm | None:
        """Open the chosen person's preparation to fill in or change."""
        participant_id = self.table.selected_id()
        if participant_id is None or self._detail is None:
            return None
        form = PreparationForm(self._db, self._detail, participant_id, self)
        form.saved.connect(lambda _id: self.saved.emit())
        form.open()
        return form

    def _cells(self, person: Participant, prepared: Preparation) -> tuple[str, ...]:
        fields = prepared.fields
        role = label(person.fields.role) if person.fields.role else ""
        supporters = fields.supporters or (self.tr("Chosen") if fields.supporters_chosen else "")
        return (
            f"{person.display_name}\n{role}",
            YES if fields.explained else "",
            label(fields.willingness),
            fields.safety_concerns,
            supporters,
            format_date(fields.consent_on),
        )

    def _enable(self) -> None:
        self.edit.setEnabled(self.table.selected_id() is not None)
