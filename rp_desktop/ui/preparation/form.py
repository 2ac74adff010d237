"""One participant's pre-conference, before a repair-harm circle or a conference: the process
explained, their choice about taking part, safety concerns, supporters, and the day consent was
given. Its title names the role, never the person."""

from datetime import date

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from rp_desktop.domain.casework.records import CaseDetail
from rp_desktop.domain.continuum.kinds import Willingness
from rp_desktop.domain.continuum.preparation import PreparationFields
from rp_desktop.domain.records import Participant
from rp_desktop.services.continuum import preparation
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui.forms.form_draft import DraftPlace
from rp_desktop.ui.forms.record_form import RecordForm
from rp_desktop.ui.forms.widgets import choice_combo, current_choice, date_edit, select_data
from rp_desktop.ui.words.formatting import pydate, qdate
from rp_desktop.ui.words.labels import label


def voluntary_words() -> str:
    return QCoreApplication.translate(
        "Preparation",
        "Taking part is voluntary, above all for the person harmed, who may prefer an "
        "indirect way: a letter or a go-between. Meet each person before the meeting: explain "
        "what will happen, ask their choice, check it is safe, and let them choose who comes "
        "with them.",
    )


class OptionalDate(QWidget):
    """A day that may not have come yet: ticked, the date is given.

    Signals:
        changed(): the tick or the date changed.
    """

    changed = Signal()

    def __init__(self, text: str, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.given = QCheckBox(text)
        self.given.setAccessibleName(text)
        self.day: QDateEdit = date_edit()
        self.day.setAccessibleName(text)
        self.day.setDate(qdate(today))
        self.day.setEnabled(False)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.given)
        row.addWidget(self.day)
        row.addStretch(1)
        self.given.toggled.connect(self.day.setEnabled)
        self.given.toggled.connect(self.changed)
        self.day.dateChanged.connect(self.changed)

    def value(self) -> date | None:
        return pydate(self.day.date()) if self.given.isChecked() else None

    def set_value(self, day: date | None) -> None:
        self.given.setChecked(day is not None)
        if day is not None:
            self.day.setDate(qdate(day))

    def set_read_only(self, read_only: bool) -> None:
        self.given.setEnabled(not read_only)
        self.day.setReadOnly(read_only)


class PreparationForm(RecordForm):
    """The pre-conference of the case's participant with `participant_id`. Signals: see
    RecordForm (saved gives the participant's id)."""

    def __init__(
        self,
        db: Database,
        detail: CaseDetail,
        participant_id: int | None,
        parent: QWidget | None = None,
    ) -> None:
        participant = _participant(detail, participant_id)
        role = label(participant.fields.role) if participant.fields.role else ""
        super().__init__(self.tr("Preparation · {role}").format(role=role), parent)
        self._db = db
        self._participant_id = participant.id
        who = QLabel(f"{participant.display_name} · {role}", wordWrap=True)
        who.setStyleSheet("font-weight: 600;")
        self.form.addRow(who)
        self.form.addRow(QLabel(voluntary_words(), wordWrap=True))
        self._add_fields(db.today())
        saved = {p.participant_id: p for p in preparation.case_preparations(db, detail.case.id)}
        self.fill(saved[participant.id].fields)
        place = DraftPlace(db, "preparation", participant.id, case_id=detail.case.id)
        self.draft.start(place)
        self.remember_initial()

    def values(self) -> PreparationFields:
        return PreparationFields(
            met_on=self.met_on.value(),
            explained=self.explained.isChecked(),
            willingness=current_choice(self.willingness, Willingness) or Willingness.NOT_ASKED,
            safety_concerns=self.safety.toPlainText(),
            supporters_chosen=self.supporters_chosen.isChecked(),
            supporters=self.supporters.text(),
            consent_on=self.consent_on.value(),
            note=self.note.toPlainText(),
        )

    def submit(self, values: PreparationFields) -> int:
        saved = preparation.put_preparation(
            self._db, self._participant_id, values, replaces_draft=self.draft.key
        )
        return saved.participant_id

    def fill(self, fields: PreparationFields) -> None:
        self.met_on.set_value(fields.met_on)
        self.explained.setChecked(fields.explained)
        select_data(self.willingness, fields.willingness)
        self.safety.setPlainText(fields.safety_concerns)
        self.supporters_chosen.setChecked(fields.supporters_chosen)
        self.supporters.setText(fields.supporters)
        self.consent_on.set_value(fields.consent_on)
        self.note.setPlainText(fields.note)

    def _add_fields(self, today: date) -> None:
        self.met_on: OptionalDate = self.add_field(
            "met_on", self.tr("Pre-con&ference"), OptionalDate(self.tr("Met on"), today)
        )
        self.explained: QCheckBox = self.add_field(
            "explained",
            self.tr("&Explained"),
            QCheckBox(self.tr("The process was explained, and that taking part is voluntary")),
        )
        self.willingness: QComboBox = self.add_field(
            "willingness", self.tr("Their &choice"), choice_combo(list(Willingness))
        )
        self.safety: QPlainTextEdit = self.add_field(
            "safety_concerns", self.tr("&Safety concerns"), QPlainTextEdit()
        )
        self.safety.setMaximumHeight(70)
        self.safety.setPlaceholderText(self.tr("None raised"))
        self.supporters_chosen: QCheckBox = self.add_field(
            "supporters_chosen",
            self.tr("Su&pporters"),
            QCheckBox(self.tr("They chose who comes with them")),
        )
        self.supporters: QLineEdit = self.add_field(
            "supporters", self.tr("&Who comes with them"), QLineEdit()
        )
        self.consent_on: OptionalDate = self.add_field(
            "consent_on", self.tr("C&onsent"), OptionalDate(self.tr("Given on"), today)
        )
        self.note: QPlainTextEdit = self.add_field("note", self.tr("&Note"), QPlainTextEdit())
        self.note.setMaximumHeight(70)


def _participant(detail: CaseDetail, participant_id: int | None) -> Participant:
    found = next((p for p in detail.case.participants if p.id == participant_id), None)
    if found is None:
        raise LookupError(f"no participant {participant_id} on case {detail.case.id}")
    return found
