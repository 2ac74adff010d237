"""A circle's plan: chosen from the library (templates and saved plans), its rounds edited here
(each in a `RoundDialog`), its time for the seated group shown and fitted to a period, and
saved as a plan of one's own to use again."""

from collections.abc import Callable, Mapping

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rp_desktop.domain.circle.budget import PlanTime, fit_to_period, plan_seconds
from rp_desktop.domain.circle.display import clock_text
from rp_desktop.domain.circle.types import Timing
from rp_desktop.domain.library import CirclePlan, PlanFields, PlannedRound, Prompt
from rp_desktop.domain.validation import InvalidInput
from rp_desktop.domain.vocabulary import CircleStage
from rp_desktop.ui import choosers, dialogs
from rp_desktop.ui.forms.widgets import searchable_if_long
from rp_desktop.ui.run_circle.round_dialog import RoundDialog, to_words
from rp_desktop.ui.words.formatting import counted
from rp_desktop.ui.words.labels import label
from rp_desktop.ui.words.problems import problem_text


def timing_text(round_: PlannedRound) -> str:
    def tr(text: str) -> str:
        return QCoreApplication.translate("RoundsEditor", text)

    if round_.timing is Timing.NONE or round_.seconds is None:
        return tr("no time limit")
    if round_.timing is Timing.PER_SPEAKER:
        return tr("{time} each").format(time=clock_text(round_.seconds))
    return tr("{time} for the round").format(time=clock_text(round_.seconds))


def time_words(time: PlanTime, people: int) -> str:
    """ "About 38 minutes for 24 people", with what the minutes count and leave out."""

    def tr(text: str) -> str:
        return QCoreApplication.translate("RoundsEditor", text)

    minutes = max(int(time.seconds / 60 + 0.5), 1 if time.seconds else 0)  # half up
    said = tr("About {minutes} for {people}").format(
        minutes=counted(minutes, tr("1 minute"), tr("{count} minutes")),
        people=counted(people, tr("1 person"), tr("{count} people")),
    )
    if time.estimated:
        said += counted(
            time.estimated,
            tr(" (1 minute counted for the keeper's round with no time limit)"),
            tr(" (1 minute counted for each of the keeper's {count} rounds with no time limit)"),
        )
    if time.untimed:
        said += counted(
            time.untimed,
            tr(", and 1 round with no time limit"),
            tr(", and {count} rounds with no time limit"),
        )
    return said


class RoundsEditor(QWidget):
    """The plan for this circle. Choosing a plan copies its rounds here; edits stay with this
    circle unless saved as a plan.

    Signals:
        changed(): the rounds changed.
    """

    changed = Signal()

    def __init__(
        self,
        plans: Callable[[], list[CirclePlan]],
        prompts_for: Callable[[CircleStage], list[Prompt]],
        save_plan: Callable[[PlanFields], CirclePlan],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._plans = plans
        self._prompts_for = prompts_for
        self._save_plan = save_plan
        self._rounds: list[PlannedRound] = []
        self._people: int | None = None  # seated, once the set-up says
        self._roles: Mapping[str, int] = {}
        self.plan_id: int | None = None
        self.plan = QComboBox()
        self.plan.setAccessibleName(self.tr("Plan"))
        self.table = self._make_table()
        self.buttons = {
            key: QPushButton(text)
            for key, text in (
                ("add", self.tr("Add a round")),
                ("edit", self.tr("Edit")),
                ("remove", self.tr("Remove")),
                ("up", self.tr("Up")),
                ("down", self.tr("Down")),
                ("fit", self.tr("Fit to a period…")),
                ("save", self.tr("Save as a plan…")),
            )
        }
        self.time = QLabel(wordWrap=True)
        self.time.setAccessibleName(self.tr("Time for the seated group"))
        self._lay_out()
        self._connect()
        self.reload_plans()

    def _make_table(self) -> QTableWidget:
        table = QTableWidget(0, 4)
        table.setAccessibleName(self.tr("Rounds"))
        table.setHorizontalHeaderLabels(
            [self.tr("Stage"), self.tr("Prompt"), self.tr("Who answers"), self.tr("Time")]
        )
        table.verticalHeader().setVisible(True)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setWordWrap(True)
        header = table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(2, 180)  # "to: person who caused harm" on one line
        return table

    def _lay_out(self) -> None:
        row = QHBoxLayout()
        for button in self.buttons.values():
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plan)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.time)
        layout.addLayout(row)

    def _connect(self) -> None:
        self.plan.activated.connect(self._choose_plan)
        self.plan.currentIndexChanged.connect(self._choose_plan)  # also chosen by typing
        self.buttons["add"].clicked.connect(self._add)
        self.buttons["edit"].clicked.connect(self._edit)
        self.table.doubleClicked.connect(self._edit)
        self.buttons["remove"].clicked.connect(self._remove)
        self.buttons["up"].clicked.connect(lambda: self._shift(-1))
        self.buttons["down"].clicked.connect(lambda: self._shift(1))
        self.buttons["fit"].clicked.connect(self.fit_to_period)
        self.buttons["save"].clicked.connect(self._save_as_plan)

    def rounds(self) -> list[PlannedRound]:
        return list(self._rounds)

    def plan_name(self) -> str:
        """The chosen plan's own name (without the "Template: " the list shows before it)."""
        plan = self.plan.currentData()
        return plan.name if self.plan_id is not None and plan is not None else ""

    def set_people(self, count: int, roles: Mapping[str, int]) -> None:
        """The seated group changed: `count` seats, `roles` the seats in each role ("keeper":
        1 when a keeper sits); the plan's time is said for them."""
        self._people = count
        self._roles = dict(roles)
        self._show_time()

    def fit_to_period(self) -> None:
        """Ask how long the period is and scale the timed rounds to fit it (this circle only,
        unless saved as a plan)."""
        people = self._people or 0
        minutes = choosers.ask_number(
            self,
            self.tr("Fit to a period"),
            self.tr("Minutes in the period"),
            45,
            5,
            240,
        )
        if minutes is None:
            return
        fitted = fit_to_period(self._rounds, people, minutes * 60, self._roles or None)
        self._rounds = list(fitted)
        self._refresh(select=self._current())

    def reload_plans(self, select: int | None = None) -> None:
        self.plan.clear()
        self.plan.addItem(self.tr("Choose a plan or template…"), None)
        for plan in self._plans():
            prefix = self.tr("Template: ") if plan.is_template else ""
            self.plan.addItem(prefix + plan.name, plan)
            if plan.id == select:
                self.plan.setCurrentIndex(self.plan.count() - 1)
        searchable_if_long(self.plan)

    def use_plan(self, plan: CirclePlan) -> None:
        self.plan_id = plan.id
        self._rounds = list(plan.rounds)
        self._refresh()

    def use_template(self, key: str) -> bool:
        """Choose the template with this key (e.g. "repair-harm"); False if there is none."""
        for index in range(self.plan.count()):
            plan = self.plan.itemData(index)
            if plan is not None and plan.template_key == key:
                self.plan.setCurrentIndex(index)
                self.use_plan(plan)
                return True
        return False

    def _choose_plan(self) -> None:
        plan = self.plan.currentData()
        if plan is not None:
            self.use_plan(plan)

    def _add(self) -> None:
        round_ = RoundDialog.ask(self._prompts_for, None, self)
        if round_ is not None:
            self._rounds.insert(
                self._current() + 1 if self._current() >= 0 else len(self._rounds), round_
            )
            self._refresh()

    def _edit(self) -> None:
        row = self._current()
        if row < 0:
            return
        round_ = RoundDialog.ask(self._prompts_for, self._rounds[row], self)
        if round_ is not None:
            self._rounds[row] = round_
            self._refresh(select=row)

    def _remove(self) -> None:
        row = self._current()
        if row >= 0:
            del self._rounds[row]
            self._refresh(select=min(row, len(self._rounds) - 1))

    def _shift(self, step: int) -> None:
        row = self._current()
        target = row + step
        if row < 0 or not 0 <= target < len(self._rounds):
            return
        self._rounds[row], self._rounds[target] = self._rounds[target], self._rounds[row]
        self._refresh(select=target)

    def _save_as_plan(self) -> None:
        name = choosers.ask_text(self, self.tr("Save as a plan"), self.tr("Name of the plan"))
        if name is None:
            return
        try:
            saved = self._save_plan(PlanFields(name, "", tuple(self._rounds)))
        except InvalidInput as invalid:
            dialogs.show_error(
                self, self.tr("The plan was not saved"), problem_text(invalid.problems[0])
            )
            return
        self.reload_plans(select=saved.id)
        self.plan_id = saved.id

    def _current(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def _refresh(self, select: int | None = None) -> None:
        self.table.setRowCount(len(self._rounds))
        for row, round_ in enumerate(self._rounds):
            words = round_.prompt_text
            if round_.second_text:
                words += "\n" + round_.second_text
            for column, text in enumerate(
                (label(round_.stage), words, to_words(round_.to_roles), timing_text(round_))
            ):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeRowsToContents()
        if select is not None and select >= 0:
            self.table.selectRow(select)
        self._show_time()
        self.changed.emit()

    def _show_time(self) -> None:
        people = self._people
        self.buttons["fit"].setEnabled(bool(people) and bool(self._rounds))
        if not people:
            self.time.setText(self.tr("Seat the group to see about how long this plan takes."))
            return
        time = plan_seconds(self._rounds, people, self._roles or None)
        self.time.setText(time_words(time, people))
