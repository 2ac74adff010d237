"""Tier 3: a support plan with its progress (and a chart of it), and a re-entry plan."""

from PySide6.QtCharts import QChart, QChartView, QDateTimeAxis, QLineSeries, QValueAxis
from PySide6.QtCore import QDateTime, Qt, QTime
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from rp_desktop.domain.casework.records import CaseDetail
from rp_desktop.domain.casework.support_plans import (
    MonitoringFrequency,
    ProgressEntryFields,
    ReEntryPlanFields,
    SupportPlan,
    SupportPlanFields,
)
from rp_desktop.services import people
from rp_desktop.services.casework import support_plans
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui.forms.form_draft import DraftPlace
from rp_desktop.ui.forms.record_form import RecordForm
from rp_desktop.ui.forms.widgets import choice_combo, current_choice, date_edit, select_data
from rp_desktop.ui.words.formatting import date_format, pydate, qdate


class SupportPlanForm(RecordForm):
    """A support plan for one student of the case. Signals: see RecordForm."""

    def __init__(
        self,
        db: Database,
        detail: CaseDetail,
        plan: SupportPlan | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Support plan") if plan else self.tr("New support plan"), parent)
        self._db = db
        self._case_id = detail.case.id
        self._plan = plan
        self.student: QComboBox = self.add_field("student_id", self.tr("&For"), QComboBox())
        for participant in detail.case.participants:
            if participant.fields.student_id is not None:
                self.student.addItem(participant.display_name, participant.fields.student_id)
        self.goal: QLineEdit = self.add_field("goal", self.tr("&Goal"), QLineEdit())
        self.strategies: QPlainTextEdit = self.add_field(
            "strategies", self.tr("&Strategies"), QPlainTextEdit()
        )
        self.owner: QComboBox = self.add_field("owner_staff_id", self.tr("&Owner"), QComboBox())
        self.owner.addItem(self.tr("Not chosen yet"), None)
        for member in people.list_staff(db):
            self.owner.addItem(member.display_name, member.id)
        self.start_on: QDateEdit = self.add_field("start_on", self.tr("S&tarts"), date_edit())
        self.review_on: QDateEdit = self.add_field("review_on", self.tr("&Review on"), date_edit())
        self.frequency: QComboBox = self.add_field(
            "frequency", self.tr("&Check progress"), choice_combo(list(MonitoringFrequency))
        )
        self._fill(plan)
        plan_id = plan.id if plan else None
        self.draft.start(DraftPlace(db, "support_plan", plan_id, case_id=detail.case.id))
        self.remember_initial()

    def values(self) -> SupportPlanFields:
        return SupportPlanFields(
            student_id=self.student.currentData(),
            goal=self.goal.text(),
            strategies=self.strategies.toPlainText(),
            owner_staff_id=self.owner.currentData(),
            start_on=pydate(self.start_on.date()),
            review_on=pydate(self.review_on.date()),
            frequency=current_choice(self.frequency, MonitoringFrequency)
            or MonitoringFrequency.WEEKLY,
        )

    def submit(self, values: SupportPlanFields) -> int:
        plan_id = self._plan.id if self._plan else None
        saved = support_plans.save_support_plan(
            self._db, values, plan_id, self._case_id, replaces_draft=self.draft.key
        )
        self._plan = saved
        return saved.id

    def _fill(self, plan: SupportPlan | None) -> None:
        today = qdate(self._db.today())
        if plan is None:
            self.start_on.setDate(today)
            self.review_on.setDate(today.addDays(42))
            select_data(self.frequency, MonitoringFrequency.WEEKLY)
            return
        fields = plan.fields
        select_data(self.student, fields.student_id)
        self.goal.setText(fields.goal)
        self.strategies.setPlainText(fields.strategies)
        select_data(self.owner, fields.owner_staff_id)
        self.start_on.setDate(qdate(fields.start_on) if fields.start_on else today)
        self.review_on.setDate(qdate(fields.review_on) if fields.review_on else today)
        select_data(self.frequency, fields.frequency)


class ProgressForm(RecordForm):
    """One progress check on a support plan: how it went, 1 to 5. Signals: see RecordForm."""

    def __init__(self, db: Database, plan: SupportPlan, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Progress check"), parent)
        self._db = db
        self._plan_id = plan.id
        self.on: QDateEdit = self.add_field("on", self.tr("&Date"), date_edit())
        self.on.setDate(qdate(db.today()))
        self.rating: QSpinBox = self.add_field("rating", self.tr("&How it went (1-5)"), QSpinBox())
        self.rating.setRange(1, 5)
        self.rating.setValue(3)
        self.note: QPlainTextEdit = self.add_field("note", self.tr("&Note"), QPlainTextEdit())
        place = DraftPlace(db, "progress", case_id=plan.case_id, extra={"plan_id": plan.id})
        self.draft.start(place)
        self.remember_initial()

    def values(self) -> ProgressEntryFields:
        return ProgressEntryFields(
            pydate(self.on.date()), self.rating.value(), self.note.toPlainText()
        )

    def submit(self, values: ProgressEntryFields) -> int:
        return support_plans.add_progress_entry(
            self._db, self._plan_id, values, replaces_draft=self.draft.key
        ).id


class ReEntryForm(RecordForm):
    """The re-entry plan of a case: supports, needs, responsibilities, and the day the student
    came back, once they have. Signals: see RecordForm."""

    def __init__(self, db: Database, detail: CaseDetail, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Re-entry plan"), parent)
        self._db = db
        self._case_id = detail.case.id
        self.supports: QPlainTextEdit = self.add_field(
            "supports", self.tr("&Supports: who and what will help"), QPlainTextEdit()
        )
        self.needs: QPlainTextEdit = self.add_field(
            "needs", self.tr("&Needs: what the student needs to do well"), QPlainTextEdit()
        )
        self.responsibilities: QPlainTextEdit = self.add_field(
            "responsibilities",
            self.tr("&Responsibilities: what each person will do"),
            QPlainTextEdit(),
        )
        self.returned: QCheckBox = self.add_field(
            "returned", self.tr("&Back at school"), QCheckBox(self.tr("The student has returned"))
        )
        self.returned_on: QDateEdit = self.add_field(
            "returned_on", self.tr("Returned &on"), date_edit()
        )
        self._fill(detail.re_entry_plan or ReEntryPlanFields())
        self.returned.toggled.connect(self._sync_returned)
        self._sync_returned()
        self.draft.start(DraftPlace(db, "re_entry", case_id=detail.case.id))
        self.remember_initial()

    def values(self) -> ReEntryPlanFields:
        return ReEntryPlanFields(
            self.supports.toPlainText(),
            self.needs.toPlainText(),
            self.responsibilities.toPlainText(),
            pydate(self.returned_on.date()) if self.returned.isChecked() else None,
        )

    def submit(self, values: ReEntryPlanFields) -> int:
        support_plans.save_re_entry_plan(
            self._db, self._case_id, values, replaces_draft=self.draft.key
        )
        return self._case_id

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self._sync_returned()

    def _fill(self, plan: ReEntryPlanFields) -> None:
        self.supports.setPlainText(plan.supports)
        self.needs.setPlainText(plan.needs)
        self.responsibilities.setPlainText(plan.responsibilities)
        self.returned.setChecked(plan.returned_on is not None)
        self.returned_on.setDate(qdate(plan.returned_on or self._db.today()))

    def _sync_returned(self) -> None:
        """The day means something only once the student is back."""
        self.returned_on.setEnabled(self.returned.isChecked() and not self.read_only)


def progress_chart(plan: SupportPlan) -> QChartView:
    """The plan's ratings over time, 1 to 5."""
    series = QLineSeries()
    series.setPointsVisible(True)
    for entry in plan.progress:
        day = entry.fields.on
        if day is not None:
            moment = QDateTime(qdate(day), QTime(12, 0))
            series.append(moment.toMSecsSinceEpoch(), entry.fields.rating)
    chart = QChart()
    chart.addSeries(series)
    chart.legend().hide()
    chart.setTitle(plan.fields.goal)
    days = QDateTimeAxis()
    days.setFormat(date_format())
    ratings = QValueAxis()
    ratings.setRange(1, 5)
    ratings.setTickCount(5)
    ratings.setLabelFormat("%d")
    chart.addAxis(days, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(ratings, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(days)
    series.attachAxis(ratings)
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(220)
    return view
