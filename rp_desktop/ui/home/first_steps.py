"""Home's checklist for a new school: import the roster, add staff, make groups, plan the first
circle. Each line is one action away and ticked when its fact is true in the database; the
list goes once every step is done, or for good with "Hide this list"."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from rp_desktop.domain.first_steps import FirstSteps, Step
from rp_desktop.domain.roster import REQUIRED_FIELDS
from rp_desktop.domain.school_year import school_year_of
from rp_desktop.services.first_steps import first_steps, hide_first_steps, make_homeroom_groups
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.school import school_info
from rp_desktop.ui.home.staff_dialog import StaffDialog
from rp_desktop.ui.words.formatting import counted
from rp_desktop.ui.words.roster import example_header

DONE_MARK = "✓"
TO_DO_MARK = "○"


class FirstStepsCard(QFrame):
    """The checklist. Staff and groups are added from here; the roster and the circle are the
    window's to open.

    Signals:
        rosterImportRequested(): open the roster import.
        runCircleRequested(): go and set up a circle.
        changed(): staff or groups were added (the other pages read again).
    """

    rosterImportRequested = Signal()
    runCircleRequested = Signal()
    changed = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.steps: FirstSteps | None = None
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("firstSteps")
        self.title = QLabel(self.tr("Getting started"))
        self.title.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.note = QLabel(wordWrap=True)  # what the last action did, when it says something
        self.note.hide()
        self.hide_button = QPushButton(self.tr("Hide this list"))
        self.hide_button.setAccessibleName(self.tr("Hide the getting started list for good"))
        self.hide_button.clicked.connect(self.hide_for_good)
        self.marks: dict[Step, QLabel] = {}
        self.texts: dict[Step, QLabel] = {}
        self.buttons: dict[Step, QPushButton] = {}
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        for row, step in enumerate(Step):
            self._add_line(grid, row, step)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.hide_button)
        layout = QGridLayout(self)
        layout.addLayout(top, 0, 0)
        layout.addLayout(grid, 1, 0)
        layout.addWidget(self.note, 2, 0)

    def _add_line(self, grid: QGridLayout, row: int, step: Step) -> None:
        text, action = self._words(step)
        self.marks[step] = QLabel(TO_DO_MARK)
        self.texts[step] = QLabel(text, wordWrap=True)
        button = self.buttons[step] = QPushButton(action)
        button.setAccessibleName(action.removesuffix("…"))
        button.clicked.connect(lambda: self.take(step))
        grid.addWidget(self.marks[step], row, 0)
        grid.addWidget(self.texts[step], row, 1)
        grid.addWidget(button, row, 2)

    def _words(self, step: Step) -> tuple[str, str]:
        """The step's sentence and its button's words."""
        match step:
            case Step.ROSTER:
                columns = ", ".join(example_header(field) for field in REQUIRED_FIELDS)
                return self.tr(
                    "Import the roster: a CSV file with the columns {columns} (the import "
                    "lists the others and saves a sample file)."
                ).format(columns=columns), self.tr("Import the roster…")
            case Step.STAFF:
                return self.tr("Add the staff who keep circles and follow cases."), self.tr(
                    "Add staff…"
                )
            case Step.GROUPS:
                return self.tr(
                    "Make the groups circles are held with: one for each homeroom of the roster."
                ), self.tr("Make homeroom groups")
            case Step.CIRCLE:
                return self.tr("Plan the first circle, and run it with the talking piece."), (
                    self.tr("Run a circle")
                )

    def reload(self) -> None:
        """Read the facts again and tick the steps done."""
        self.show_steps(first_steps(self._db))

    def take(self, step: Step) -> None:
        """The action of `step`."""
        match step:
            case Step.ROSTER:
                self.rosterImportRequested.emit()
            case Step.STAFF:
                if StaffDialog.ask(self._db, self.window()):
                    self._changed("")
            case Step.GROUPS:
                self._make_groups()
            case Step.CIRCLE:
                self.runCircleRequested.emit()

    def hide_for_good(self) -> None:
        hide_first_steps(self._db)
        self.reload()

    def _make_groups(self) -> None:
        school = school_info(self._db)
        year = school.school_year if school else school_year_of(self._db.today())
        made = make_homeroom_groups(self._db, year)
        if not made:
            self.say(
                self.tr(
                    "No student has a homeroom without a group yet: import a roster with a "
                    "Homeroom column first."
                )
            )
            return
        self._changed(counted(made, self.tr("Made 1 group."), self.tr("Made {count} groups.")))

    def _changed(self, text: str) -> None:
        self.reload()
        self.say(text)
        self.changed.emit()

    def show_steps(self, steps: FirstSteps) -> None:
        """Tick the steps done; shown only while some step is left and it is not hidden."""
        self.steps = steps
        for step in Step:
            done = steps.done(step)
            self.marks[step].setText(DONE_MARK if done else TO_DO_MARK)
            self.marks[step].setAccessibleName(self.tr("Done") if done else self.tr("To do"))
            self.texts[step].setEnabled(not done)
            self.buttons[step].setVisible(not done)
        self.setVisible(steps.shown)

    def say(self, text: str) -> None:
        """One sentence under the list about the last action ("" to say nothing)."""
        self.note.setText(text)
        self.note.setVisible(bool(text))
