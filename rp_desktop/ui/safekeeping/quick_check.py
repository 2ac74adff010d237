"""A quick check of the database each time it opens, on a worker thread once the window shows:
damage found early can still be mended from a backup. Nothing is said when all is well."""

import logging
import threading

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from rp_desktop.services.safekeeping.checking import quick_check
from rp_desktop.services.safekeeping.database import Database

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("QuickCheck", text)


class QuickCheck(QObject):
    """Runs the check and, when it finds problems, tells the user what to do, without
    blocking them (the message is not modal).

    Signals:
        finished(int): how many problems were found (0 when the file is whole)."""

    finished = Signal(int)
    _done = Signal(object)  # emitted on the worker, delivered on this object's thread

    def __init__(self, db: Database, parent: QWidget, *, background: bool = True) -> None:
        super().__init__(parent)
        self._db = db
        self._parent = parent
        self._background = background
        self._done.connect(self._report)
        self.message: QMessageBox | None = None
        self._worker: threading.Thread | None = None

    def start(self) -> None:
        if self._db.locked:
            return
        if not self._background:
            self._run()
            return
        self._worker = threading.Thread(target=self._run, name="quick-check", daemon=True)
        self._worker.start()

    def wait(self) -> None:
        if self._worker is not None:
            self._worker.join()

    def _run(self) -> None:
        try:
            problems: tuple[str, ...] = quick_check(self._db)
        except Exception as error:  # locked meanwhile, or the file went away: not a finding
            log.warning("The quick check did not run (%s).", type(error).__name__)
            problems = ()
        self._done.emit(problems)

    def _report(self, problems: tuple[str, ...]) -> None:
        self.finished.emit(len(problems))
        if not problems:
            return
        log.error("The quick check found %d problem(s) in the database.", len(problems))
        self.message = QMessageBox(
            QMessageBox.Icon.Warning,
            _tr("The database needs attention"),
            _tr(
                "RP Desktop checks the database each time it opens, and this time it found "
                "damage in the file. What you can see may be incomplete.\n\n"
                "Choose Help > Check database for the details, and File > Backups to restore "
                "a backup made before the damage. Tell whoever looks after RP Desktop in your "
                "district. Nothing has been changed."
            ),
            QMessageBox.StandardButton.Ok,
            self._parent,
        )
        self.message.setWindowModality(Qt.WindowModality.NonModal)  # the user can go on working
        self.message.show()
