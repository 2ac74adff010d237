"""The Tier 2 / Tier 3 case form: what happened, where, who was involved in which role, and
where the case stands."""

from dataclasses import replace
from typing import cast

from PySide6.QtCore import QT_TR_NOOP, QSignalBlocker, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QPlainTextEdit, QWidget

from rp_desktop.domain.casework.roles import opens_a_case
from rp_desktop.domain.records import Case, CaseFields, Participant, ParticipantFields
from rp_desktop.domain.validation import FieldProblem
from rp_desktop.domain.vocabulary import CaseStatus, ClosureReason, Role, Tier, Tier3Kind
from rp_desktop.services import people
from rp_desktop.services.casework import cases
from rp_desktop.services.continuum import caregivers
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.students import records as students
from rp_desktop.ui.case.participants import (
    ParticipantsEditor,
    ask_to_carry_roles,
    note_observations_under,
)
from rp_desktop.ui.case.step_forms import RepairQuestion
from rp_desktop.ui.forms.form_draft import DraftPlace
from rp_desktop.ui.forms.form_state import Json
from rp_desktop.ui.forms.record_form import RecordForm
from rp_desktop.ui.forms.widgets import choice_combo, current_choice, date_edit, select_data
from rp_desktop.ui.words.formatting import pydate, qdate
from rp_desktop.ui.words.labels import label
from rp_desktop.ui.words.problems import problem_text

# Marked for translation here, translated where they are shown.
COMMON_PLACES = (
    QT_TR_NOOP("Classroom"),
    QT_TR_NOOP("Hallway"),
    QT_TR_NOOP("Cafeteria"),
    QT_TR_NOOP("Gym"),
    QT_TR_NOOP("Locker room"),
    QT_TR_NOOP("Bus"),
    QT_TR_NOOP("Playground or field"),
    QT_TR_NOOP("Bathroom"),
    QT_TR_NOOP("Library"),
    QT_TR_NOOP("Office"),
    QT_TR_NOOP("Online"),
    QT_TR_NOOP("Off campus"),
)


class CaseForm(RecordForm):
    """New, open or edit one Tier 2 or Tier 3 case.

    Signals (besides RecordForm's):
        caseOpened(int): a new case was saved (its id): its window should open, since
            everything done on a case is done there.
    """

    caseOpened = Signal(int)

    def __init__(
        self,
        db: Database,
        tier: Tier,
        case: Case | None = None,
        *,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self._title(tier, case), parent)
        self._db = db
        self._tier = tier
        self._case = case
        self._add_what_happened(tier)
        self._add_who_and_where_it_stands()
        self._offer_categories(case)
        self.category.currentIndexChanged.connect(self._category_changed)
        self._fill(case)
        self.status.currentIndexChanged.connect(self._sync_closure)
        self.people.changed.connect(self._sync_closure)
        self._sync_closure()
        self.draft.keep("participants", self._people_draft, self._restore_people)
        case_id = case.id if case else None
        self.draft.start(DraftPlace(db, "case", case_id, extra={"tier": tier.value}))
        self.remember_initial()
        if case is None:
            self.saved.connect(self.caseOpened)

    @classmethod
    def for_draft(
        cls, db: Database, tier: Tier, case: Case | None, *, parent: QWidget | None = None
    ) -> "CaseForm":
        """A form on `case` to be filled from a draft. It is built without the case's people,
        since the people list can add but not take away and the draft says who is in it; it
        still compares with the case as saved, so closing asks before losing the draft."""
        if case is None:
            return cls(db, tier, None, parent=parent)
        form = cls(db, tier, replace(case, participants=()), parent=parent)
        saved = tuple(p.fields for p in case.participants)
        form.set_initial(replace(form.values(), participants=saved))
        return form

    def values(self) -> CaseFields:
        return CaseFields(
            tier=self._tier,
            occurred_on=pydate(self.occurred_on.date()),
            category_id=self.category.currentData(),
            description=self.description.toPlainText(),
            place=self.place.currentText().strip(),
            status=current_choice(self.status, CaseStatus) or CaseStatus.OPEN,
            closure_reason=current_choice(self.closure_reason, ClosureReason),
            tier3_kind=current_choice(self.tier3_kind, Tier3Kind) if self.tier3_kind else None,
            participants=self.people.participants(),
        )

    def submit(self, values: CaseFields) -> int:
        if self._case is None:
            saved = cases.open_case(self._db, values, replaces_draft=self.draft.key)
        else:
            felt = self.repair.answer()
            saved = cases.update_case(
                self._db, self._case.id, values, repair_felt=felt, replaces_draft=self.draft.key
            )
        self._case = saved
        return saved.id

    def show_problems(self, problems: tuple[FieldProblem, ...]) -> None:
        super().show_problems(tuple(p for p in problems if p.index is None))
        self.people.clear_problems()
        for problem in problems:
            if problem.index is not None:
                self.people.show_problem(problem.index, problem_text(problem))

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self._sync_closure()

    def _title(self, tier: Tier, case: Case | None) -> str:
        tier_name = label(tier)
        if case:
            return self.tr("{tier} case {number}").format(tier=tier_name, number=case.id)
        return self.tr("New {tier} case").format(tier=tier_name)

    def _add_what_happened(self, tier: Tier) -> None:
        self.occurred_on: QDateEdit = self.add_field(
            "occurred_on", self.tr("&Date it happened"), date_edit()
        )
        self.place: QComboBox = self.add_field("place", self.tr("&Place"), self._place_combo())
        self.category: QComboBox = self.add_field("category_id", self.tr("&Category"), QComboBox())
        note_observations_under(self.category)
        self.description: QPlainTextEdit = self.add_field(
            "description", self.tr("&What happened"), QPlainTextEdit()
        )
        self.description.setMinimumHeight(100)
        self.description.setMaximumHeight(240)
        self.description.setPlaceholderText(
            self.tr("In plain words: what happened and who was affected.")
        )
        self.tier3_kind: QComboBox | None = None
        if tier is Tier.INTENSIVE:
            self.tier3_kind = self.add_field(
                "tier3_kind",
                self.tr("&Tier 3 practice"),
                choice_combo(list(Tier3Kind), none_text=self.tr("Choose…")),
            )

    def _add_who_and_where_it_stands(self) -> None:
        db = self._db
        self.people: ParticipantsEditor = self.add_field(
            "participants",
            self.tr("P&eople involved"),
            ParticipantsEditor(
                lambda text: students.find_students(db, text),
                people.list_staff(db),
                find_family=lambda ids: caregivers.caregivers_of_students(db, ids),
            ),
        )
        self.status: QComboBox = self.add_field(
            "status", self.tr("&Status"), choice_combo(list(CaseStatus))
        )
        self.closure_reason: QComboBox = self.add_field(
            "closure_reason",
            self.tr("Why it was c&losed"),
            choice_combo(list(ClosureReason), none_text=self.tr("Choose…")),
        )
        self.repair = RepairQuestion(self)

    def _offer_categories(self, case: Case | None) -> None:
        # Retired categories and observations (logged as practice) are offered to their own cases.
        own_category = case.fields.category_id if case else None
        offered = [
            category
            for category in cases.list_categories(self._db, include_inactive=True)
            if (category.active and opens_a_case(category.kind)) or category.id == own_category
        ]
        self._kinds = {category.id: category.kind for category in offered}
        for category in offered:
            self.category.addItem(category.name, category.id)
        self.category.insertItem(0, self.tr("Choose a category…"), None)
        self.category.setCurrentIndex(0)
        self._shown_category: int | None = None

    def _category_changed(self) -> None:
        """The roles offered follow the category's kind. People whose roles do not fit the new
        kind are carried over once the counselor agrees; otherwise the category goes back."""
        chosen = self.category.currentData()
        kind = self._kinds.get(chosen) if chosen is not None else None
        if self.people.roles_that_do_not_fit(kind):
            if not ask_to_carry_roles(self):
                with QSignalBlocker(self.category):
                    select_data(self.category, self._shown_category)
                return
            self.people.carry_roles_to(kind)
        self.people.set_category_kind(kind)
        self._shown_category = chosen
        self._sync_closure()

    def _people_draft(self) -> list[dict[str, Json]]:
        return [
            {
                "role": None if p.role is None else p.role.value,
                "student_id": p.student_id,
                "staff_id": p.staff_id,
                "other_name": p.other_name,
                "caregiver_id": p.caregiver_id,
            }
            for p in self.people.participants()
        ]

    def _restore_people(self, state: Json) -> None:
        """Add the draft's people, but not twice: `for_draft` builds the form without any."""
        present = set(self.people.participants())
        restored = (self._person(entry) for entry in (state if isinstance(state, list) else []))
        self.people.set_participants(
            tuple(p for p in restored if p is not None and p.fields not in present)
        )

    def _person(self, entry: Json) -> Participant | None:
        """A person from a draft, named as the records name them now; None for someone no
        longer on record."""
        try:
            role = Role(entry["role"]) if entry.get("role") else None
            fields = ParticipantFields(
                role,
                entry.get("student_id"),
                entry.get("staff_id"),
                entry.get("other_name", ""),
                entry.get("caregiver_id"),
            )
        except (AttributeError, KeyError, TypeError, ValueError):
            return None
        if fields.student_id is not None:
            try:
                name = students.get_student(self._db, fields.student_id).display_name
            except students.StudentNotFound:
                return None
        elif fields.staff_id is not None:
            member = people.get_staff(self._db, fields.staff_id)
            name = member.display_name if member else ""
        elif fields.caregiver_id is not None:
            name = caregivers.caregiver_name(self._db, fields.caregiver_id)
        else:
            name = fields.other_name
        return Participant(0, fields, name) if name else None

    def _place_combo(self) -> QComboBox:
        combo = QComboBox()
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.addItem("")
        for place in COMMON_PLACES:
            # PySide6's stubs say QT_TR_NOOP returns object; it returns the text it was given.
            combo.addItem(self.tr(cast(str, place)))
        line = combo.lineEdit()
        assert line is not None  # an editable combo has one
        line.setPlaceholderText(self.tr("Choose or type a place"))
        return combo

    def _fill(self, case: Case | None) -> None:
        if case is None:
            self.occurred_on.setDate(qdate(self._db.today()))
            return
        fields = case.fields
        self.occurred_on.setDate(qdate(fields.occurred_on or self._db.today()))
        self.place.setCurrentText(fields.place)
        select_data(self.category, fields.category_id)
        self.description.setPlainText(fields.description)
        if self.tier3_kind is not None:
            select_data(self.tier3_kind, fields.tier3_kind)
        self.people.set_participants(case.participants)
        select_data(self.status, fields.status)
        select_data(self.closure_reason, fields.closure_reason)
        select_data(self.repair.combo, case.repair_felt)

    def _sync_closure(self) -> None:
        """A closure reason only means something once the case is closed."""
        closed = current_choice(self.status, CaseStatus) is CaseStatus.CLOSED
        self.closure_reason.setEnabled(closed and not self.read_only)
        if not closed:
            self.closure_reason.setCurrentIndex(0)
        kind = self._kinds.get(self.category.currentData())  # asked of a saved case only
        self.repair.ask(closed and self._case is not None, kind, self.people.participants())
