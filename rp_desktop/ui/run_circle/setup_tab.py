"""The "Run a circle" tab: who sits in the circle and in which order (and who is not here
today), the plan and what the circle is for, the talking piece and the names on the wall; then
Start opens the keeper's console and the wall.

Shown, it waits for a group: type part of its name, Enter seats it with its keeper, and
Ctrl+Enter starts the circle on the community-building plan."""

import time
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rp_desktop.domain.circle import CircleSettings, Direction
from rp_desktop.domain.circle.types import Clock
from rp_desktop.domain.circle.wall import NameStyle, wall_labels
from rp_desktop.domain.circle_runs import SavedRun, SeatedPerson
from rp_desktop.domain.library import CirclePlan
from rp_desktop.domain.records import Case
from rp_desktop.domain.vocabulary import CircleKind, MeetingKind, Role
from rp_desktop.services import people
from rp_desktop.services.circles import library
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.students import records as students
from rp_desktop.ui import dialogs
from rp_desktop.ui.conference.setup_option import ConferenceOption, case_people, meeting_kind_of
from rp_desktop.ui.forms.widgets import choice_combo, current_choice
from rp_desktop.ui.run_circle.chime import Chime
from rp_desktop.ui.run_circle.rounds_editor import RoundsEditor
from rp_desktop.ui.run_circle.runner import CirclePlanChoice, CircleRunner
from rp_desktop.ui.run_circle.seating import Attendee, SeatingList
from rp_desktop.ui.run_circle.setting_up.plan_words import PurposeLine, round_plan, template_kind


@dataclass(frozen=True)
class CaseCircle:
    """A circle run for a Tier 2 or Tier 3 case: saved as a meeting on it."""

    case_id: int
    meeting_kind: MeetingKind


class CircleSetupTab(QWidget):
    """Setting up a circle and starting it.

    Signals:
        circleSaved(object): a circle ended and was saved (the SavedRun).
        recordRequested(object): the keeper wants to see the record a circle made (SavedRun).
    """

    circleSaved = Signal(object)
    recordRequested = Signal(object)

    def __init__(
        self,
        db: Database,
        school_year: int,
        *,
        clock: Clock = time.monotonic,
        chime: Chime | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._clock = clock
        self._chime = chime
        self._case: CaseCircle | None = None
        self.runner: CircleRunner | None = None
        self._plan_seen: int | None = None  # the plan whose name and kind were last offered
        self._make_seating_and_plan(school_year)
        self._make_options()
        self.case_note = QLabel(wordWrap=True)
        self.case_note.hide()
        self.conference = ConferenceOption(db)
        self.problem = QLabel(wordWrap=True)
        self.problem.setStyleSheet("color: #b00020;")
        self.start = QPushButton(self.tr("Start the circle  (Ctrl+Enter)"))
        self.start.setAccessibleName(self.tr("Start the circle"))
        self.library_button = QPushButton(self.tr("Prompt library…"))
        self._lay_out()
        self.start.clicked.connect(self.start_circle)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.start_circle)
        self.library_button.clicked.connect(self._open_library)
        self.rounds.changed.connect(self._plan_changed)
        self.seating.changed.connect(self._seats_changed)
        self.rounds.use_template("community-building")

    def _make_seating_and_plan(self, school_year: int) -> None:
        db = self._db
        self.seating = SeatingList(
            lambda text: students.find_students(db, text),
            lambda group_id: people.group_members(db, group_id),
            people.list_groups(db, school_year=school_year),
            people.list_staff(db),
        )
        self.rounds = RoundsEditor(
            lambda: library.list_plans(db),
            lambda stage: library.list_prompts(db, stage=stage),
            lambda fields: library.save_plan(db, fields),
        )

    def _make_options(self) -> None:
        """The talking piece, the names on the wall, the way the piece goes, and the kind."""
        self.piece = QLineEdit(placeholderText=self.tr("For example: a smooth river stone"))
        self.names = QComboBox()
        for text, style in (
            (self.tr("First names"), NameStyle.FIRST_NAME),
            (self.tr("Initials"), NameStyle.INITIALS),
            (self.tr("Seat numbers"), NameStyle.SEAT_NUMBER),
        ):
            self.names.addItem(text, style)
        self.direction = QComboBox()
        self.direction.addItem(self.tr("Clockwise"), Direction.CLOCKWISE)
        self.direction.addItem(self.tr("Counterclockwise"), Direction.COUNTERCLOCKWISE)
        self.offer_again = QCheckBox(self.tr("Offer the piece again to those who passed"))
        self.offer_again.setChecked(True)
        self.kind = choice_combo(list(CircleKind))
        self.kind.setAccessibleName(self.tr("Kind of circle"))
        self.purpose = PurposeLine()

    def showEvent(self, event: QShowEvent) -> None:
        """Shown, the tab waits for a group to be typed (unless the keys are already in it)."""
        super().showEvent(event)
        focused = QApplication.focusWidget()
        if focused is None or not self.isAncestorOf(focused):
            group = self.seating.group
            group.setFocus(Qt.FocusReason.TabFocusReason)
            line = group.lineEdit()
            if line is not None:  # what the field shows is selected: typing replaces it
                line.selectAll()

    # -- a circle for a case --------------------------------------------------------------
    def set_case(self, case: Case) -> None:
        """Seat the case's people with their part in it (its facilitator keeping), choose the
        repair-harm (or re-entry) plan, and offer the conference script."""
        kind = meeting_kind_of(case)
        self._case = CaseCircle(case.id, kind)
        self.seating.clear()
        for attendee in case_people(self._db, case):
            self.seating.seat(attendee)
            if attendee.role == Role.FACILITATOR:
                self.seating.set_keeper(attendee)
        self.rounds.use_template(
            "re-entry" if kind is MeetingKind.RE_ENTRY_CIRCLE else "repair-harm"
        )
        self.conference.set_case(case)
        self.case_note.setText(
            self.tr(
                "This circle is for case {number}; it will be saved as a meeting on it."
            ).format(number=case.id)
        )
        self.case_note.show()

    # -- start --------------------------------------------------------------------------------
    def start_circle(self) -> CircleRunner | None:
        choice = self.choice()
        if choice is None:
            return None
        self.problem.clear()
        runner = CircleRunner(self._db, choice, clock=self._clock, chime=self._chime, parent=self)
        runner.saved.connect(self._saved)
        runner.recordRequested.connect(self.recordRequested)
        self.runner = runner
        runner.show()
        return runner

    def choice(self) -> CirclePlanChoice | None:
        """The circle as set up, or None (with the reason shown) if it cannot start yet."""
        attendees = self.seating.attendees()
        rounds = self.rounds.rounds()
        if not attendees:
            self.problem.setText(self.tr("Seat at least one person to start a circle."))
            return None
        if not rounds:
            self.problem.setText(self.tr("Choose a plan or add a round to start a circle."))
            return None
        style = current_choice(self.names, NameStyle) or NameStyle.FIRST_NAME
        keeper = self.seating.keeper_index()
        choice = CirclePlanChoice(
            seats=self._seats(attendees, style),
            rounds=tuple(round_plan(r) for r in rounds),
            settings=self._settings(),
            kind=current_choice(self.kind, CircleKind) or CircleKind.COMMUNITY_BUILDING,
            purpose=self.purpose.purpose(self.rounds.plan_name()),
            talking_piece=self.piece.text().strip(),
            plan_id=self.rounds.plan_id,
            group_id=self.seating.group.currentData() if self._case is None else None,
            keeper_id=attendees[keeper].staff_id if keeper is not None else None,
            case_id=self._case.case_id if self._case else None,
            meeting_kind=self._case.meeting_kind if self._case else MeetingKind.REPAIR_HARM_CIRCLE,
            name_style=style,
            absent_student_ids=self.seating.absent_student_ids(),
        )
        return self.conference.apply(choice, attendees)

    def _seats(self, attendees: list[Attendee], style: NameStyle) -> tuple[SeatedPerson, ...]:
        """The seats in ring order, each with the words the wall shows for its sitter."""
        labels = wall_labels([a.sitter for a in attendees], style)
        keeper = self.seating.keeper_index()
        return tuple(
            SeatedPerson(i + 1, text, i == keeper, *a.on_record(), role=a.role)
            for i, (a, text) in enumerate(zip(attendees, labels, strict=True))
        )

    def _settings(self) -> CircleSettings:
        start = self.seating.start_index()
        return CircleSettings(
            direction=current_choice(self.direction, Direction) or Direction.CLOCKWISE,
            start_key=None if start is None else start + 1,
            offer_again=self.offer_again.isChecked(),
        )

    # -- private -----------------------------------------------------------------------------
    def _lay_out(self) -> None:
        who = QGroupBox(self.tr("Who sits in the circle"))
        QVBoxLayout(who).addWidget(self.seating)
        plan = QGroupBox(self.tr("The plan"))
        plan_layout = QVBoxLayout(plan)
        plan_layout.addWidget(self.rounds)
        plan_layout.addWidget(self.library_button)
        record = QHBoxLayout()  # what the circle's record will say it was, on one line
        for text, field, stretch in (
            (self.tr("Purpose"), self.purpose, 3),
            (self.tr("Kind of circle"), self.kind, 2),
        ):
            caption = QLabel(text)
            caption.setBuddy(field)
            record.addWidget(caption)
            record.addWidget(field, stretch)
        plan_layout.addLayout(record)
        options = QFormLayout()
        options.addRow(self.tr("Talking piece"), self.piece)
        options.addRow(self.tr("Names on the wall"), self.names)
        options.addRow(self.tr("The piece goes"), self.direction)
        options.addRow("", self.offer_again)
        columns = QHBoxLayout()
        columns.addWidget(who, 2)
        columns.addWidget(plan, 3)
        bottom = QHBoxLayout()
        bottom.addLayout(options, 1)
        side = QVBoxLayout()
        side.addWidget(self.case_note)
        side.addWidget(self.conference)
        side.addWidget(self.problem)
        side.addWidget(self.start)
        bottom.addLayout(side, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addLayout(bottom)

    def _plan_changed(self) -> None:
        """A plan newly chosen gives the circle its purpose (unless the keeper typed one) and,
        for a shipped template, its kind."""
        if self.rounds.plan_id == self._plan_seen:
            return
        self._plan_seen = self.rounds.plan_id
        self.purpose.offer(self.rounds.plan_name())
        plan = self.rounds.plan.currentData()
        kind = template_kind(plan.template_key) if isinstance(plan, CirclePlan) else None
        if kind is not None:
            self.kind.setCurrentIndex(self.kind.findData(kind))

    def _seats_changed(self) -> None:
        """The plan's time is for the people seated, and the rounds to roles for theirs."""
        self.rounds.set_people(len(self.seating.attendees()), self.seating.role_counts())

    def _open_library(self) -> None:
        from rp_desktop.ui.run_circle.library_dialog import CircleLibraryDialog

        dialogs.wait_for(CircleLibraryDialog(self._db, self))

    def _saved(self, saved: SavedRun) -> None:
        self._case = None
        self.case_note.hide()
        self.conference.set_case(None)
        self.circleSaved.emit(saved)
