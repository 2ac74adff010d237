"""Help > Check database: the checks `rp-desktop check` runs, on the database that is open, said
in plain words with what to do when one fails.

The check reads the whole file (seconds on a large one), so the window runs it on a worker thread
and stays usable meanwhile; the result comes back to the dialog on the window's thread."""

import logging
import threading

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rp_desktop.domain.safekeeping.findings import CheckReport
from rp_desktop.services.safekeeping import checking
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.errors import DatabaseError
from rp_desktop.ui import dialogs
from rp_desktop.ui.safekeeping.audit_viewer import open_audit_viewer
from rp_desktop.ui.safekeeping.audit_words import trail_lines
from rp_desktop.ui.screen_fit import fit_to_screen
from rp_desktop.ui.words.formatting import counted

log = logging.getLogger(__name__)

PASSED = "✓"
FAILED = "✗"
GOOD_STYLE = "color: #1b5e20; font-weight: bold;"
BAD_STYLE = "color: #b00020; font-weight: bold;"


def _tr(text: str) -> str:
    return QCoreApplication.translate("CheckDialog", text)


def findings(report: CheckReport) -> list[tuple[bool, str]]:
    """Each check, passed or not, in the words a counselor reads."""
    lines = [_integrity(report), _references(report)]
    if report.encrypted:
        lines.append(_pages(report))
    lines += trail_lines(report.audit_events, report.audit_break, report.seals, report.behind)
    return lines


def holdings(report: CheckReport) -> str:
    """What the database holds, so the user sees the check looked at their records."""
    counts = report.counts
    return _tr("It holds {students}, {circles} and {cases}.").format(
        students=counted(
            counts["student"], _tr("1 student record"), _tr("{count} student records")
        ),
        circles=counted(counts["community_circle"], _tr("1 circle"), _tr("{count} circles")),
        cases=counted(counts["case"], _tr("1 case"), _tr("{count} cases")),
    )


def summary(report: CheckReport) -> str:
    if report.ok:
        return _tr("The database is in good order.")
    return _tr(
        "Something is wrong with the database. Tell your school's IT contact before you change "
        "anything else, and do not delete any backups."
    )


def _integrity(report: CheckReport) -> tuple[bool, str]:
    if not report.integrity_problems:
        return True, _tr("The file is whole: SQLite's integrity check found nothing wrong.")
    return False, counted(
        len(report.integrity_problems),
        _tr("SQLite's integrity check found a problem in the file."),
        _tr("SQLite's integrity check found {count} problems in the file."),
    )


def _references(report: CheckReport) -> tuple[bool, str]:
    if not report.broken_references:
        return True, _tr("Every record's links to other records hold.")
    return False, counted(
        report.broken_references,
        _tr("One record points at a record that is missing."),
        _tr("{count} records point at records that are missing."),
    )


def _pages(report: CheckReport) -> tuple[bool, str]:
    if not report.cipher_problems:
        return True, _tr("Every encrypted page is as it was written (SQLCipher's check).")
    return False, counted(
        len(report.cipher_problems),
        _tr("SQLCipher found an encrypted page that was changed or damaged."),
        _tr("SQLCipher found {count} encrypted pages that were changed or damaged."),
    )


class CheckDialog(QDialog):
    """Runs the check when asked, here (`run_check`) or on a worker thread (`start_check`), and
    shows what it found.

    Signals:
        checked(): the result (or why there is none) is shown."""

    checked = Signal()
    _done = Signal(object)  # emitted on the worker: a CheckReport or a DatabaseError

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.report: CheckReport | None = None
        self.setWindowTitle(self.tr("Check database"))
        fit_to_screen(self, QSize(640, 320), "check")
        self.headline = QLabel(
            self.tr("Checking the database… On a large one this takes a few seconds.")
        )
        self.headline.setWordWrap(True)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.busy = QProgressBar(minimum=0, maximum=0, textVisible=False)  # moving, no end known
        self.busy.hide()
        self._done.connect(self._finish)
        self._worker: threading.Thread | None = None
        self.trail = QPushButton(self.tr("Open the audit trail"))
        self.trail.setEnabled(False)
        self.trail.clicked.connect(lambda: open_audit_viewer(self, self._db))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.trail, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.busy)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)

    def run_check(self) -> None:
        """Check the open database and show the result; a file that cannot be read at all is
        said in the same words as when opening fails."""
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self._finish(self._checked())
        finally:
            QGuiApplication.restoreOverrideCursor()

    def start_check(self) -> None:
        """Check on a worker thread; `checked` is emitted once the result is shown."""
        self.busy.show()
        self._worker = threading.Thread(target=self._work, name="check-database", daemon=True)
        self._worker.start()

    def wait(self) -> None:
        """Wait for a check started on the worker (tests; the window never waits)."""
        if self._worker is not None:
            self._worker.join()

    def _checked(self) -> CheckReport | DatabaseError:
        try:
            return checking.check_open_database(self._db)
        except DatabaseError as error:
            return error

    def _work(self) -> None:
        outcome = self._checked()
        try:
            self._done.emit(outcome)
        except RuntimeError:  # the dialog was closed and deleted meanwhile: nobody to tell
            log.info("The database check finished after its window was closed.")

    def _finish(self, outcome: CheckReport | DatabaseError) -> None:
        self.busy.hide()
        if isinstance(outcome, DatabaseError):
            self._show_unreadable(outcome)
        else:
            self.report = outcome
            self._show(outcome)
        self.checked.emit()

    def _show(self, report: CheckReport) -> None:
        self.headline.setText(summary(report))
        self.headline.setStyleSheet(GOOD_STYLE if report.ok else BAD_STYLE)
        lines = [f"{PASSED if ok else FAILED}  {text}" for ok, text in findings(report)]
        self.details.setText("\n".join([*lines, "", holdings(report)]))
        self.trail.setEnabled(True)

    def _show_unreadable(self, error: DatabaseError) -> None:
        self.headline.setText(dialogs.database_error_text(error))
        self.headline.setStyleSheet(BAD_STYLE)
        self.details.setText(
            self.tr("Tell your school's IT contact, and do not delete any backups.")
        )


def open_check_dialog(parent: QWidget | None, db: Database) -> CheckDialog:
    """Show the dialog, checking on a worker thread while it says so; the user may close it
    (and go on working) before the check is done."""
    dialog = CheckDialog(db, parent)
    dialog.start_check()
    dialogs.wait_for(dialog)  # locking hides it; unlocking brings it back
    return dialog
