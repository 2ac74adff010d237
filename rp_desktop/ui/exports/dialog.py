"""File > Export...: the district package (totals only, safe to share) or every record (names and
notes, confidential), for one school year or every date, into a folder the user chooses.

`ask_and_export(db, parent)` runs the whole exchange; the export itself runs on a worker, in
the dialog of running.py. The folder chooser and the message boxes are module functions
(`choose_folder`, and rp_desktop.ui.dialogs), so tests replace them instead of clicking.
"""

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from rp_desktop.domain import school_year
from rp_desktop.services.reports.reporting import data_span
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui import choosers, dialogs
from rp_desktop.ui.exports.running import THRESHOLD, ExportChoice, ExportRun

__all__ = ["THRESHOLD", "ExportChoice", "ExportDialog", "ExportRun", "ask_and_export"]

WARNING_STYLE = "color: #b00020;"


def _tr(text: str) -> str:
    return QCoreApplication.translate("ExportDialog", text)


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
        self._make_answers_choice()
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
        for widget in (self.package, self.records, self.about, self.answers, self.answers_warning):
            layout.addWidget(widget)
        layout.addWidget(buttons)

    def _make_answers_choice(self) -> None:
        """Unticked: the answers to the restorative questions stay out unless asked for, and
        only the records can have them (never the district package)."""
        self.answers = QCheckBox(
            _tr("Include the answers to the restorative questions, word for word")
        )
        self.answers.setAccessibleName(self.answers.text())
        self.answers_warning = QLabel(
            _tr(
                "What a student said in a restorative meeting was said to repair harm. Written "
                "out word for word, it can be read as an admission and used in discipline. "
                "Leave this unticked unless you truly need the words; the agreement is the "
                "record of what was decided."
            )
        )
        self.answers_warning.setWordWrap(True)
        self.answers.toggled.connect(self._describe)

    def choice(self) -> ExportChoice:
        records = self.records.isChecked()
        with_answers = records and self.answers.isChecked()
        return ExportChoice(not records, self.period.currentData(), with_answers)

    @classmethod
    def ask(
        cls, years: Sequence[int], current_year: int | None, parent: QWidget | None
    ) -> ExportChoice | None:
        dialog = cls(years, current_year, parent)
        if dialogs.wait_for(dialog) != QDialog.DialogCode.Accepted.value:
            return None
        return dialog.choice()

    def _describe(self) -> None:
        records = self.records.isChecked()
        self.answers.setVisible(records)
        self.answers_warning.setVisible(records)
        self.answers_warning.setStyleSheet(WARNING_STYLE if self.answers.isChecked() else "")
        if records:
            self.about.setStyleSheet(WARNING_STYLE)
            self.about.setText(
                _tr(
                    "These files hold students' names, student numbers and notes, and "
                    "caregivers' phone numbers and emails. Keep them as safely as the records "
                    "themselves: do not email them or put them on a shared drive."
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
    return choosers.choose_folder(parent, _tr("Export into which folder?"))


def school_years(db: Database) -> list[int]:
    """The school years that hold any record, oldest first."""
    span = data_span(db)
    if span is None:
        return []
    return list(
        range(school_year.school_year_of(span.first), school_year.school_year_of(span.last) + 1)
    )


def ask_and_export(db: Database, parent: QWidget | None) -> ExportRun | None:
    """Ask what and where, then export it on a worker in a dialog that shows how far it has got
    and says what was written or why nothing was. Returns that dialog (None when the user
    chose nothing)."""
    years = school_years(db)
    current = school_year.school_year_of(db.now().date())
    choice = ExportDialog.ask(years, current, parent)
    if choice is None:
        return None
    folder = choose_folder(parent)
    if folder is None:
        return None
    run = ExportRun(db, choice, folder, parent)
    run.start()
    dialogs.wait_for(run)
    return run
