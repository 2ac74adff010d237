"""The meeting form's header about when and whether: planned or held (or cancelled, for one
that was), the start time, why it was cancelled, and for a meeting held that brings the sides
together, the consent rule (domain/continuum/preparation.py): what is missing, in plain words,
beside a "Reason to go ahead" box that shows only when it is needed."""

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, time

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from rp_desktop.domain.casework.records import MeetingFields
from rp_desktop.domain.continuum.kinds import MeetingStatus, Willingness
from rp_desktop.domain.continuum.preparation import ConsentGap, consent_gap
from rp_desktop.domain.records import Participant
from rp_desktop.domain.vocabulary import MeetingKind, Role
from rp_desktop.services.continuum.preparation import case_preparations
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui.forms.record_form import RecordForm
from rp_desktop.ui.forms.widgets import current_choice, select_data
from rp_desktop.ui.words.formatting import format_time, pydate, qdate
from rp_desktop.ui.words.labels import label

FIRST_HOUR, LAST_HOUR, STEP_MINUTES = 7, 18, 15  # the times offered: a school day


def _tr(text: str) -> str:
    return QCoreApplication.translate("MeetingWhen", text)


def _gap_words(gap: ConsentGap) -> str:
    if gap is ConsentGap.NOT_RECORDED:
        return _tr(
            "The person harmed's choice about taking part is not recorded yet (Preparation "
            "tab). Taking part is voluntary: record their choice first, or say why the "
            "meeting went ahead without it."
        )
    return _tr(
        "The person harmed chose not to meet: a letter, a go-between, or not taking part. "
        "Say why the meeting went ahead without them."
    )


class MeetingWhen(QObject):
    """Adds its fields to `form`: `add_status` right after the kind, `add_rest` after the
    date. `applied` puts what they hold into a meeting's fields."""

    def __init__(
        self,
        form: RecordForm,
        db: Database,
        case_id: int,
        participants: Sequence[Participant],
        kind: QComboBox,
    ) -> None:
        super().__init__(form)
        self._form = form
        self._kind = kind
        self._held_as: MeetingKind | None = None  # the kind a saved meeting was held as
        chosen = {p.participant_id: p.fields.willingness for p in case_preparations(db, case_id)}
        self._harmed_choices = [
            chosen.get(p.id, Willingness.NOT_ASKED)
            for p in participants
            if p.fields.role is Role.PERSON_HARMED
        ]

    def add_status(self) -> None:
        status = QComboBox()
        for choice in (MeetingStatus.PLANNED, MeetingStatus.HELD):
            status.addItem(label(choice), choice)
        self.status: QComboBox = self._form.add_field("status", _tr("&Status"), status)
        select_data(self.status, MeetingStatus.HELD)

    def add_rest(self) -> None:
        self.starts_at: QComboBox = self._form.add_field(
            "starts_at", _tr("Start &time"), _time_choices()
        )
        self.cancel_reason: QLineEdit = self._form.add_field(
            "cancel_reason", _tr("Why it was &cancelled"), QLineEdit()
        )
        self.consent = QLabel(wordWrap=True)
        self.consent.setObjectName("consentNote")
        self.consent.setStyleSheet("color: #8a4b00;")
        self.proceed_reason: QPlainTextEdit = self._form.add_field(
            "proceed_reason", _tr("Reason to go &ahead"), QPlainTextEdit()
        )
        self.proceed_reason.setMaximumHeight(70)
        column = _holder(self.proceed_reason).layout()
        assert isinstance(column, QVBoxLayout)
        column.insertWidget(0, self.consent)
        self.status.currentIndexChanged.connect(self.refresh)
        self._kind.currentIndexChanged.connect(self.refresh)
        self.refresh()

    def fill(self, fields: MeetingFields | None) -> None:
        """A saved meeting's status, time and reasons (None: a new meeting, held today)."""
        if fields is None:
            self.refresh()
            return
        if fields.status is MeetingStatus.HELD:
            self._held_as = fields.kind
        if fields.status is MeetingStatus.CANCELLED:
            self.status.addItem(label(MeetingStatus.CANCELLED), MeetingStatus.CANCELLED)
        select_data(self.status, fields.status)
        offered = [self.starts_at.itemData(i) for i in range(self.starts_at.count())]
        if fields.starts_at not in offered:  # a time typed elsewhere, between the steps
            self.starts_at.addItem(format_time(fields.starts_at), fields.starts_at)
        select_data(self.starts_at, fields.starts_at)
        self.cancel_reason.setText(fields.cancel_reason)
        self.proceed_reason.setPlainText(fields.proceed_reason)
        self.refresh()

    def mark_held(self, held_on: QDateEdit, today: date) -> None:
        """The meeting was planned and took place: Held chosen (today, if it was planned for
        a day still ahead), and the consent rule shown."""
        select_data(self.status, MeetingStatus.HELD)
        if pydate(held_on.date()) > today:
            held_on.setDate(qdate(today))

    def applied(self, fields: MeetingFields) -> MeetingFields:
        status = current_choice(self.status, MeetingStatus) or MeetingStatus.HELD
        return replace(
            fields,
            status=status,
            starts_at=self.starts_at.currentData(),
            cancel_reason=self.cancel_reason.text(),
            proceed_reason=self.proceed_reason.toPlainText(),
        )

    def gap(self) -> ConsentGap | None:
        kind = current_choice(self._kind, MeetingKind) or MeetingKind.RESTORATIVE_CONVERSATION
        status = current_choice(self.status, MeetingStatus) or MeetingStatus.HELD
        if kind is self._held_as:  # corrected, not marked held again: the rule is not asked
            return None
        return consent_gap(kind, status, self._harmed_choices)

    def refresh(self) -> None:
        """Show the cancel reason for a cancelled meeting only, and the consent note with the
        reason to go ahead when the rule asks for it (or a reason was given before)."""
        gap = self.gap()
        self.consent.setText(_gap_words(gap) if gap is not None else "")
        self.consent.setVisible(gap is not None)
        self.proceed_reason.setAccessibleDescription(self.consent.text())
        wanted = gap is not None or bool(self.proceed_reason.toPlainText().strip())
        self._form.form.setRowVisible(_holder(self.proceed_reason), wanted)
        cancelled = current_choice(self.status, MeetingStatus) is MeetingStatus.CANCELLED
        self._form.form.setRowVisible(_holder(self.cancel_reason), cancelled)


def _time_choices() -> QComboBox:
    combo = QComboBox()
    combo.addItem(_tr("No time set"), None)
    for minutes in range(FIRST_HOUR * 60, LAST_HOUR * 60 + 1, STEP_MINUTES):
        at = time(minutes // 60, minutes % 60)
        combo.addItem(format_time(at), at)
    return combo


def _holder(field: QWidget) -> QWidget:
    """The row's widget RecordForm.add_field wrapped `field` in (with its problem line)."""
    holder = field.parentWidget()
    assert holder is not None
    return holder
