"""The circle library: browse prompts by stage, search and filter them (by tag, language and
age band), add, edit and retire (each prompt's row and form: `prompts.py`)."""

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rp_desktop.domain.library import AgeBand, Prompt
from rp_desktop.domain.vocabulary import CircleStage
from rp_desktop.services.circles import library
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui.forms.widgets import searchable_if_long, select_data
from rp_desktop.ui.run_circle.prompts import (
    PromptForm,
    PromptTableModel,
    band_words,
    language_words,
)
from rp_desktop.ui.screen_fit import fit_to_screen
from rp_desktop.ui.words.formatting import counted
from rp_desktop.ui.words.labels import label

TAGS_COLUMN = 4


class CircleLibraryDialog(QDialog):
    """Prompts by stage, with a search box, a tag and language filter, and the retired ones on
    request. New, Edit and Retire act on the library through `services.library`.

    Signals:
        libraryChanged(): a prompt was added, edited, retired or brought back.
    """

    libraryChanged = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.setWindowTitle(self.tr("Circle library"))
        fit_to_screen(self, QSize(1180, 640), "circle_library")
        self.model = PromptTableModel(self)
        self._build_filters()
        self._build_table()
        self._build_actions()
        self._lay_out()
        self._connect()
        self.reload()

    # -- what the dialog shows ---------------------------------------------------------------
    def reload(self) -> None:
        """Ask the library again with the current filters, keeping the selection if it still
        matches."""
        chosen = self.selected_prompt()
        self.model.set_prompts(
            library.list_prompts(
                self._db,
                stage=self._chosen_stage(),
                text=self.search.text(),
                tag=self.tag.currentData(),
                language=self.language.currentData(),
                band=self._chosen_band(),
                include_inactive=self.show_retired.isChecked(),
            )
        )
        total = self.model.rowCount()
        self.count.setText(counted(total, self.tr("1 prompt"), self.tr("{count} prompts")))
        if chosen is not None:
            self.select_prompt(chosen.id)
        self._update_buttons()

    def selected_prompt(self) -> Prompt | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.prompt(rows[0].row()) if rows else None

    def select_prompt(self, prompt_id: int) -> None:
        row = self.model.row_of(prompt_id)
        if row is not None:
            self.table.selectRow(row)

    # -- actions ---------------------------------------------------------------------------------
    def new_prompt(self) -> PromptForm:
        return self._show_form(PromptForm(self._db, None, self))

    def edit_prompt(self) -> PromptForm | None:
        prompt = self.selected_prompt()
        return None if prompt is None else self._show_form(PromptForm(self._db, prompt, self))

    def toggle_retired(self) -> None:
        """Retire the chosen prompt, or bring a retired one back."""
        prompt = self.selected_prompt()
        if prompt is None:
            return
        library.set_prompt_active(self._db, prompt.id, not prompt.active)
        self._changed(prompt.id)

    # -- private ---------------------------------------------------------------------------------
    def _build_filters(self) -> None:
        self.stages = QListWidget()
        self.stages.setAccessibleName(self.tr("Stages"))
        self.stages.addItem(self._stage_item(self.tr("All stages"), None))
        for stage in CircleStage:
            self.stages.addItem(self._stage_item(label(stage), stage))
        self.stages.setCurrentRow(0)
        self.stages.setMaximumWidth(180)
        self.search = QLineEdit(placeholderText=self.tr("Search prompts"), clearButtonEnabled=True)
        self.search.setAccessibleName(self.tr("Search prompts"))
        self.tag = QComboBox()
        self.tag.setAccessibleName(self.tr("Tag"))
        self._fill_tags()
        searchable_if_long(self.tag)
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language"))
        self.language.addItem(self.tr("All languages"), None)
        for code in ("en", "es"):
            self.language.addItem(language_words(code), code)
        self.band = QComboBox()
        self.band.setAccessibleName(self.tr("Age band"))
        self.band.addItem(self.tr("All ages"), None)
        for band in AgeBand:
            self.band.addItem(band_words(band), band.value)
        self.show_retired = QCheckBox(self.tr("Show retired"))

    def _stage_item(self, text: str, stage: CircleStage | None) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, stage)
        return item

    def _chosen_stage(self) -> CircleStage | None:
        # Qt hands a string enum back as a plain string.
        stage = self.stages.currentItem().data(Qt.ItemDataRole.UserRole)
        return None if stage is None else CircleStage(stage)

    def _chosen_band(self) -> AgeBand | None:
        band = self.band.currentData()
        return None if band is None else AgeBand(band)

    def _fill_tags(self) -> None:
        current = self.tag.currentData()
        self.tag.blockSignals(True)
        self.tag.clear()
        self.tag.addItem(self.tr("All tags"), None)
        for tag in library.prompt_tags(self._db):
            self.tag.addItem(tag, tag)
        select_data(self.tag, current)
        self.tag.blockSignals(False)

    def _build_table(self) -> None:
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount()):
            fit = (
                QHeaderView.ResizeMode.Stretch
                if column == 0
                else QHeaderView.ResizeMode.ResizeToContents
            )
            header.setSectionResizeMode(column, fit)
        # Tags can be many: a column of its own width, not one that squeezes the prompt.
        header.setSectionResizeMode(TAGS_COLUMN, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(TAGS_COLUMN, 160)
        self.count = QLabel()

    def _build_actions(self) -> None:
        self.new_button = QPushButton(self.tr("&New prompt"))
        self.edit_button = QPushButton(self.tr("&Edit"))
        self.retire_button = QPushButton(self.tr("&Retire"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))

    def _lay_out(self) -> None:
        filters = QHBoxLayout()
        for widget in (self.search, self.tag, self.language, self.band):
            filters.addWidget(widget, 3 if widget is self.search else 0)
        actions = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.retire_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.show_retired)
        actions.addWidget(self.count)
        right = QVBoxLayout()
        right.addLayout(filters)
        right.addWidget(self.table, 1)
        right.addLayout(actions)
        body = QHBoxLayout()
        body.addWidget(self.stages)
        body.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.buttons)

    def _connect(self) -> None:
        self.stages.currentRowChanged.connect(self.reload)
        self.search.textChanged.connect(self.reload)
        self.tag.currentIndexChanged.connect(self.reload)
        self.language.currentIndexChanged.connect(self.reload)
        self.band.currentIndexChanged.connect(self.reload)
        self.show_retired.toggled.connect(self.reload)
        self.new_button.clicked.connect(self.new_prompt)
        self.edit_button.clicked.connect(self.edit_prompt)
        self.retire_button.clicked.connect(self.toggle_retired)
        self.table.doubleClicked.connect(lambda _index: self.edit_prompt())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.buttons.rejected.connect(self.reject)

    def _show_form(self, form: PromptForm) -> PromptForm:
        form.saved.connect(self._changed)
        form.open()
        return form

    def _changed(self, prompt_id: int) -> None:
        self._fill_tags()
        self.reload()
        self.select_prompt(prompt_id)
        self.libraryChanged.emit()

    def _update_buttons(self) -> None:
        prompt = self.selected_prompt()
        self.edit_button.setEnabled(prompt is not None)
        self.retire_button.setEnabled(prompt is not None)
        retired = prompt is not None and not prompt.active
        self.retire_button.setText(self.tr("&Bring back") if retired else self.tr("&Retire"))
