"""One round of a circle's plan, in a dialog: its stage, its prompt (from the library or typed),
and its time."""

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from rp_desktop.domain.circle.types import Timing
from rp_desktop.domain.library import PlannedRound, Prompt
from rp_desktop.domain.vocabulary import CircleStage
from rp_desktop.ui import dialogs
from rp_desktop.ui.forms.widgets import choice_combo, current_choice, select_data


class RoundDialog(QDialog):
    """One round: its stage, its prompt (from the library or typed), and its time."""

    def __init__(
        self,
        prompts_for: Callable[[CircleStage], list[Prompt]],
        round_: PlannedRound | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Round"))
        self.setMinimumWidth(560)
        self._prompts_for = prompts_for
        self.stage = choice_combo(list(CircleStage))
        self.library = QComboBox()
        self.library.setAccessibleName(self.tr("Prompts from the library"))
        self.prompt = QPlainTextEdit()
        self.prompt.setAccessibleName(self.tr("Prompt"))
        self._make_time()
        self._lay_out()
        self.stage.currentIndexChanged.connect(self._fill_library)
        self.library.activated.connect(self._take_from_library)
        self.timing.currentIndexChanged.connect(self._sync_seconds)
        if round_ is not None:
            select_data(self.stage, round_.stage)
            self.prompt.setPlainText(round_.prompt_text)
            select_data(self.timing, round_.timing)
            self.seconds.setValue(round_.seconds or 60)
        self._fill_library()
        self._sync_seconds()

    def _make_time(self) -> None:
        """How the round is timed, and how many seconds."""
        self.timing = QComboBox()
        for text, timing in (
            (self.tr("No time limit"), Timing.NONE),
            (self.tr("Time for each speaker"), Timing.PER_SPEAKER),
            (self.tr("Time for the whole round, shared"), Timing.PER_ROUND),
        ):
            self.timing.addItem(text, timing)
        self.seconds = QSpinBox()
        self.seconds.setRange(5, 2 * 60 * 60)
        self.seconds.setSingleStep(15)
        self.seconds.setSuffix(self.tr(" seconds"))
        self.seconds.setValue(60)

    def _lay_out(self) -> None:
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Stage"), self.stage)
        form.addRow(self.tr("From the library"), self.library)
        form.addRow(self.tr("Prompt"), self.prompt)
        form.addRow(self.tr("Time"), self.timing)
        form.addRow("", self.seconds)
        form.addRow(buttons)

    def value(self) -> PlannedRound:
        timing = current_choice(self.timing, Timing) or Timing.NONE
        return PlannedRound(
            stage=current_choice(self.stage, CircleStage) or CircleStage.DISCUSSION,
            prompt_text=self.prompt.toPlainText().strip(),
            timing=timing,
            seconds=None if timing is Timing.NONE else self.seconds.value(),
            prompt_id=self.library.currentData(),
        )

    def _fill_library(self) -> None:
        self.library.clear()
        self.library.addItem(self.tr("Choose a prompt to use its words…"), None)
        stage = current_choice(self.stage, CircleStage) or CircleStage.DISCUSSION
        for prompt in self._prompts_for(stage):
            self.library.addItem(prompt.text, prompt.id)

    def _take_from_library(self) -> None:
        if self.library.currentData() is not None:
            self.prompt.setPlainText(self.library.currentText())

    def _sync_seconds(self) -> None:
        self.seconds.setEnabled(current_choice(self.timing, Timing) is not Timing.NONE)

    @classmethod
    def ask(
        cls,
        prompts_for: Callable[[CircleStage], list[Prompt]],
        round_: PlannedRound | None,
        parent: QWidget | None = None,
    ) -> PlannedRound | None:
        dialog = cls(prompts_for, round_, parent)
        return dialog.value() if dialogs.accepted(dialog) else None
