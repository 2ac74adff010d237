"""The export under way: a dialog with what is being written, a progress bar and Cancel, while the
export runs on a worker (ui/background.py) and the window goes on answering.

Cancel, a failure or locking leave the folder as it was: the files are written into a hidden
folder inside it and moved into place only once every one is whole (services/exports/folder.py).
What happened is said in the dialog itself, not in a message box that could pop up over the lock
screen; the dialog stays until the user closes it, and closing it while the export runs asks
first."""

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from rp_desktop.domain import school_year
from rp_desktop.domain.progress import Progress
from rp_desktop.domain.reports.model import Period
from rp_desktop.services.exports.district.package import (
    PackageSummary,
    package_period,
    write_district_package,
)
from rp_desktop.services.exports.district.reports import COUNTING
from rp_desktop.services.exports.folder import FolderHoldsExport
from rp_desktop.services.exports.records.export import ExportSummary, export_records
from rp_desktop.services.exports.table import ExportNotWritten
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui import dialogs
from rp_desktop.ui.background import WorkPanel

THRESHOLD = 10  # the district package's smallest count shown
DONE_STYLE = "color: #1b5e20;"
PROBLEM_STYLE = "color: #b00020;"


def _tr(text: str) -> str:
    return QCoreApplication.translate("ExportRun", text)


@dataclass(frozen=True, slots=True)
class ExportChoice:
    """What to export: the district package or every record; a school year or every date;
    with the records, whether the answers to the restorative questions go in word for word."""

    deidentified: bool
    start_year: int | None  # the school year's first calendar year; None for every date
    with_answers: bool = False  # never for the district package


def describe(done: int, total: int, step: str) -> str:
    """A progress report in words: "Writing students.csv (3 of 18)…"."""
    if step == COUNTING:
        return _tr("Counting the totals ({done} of {total})…").format(done=done + 1, total=total)
    if step:
        return _tr("Writing {name} ({done} of {total})…").format(
            name=step, done=min(done + 1, total), total=total
        )
    return _tr("Putting the files in place…")


class ExportRun(QDialog):
    """Runs one export (`start`) and says how it went. `outcome` holds the last words shown;
    `summary` what was written, once it was."""

    def __init__(
        self, db: Database, choice: ExportChoice, folder: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._db = db
        self.choice = choice
        self.folder = folder
        self.summary: PackageSummary | ExportSummary | None = None
        self.setWindowTitle(_tr("Export"))
        what = _tr("The district package") if choice.deidentified else _tr("Every record")
        self.about = QLabel(
            _tr("{what}, into {folder}").format(what=what, folder=folder), wordWrap=True
        )
        self.panel = WorkPanel(describe, self)
        self.outcome = QLabel(wordWrap=True)
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QPushButton(_tr("Close"))
        self.close_button.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        for widget in (self.about, self.panel, self.outcome):
            layout.addWidget(widget)
        layout.addLayout(row)
        self.setMinimumWidth(520)

    def start(self, *, replace: bool = False) -> None:
        """Start the export on a worker (writing over an earlier export with `replace`)."""
        self.outcome.clear()
        choice, folder, db = self.choice, self.folder, self._db
        work = self.panel.run(
            lambda progress: _export(db, choice, folder, replace, progress), name="export"
        )
        work.succeeded.connect(self._on_succeeded)
        work.failed.connect(self._on_failed)
        work.cancelled.connect(self._on_cancelled)

    @property
    def busy(self) -> bool:
        return self.panel.busy

    def reject(self) -> None:
        question = _tr("Stop the export? Nothing will be written, and the folder stays as it was.")
        if self.panel.may_close(question):
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.busy:
            event.ignore()
            self.reject()
            return
        super().closeEvent(event)

    def _on_cancelled(self) -> None:
        work = self.panel.work
        if work is not None and work.stopped_by_lock:
            self._say(
                _tr(
                    "Cancelled when RP Desktop locked; nothing was written. Export again when "
                    "you are ready."
                ),
                good=False,
            )
        else:
            self._say(_tr("Cancelled; nothing was written."), good=False)

    def _on_succeeded(self, summary: object) -> None:
        assert isinstance(summary, PackageSummary | ExportSummary)
        self.summary = summary
        self._say(written_words(summary), good=True)

    def _on_failed(self, error: object) -> None:
        if isinstance(error, FolderHoldsExport):
            # Asked once this work has ended, so that the next one starts on a free panel.
            QTimer.singleShot(0, self._ask_replace)
        elif isinstance(error, ExportNotWritten):
            # Said in the dialog, not in a message box that could come up over the lock screen.
            self._say(_tr("Nothing was exported.") + " " + str(error), good=False)
        else:
            self._say(
                _tr("The export could not be written, so nothing was written. Try again."),
                good=False,
            )

    def _ask_replace(self) -> None:
        if _confirm_replace(self, self.folder):
            self.start(replace=True)
        else:
            self._say(_tr("Nothing was exported: the earlier export was kept."), good=False)

    def _say(self, words: str, *, good: bool) -> None:
        self.outcome.setStyleSheet(DONE_STYLE if good else PROBLEM_STYLE)
        self.outcome.setText(words)


def written_words(summary: PackageSummary | ExportSummary) -> str:
    if isinstance(summary, PackageSummary):
        written = _tr(
            "The district package was written to {folder}: {files} files and README.txt, "
            "which says what each file holds. {suppressed} small counts are hidden."
        ).format(folder=summary.folder, files=len(summary.files), suppressed=summary.suppressed)
        if summary.empty:
            written += " " + _tr("No record falls in this period: every count is 0.")
        return written
    written = _tr(
        "Every record was written to {folder}: {files} files ({rows} rows) and README.txt. "
        "They hold names and notes: keep them confidential."
    ).format(folder=summary.folder, files=len(summary.files), rows=f"{summary.rows:,}")
    if summary.with_answers:
        return (
            written + " " + _tr("The answers to the restorative questions are in, word for word.")
        )
    return written + " " + _tr("The answers to the restorative questions were left out.")


def _export(
    db: Database, choice: ExportChoice, folder: Path, replace: bool, progress: Progress
) -> PackageSummary | ExportSummary:
    """The export itself, on the worker."""
    period = _period(choice.start_year)
    if choice.deidentified:
        return write_district_package(
            db,
            folder,
            period or package_period(db),
            THRESHOLD,
            replace=replace,
            progress=progress,
        )
    return export_records(
        db, folder, period, with_answers=choice.with_answers, replace=replace, progress=progress
    )


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
