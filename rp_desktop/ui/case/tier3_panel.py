"""Tier 3 work on a case: the steps of a formal conference, the re-entry plan, and support
plans with their progress over time."""

from PySide6.QtCore import QCoreApplication, Signal, SignalInstance
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from rp_desktop.domain.casework.records import CaseDetail, conference_progress
from rp_desktop.domain.casework.support_plans import SupportPlan
from rp_desktop.domain.continuum.referrals import MOST_SUSPENSION_DAYS
from rp_desktop.domain.validation import InvalidInput
from rp_desktop.domain.vocabulary import Tier3Kind
from rp_desktop.services.casework import case_detail as casework
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui.case.support_plan_forms import progress_chart
from rp_desktop.ui.words.formatting import counted, format_date
from rp_desktop.ui.words.labels import label
from rp_desktop.ui.words.problems import problem_text


class Tier3Panel(QWidget):
    """Signals: reEntryRequested(), supportPlanRequested(object SupportPlan or None),
    progressRequested(object SupportPlan), suspensionDaysChanged(object: (days or None, the
    reason for overriding the referral's number))."""

    reEntryRequested = Signal()
    supportPlanRequested = Signal(object)
    progressRequested = Signal(object)
    suspensionDaysChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._support_plans: list[SupportPlan] = []
        self.steps = QLabel(wordWrap=True)
        self.re_entry = QLabel(wordWrap=True)
        self.re_entry_box = QGroupBox(self.tr("Re-entry"))  # shown for a re-entry, or a plan
        self.edit_re_entry = QPushButton(self.tr("Re-entry plan…"))
        self.suspension = SuspensionBox()
        self.support_plan_choice = QComboBox()
        self.new_support_plan = QPushButton(self.tr("New support plan…"))
        self.edit_support_plan = QPushButton(self.tr("Edit plan…"))
        self.add_progress = QPushButton(self.tr("Add a progress check…"))
        self.chart_holder = QVBoxLayout()
        self._lay_out()
        self.edit_re_entry.clicked.connect(self.reEntryRequested)
        self.suspension.changed.connect(self.suspensionDaysChanged)
        self.new_support_plan.clicked.connect(lambda: self.supportPlanRequested.emit(None))
        self.edit_support_plan.clicked.connect(
            lambda: self._with_support_plan(self.supportPlanRequested)
        )
        self.add_progress.clicked.connect(lambda: self._with_support_plan(self.progressRequested))
        self.support_plan_choice.currentIndexChanged.connect(self._show_chart)

    def show_detail(self, detail: CaseDetail) -> None:
        steps = conference_progress(detail)
        self.steps.setText(
            "<br>".join(f"{'☑' if done else '☐'} {label(step)}" for step, done in steps)
        )
        plan = detail.re_entry_plan
        is_re_entry = detail.case.fields.tier3_kind is Tier3Kind.RE_ENTRY
        self.re_entry.setText(
            self.tr("Returned on {day}.").format(day=format_date(plan.returned_on))
            if plan and plan.returned_on
            else (self.tr("A plan is written.") if plan else self.tr("No re-entry plan yet."))
        )
        self.edit_re_entry.setEnabled(True)
        self.re_entry_box.setVisible(is_re_entry or plan is not None)
        self.suspension.show_detail(detail)
        self._support_plans = list(detail.support_plans)
        self.support_plan_choice.blockSignals(True)
        self.support_plan_choice.clear()
        for support in self._support_plans:
            self.support_plan_choice.addItem(support.fields.goal)
        self.support_plan_choice.blockSignals(False)
        has_support_plan = bool(self._support_plans)
        self.edit_support_plan.setEnabled(has_support_plan)
        self.add_progress.setEnabled(has_support_plan)
        self._show_chart()

    def _lay_out(self) -> None:
        conference = QGroupBox(self.tr("Formal conference"))
        QVBoxLayout(conference).addWidget(self.steps)
        re_entry_row = QHBoxLayout(self.re_entry_box)
        re_entry_row.addWidget(self.re_entry, 1)
        re_entry_row.addWidget(self.edit_re_entry)
        plans = QGroupBox(self.tr("Support plans"))
        plans_layout = QVBoxLayout(plans)
        choose = QHBoxLayout()
        for widget in (
            self.support_plan_choice,
            self.new_support_plan,
            self.edit_support_plan,
            self.add_progress,
        ):
            choose.addWidget(widget, 1 if widget is self.support_plan_choice else 0)
        plans_layout.addLayout(choose)
        plans_layout.addLayout(self.chart_holder)
        top = QHBoxLayout()
        top.addWidget(conference, 1)
        side = QVBoxLayout()
        side.addWidget(self.re_entry_box)
        side.addWidget(self.suspension)
        top.addLayout(side, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(plans, 1)

    def _with_support_plan(self, signal: SignalInstance) -> None:
        index = self.support_plan_choice.currentIndex()
        if 0 <= index < len(self._support_plans):
            signal.emit(self._support_plans[index])

    def _show_chart(self) -> None:
        while (item := self.chart_holder.takeAt(0)) is not None:
            old = item.widget()
            if old is not None:
                old.deleteLater()
        index = self.support_plan_choice.currentIndex()
        if 0 <= index < len(self._support_plans):
            self.chart_holder.addWidget(progress_chart(self._support_plans[index]))


class SuspensionBox(QGroupBox):
    """The days of suspension the case avoided. Derived from the case's referral when it
    proposed a suspension that a restorative process replaced; typed days override that number
    only with a reason. Without a referral's number the typed days stand alone, as before.

    Signals: changed(object): (days or None, reason) to be saved."""

    changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Suspension avoided"), parent)
        self._derived: int | None = None
        self.derived = QLabel(wordWrap=True)
        self.override = QPushButton(self.tr("Override…"))
        self.override.setAccessibleName(self.tr("Type other days, with the reason"))
        self.days = QSpinBox()
        self.days.setRange(0, MOST_SUSPENSION_DAYS)
        self.days.setSpecialValueText(self.tr("Not recorded"))
        self.days.setSuffix(self.tr(" days"))
        self.days.setAccessibleName(self.tr("Days of suspension this case avoided"))
        self.reason = QLineEdit(placeholderText=self.tr("Why these days, not the referral's"))
        self.reason.setAccessibleName(self.tr("Reason for overriding the referral's days"))
        self.save = QPushButton(self.tr("Save"))
        self.use_derived = QPushButton(self.tr("Use the referral's days"))
        self.problem = QLabel(wordWrap=True)
        self.problem.setStyleSheet("color: #b00020;")
        self._lay_out()
        self.override.clicked.connect(self._start_override)
        self.save.clicked.connect(self._save)
        self.use_derived.clicked.connect(lambda: self.changed.emit((None, "")))

    def show_detail(self, detail: CaseDetail) -> None:
        self._derived = detail.derived_suspension_days
        typed = detail.suspension_days_avoided
        reason = detail.suspension_override_reason
        self.days.setValue(typed or self._derived or 0)
        self.reason.setText(reason)
        self.derived.setText(self._words(typed, reason))
        self.use_derived.setVisible(self._overridden(typed, reason))
        self._editing(self._derived is None)
        self.show_problem("")

    def save_days(self, db: Database, case_id: int, typed: tuple[int | None, str]) -> bool:
        """Save the typed days and reason on the case; False, with the problem said under
        them, when they cannot be saved (an override without its reason)."""
        try:
            casework.set_suspension_days_avoided(db, case_id, *typed)
        except InvalidInput as invalid:
            self.show_problem(problem_text(invalid.problems[0]))
            return False
        return True

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def _words(self, typed: int | None, reason: str) -> str:
        if self._derived is None:
            return self.tr("Days of suspension this case avoided:")
        text = _days(self.tr("Derived from the referral: {days}."), self._derived)
        if self._overridden(typed, reason):
            assert typed is not None
            text += " " + _days(self.tr("Overridden: {days}"), typed)
            text += self.tr(", because: {reason}").format(reason=reason) if reason else "."
        return text

    def _overridden(self, typed: int | None, reason: str) -> bool:
        """Typed days that say something the referral does not: other days, or a reason (the
        same days typed before referrals were kept say nothing more)."""
        derived = self._derived
        return derived is not None and typed is not None and (typed != derived or bool(reason))

    def _editing(self, editing: bool) -> None:
        for widget in (self.days, self.save):
            widget.setVisible(editing)
        self.reason.setVisible(editing and self._derived is not None)
        self.override.setVisible(not editing)

    def _start_override(self) -> None:
        self._editing(True)
        self.days.setFocus()

    def _save(self) -> None:
        self.changed.emit((self.days.value() or None, self.reason.text()))

    def _lay_out(self) -> None:
        row = QHBoxLayout()
        row.addWidget(self.days)
        row.addWidget(self.reason, 1)
        row.addWidget(self.save)
        buttons = QHBoxLayout()
        buttons.addWidget(self.override)
        buttons.addWidget(self.use_derived)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.derived)
        layout.addLayout(row)
        layout.addLayout(buttons)
        layout.addWidget(self.problem)


def _days(text: str, days: int) -> str:
    one = QCoreApplication.translate("Tier3Panel", "1 day")
    words = counted(days, one, QCoreApplication.translate("Tier3Panel", "{count} days"))
    return text.format(days=words)


def referral_line(detail: CaseDetail) -> str:
    """'Referred by T. Becker on 3/2/2026 — asked for: …', a line per referral of the case."""
    lines = []
    for referral in detail.referrals:
        name, fields = referral.referrer_name, referral.fields
        first, _, rest = name.partition(" ")
        if fields.referred_by_staff_id is not None and rest:
            name = f"{first[:1]}. {rest}"
        line = QCoreApplication.translate("Tier3Panel", "Referred by {name} on {day}").format(
            name=name, day=format_date(fields.received_on)
        )
        asked = " ".join(fields.asks_for.split())
        if asked:
            line += " — " + QCoreApplication.translate("Tier3Panel", "asked for: {what}").format(
                what=asked if len(asked) <= 120 else asked[:119] + "…"
            )
        lines.append(line)
    return "\n".join(lines)
