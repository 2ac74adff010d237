"""One round of a circle's plan, in a dialog: its stage, who answers, its prompt (from the
library, for an age band, or typed) in English, Spanish or both, and its time."""

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from rp_desktop.domain.circle.types import KEEPER, Timing
from rp_desktop.domain.library import SECOND_LANGUAGE, AgeBand, PlannedRound, Prompt
from rp_desktop.domain.vocabulary import CircleStage, Role
from rp_desktop.ui import dialogs
from rp_desktop.ui.forms.widgets import choice_combo, current_choice, select_data
from rp_desktop.ui.run_circle.prompts import band_words

# Who a round can go to, in the order they usually speak.
ANSWERING = (
    Role.PERSON_WHO_CAUSED_HARM.value,
    Role.PERSON_HARMED.value,
    Role.SUPPORTER.value,
    Role.FAMILY_MEMBER.value,
    Role.STAFF.value,
    KEEPER,
)
ENGLISH, SPANISH, BOTH = "en", "es", "en+es"


def _tr(text: str) -> str:
    return QCoreApplication.translate("RoundDialog", text)


def role_words(role: str) -> str:
    """A role as the keeper's screens name who a round goes to (never shown on the wall)."""
    words = {
        Role.PERSON_WHO_CAUSED_HARM: lambda: _tr("person who caused harm"),
        Role.PERSON_HARMED: lambda: _tr("person harmed"),
        Role.SUPPORTER: lambda: _tr("supporters"),
        Role.FAMILY_MEMBER: lambda: _tr("family members"),
        Role.STAFF: lambda: _tr("staff"),
        Role.WITNESS: lambda: _tr("witnesses"),
        Role.STUDENT: lambda: _tr("student"),
        Role.FACILITATOR: lambda: _tr("facilitator"),
        KEEPER: lambda: _tr("keeper"),
    }
    said = words.get(role)
    return said() if said is not None else role


def to_words(roles: Sequence[str]) -> str:
    """ "everyone", or "to: the person harmed, supporters"."""
    if not roles:
        return _tr("everyone")
    return _tr("to: {roles}").format(roles=", ".join(role_words(role) for role in roles))


class RoundDialog(QDialog):
    """One round: its stage, who answers, its prompt and its language, and its time."""

    def __init__(
        self,
        prompts_for: Callable[[CircleStage], list[Prompt]],
        round_: PlannedRound | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Round"))
        self.setMinimumWidth(600)
        self._prompts_for = prompts_for
        self._prompts: list[Prompt] = []
        self._chosen: Prompt | None = None  # the library prompt chosen here
        self._kept_id = round_.prompt_id if round_ is not None else None
        self._make_fields(round_)
        self._make_time()
        self._lay_out()
        self._connect()
        if round_ is not None:
            self._fill(round_)
        self._fill_library()
        self._sync()

    def _make_fields(self, round_: PlannedRound | None) -> None:
        self.stage = choice_combo(list(CircleStage))
        self.stage.setAccessibleName(self.tr("Stage"))
        self.answering = self._answering_list(round_.to_roles if round_ is not None else ())
        self.band = QComboBox()
        self.band.setAccessibleName(self.tr("Prompts for an age band"))
        self.band.addItem(self.tr("All ages"), None)
        for band in AgeBand:
            self.band.addItem(band_words(band), band.value)
        self.library = QComboBox()
        self.library.setAccessibleName(self.tr("Prompts from the library"))
        # Long prompts are cut in the closed list, never the dialog's labels.
        self.library.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.library.setMinimumContentsLength(24)
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language of the prompt"))
        for text, code in (
            (self.tr("English"), ENGLISH),
            (self.tr("Español"), SPANISH),
            (self.tr("English + Español"), BOTH),
        ):
            self.language.addItem(text, code)
        self.prompt = QPlainTextEdit()
        self.prompt.setAccessibleName(self.tr("Prompt"))
        self.second = QPlainTextEdit()
        self.second.setAccessibleName(self.tr("Prompt in Spanish"))
        self.note = QLabel(wordWrap=True)

    def _answering_list(self, planned: tuple[str, ...]) -> QListWidget:
        """A tick for each role, the round's own first (in its order), then the others."""
        answering = QListWidget()
        answering.setAccessibleName(self.tr("Who answers"))
        for role in list(planned) + [r for r in ANSWERING if r not in planned]:
            item = QListWidgetItem(role_words(role))
            item.setData(Qt.ItemDataRole.UserRole, role)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = Qt.CheckState.Checked if role in planned else Qt.CheckState.Unchecked
            item.setCheckState(checked)
            answering.addItem(item)
        rows = answering.sizeHintForRow(0) * answering.count()
        answering.setFixedHeight(rows + 2 * answering.frameWidth() + 2)
        return answering

    def _make_time(self) -> None:
        """How the round is timed, and how many seconds."""
        self.timing = QComboBox()
        self.timing.setAccessibleName(self.tr("Time"))
        for text, timing in (
            (self.tr("No time limit"), Timing.NONE),
            (self.tr("Time for each speaker"), Timing.PER_SPEAKER),
            (self.tr("Time for the whole round, shared"), Timing.PER_ROUND),
        ):
            self.timing.addItem(text, timing)
        self.seconds = QSpinBox()
        self.seconds.setAccessibleName(self.tr("Seconds"))
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
        self.prompt.setMinimumHeight(60)
        self.second.setMinimumHeight(60)
        pick = QHBoxLayout()
        pick.addWidget(self.band)
        pick.addWidget(self.library, 1)
        form = QFormLayout(self)
        form.addRow(self.tr("Stage"), self.stage)
        form.addRow(self.tr("Who answers"), self.answering)
        form.addRow(
            "",
            QLabel(
                self.tr("Those ticked speak in this order. Tick no one for everyone."),
                wordWrap=True,
            ),
        )
        form.addRow(self.tr("From the library"), pick)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Prompt"), self.prompt)
        form.addRow(self.tr("In Spanish"), self.second)
        form.addRow("", self.note)
        form.addRow(self.tr("Time"), self.timing)
        form.addRow("", self.seconds)
        form.addRow(buttons)
        self._form = form

    def _connect(self) -> None:
        self.stage.currentIndexChanged.connect(self._fill_library)
        self.band.currentIndexChanged.connect(self._fill_library)
        self.library.activated.connect(self._take_from_library)
        self.language.currentIndexChanged.connect(self._language_changed)
        self.timing.currentIndexChanged.connect(self._sync)

    def _fill(self, round_: PlannedRound) -> None:
        select_data(self.stage, round_.stage)
        self.prompt.setPlainText(round_.prompt_text)
        self.second.setPlainText(round_.second_text)
        if round_.second_text:
            select_data(self.language, BOTH)
        elif round_.language == SPANISH:
            select_data(self.language, SPANISH)
        select_data(self.timing, round_.timing)
        self.seconds.setValue(round_.seconds or 60)

    def to_roles(self) -> tuple[str, ...]:
        """The ticked roles, in the order listed: the order they speak."""
        items = (self.answering.item(row) for row in range(self.answering.count()))
        return tuple(
            str(item.data(Qt.ItemDataRole.UserRole))
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        )

    def value(self) -> PlannedRound:
        timing = current_choice(self.timing, Timing) or Timing.NONE
        language = self.language.currentData()
        both = language == BOTH
        return PlannedRound(
            stage=current_choice(self.stage, CircleStage) or CircleStage.DISCUSSION,
            prompt_text=self.prompt.toPlainText().strip(),
            timing=timing,
            seconds=None if timing is Timing.NONE else self.seconds.value(),
            prompt_id=self._chosen_id(),
            to_roles=self.to_roles(),
            language=SPANISH if language == SPANISH else ENGLISH,
            second_text=self.second.toPlainText().strip() if both else "",
            second_language=SECOND_LANGUAGE if both else "",
        )

    def _chosen_id(self) -> int | None:
        if self._chosen is None:
            return self._kept_id
        if self.language.currentData() == SPANISH:
            spanish = self._translation(self._chosen)
            return spanish.id if spanish is not None else self._chosen.id
        return self._chosen.id

    def _fill_library(self) -> None:
        stage = current_choice(self.stage, CircleStage) or CircleStage.DISCUSSION
        band = self.band.currentData()
        self._prompts = self._prompts_for(stage)
        self.library.clear()
        self.library.addItem(self.tr("Choose a prompt to use its words…"), None)
        for prompt in self._prompts:
            if prompt.translation_of is None and (band is None or band in prompt.bands):
                self.library.addItem(prompt.text, prompt.id)

    def _translation(self, prompt: Prompt) -> Prompt | None:
        return next(
            (
                p
                for p in self._prompts
                if p.translation_of == prompt.id and p.language == SECOND_LANGUAGE
            ),
            None,
        )

    def _language_changed(self) -> None:
        if self._chosen is not None:
            self._put_words()
        self._sync()

    def _take_from_library(self) -> None:
        chosen = self.library.currentData()
        self._chosen = next((p for p in self._prompts if p.id == chosen), None)
        self._put_words()
        self._sync()

    def _put_words(self) -> None:
        """The chosen prompt's words in the chosen language (or both)."""
        self.note.clear()
        if self._chosen is None:
            return
        spanish = self._translation(self._chosen)
        language = self.language.currentData()
        if language != ENGLISH and spanish is None and self._chosen.language != SPANISH:
            self.note.setText(self.tr("This prompt has no Spanish yet: type it here."))
        first = spanish if language == SPANISH and spanish is not None else self._chosen
        self.prompt.setPlainText(first.text)
        self.second.setPlainText(spanish.text if language == BOTH and spanish else "")

    def _sync(self) -> None:
        self.seconds.setEnabled(current_choice(self.timing, Timing) is not Timing.NONE)
        both = self.language.currentData() == BOTH
        self._form.setRowVisible(self.second, both)
        self._form.setRowVisible(self.note, bool(self.note.text()))

    @classmethod
    def ask(
        cls,
        prompts_for: Callable[[CircleStage], list[Prompt]],
        round_: PlannedRound | None,
        parent: QWidget | None = None,
    ) -> PlannedRound | None:
        dialog = cls(prompts_for, round_, parent)
        return dialog.value() if dialogs.accepted(dialog) else None
