"""Importing a roster from a CSV file: see which columns it needs (and save a sample to fill
in), choose the file, see what would change, import.

Nothing is written until Import; a file with any problem shows them row by row instead, and
cannot be imported.
"""

from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QSize,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rp_desktop.domain.records import person_name
from rp_desktop.domain.roster import (
    Change,
    RosterChanges,
    RosterProblem,
    RosterRefused,
    RosterResult,
    StudentChange,
)
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.students.roster_import import import_roster, preview_roster
from rp_desktop.ui import choosers, dialogs
from rp_desktop.ui.lists.rows_model import RowsModel
from rp_desktop.ui.screen_fit import fit_to_screen
from rp_desktop.ui.students.roster_sample import RosterColumns
from rp_desktop.ui.words.labels import grade_label
from rp_desktop.ui.words.roster import (
    changed_value,
    describe,
    field_words,
    matched_but_zeros,
    refusal_summary,
)

_ORDER = (Change.ADDED, Change.UPDATED, Change.MARKED_INACTIVE, Change.UNCHANGED)


def _tr(text: str) -> str:
    return QCoreApplication.translate("RosterWizard", text)


def choose_file(parent: QWidget | None) -> Path | None:
    """Ask for the roster file; tests replace this function."""
    return choosers.choose_file(
        parent, _tr("Choose the roster file"), _tr("CSV files (*.csv *.txt *.tsv);;All files (*)")
    )


class _Table(RowsModel[tuple[str, ...]]):
    """Plain rows of text under fixed headers."""

    def text(self, row: tuple[str, ...], column: int) -> str:
        return row[column]


class RosterWizard(QDialog):
    """Choose a CSV roster, preview it, import it. `imported` holds the result after Import."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._data: bytes | None = None
        self.changes: RosterChanges | None = None
        self.imported: RosterResult | None = None
        self.setWindowTitle(self.tr("Import a roster"))
        fit_to_screen(self, QSize(900, 600), "roster_wizard")
        self.columns = RosterColumns()
        self.choose_button = QPushButton(self.tr("Choose a CSV file…"))
        self.choose_button.clicked.connect(self.choose)
        self.file_name = QLabel(self.tr("No file chosen yet."))
        self.full_roster = QCheckBox(self.tr("This file is the full roster"))
        self.full_roster.toggled.connect(self._preview)
        self.summary = QLabel(
            self.tr(
                "Export the roster from your student information system as CSV, then choose "
                "the file. Students are matched by student number."
            ),
            wordWrap=True,
        )
        change_headers = [self.tr("Row"), self.tr("Student number"), self.tr("Name")]
        change_headers += [self.tr("What happens"), self.tr("Changes")]
        self.changes_model = _Table(self, headers=change_headers)
        self.problem_model = _Table(
            self, headers=[self.tr("Row"), self.tr("Column"), self.tr("Problem")]
        )
        self.pages = QStackedWidget()
        for model in (self.changes_model, self.problem_model):
            self.pages.addWidget(_table_view(model))
        self.columns.said.connect(self.summary.setText)
        self._lay_out()

    def _lay_out(self) -> None:
        explanation = QLabel(
            self.tr(
                "Check this when the file lists every student enrolled now: students who are "
                "not in it are then marked inactive. They leave the lists but keep all their "
                "records, and are never deleted. Leave it unchecked for a file of only some "
                "students, such as new arrivals."
            ),
            wordWrap=True,
        )
        buttons = QDialogButtonBox()
        self.import_button = buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setEnabled(False)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        chooser = QHBoxLayout()
        chooser.addWidget(self.choose_button)
        chooser.addWidget(self.file_name, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.columns)
        layout.addLayout(chooser)
        layout.addWidget(self.full_roster)
        layout.addWidget(explanation)
        layout.addWidget(self.summary)
        layout.addWidget(self.pages, 1)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, db: Database, parent: QWidget | None = None) -> RosterResult | None:
        """Show the wizard; the import carried out, or None if nothing was imported."""
        wizard = cls(db, parent)
        return wizard.imported if dialogs.accepted(wizard) else None

    def choose(self) -> None:
        path = choose_file(self)
        if path is not None:
            self.load(path)

    def load(self, path: Path) -> None:
        """Read `path` and preview it; the file is read once, and imported as it was read."""
        self.file_name.setText(path.name)
        try:
            self._data = path.read_bytes()
        except OSError as error:
            self._data = None
            self._show_nothing(
                self.tr("The file could not be read ({reason}).").format(
                    reason=error.strerror or self.tr("not allowed")
                )
            )
            return
        self._preview()

    def accept(self) -> None:
        if self._data is None or self.changes is None:
            return
        try:
            self.imported = import_roster(
                self._db, self._data, full_roster=self.full_roster.isChecked()
            )
        except RosterRefused as refused:
            self._show_problems(refused.problems)
            return
        except Exception:
            dialogs.show_unexpected_error(self)
            return
        super().accept()

    def _preview(self) -> None:
        if self._data is None:
            return
        try:
            changes = preview_roster(self._db, self._data, full_roster=self.full_roster.isChecked())
        except RosterRefused as refused:
            self._show_problems(refused.problems)
            return
        self.changes = changes
        self.summary.setText(self._changes_summary(changes))
        ordered = sorted(changes.students, key=lambda s: (_ORDER.index(s.change), s.row or 0))
        self.changes_model.set_rows([self._student_row(student) for student in ordered])
        self.pages.setCurrentIndex(0)
        self.import_button.setEnabled(True)

    def _show_problems(self, problems: tuple[RosterProblem, ...]) -> None:
        self._show_nothing(refusal_summary(problems, self.tr))
        self.problem_model.set_rows(
            [
                ("" if p.row is None else str(p.row), p.column, _sentence(describe(p, self.tr)))
                for p in problems
            ]
        )
        self.pages.setCurrentIndex(1)

    def _show_nothing(self, text: str) -> None:
        self.changes = None
        self.summary.setText(text)
        self.changes_model.set_rows([])
        self.problem_model.set_rows([])
        self.import_button.setEnabled(False)

    def _changes_summary(self, changes: RosterChanges) -> str:
        separator = {",": self.tr("commas"), ";": self.tr("semicolons"), "\t": self.tr("tabs")}
        zeros = matched_but_zeros(changes.rows_matched_but_zeros, self.tr)
        return self.tr(
            "Read as {encoding}, separated by {separator}. Importing makes {added} new, "
            "updates {updated}, leaves {unchanged} unchanged and marks {inactive} inactive."
        ).format(
            encoding=changes.source.encoding,
            separator=separator.get(changes.source.delimiter, changes.source.delimiter),
            added=changes.added,
            updated=changes.updated,
            unchanged=changes.unchanged,
            inactive=changes.marked_inactive,
        ) + (f" {zeros}" if zeros else "")

    def _student_row(self, student: StudentChange) -> tuple[str, ...]:
        fields = student.fields
        what = {
            Change.ADDED: self.tr("New student"),
            Change.UPDATED: self.tr("Updated"),
            Change.UNCHANGED: self.tr("No change"),
            Change.MARKED_INACTIVE: self.tr("Marked inactive"),
        }[student.change]
        return (
            "" if student.row is None else str(student.row),
            fields.student_number,
            person_name(fields.first_name, fields.last_name, fields.preferred_name),
            what,
            self._what_changed(student),
        )

    def _what_changed(self, student: StudentChange) -> str:
        if student.change == Change.MARKED_INACTIVE:
            return self.tr("not in the file")
        if student.before is None:
            return ""
        parts = [self.tr("matched once leading zeros were ignored")] * student.matched_but_zeros
        for name in student.changed:
            if name == "active":
                parts.append(self.tr("back on the roster"))
            else:
                before, after = _shown(student, name, True), _shown(student, name, False)
                field = self.tr(field_words(name))
                parts.append(f"{field}: {before} → {after}")
        return "; ".join(parts)


def _sentence(clause: str) -> str:
    return clause[:1].upper() + clause[1:]


def _table_view(model: _Table) -> QTableView:
    view = QTableView()
    view.setModel(model)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # names on one line
    header.setStretchLastSection(True)
    view.verticalHeader().hide()
    return view


def _shown(student: StudentChange, name: str, before: bool) -> str:
    value = changed_value(student, name, before=before)
    if name == "grade" and not isinstance(value, str):
        return grade_label(value)
    return str(value or "—")
