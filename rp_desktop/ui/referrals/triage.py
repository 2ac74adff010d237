"""Triage: the decision on one waiting referral, as clear choices. A quick log names its
practice; a Tier 2 or Tier 3 case its category (and Tier 3 practice) and each student's part;
no action its reason. What the referral says is shown above the choices."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from rp_desktop.domain.continuum.kinds import PracticeKind, ReferralDecision
from rp_desktop.domain.continuum.referrals import Referral, Triage
from rp_desktop.domain.validation import FieldProblem, InvalidInput, Problem
from rp_desktop.domain.vocabulary import Tier3Kind
from rp_desktop.services.casework import cases
from rp_desktop.services.continuum import referrals
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui import dialogs
from rp_desktop.ui.forms.form_draft import DraftPlace
from rp_desktop.ui.forms.record_form import RecordForm
from rp_desktop.ui.forms.widgets import choice_combo, current_choice
from rp_desktop.ui.referrals.choices import DecisionChoice, RolesField
from rp_desktop.ui.referrals.form import ReferralForm, show_field
from rp_desktop.ui.referrals.words import referral_summary
from rp_desktop.ui.words.problems import problem_text

# The rows each decision needs, besides the note.
ROWS = {
    ReferralDecision.QUICK_LOG: ("practice_kind",),
    ReferralDecision.TIER2_CASE: ("category_id", "roles"),
    ReferralDecision.TIER3_CASE: ("category_id", "tier3_kind", "roles"),
    ReferralDecision.NO_ACTION: (),
}
QUICK_LOG_KINDS = (
    PracticeKind.RESTORATIVE_CHAT,
    PracticeKind.IMPROMPTU_CONFERENCE,
    PracticeKind.CHECK_IN_OUT,
)


class TriageForm(RecordForm):
    """Decide on one waiting referral. Signals (besides RecordForm's): caseOpened(int): the
    decision opened this case, whose window should open next."""

    caseOpened = Signal(int)

    def __init__(self, db: Database, referral: Referral, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Triage: referral {number}").format(number=referral.id), parent)
        self._db = db
        self._referral = referral
        self.save_button.setText(self.tr("Decide"))
        self.summary = QLabel(referral_summary(referral), wordWrap=True)
        self.summary.setAccessibleName(self.tr("What the referral says"))
        self.edit_referral = QPushButton(self.tr("Correct the referral…"))
        self.edit_referral.setAccessibleName(self.tr("Correct what the referral says"))
        self.form.addRow(self.summary)
        # Beside Decide and Cancel: the choices come first, and the focus starts on them.
        self.buttons.addButton(self.edit_referral, QDialogButtonBox.ButtonRole.ActionRole)
        self.edit_referral.clicked.connect(self.correct_referral)
        self.decision: DecisionChoice = self.add_field(
            "decision", self.tr("&Decision"), DecisionChoice()
        )
        self._add_choices()
        self.case_id: int | None = None  # the case the decision opened
        self.decision.changed.connect(self._show_rows)
        self.saved.connect(self._case_opened)
        self._show_rows()
        self.draft.start(DraftPlace(db, "triage", referral.id))
        self.remember_initial()

    def values(self) -> Triage:
        return Triage(
            decision=self.decision.decision() or ReferralDecision.NO_ACTION,
            practice_kind=current_choice(self.practice_kind, PracticeKind),
            category_id=self.category.currentData(),
            tier3_kind=current_choice(self.tier3_kind, Tier3Kind),
            roles=self.roles.roles(),
            reason=self.reason.toPlainText(),
        )

    def submit(self, values: Triage) -> int:
        if self.decision.decision() is None:
            raise InvalidInput([FieldProblem("decision", Problem.REQUIRED)])
        try:
            decided = referrals.triage_referral(
                self._db, self._referral.id, values, replaces_draft=self.draft.key
            )
        except referrals.ReferralAlreadyDecided:
            dialogs.show_error(
                self,
                self.tr("Already decided"),
                self.tr(
                    "This referral was decided meanwhile, in another window. Nothing was changed."
                ),
            )
            return self._referral.id
        self.case_id = decided.case_id
        return decided.id

    def correct_referral(self) -> ReferralForm:
        """The referral's own form, opened over triage; once saved, triage shows it again."""
        form = ReferralForm(self._db, self._referral, parent=self)
        form.saved.connect(self._referral_corrected)
        form.open()
        return form

    def _referral_corrected(self, referral_id: int) -> None:
        self._referral = referrals.get_referral(self._db, referral_id)
        self.summary.setText(referral_summary(self._referral))
        self.roles.show_students(self._referral)

    def _case_opened(self) -> None:
        if self.case_id is not None:
            self.caseOpened.emit(self.case_id)

    def show_problems(self, problems: tuple[FieldProblem, ...]) -> None:
        super().show_problems(tuple(p for p in problems if p.field != "roles"))
        roles = [p for p in problems if p.field == "roles"]
        self.roles.problem.setText(" ".join(problem_text(p) for p in roles))
        self.roles.problem.setVisible(bool(roles))

    def _add_choices(self) -> None:
        self.practice_kind: QComboBox = self.add_field(
            "practice_kind",
            self.tr("&Practice"),
            choice_combo(QUICK_LOG_KINDS, none_text=self.tr("Choose a practice…")),
        )
        self.category: QComboBox = self.add_field("category_id", self.tr("&Category"), QComboBox())
        for category in cases.list_categories(self._db):
            self.category.addItem(category.name, category.id)
        # Its words are the hint in the box: a long list is narrowed by typing into it.
        self.category.setPlaceholderText(self.tr("Choose a category…"))
        self.category.setCurrentIndex(-1)
        self.tier3_kind: QComboBox = self.add_field(
            "tier3_kind",
            self.tr("&Tier 3 practice"),
            choice_combo(list(Tier3Kind), none_text=self.tr("Choose…")),
        )
        self.roles: RolesField = self.add_field(
            "roles", self.tr("Each student's &part"), RolesField(self._referral)
        )
        self.reason: QPlainTextEdit = self.add_field(
            "reason", self.tr("&Reason or note"), QPlainTextEdit()
        )
        self.reason.setTabChangesFocus(True)
        self.reason.setMaximumHeight(90)

    def _show_rows(self) -> None:
        decision = self.decision.decision()
        shown = set(ROWS[decision]) if decision else set()
        for name in ("practice_kind", "category_id", "tier3_kind", "roles"):
            show_field(self, name, name in shown)
        self.reason.setPlaceholderText(
            self.tr("Why no action is needed (required).")
            if decision is ReferralDecision.NO_ACTION
            else self.tr("Anything to note on the decision (optional).")
        )
        if self.isVisible():
            self.body_grew()
