"""The Home tab: what a counselor needs first thing, each line one action away from its record.

This is the counselor's own screen, never the projector: a line names a group, a keeper or a
case's category, never the students in a case."""

from datetime import datetime

from PySide6.QtCore import QLocale, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from rp_desktop.domain.home import CircleDays, HomeSummary
from rp_desktop.domain.home import RecordKind as Kind
from rp_desktop.domain.vocabulary import Tier
from rp_desktop.services.home import home_summary
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui.home.card import HomeCard
from rp_desktop.ui.home.first_steps import FirstStepsCard
from rp_desktop.ui.home.lines import case_line, circle_line, due_line, meeting_line, recent_line
from rp_desktop.ui.home.off_laptop_note import OffLaptopNote
from rp_desktop.ui.home.retention_reminder import RetentionReminderNote
from rp_desktop.ui.referrals.queue_card import ReferralQueueCard
from rp_desktop.ui.words.formatting import counted, qdate
from rp_desktop.ui.words.labels import label


class HomeTab(QWidget):
    """Today's and this week's circles, agreements due, open cases and recent changes.

    It reads the database on reload(), or when first shown if nobody asked before.

    Signals:
        circleOpenRequested(int): open this Tier 1 community circle (its id).
        caseOpenRequested(int): open this case (its id).
        dueListRequested(): show the whole list of agreements due.
        newCircleRequested(): record a new Tier 1 circle.
        newCaseRequested(int): open a new case of this tier (2 or 3).
        runCircleRequested(): go and run a circle with the talking piece.
        backupsRequested(): open Backups (the backups are not copied off this laptop).
        newConversation(): record a restorative conversation, in one flow.
        rosterImportRequested(): open the roster import (a new school's first step).
        recordsChanged(): staff or groups were added from the first steps, or a referral was
            taken in or decided (Referrals waiting opens its form and triage itself).
        retentionRequested(): open the retention screen (old cases to review this year).
        logPracticeRequested(): log an everyday practice (a chat, a tally of statements).
    """

    circleOpenRequested = Signal(int)
    caseOpenRequested = Signal(int)
    dueListRequested = Signal()
    newCircleRequested = Signal()
    newCaseRequested = Signal(int)
    runCircleRequested = Signal()
    backupsRequested = Signal()
    newConversation = Signal()
    rosterImportRequested = Signal()
    recordsChanged = Signal()
    retentionRequested = Signal()
    logPracticeRequested = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.summary: HomeSummary | None = None
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 18px; font-weight: 600;")
        self.new_circle = QPushButton(self.tr("New circle"))
        self.new_case = QPushButton(self.tr("New Tier 2 case"))
        self.run_circle = QPushButton(self.tr("Run a circle"))
        self.log_practice = QPushButton(self.tr("Log a practice"))
        self.log_practice.setToolTip(
            self.tr("A chat, a check-in, a tally of statements (Ctrl+Shift+L)")
        )
        self.new_conversation = QPushButton(self.tr("New conversation"))
        self.new_conversation.setAccessibleName(self.tr("Record a new restorative conversation"))
        self.first_steps = FirstStepsCard(db)
        self.off_laptop = OffLaptopNote()
        self.retention = RetentionReminderNote(db)  # once a school year, when cases are old
        self.retention.reviewRequested.connect(self.retentionRequested)
        self._off_laptop_copy: datetime | None = None  # told by the window
        self._make_cards()
        self._lay_out()
        self._connect()

    def _make_cards(self) -> None:
        """Each card, with what it says when it is empty: what to do next, in one sentence."""
        self.today = HomeCard(
            self.tr("Today"), self.tr("No circles planned for today: New circle plans one.")
        )
        self.week = HomeCard(
            self.tr("This week"),
            self.tr(
                "No circles or case meetings planned for the days ahead: New circle plans a "
                "circle; a case's New meeting… plans a meeting."
            ),
        )
        self.due = HomeCard(
            self.tr("Agreements due"),
            self.tr(
                "Nothing is overdue or due in the next seven days: the items of an agreement "
                "recorded in a case show here as they come due."
            ),
        )
        self.all_due = QPushButton(self.tr("All agreements due…"))
        self.due.footer.addStretch(1)
        self.due.footer.addWidget(self.all_due)
        self.cases = HomeCard(
            self.tr("Open cases"),
            self.tr(
                "No open cases: New conversation or New Tier 2 case opens one when harm is done."
            ),
        )
        self.recent = HomeCard(
            self.tr("Recent activity"),
            self.tr("Nothing has been recorded yet: start with New circle or New conversation."),
        )
        self.referrals = ReferralQueueCard(self._db)  # opens triage and the referral form itself

    def cards(self) -> list[HomeCard]:
        return [self.today, self.week, self.due, self.referrals, self.cases, self.recent]

    def reload(self) -> None:
        """Read everything again, as of today."""
        self.summary = home_summary(self._db, self._db.today())
        self._show(self.summary)
        self.first_steps.reload()
        self.referrals.reload()
        self.off_laptop.show_for(self._off_laptop_copy, self._db.now())
        self.retention.reload()

    def show_off_laptop(self, copied_at: datetime | None) -> None:
        """The last copy of the backups off this laptop was made `copied_at` (None: never):
        warn, in one line, when that was more than a week ago."""
        self._off_laptop_copy = copied_at
        self.off_laptop.show_for(copied_at, self._db.now())

    def showEvent(self, event: QShowEvent) -> None:
        if self.summary is None:
            self.reload()
        super().showEvent(event)

    # -- private --------------------------------------------------------------------------------
    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        buttons = (self.log_practice, self.new_conversation, self.new_circle, self.new_case)
        for button in (*buttons, self.run_circle):
            top.addWidget(button)
        grid = QGridLayout()
        grid.addWidget(self.today, 0, 0)
        grid.addWidget(self.week, 0, 1)
        grid.addWidget(self.due, 0, 2)
        grid.addWidget(self.referrals, 1, 0)
        grid.addWidget(self.cases, 1, 1)
        grid.addWidget(self.recent, 1, 2)
        for column in range(3):
            grid.setColumnStretch(column, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.off_laptop)
        layout.addWidget(self.retention)
        layout.addWidget(self.first_steps)
        layout.addLayout(grid, 1)

    def _connect(self) -> None:
        self.new_circle.clicked.connect(self.newCircleRequested)
        self.log_practice.clicked.connect(self.logPracticeRequested)
        self.new_case.clicked.connect(lambda: self.newCaseRequested.emit(int(Tier.TARGETED)))
        self.run_circle.clicked.connect(self.runCircleRequested)
        self.new_conversation.clicked.connect(self.newConversation)
        self.first_steps.rosterImportRequested.connect(self.rosterImportRequested)
        self.first_steps.runCircleRequested.connect(self.runCircleRequested)
        self.first_steps.changed.connect(self._steps_changed)
        self.all_due.clicked.connect(self.dueListRequested)
        self.off_laptop.backupsRequested.connect(self.backupsRequested)
        for card in self.cards():
            card.opened.connect(self._open)
        self.referrals.caseOpened.connect(self.caseOpenRequested)
        self.referrals.changed.connect(self.recordsChanged)

    def _steps_changed(self) -> None:
        self.reload()
        self.recordsChanged.emit()

    def _open(self, record: tuple[Kind, int]) -> None:
        kind, record_id = record
        if kind is Kind.CIRCLE:
            self.circleOpenRequested.emit(record_id)
        elif kind is Kind.CASE:  # a referral's line opens triage in its own card
            self.caseOpenRequested.emit(record_id)

    def _show(self, summary: HomeSummary) -> None:
        day = QLocale().toString(qdate(summary.today), QLocale.FormatType.LongFormat)
        self.heading.setText(self.tr("Today is {day}").format(day=day))
        self.today.show_lines(
            [circle_line(c, with_day=False) for c in summary.circles_today.circles],
            self._circles_note(summary.circles_today),
        )
        self.week.show_lines(
            [meeting_line(m) for m in summary.meetings]
            + [circle_line(c, with_day=True) for c in summary.rest_of_week.circles],
            self._week_note(summary),
        )
        self._show_due(summary)
        self._show_cases(summary)
        self.recent.show_lines([recent_line(r) for r in summary.recent])

    def _week_note(self, summary: HomeSummary) -> str:
        """The case meetings coming up, then the circles."""
        many = len(summary.meetings)
        meetings = self.tr("{count} case meetings planned").format(count=many)
        notes = [self.tr("1 case meeting planned") if many == 1 else meetings] if many else []
        circles = self._circles_note(summary.rest_of_week)
        return " · ".join([*notes, circles] if circles else notes)

    def _circles_note(self, days: CircleDays) -> str:
        if days.total > len(days.circles):
            return self.tr(
                "The first {shown} of {total} circles; Tier 1 · Circles lists them all."
            ).format(shown=len(days.circles), total=days.total)
        return (
            counted(days.total, self.tr("1 circle"), self.tr("{count} circles"))
            if days.total
            else ""
        )

    def _show_due(self, summary: HomeSummary) -> None:
        lines = [due_line(item, overdue=True) for item in summary.overdue]
        lines += [due_line(item, overdue=False) for item in summary.due_soon]
        note = self.tr("{overdue} overdue · {soon} due in the next seven days").format(
            overdue=len(summary.overdue), soon=len(summary.due_soon)
        )
        self.due.show_lines(lines, note if lines else "")

    def _show_cases(self, summary: HomeSummary) -> None:
        note = ""
        if summary.open_total:
            note = " · ".join(
                self.tr("{tier}: {count} open").format(tier=label(tier), count=count)
                for tier, count in summary.open_by_tier.items()
            )
            if summary.open_total > len(summary.open_cases):
                note += "\n" + self.tr("The {shown} changed last:").format(
                    shown=len(summary.open_cases)
                )
        self.cases.show_lines([case_line(c) for c in summary.open_cases], note)
