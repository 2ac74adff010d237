"""Equity by student group: whether some groups of students land in Tier 2 and Tier 3 cases more
often than others (the risk ratio), shown only for groups large enough not to point at anyone."""

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rp_desktop.domain.reports.model import (
    Breakdown,
    Disproportionality,
    GroupRisk,
    ReportKind,
    Unit,
)
from rp_desktop.domain.vocabulary import Role
from rp_desktop.ui.reports.chart_parts import nice_top
from rp_desktop.ui.reports.words import (
    NOTHING,
    breakdown_word,
    empty_sentence,
    format_value,
    key_word,
)
from rp_desktop.ui.words.labels import label

ROLES = (Role.PERSON_WHO_CAUSED_HARM, Role.PERSON_HARMED, Role.SUPPORTER, Role.WITNESS)
Compute = Callable[[Breakdown, frozenset[Role], int], Disproportionality]

# Under this many students in cases, risk ratios swing with each student: the page says so.
FEW_STUDENTS_IN_CASES = 30


class EquityPage(QWidget):
    """The disproportionality table and chart.

    Signals:
        backRequested(): the user wants all the reports again.
    """

    backRequested = Signal()

    def __init__(self, compute: Compute, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._compute = compute
        self._breakdowns: list[Breakdown] = []
        self._groups: Mapping[int, str] = {}
        self.result: Disproportionality | None = None
        self.back = QPushButton(self.tr("← All reports"))
        self.back.clicked.connect(self.backRequested)
        self.compare_by = QComboBox()
        self.compare_by.setAccessibleName(self.tr("Compare groups by"))
        self.roles = {role: QCheckBox(label(role)) for role in ROLES}
        self.roles[Role.PERSON_WHO_CAUSED_HARM].setChecked(True)
        self.minimum = QSpinBox(minimum=1, maximum=100, value=10)
        self.minimum.setAccessibleName(self.tr("Smallest group shown"))
        self.minimum.setSuffix(self.tr(" students"))
        self.aid = QLabel(wordWrap=True)
        self.summary = QLabel(wordWrap=True)
        self.table = QTableWidget(0, 7)
        self.table.setHorizontalHeaderLabels(self.headers())
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setAccessibleName(self.tr("Risk by student group"))
        self.chart_view = QChartView()
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(220)
        self._lay_out()
        self.compare_by.currentIndexChanged.connect(self.refresh)
        self.minimum.valueChanged.connect(self.refresh)
        for box in self.roles.values():
            box.toggled.connect(self.refresh)

    def _lay_out(self) -> None:
        title = QLabel(self.tr("<b>Equity by student group</b>"))
        top = QHBoxLayout()
        top.addWidget(self.back)
        top.addWidget(title, 1)
        choices = QHBoxLayout()
        compare_label = QLabel(self.tr("&Compare:"))
        compare_label.setBuddy(self.compare_by)
        choices.addWidget(compare_label)
        choices.addWidget(self.compare_by)
        choices.addSpacing(12)
        choices.addWidget(QLabel(self.tr("Students counted as:")))
        for box in self.roles.values():
            choices.addWidget(box)
        choices.addSpacing(12)
        minimum_label = QLabel(self.tr("&Smallest group shown:"))
        minimum_label.setBuddy(self.minimum)
        choices.addWidget(minimum_label)
        choices.addWidget(self.minimum)
        choices.addStretch(1)
        lower = QHBoxLayout()
        lower.addWidget(self.table, 3)
        lower.addWidget(self.chart_view, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(choices)
        layout.addWidget(self.aid)
        layout.addWidget(self.summary)
        layout.addLayout(lower, 1)

    def headers(self) -> list[str]:
        return [
            self.tr("Group"),
            self.tr("Enrolled"),
            self.tr("Students in Tier 2/3 cases"),
            self.tr("Share of enrollment"),
            self.tr("Share of those students"),
            self.tr("Risk"),
            self.tr("Risk ratio"),
        ]

    def set_choices(self, breakdowns: Sequence[Breakdown], groups: Mapping[int, str]) -> None:
        """Offer `breakdowns` (never months: a month is not a group of students)."""
        chosen = self.breakdown()
        self._groups = groups
        self._breakdowns = list(breakdowns)
        self.compare_by.blockSignals(True)
        self.compare_by.clear()
        for choice in self._breakdowns:
            self.compare_by.addItem(breakdown_word(choice))
        if chosen in self._breakdowns:
            self.compare_by.setCurrentIndex(self._breakdowns.index(chosen))
        self.compare_by.blockSignals(False)

    def breakdown(self) -> Breakdown | None:
        index = self.compare_by.currentIndex()
        return self._breakdowns[index] if 0 <= index < len(self._breakdowns) else None

    def chosen_roles(self) -> frozenset[Role]:
        return frozenset(role for role, box in self.roles.items() if box.isChecked())

    def refresh(self) -> None:
        """Compute again for the chosen breakdown, roles and minimum size, and show it."""
        breakdown, roles = self.breakdown(), self.chosen_roles()
        minimum = self.minimum.value()
        self.aid.setText(
            self.tr(
                "Risk: the share of a group's students who were in a Tier 2 or 3 case. A risk "
                "ratio of 2.0 means students in this group were twice as likely as all other "
                "students to be in a Tier 2 or 3 case; 1.0 means as likely. Groups of fewer "
                "than {minimum} students are not shown, so no one can be picked out."
            ).format(minimum=minimum)
        )
        if breakdown is None or not roles:
            self.result = None
            self._show_rows([], minimum)
            self.summary.setText(
                self.tr("Choose at least one role.")
                if breakdown is not None
                else self.tr("No students yet: import the roster to see reports.")
            )
            return
        self.result = self._compute(breakdown, roles, minimum)
        self._show(self.result)

    def _show(self, result: Disproportionality) -> None:
        if result.empty is not None:
            self.summary.setText(empty_sentence_for(result.empty))
            self._show_rows([], result.minimum_group)
            return
        text = self.tr("{with_case} of {enrolled} students were in a Tier 2 or 3 case.").format(
            with_case=result.with_case, enrolled=result.enrolled
        )
        if result.with_case < FEW_STUDENTS_IN_CASES:
            text += " " + self.tr(
                "With so few students in cases, one student more or less moves a risk ratio a "
                "long way: read these as a prompt to look closer, not as a finding."
            )
        self.summary.setText(text)
        self._show_rows(result.groups, result.minimum_group)

    def rows(self) -> list[list[str]]:
        """The table as shown, for saving it: what a hidden group shows, and nothing more."""
        result = self.result
        if result is None or result.empty is not None:
            return []
        return [self._cells(group, result.minimum_group) for group in result.groups]

    def _cells(self, group: GroupRisk, minimum: int) -> list[str]:
        name = key_word(group.key, self._groups)
        if not group.shown:
            return [
                name,
                self.tr("Fewer than {minimum} students: not shown").format(minimum=minimum),
            ]
        ratio = NOTHING if group.risk_ratio is None else f"{group.risk_ratio:.1f}"
        return [
            name,
            str(group.enrolled),
            str(group.with_case),
            format_value(group.enrollment_share, Unit.SHARE),
            format_value(group.case_share, Unit.SHARE),
            format_value(group.risk, Unit.SHARE),
            ratio,
        ]

    def _show_rows(self, groups: Sequence[GroupRisk], minimum: int) -> None:
        self.table.clearSpans()
        self.table.setRowCount(len(groups))
        for row, group in enumerate(groups):
            cells = self._cells(group, minimum)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column > 0 and group.shown:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
            if not group.shown:
                self.table.setSpan(row, 1, 1, 6)
        self.chart_view.setChart(self._ratio_chart([g for g in groups if g.shown]))

    def _ratio_chart(self, shown: Sequence[GroupRisk]) -> QChart:
        """Risk ratios as rows read top down, with a line at 1.0 where a group is as likely as
        the others. A group without a ratio (no other student was in a case) has no bar."""
        drawn = [g for g in shown if g.risk_ratio is not None][::-1]  # Qt draws bottom up
        chart = QChart()
        chart.setTitle(self.tr("Risk ratio (1.0: as likely as other students)"))
        chart.legend().hide()
        bars = QBarSet(self.tr("Risk ratio"))
        bars.append([g.risk_ratio or 0.0 for g in drawn])
        series = QHorizontalBarSeries()
        series.append(bars)
        series.setBarWidth(0.7)
        chart.addSeries(series)
        groups = QBarCategoryAxis()
        groups.append([key_word(g.key, self._groups) for g in drawn] or [""])
        groups.setTruncateLabels(False)
        ratios = QValueAxis()
        top, ticks = ratio_ticks(max([2.0, *(g.risk_ratio or 0.0 for g in drawn)]))
        ratios.setRange(0, top)
        ratios.setTickCount(ticks)
        ratios.setLabelFormat("%.1f")
        chart.addAxis(groups, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(ratios, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(groups)
        series.attachAxis(ratios)
        even = QLineSeries()
        even.append([QPointF(1.0, -0.5), QPointF(1.0, max(len(drawn), 1) - 0.5)])
        pen = QPen(Qt.GlobalColor.darkRed)
        pen.setWidth(2)
        pen.setStyle(Qt.PenStyle.DashLine)
        even.setPen(pen)
        chart.addSeries(even)
        even.attachAxis(ratios)
        even.attachAxis(groups)
        self.ratio_bars = bars
        self.ratio_keys = [g.key for g in drawn]
        return chart


def empty_sentence_for(reason: str) -> str:
    return empty_sentence(ReportKind.CASES, reason)


def ratio_ticks(highest: float) -> tuple[int, int]:
    """The risk-ratio axis's top and tick count: half steps up to 3 (1.0, "as likely", always
    on a tick), whole steps above; never a tick at 0.8."""
    top, ticks = nice_top(highest)
    return (top, 2 * top + 1) if top <= 3 else (top, ticks)
