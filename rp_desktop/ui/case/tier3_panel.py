"""Tier 3 work on a case: the steps of a formal conference, the re-entry plan, and support
plans with their progress over time."""

from PySide6.QtCore import Signal, SignalInstance
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from rp_desktop.domain.casework.records import CaseDetail, conference_progress
from rp_desktop.domain.casework.support_plans import SupportPlan
from rp_desktop.domain.vocabulary import Tier3Kind
from rp_desktop.ui.case.support_plan_forms import progress_chart
from rp_desktop.ui.words.formatting import format_date
from rp_desktop.ui.words.labels import label


class Tier3Panel(QWidget):
    """Signals: reEntryRequested(), supportPlanRequested(object SupportPlan or None),
    progressRequested(object SupportPlan), suspensionDaysChanged(object int or None)."""

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
        self.days = QSpinBox()
        self.days.setRange(0, 180)
        self.days.setSpecialValueText(self.tr("Not recorded"))
        self.days.setSuffix(self.tr(" days"))
        self.save_days = QPushButton(self.tr("Save"))
        self.support_plan_choice = QComboBox()
        self.new_support_plan = QPushButton(self.tr("New support plan…"))
        self.edit_support_plan = QPushButton(self.tr("Edit plan…"))
        self.add_progress = QPushButton(self.tr("Add a progress check…"))
        self.chart_holder = QVBoxLayout()
        self._lay_out()
        self.edit_re_entry.clicked.connect(self.reEntryRequested)
        self.save_days.clicked.connect(
            lambda: self.suspensionDaysChanged.emit(self.days.value() or None)
        )
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
        self.days.setValue(detail.suspension_days_avoided or 0)
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
        days = QGroupBox(self.tr("Suspension avoided"))
        days_row = QHBoxLayout(days)
        days_row.addWidget(QLabel(self.tr("Days of suspension this case avoided:")))
        days_row.addWidget(self.days)
        days_row.addWidget(self.save_days)
        days_row.addStretch(1)
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
        side.addWidget(days)
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
