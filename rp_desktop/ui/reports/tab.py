"""The Reports tab: every report as a small chart, one report large with its numbers and the
records behind a bar, and the equity view by student group; exports of what is shown."""

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from rp_desktop.domain import school_year as school_years
from rp_desktop.domain.records import Group
from rp_desktop.domain.reports.model import (
    Breakdown,
    BreakdownKind,
    Disproportionality,
    RecordRef,
    ReportKind,
    ReportRequest,
    ReportTable,
)
from rp_desktop.domain.vocabulary import Role
from rp_desktop.services import people
from rp_desktop.services.reports import reporting as reports
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui.reports import exporting, numbers
from rp_desktop.ui.reports.detail import RECORDS_LIMIT, ReportDetail
from rp_desktop.ui.reports.equity import EquityPage
from rp_desktop.ui.reports.filters import ReportFilters
from rp_desktop.ui.reports.overview import ReportsOverview
from rp_desktop.ui.reports.words import note_sentence


class ReportsTab(QWidget):
    """The numbers of the school, for the chosen school year or dates.

    Signals:
        caseOpenRequested(int): open this case (a case, or a meeting or agreement item in it).
        circleOpenRequested(int): open this Tier 1 circle.
        studentOpenRequested(int): open this student.
    """

    caseOpenRequested = Signal(int)
    circleOpenRequested = Signal(int)
    studentOpenRequested = Signal(int)

    def __init__(
        self, db: Database, school_year: Callable[[], int], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._school_year = school_year
        self.groups: Mapping[int, str] = {}
        self.tables: dict[ReportKind, ReportTable] = {}
        self.filters = ReportFilters()
        self.filters.changed.connect(self.refresh)
        self.equity_button = QPushButton(self.tr("Equity by student group"))
        self.equity_button.setToolTip(
            self.tr("Whether some groups of students are in Tier 2 and 3 cases more often")
        )
        self.export_button = QPushButton(self.tr("Export table…"))
        self.pdf_button = QPushButton(self.tr("Monthly summary PDF…"))
        self.equity_button.clicked.connect(self.show_equity)
        self.export_button.clicked.connect(self.export_table)
        self.pdf_button.clicked.connect(self.save_summary)
        self.notes = QLabel(wordWrap=True)
        self.overview = ReportsOverview()
        self.overview.reportOpened.connect(self.open_report)
        self.detail = ReportDetail(self._records_behind)
        self.detail.backRequested.connect(self.show_overview)
        self.detail.recordActivated.connect(self.open_record)
        self.equity = EquityPage(self._disproportionality)
        self.equity.backRequested.connect(self.show_overview)
        self.pages = QStackedWidget()
        for page in (self.overview, self.detail, self.equity):
            self.pages.addWidget(page)
        top = QHBoxLayout()
        top.addWidget(self.filters, 1)
        for button in (self.equity_button, self.export_button, self.pdf_button):
            top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.notes)
        layout.addWidget(self.pages, 1)

    def reload(self) -> None:
        """Read the years, breakdowns and group names again, then every report."""
        choices = reports.breakdown_choices(self._db)
        self.groups = group_names(people.list_groups(self._db))
        self.filters.set_choices(reports.data_span(self._db), self._school_year(), choices)
        self.equity.set_choices(
            [c for c in choices if c.kind is not BreakdownKind.NONE], self.groups
        )
        self.refresh()

    def refresh(self) -> None:
        """Every report for the chosen period and breakdown, on whichever page is shown."""
        self.tables = reports.all_reports(self._db, self.filters.period(), self.filters.breakdown())
        self._name_past_groups()
        self.overview.show_tables(self.tables, self.groups)
        notes = {note for table in self.tables.values() for note in table.notes}
        text = " ".join(filter(None, (note_sentence(n) for n in sorted(notes))))
        self.notes.setText(text)
        self.notes.setVisible(bool(text))
        shown = self.detail.shown
        if self.pages.currentWidget() is self.detail and shown is not None:
            self.detail.show_table(self.tables[shown.request.kind], self.groups)
        elif self.pages.currentWidget() is self.equity:
            self.equity.refresh()

    def _name_past_groups(self) -> None:
        """Groups of an earlier school year are no longer active, so not in `groups` yet."""
        if self.filters.breakdown().kind is not BreakdownKind.GROUP:
            return
        keys = {key for table in self.tables.values() for key in table.categories}
        wanted = {int(key[6:]) for key in keys if key.startswith("group:")} - set(self.groups)
        found = people.get_groups(self._db, wanted) if wanted else []
        if found:
            self.groups = {**self.groups, **{g.id: g.name for g in found}}

    def open_report(self, kind: ReportKind) -> None:
        self.detail.show_table(self.tables[kind], self.groups)
        self.pages.setCurrentWidget(self.detail)
        self.detail.back.setFocus()

    def show_overview(self) -> None:
        self.pages.setCurrentWidget(self.overview)
        self.filters.breakdown_choice.setEnabled(True)
        shown = self.detail.shown
        if shown is not None and self.overview.cards:
            self.overview.card(shown.request.kind).setFocus()

    def show_equity(self) -> None:
        self.pages.setCurrentWidget(self.equity)
        # The equity page compares groups of its own choosing; months mean nothing there.
        self.filters.breakdown_choice.setEnabled(False)
        self.equity.refresh()

    def open_record(self, ref: RecordRef) -> None:
        """Ask for the window that shows `ref`: its case, its circle, or the student."""
        if ref.case_id is not None:
            self.caseOpenRequested.emit(ref.case_id)
        elif ref.circle_id is not None:  # a circle run: the circle record it made
            self.circleOpenRequested.emit(ref.circle_id)
        elif ref.kind == "case":
            self.caseOpenRequested.emit(ref.id)
        elif ref.kind == "circle":
            self.circleOpenRequested.emit(ref.id)
        elif ref.kind == "student":
            self.studentOpenRequested.emit(ref.id)

    def shown_table(self) -> tuple[list[str], Sequence[Sequence[object]], str]:
        """The headers, rows and audit name of the table on the page shown."""
        period = self.filters.period()
        span = f"{period.first.isoformat()} to {period.last.isoformat()}"
        page = self.pages.currentWidget()
        if page is self.equity:
            breakdown = self.equity.breakdown()
            by = breakdown.field or breakdown.kind.value if breakdown else "none"
            return self.equity.headers(), list(self.equity.rows()), f"report equity by {by}; {span}"
        shown = self.detail.shown
        if page is self.detail and shown is not None:
            headers, rows = numbers.export_rows(shown, self.groups)
            return headers, rows, f"report {shown.request.kind.value}; {span}"
        headers, rows = numbers.long_rows(self.tables, self.groups)
        return headers, rows, f"report overview; {span}"

    def export_table(self) -> None:
        headers, rows, what = self.shown_table()
        period = self.filters.period()
        suggested = self.tr("Reports {first} to {last}").format(
            first=period.first.isoformat(), last=period.last.isoformat()
        )
        exporting.save_table(self, self._db, headers, rows, what=what, suggested=suggested)

    def save_summary(self) -> None:
        exporting.save_monthly_summary(self, self._db, self.filters.period(), self.groups)

    def _records_behind(
        self, request: ReportRequest, category: str, series: str
    ) -> Sequence[RecordRef]:
        return reports.records_behind(self._db, request, category, series, limit=RECORDS_LIMIT)

    def _disproportionality(
        self, breakdown: Breakdown, roles: frozenset[Role], minimum: int
    ) -> Disproportionality:
        return reports.disproportionality(
            self._db, self.filters.period(), breakdown, roles=roles, minimum_group=minimum
        )


def group_names(groups: Sequence[Group]) -> dict[int, str]:
    """Each group's name; a name two school years share gets its year ("Advisory 7B, 2024-25")."""
    seen: dict[str, int] = {}
    for group in groups:
        seen[group.name] = seen.get(group.name, 0) + 1
    return {
        group.id: group.name
        if seen[group.name] == 1
        else f"{group.name}, {school_years.label(group.school_year)}"
        for group in groups
    }
