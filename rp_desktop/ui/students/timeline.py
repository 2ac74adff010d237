"""One student across all tiers, as a timeline: circles they sat in, open cases by their role and
closed ones by their category and outcome (never the role), agreements they took on, plans and
progress. Newest first, everything shown; ticks and a date
range narrow it (never remembered: each timeline opens whole). One action opens a case."""

from collections import Counter
from enum import Enum

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rp_desktop.domain.casework.support_plans import MonitoringFrequency
from rp_desktop.domain.continuum.kinds import PracticeKind
from rp_desktop.domain.records import Student
from rp_desktop.domain.timeline import TimelineEntry, TimelineKind, TimelineShow, narrowed
from rp_desktop.domain.vocabulary import (
    AgreementStatus,
    CaseStatus,
    CircleKind,
    ClosureReason,
    MeetingKind,
)
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.students import records as students
from rp_desktop.services.students import timeline
from rp_desktop.ui.families.student_caregivers import StudentCaregivers
from rp_desktop.ui.lists.date_range import DateRangeFilter
from rp_desktop.ui.words.formatting import format_date
from rp_desktop.ui.words.labels import grade_label, label

# How each kind's `status` value reads (see domain/timeline.py).
_STATUS_KIND: dict[TimelineKind, type[Enum]] = {
    TimelineKind.CIRCLE: CircleKind,
    TimelineKind.CASE: CaseStatus,
    TimelineKind.MEETING: MeetingKind,
    TimelineKind.AGREEMENT_ITEM: AgreementStatus,
    TimelineKind.SUPPORT_PLAN: MonitoringFrequency,
    TimelineKind.PRACTICE: PracticeKind,
}


class StudentTimeline(QWidget):
    """A window on one student's history.

    Signals:
        caseRequested(int): the user wants to open this case (its id).
    """

    caseRequested = Signal(int)

    def __init__(self, db: Database, student_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.student: Student = students.get_student(db, student_id)
        self.entries: list[TimelineEntry] = timeline.student_timeline(db, student_id)
        self.setWindowTitle(self.tr("Student timeline"))  # a window title names no student
        self.name = QLabel(self.student.display_name)
        font = QFont()
        font.setPixelSize(22)
        font.setBold(True)
        self.name.setFont(font)
        self.facts = QLabel(self._facts())
        self.counts = QLabel(self._counts(), wordWrap=True)
        self.kinds = self._make_ticks()
        self.dates = DateRangeFilter(db.today)
        self.empty = QLabel(wordWrap=True)
        self.empty.setObjectName("emptyState")
        self.table = self._make_table()
        self.table.doubleClicked.connect(self._open_case)
        self.caregivers = StudentCaregivers(db, self.student)
        self.dates.rangeChanged.connect(self._fill)
        self._lay_out()
        self.resize(1000, 680)
        self._fill()

    def _make_ticks(self) -> dict[TimelineShow, QCheckBox]:
        """One tick a kind of entry, all ticked: the timeline opens with everything in it."""
        ticks = {
            TimelineShow.CIRCLES: QCheckBox(self.tr("Circles")),
            TimelineShow.CASES: QCheckBox(self.tr("Cases and meetings")),
            TimelineShow.AGREEMENTS: QCheckBox(self.tr("Agreements")),
            TimelineShow.PLANS: QCheckBox(self.tr("Plans")),
            TimelineShow.PRACTICE: QCheckBox(self.tr("Everyday practice")),
        }
        for tick in ticks.values():
            tick.setChecked(True)
            tick.toggled.connect(self._fill)
        return ticks

    def _make_table(self) -> QTableWidget:
        table = QTableWidget(0, 5)
        table.setHorizontalHeaderLabels(
            [
                self.tr("Date"),
                self.tr("What"),
                self.tr("Tier"),
                self.tr("Role or status"),
                self.tr("Details"),
            ]
        )
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        return table

    def _lay_out(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Show:")))
        for tick in self.kinds.values():
            filters.addWidget(tick)
        filters.addSpacing(12)
        filters.addWidget(self.dates)
        filters.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.name)
        layout.addWidget(self.facts)
        layout.addWidget(self.counts)
        layout.addWidget(self.caregivers)
        layout.addLayout(filters)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)

    def shown(self) -> list[TimelineEntry]:
        """The entries in the table: those of the kinds ticked, in the dates chosen."""
        ticked = {show for show, tick in self.kinds.items() if tick.isChecked()}
        start, end = self.dates.selected()
        return narrowed(self.entries, ticked, start, end)

    def _facts(self) -> str:
        student = self.student
        parts = [
            self.tr("Grade {grade}").format(grade=grade_label(student.grade)),
            self.tr("Homeroom {room}").format(room=student.homeroom) if student.homeroom else "",
            self.tr("Student number {number}").format(number=student.student_number),
            "" if student.active else self.tr("Has left the school"),
        ]
        return " · ".join(part for part in parts if part)

    def _counts(self) -> str:
        kinds = Counter(entry.kind for entry in self.entries)
        items = [e for e in self.entries if e.kind is TimelineKind.AGREEMENT_ITEM]
        done = sum(1 for e in items if e.status == AgreementStatus.DONE.value)
        return self.tr(
            "{circles} circles · {cases} cases · {done} of {items} agreed items done · "
            "{plans} support plans"
        ).format(
            circles=kinds[TimelineKind.CIRCLE],
            cases=kinds[TimelineKind.CASE],
            done=done,
            items=len(items),
            plans=kinds[TimelineKind.SUPPORT_PLAN],
        )

    def _fill(self) -> None:
        entries = self.shown()
        self.empty.setText(self._empty_text() if not entries else "")
        self.empty.setVisible(not entries)
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            cells = (
                format_date(entry.on),
                label(entry.kind),
                label(entry.tier),
                self._role_or_status(entry),
                self._text(entry),
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()

    def _empty_text(self) -> str:
        if not self.entries:
            return self.tr(
                "Nothing recorded for this student yet. Circles they sit in and cases they "
                "are part of will show here."
            )
        return self.tr(
            'Nothing matches these choices. Tick more kinds above, or choose "Any date".'
        )

    def _role_or_status(self, entry: TimelineEntry) -> str:
        if entry.outcome is not None:  # a closed case: its outcome, never the role
            return self.tr("Closed: {outcome}").format(outcome=label(ClosureReason(entry.outcome)))
        if entry.role is not None and entry.kind is TimelineKind.CASE:
            return label(entry.role)
        kind = _STATUS_KIND.get(entry.kind)
        if kind is not None and entry.status is not None:
            return label(kind(entry.status))
        if entry.kind is TimelineKind.TIER_CHANGE and entry.from_tier is not None:
            return self.tr("from {tier}").format(tier=label(entry.from_tier))
        if entry.rating is not None:
            return self.tr("{rating} of 5").format(rating=entry.rating)
        return ""

    @staticmethod
    def _text(entry: TimelineEntry) -> str:
        return " ".join(entry.text.split())[:200]

    def _open_case(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            entry = self.shown()[rows[0].row()]
            if entry.case_id is not None:
                self.caseRequested.emit(entry.case_id)
