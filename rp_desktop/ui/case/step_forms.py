"""The small forms of casework: a follow-up entry, moving a case to another tier, closing it."""

from collections.abc import Iterable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QBoxLayout, QComboBox, QDateEdit, QLabel, QPlainTextEdit, QWidget

from rp_desktop.domain.casework.records import CaseDetail, FollowUpFields, TierChangeFields
from rp_desktop.domain.casework.roles import asks_repair_felt
from rp_desktop.domain.continuum.kinds import RepairFelt
from rp_desktop.domain.records import Case, ParticipantFields
from rp_desktop.domain.validation import FieldProblem, InvalidInput, Problem
from rp_desktop.domain.vocabulary import CategoryKind, ClosureReason, Tier, Tier3Kind
from rp_desktop.services import people
from rp_desktop.services.casework import agreements
from rp_desktop.services.casework import case_detail as casework
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui.forms.form_draft import DraftPlace
from rp_desktop.ui.forms.record_form import RecordForm
from rp_desktop.ui.forms.widgets import choice_combo, current_choice, date_edit, select_data
from rp_desktop.ui.words.formatting import pydate, qdate


def _staff_combo(db: Database, none_text: str) -> QComboBox:
    combo = QComboBox()
    combo.addItem(none_text, None)
    for member in people.list_staff(db):
        combo.addItem(member.display_name, member.id)
    return combo


class FollowUpForm(RecordForm):
    """One entry in a case's follow-up log. Signals: see RecordForm."""

    def __init__(self, db: Database, detail: CaseDetail, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Follow-up"), parent)
        self._db = db
        self._case_id = detail.case.id
        self.on: QDateEdit = self.add_field("on", self.tr("&Date"), date_edit())
        self.on.setDate(qdate(db.today()))
        self.staff: QComboBox = self.add_field(
            "staff_id", self.tr("&By"), _staff_combo(db, self.tr("Not recorded"))
        )
        self.item: QComboBox = self.add_field("agreement_item_id", self.tr("&About"), QComboBox())
        self.item.addItem(self.tr("The case in general"), None)
        for agreement in detail.agreements:
            for item in agreement.items:
                self.item.addItem(f"{item.fields.description} ({item.owner_name})", item.id)
        self.note: QPlainTextEdit = self.add_field(
            "note", self.tr("&What happened"), QPlainTextEdit()
        )
        self.draft.start(DraftPlace(db, "follow_up", case_id=detail.case.id))
        self.remember_initial()

    def values(self) -> FollowUpFields:
        return FollowUpFields(
            on=pydate(self.on.date()),
            staff_id=self.staff.currentData(),
            note=self.note.toPlainText(),
            agreement_item_id=self.item.currentData(),
        )

    def submit(self, values: FollowUpFields) -> int:
        return agreements.add_follow_up(
            self._db, self._case_id, values, replaces_draft=self.draft.key
        ).id


class TierChangeForm(RecordForm):
    """Move a case to another tier, with the day and the reason. Signals: see RecordForm."""

    def __init__(self, db: Database, detail: CaseDetail, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Move to another tier"), parent)
        self._db = db
        self._case_id = detail.case.id
        current = detail.case.fields.tier
        self.changed_on: QDateEdit = self.add_field("changed_on", self.tr("&Date"), date_edit())
        self.changed_on.setDate(qdate(db.today()))
        others = [t for t in (Tier.TARGETED, Tier.INTENSIVE) if t != current]
        self.to_tier: QComboBox = self.add_field("to_tier", self.tr("&To"), choice_combo(others))
        self.tier3_kind: QComboBox = self.add_field(
            "tier3_kind",
            self.tr("Tier 3 &practice"),
            choice_combo(list(Tier3Kind), none_text=self.tr("Choose…")),
        )
        self.reason: QPlainTextEdit = self.add_field("reason", self.tr("&Why"), QPlainTextEdit())
        self.to_tier.currentIndexChanged.connect(self._sync)
        self._sync()
        self.draft.start(DraftPlace(db, "tier_change", case_id=detail.case.id))
        self.remember_initial()

    def values(self) -> TierChangeFields:
        to_tier = Tier(self.to_tier.currentData())
        return TierChangeFields(
            changed_on=pydate(self.changed_on.date()),
            to_tier=to_tier,
            reason=self.reason.toPlainText(),
            tier3_kind=current_choice(self.tier3_kind, Tier3Kind)
            if to_tier == Tier.INTENSIVE
            else None,
        )

    def submit(self, values: TierChangeFields) -> int:
        casework.change_tier(self._db, self._case_id, values, replaces_draft=self.draft.key)
        return self._case_id

    def _sync(self) -> None:
        self.tier3_kind.setEnabled(Tier(self.to_tier.currentData()) == Tier.INTENSIVE)


class RepairQuestion:
    """The question asked when a case of harm with a person harmed closes: does the person
    harmed feel the harm was repaired? A field of `form`, shown only while it is asked."""

    def __init__(self, form: RecordForm) -> None:
        self._form = form
        self.combo: QComboBox = form.add_field(
            "repair_felt",
            _tr("&Repair"),
            choice_combo(list(RepairFelt), none_text=_tr("Not recorded yet")),
        )
        # The question in full over the drop-down, where it can wrap: the caption stays short.
        question = _tr("Does the person harmed feel the harm was repaired?")
        self.combo.setAccessibleName(question)
        column = self.combo.parentWidget()
        layout = column.layout() if column is not None else None
        assert isinstance(layout, QBoxLayout)
        layout.insertWidget(0, QLabel(question, wordWrap=True))
        self.asked = True

    def ask(
        self, closing: bool, kind: CategoryKind | None, people: Iterable[ParticipantFields]
    ) -> None:
        """Shown while closing (`closing`) a case of `kind` with a person harmed among `people`."""
        asked = closing and asks_repair_felt(kind, (person.role for person in people))
        self.asked = asked
        holder = self.combo.parentWidget()  # the field's column, the row's field widget
        assert holder is not None
        self._form.form.setRowVisible(holder, asked)

    def answer(self) -> RepairFelt | None:
        return current_choice(self.combo, RepairFelt) if self.asked else None


def asks_repair(case: Case) -> bool:
    return asks_repair_felt(case.category_kind, (p.fields.role for p in case.participants))


class CloseCaseForm(RecordForm):
    """Close a case: the day, why, and in a case of harm whether the person harmed feels the
    harm was repaired. On a closed case it corrects them. Signals: see RecordForm."""

    def __init__(self, db: Database, detail: CaseDetail, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Close the case"), parent)
        self._db = db
        self._case_id = detail.case.id
        self.closed_on: QDateEdit = self.add_field("closed_on", self.tr("&Closed on"), date_edit())
        self.closed_on.setDate(qdate(detail.closed_on or db.today()))
        self.reason: QComboBox = self.add_field(
            "closure_reason",
            self.tr("&Why"),
            choice_combo(list(ClosureReason), none_text=self.tr("Choose…")),
        )
        select_data(self.reason, detail.case.fields.closure_reason)
        self.repair_felt: QComboBox | None = None
        if asks_repair(detail.case):
            self.repair_felt = RepairQuestion(self).combo
            select_data(self.repair_felt, detail.case.repair_felt)
        self.draft.start(DraftPlace(db, "close_case", case_id=detail.case.id))
        self.remember_initial()

    def values(self) -> tuple[date, ClosureReason | None, RepairFelt | None]:
        felt = current_choice(self.repair_felt, RepairFelt) if self.repair_felt else None
        return pydate(self.closed_on.date()), current_choice(self.reason, ClosureReason), felt

    def submit(self, values: Any) -> int:
        closed_on, reason, felt = values
        if reason is None:
            raise InvalidInput([FieldProblem("closure_reason", Problem.REQUIRED)])
        casework.close_case(
            self._db,
            self._case_id,
            reason,
            closed_on,
            repair_felt=felt,
            replaces_draft=self.draft.key,
        )
        return self._case_id


def _tr(text: str) -> str:
    return QCoreApplication.translate("CloseCaseForm", text)
