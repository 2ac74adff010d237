"""A prompt of the circle library: its row in the library's table, and the form that adds or
edits it (its words, stage, language, tags and the ages it suits)."""

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from rp_desktop.domain.library import AgeBand, Prompt, PromptFields, split_tags
from rp_desktop.domain.vocabulary import CircleStage
from rp_desktop.services.circles import library
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui.forms.form_draft import DraftPlace
from rp_desktop.ui.forms.record_form import RecordForm
from rp_desktop.ui.forms.widgets import select_data
from rp_desktop.ui.lists.rows_model import RowsModel
from rp_desktop.ui.words.labels import label


def _tr(text: str) -> str:
    return QCoreApplication.translate("CircleLibrary", text)


def language_words(code: str) -> str:
    return {"en": _tr("English"), "es": _tr("Spanish")}.get(code, code)


def band_words(band: AgeBand) -> str:
    return {
        AgeBand.K_2: lambda: _tr("K–2"),
        AgeBand.GRADES_3_5: lambda: _tr("Grades 3–5"),
        AgeBand.GRADES_6_8: lambda: _tr("Grades 6–8"),
        AgeBand.GRADES_9_12: lambda: _tr("Grades 9–12"),
        AgeBand.ADULTS: lambda: _tr("Adults"),
    }[band]()


# The grades each school band spans, to write neighbouring bands as one span ("K–8").
_GRADES = {
    AgeBand.K_2: ("K", "2"),
    AgeBand.GRADES_3_5: ("3", "5"),
    AgeBand.GRADES_6_8: ("6", "8"),
    AgeBand.GRADES_9_12: ("9", "12"),
}


def bands_text(bands: tuple[AgeBand, ...]) -> str:
    """The bands in short, for a table's column: "K–8", "3–12, Adults", "K–2, 6–8"."""
    if not bands:
        return _tr("any age")
    spans: list[list[AgeBand]] = []
    order = list(_GRADES)
    for band in (b for b in order if b in bands):
        if spans and order.index(spans[-1][-1]) == order.index(band) - 1:
            spans[-1].append(band)
        else:
            spans.append([band])
    words = [f"{_GRADES[span[0]][0]}–{_GRADES[span[-1]][1]}" for span in spans]
    if AgeBand.ADULTS in bands:
        words.append(_tr("Adults"))
    return ", ".join(words)


def band_list() -> QListWidget:
    """The five age bands as a row of ticks."""
    ticks = QListWidget()
    ticks.setFlow(QListView.Flow.LeftToRight)
    ticks.setWrapping(True)
    for band in AgeBand:
        item = QListWidgetItem(band_words(band))
        item.setData(Qt.ItemDataRole.UserRole, band.value)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        ticks.addItem(item)
    ticks.setMaximumHeight(ticks.sizeHintForRow(0) * 2 + 8)
    return ticks


def ticked_bands(ticks: QListWidget) -> tuple[AgeBand, ...]:
    items = (ticks.item(row) for row in range(ticks.count()))
    return tuple(
        AgeBand(item.data(Qt.ItemDataRole.UserRole))
        for item in items
        if item.checkState() == Qt.CheckState.Checked
    )


class PromptTableModel(RowsModel[Prompt]):
    """The prompts one search found, as plain rows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.set_rows(
            [],
            [
                self.tr("Prompt"),
                self.tr("Stage"),
                self.tr("Language"),
                self.tr("Ages"),
                self.tr("Tags"),
            ],
        )

    def set_prompts(self, prompts: list[Prompt]) -> None:
        self.set_rows(prompts)

    def prompt(self, row: int) -> Prompt:
        return self.row(row)

    def row_of(self, prompt_id: int) -> int | None:
        return self.row_where(lambda prompt: prompt.id == prompt_id)

    def style(self, row: Prompt, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and not row.active:
            return QPalette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        return None

    def text(self, row: Prompt, column: int) -> str:
        prompt = row
        if column == 0:
            return (
                prompt.text
                if prompt.active
                else self.tr("{text} (retired)").format(text=prompt.text)
            )
        if column == 1:
            return label(prompt.stage)
        if column == 2:
            return language_words(prompt.language)
        if column == 3:
            return bands_text(prompt.bands)
        return ", ".join(prompt.tags)


class PromptForm(RecordForm):
    """Add or edit one prompt: its words, stage, language and tags. Signals: see RecordForm."""

    def __init__(self, db: Database, prompt: Prompt | None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Prompt") if prompt else self.tr("New prompt"), parent)
        self._db = db
        self._prompt = prompt
        self.text: QPlainTextEdit = self.add_field("text", self.tr("&Words"), QPlainTextEdit())
        self.stage: QComboBox = self.add_field("stage", self.tr("&Stage"), QComboBox())
        for stage in CircleStage:
            self.stage.addItem(label(stage), stage.value)
        self.language: QComboBox = self.add_field("language", self.tr("&Language"), QComboBox())
        for code in ("en", "es"):
            self.language.addItem(language_words(code), code)
        self.tags: QLineEdit = self.add_field("tags", self.tr("&Tags"), QLineEdit())
        self.tags.setPlaceholderText(self.tr("Separate tags with commas: gratitude, academic"))
        self.bands: QListWidget = self.add_field("bands", self.tr("&Ages it suits"), band_list())
        if prompt is not None:
            self._fill(prompt)
        self.draft.start(DraftPlace(db, "prompt", prompt.id if prompt else None))
        self.remember_initial()

    def values(self) -> PromptFields:
        return PromptFields(
            text=self.text.toPlainText(),
            stage=CircleStage(self.stage.currentData()),
            language=self.language.currentData(),
            tags=split_tags(self.tags.text()),
            bands=ticked_bands(self.bands),
        )

    def submit(self, values: PromptFields) -> int:
        if self._prompt is None:
            saved = library.add_prompt(self._db, values, replaces_draft=self.draft.key)
        else:
            saved = library.update_prompt(
                self._db, self._prompt.id, values, replaces_draft=self.draft.key
            )
        self._prompt = saved
        return saved.id

    def _fill(self, prompt: Prompt) -> None:
        self.text.setPlainText(prompt.text)
        select_data(self.stage, prompt.stage.value)
        if self.language.findData(prompt.language) < 0:
            self.language.addItem(language_words(prompt.language), prompt.language)
        select_data(self.language, prompt.language)
        self.tags.setText(", ".join(prompt.tags))
        for row in range(self.bands.count()):
            item = self.bands.item(row)
            ticked = item.data(Qt.ItemDataRole.UserRole) in prompt.bands
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        if prompt.built_in:  # updates of the app bring its ages: they are not changed here
            self.bands.setEnabled(False)
            self.bands.setToolTip(self.tr("A built-in prompt keeps the ages it came with."))
