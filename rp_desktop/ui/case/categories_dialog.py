"""The school's own categories of harm, concern and observation: add, rename, retire. A retired
category is no longer offered for new cases; the cases that have it keep it."""

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rp_desktop.domain.records import Category
from rp_desktop.domain.validation import InvalidInput
from rp_desktop.domain.vocabulary import CategoryKind
from rp_desktop.services.casework import cases, categories
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui.forms.widgets import choice_combo, current_choice
from rp_desktop.ui.screen_fit import fit_to_screen
from rp_desktop.ui.words.labels import label
from rp_desktop.ui.words.problems import problem_text


def kinds_explained() -> str:
    """What each kind of category means, one line each."""
    lines = (
        QCoreApplication.translate(
            "CategoriesDialog",
            "Harm: a case naming the person harmed and who caused harm; counted as harm.",
        ),
        QCoreApplication.translate(
            "CategoriesDialog",
            "Concern: a wellbeing concern, a case with neutral roles (student, supporter).",
        ),
        QCoreApplication.translate(
            "CategoriesDialog",
            "Positive observation: not a case; log it with Log a practice (Positive observation).",
        ),
        QCoreApplication.translate(
            "CategoriesDialog",
            "Neutral: not a case (a check-in is logged as practice); kept for cases filed before.",
        ),
    )
    return "\n".join(lines)


class CategoriesDialog(QDialog):
    """Edit the list of case categories."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._shown: list[Category] = []
        self.setWindowTitle(self.tr("Case categories"))
        fit_to_screen(self, QSize(640, 520), "categories")
        self.kinds_note = QLabel(kinds_explained(), wordWrap=True)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Category"), self.tr("Kind"), ""])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.name = QLineEdit(placeholderText=self.tr("A category's name"))
        self.kind = choice_combo(list(CategoryKind))
        self.add = QPushButton(self.tr("Add"))
        self.rename = QPushButton(self.tr("Rename to this"))
        self.retire = QPushButton(self.tr("Retire"))
        self.problem = QLabel(wordWrap=True)
        self.problem.setStyleSheet("color: #b00020;")
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        editing = QHBoxLayout()
        for widget in (self.name, self.kind, self.add, self.rename):
            editing.addWidget(widget, 1 if widget is self.name else 0)
        layout = QVBoxLayout(self)
        layout.addWidget(self.kinds_note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.retire)
        layout.addLayout(editing)
        layout.addWidget(self.problem)
        layout.addWidget(close)
        self.add.clicked.connect(self._add)
        self.rename.clicked.connect(self._rename)
        self.retire.clicked.connect(self._toggle)
        self.table.itemSelectionChanged.connect(self._selected_changed)
        self.reload()

    def reload(self, select: int | None = None) -> None:
        self._shown = cases.list_categories(self._db, include_inactive=True)
        self.table.setRowCount(len(self._shown))
        for row, category in enumerate(self._shown):
            state = "" if category.active else self.tr("retired")
            for column, text in enumerate((category.name, label(category.kind), state)):
                self.table.setItem(row, column, QTableWidgetItem(text))
            if category.id == select:
                self.table.selectRow(row)
        self._selected_changed()

    def selected(self) -> Category | None:
        rows = self.table.selectionModel().selectedRows()
        return self._shown[rows[0].row()] if rows else None

    def _add(self) -> None:
        kind = current_choice(self.kind, CategoryKind) or CategoryKind.CONCERN
        self._attempt(lambda: categories.add_category(self._db, self.name.text(), kind))

    def _rename(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self._attempt(lambda: categories.rename_category(self._db, chosen.id, self.name.text()))

    def _toggle(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            categories.set_category_active(self._db, chosen.id, not chosen.active)
            self.reload(select=chosen.id)

    def _attempt(self, change: object) -> None:
        try:
            saved = change()  # type: ignore[operator]
        except InvalidInput as invalid:
            self.problem.setText(problem_text(invalid.problems[0]))
            return
        self.problem.clear()
        self.name.clear()
        self.reload(select=saved.id)

    def _selected_changed(self) -> None:
        chosen = self.selected()
        self.rename.setEnabled(chosen is not None)
        self.retire.setEnabled(chosen is not None)
        self.retire.setText(
            self.tr("Bring back") if chosen is not None and not chosen.active else self.tr("Retire")
        )
        if chosen is not None:
            self.name.setText(chosen.name)
