"""File > Export...: the district package (totals only, safe to share) or every record (names and
notes, confidential), for one school year or every date, into a folder the user chooses.

`ask_and_export(db, parent)` runs the whole exchange. The folder chooser and the message boxes
are module functions (`choose_folder`, `show_exported`, and rp_desktop.ui.dialogs), so tests
replace them instead of clicking.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from rp_desktop.domain import school_year
from rp_desktop.domain.reports.model import Period
from rp_desktop.services.exports.district.package import package_period, write_district_package
from rp_desktop.services.exports.folder import FolderHoldsExport
from rp_desktop.services.exports.records.export import export_records
from rp_desktop.services.exports.table import ExportNotWritten
from rp_desktop.services.reports.reporting import data_span
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui import dialogs

THRESHOLD = 10
WARNING_STYLE = "color: #b00020;"


def _tr(text: str) -> str:
    return QCoreApplication.translate("ExportDialog", text)


@dataclass(frozen=True, slots=True)
class ExportChoice:
    """What to export: the district package or every record; a school year or every date."""

    deidentified: bool
    start_year: int | None  # the school year's first calendar year; None for every date


class ExportDialog(QDialog):
    """Asks what to export and for which school year. No signals: `ask` returns the choice."""

    def __init__(
        self, years: Sequence[int], current_year: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("Export"))
        self.period = QComboBox()
        self.period.addItem(_tr("Every date"), None)
        for year in sorted(years, reverse=True):
            self.period.addItem(
                _tr("School year {year}").format(year=school_year.label(year)), year
            )
        if current_year in years:
            self.period.setCurrentIndex(self.period.findData(current_year))
        self.package = QRadioButton(_tr("District package (de-identified totals, safe to share)"))
        self.records = QRadioButton(_tr("All records (names and notes; keep it confidential)"))
        self.package.setChecked(True)
        kinds = QButtonGroup(self)
        kinds.addButton(self.package)
        kinds.addButton(self.records)
        self.about = QLabel()
        self.about.setWordWrap(True)
        self.records.toggled.connect(self._describe)
        self._describe()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.choose = buttons.addButton(
            _tr("Choose a folder..."), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(_tr("Period:"), self.period)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        for widget in (self.package, self.records, self.about, buttons):
            layout.addWidget(widget)

    def choice(self) -> ExportChoice:
        return ExportChoice(not self.records.isChecked(), self.period.currentData())

    @classmethod
    def ask(
        cls, years: Sequence[int], current_year: int | None, parent: QWidget | None
    ) -> ExportChoice | None:
        dialog = cls(years, current_year, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.choice()

    def _describe(self) -> None:
        if self.records.isChecked():
            self.about.setStyleSheet(WARNING_STYLE)
            self.about.setText(
                _tr(
                    "These files hold students' names, student numbers and notes. Keep them "
                    "as safely as the records themselves: do not email them or put them on a "
                    "shared drive."
                )
            )
        else:
            self.about.setStyleSheet("")
            self.about.setText(
                _tr(
                    "Totals by month, grade and student group only: no names, no student "
                    "numbers, no notes. Counts under {threshold} are hidden."
                ).format(threshold=THRESHOLD)
            )


def choose_folder(parent: QWidget | None) -> Path | None:
    chosen = QFileDialog.getExistingDirectory(parent, _tr("Export into which folder?"))
    return Path(chosen) if chosen else None


def show_exported(parent: QWidget | None, text: str) -> None:
    QMessageBox.information(parent, _tr("Exported"), text)


def school_years(db: Database) -> list[int]:
    """The school years that hold any record, oldest first."""
    span = data_span(db)
    if span is None:
        return []
    return list(
        range(school_year.school_year_of(span.first), school_year.school_year_of(span.last) + 1)
    )


def ask_and_export(db: Database, parent: QWidget | None) -> None:
    """Ask what and where, export it, and say what was written or why nothing was."""
    years = school_years(db)
    current = school_year.school_year_of(db.now().date())
    choice = ExportDialog.ask(years, current, parent)
    if choice is None:
        return
    folder = choose_folder(parent)
    if folder is None:
        return
    _export(db, parent, choice, folder, replace=False)


def _export(
    db: Database, parent: QWidget | None, choice: ExportChoice, folder: Path, *, replace: bool
) -> None:
    try:
        text = _busy(lambda: _run(db, choice, folder, replace))
    except FolderHoldsExport:
        if _confirm_replace(parent, folder):
            _export(db, parent, choice, folder, replace=True)
        return
    except ExportNotWritten as error:
        dialogs.show_error(parent, _tr("Nothing was exported"), str(error))
        return
    show_exported(parent, text)


def _busy(work: Callable[[], str]) -> str:
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return work()
    finally:
        QGuiApplication.restoreOverrideCursor()


def _run(db: Database, choice: ExportChoice, folder: Path, replace: bool) -> str:
    period = _period(choice.start_year)
    if choice.deidentified:
        package = write_district_package(
            db, folder, period or package_period(db), THRESHOLD, replace=replace
        )
        written = _tr(
            "The district package was written to {folder}: {files} files and README.txt, "
            "which says what each file holds. {suppressed} small counts are hidden."
        ).format(folder=folder, files=len(package.files), suppressed=package.suppressed)
        if package.empty:
            written += " " + _tr("No record falls in this period: every count is 0.")
        return written
    records = export_records(db, folder, period, replace=replace)
    return _tr(
        "Every record was written to {folder}: {files} files ({rows} rows) and README.txt. "
        "They hold names and notes: keep them confidential."
    ).format(folder=folder, files=len(records.files), rows=f"{records.rows:,}")


def _period(start_year: int | None) -> Period | None:
    if start_year is None:
        return None
    return Period(school_year.first_day(start_year), school_year.last_day(start_year))


def _confirm_replace(parent: QWidget | None, folder: Path) -> bool:
    return dialogs.confirm(
        parent,
        _tr("Replace the earlier export?"),
        _tr(
            "The folder {folder} already holds an export. Replace its files with this one? "
            "Other files in the folder are left alone."
        ).format(folder=folder),
        _tr("Replace"),
        _tr("Cancel"),
    )
