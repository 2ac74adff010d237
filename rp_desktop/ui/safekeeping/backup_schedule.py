"""Backing up while the window is open: at most every half hour while there are changes, and
once more when it closes. A backup that fails is logged (no names, no paths) and said once in
plain words, in a note that does not stop the user typing; it never ends the application.

A scheduled backup runs on a worker thread: on the benchmark database it takes one to four
seconds (encrypted), too long to freeze the window. SQLite lets the user go on saving while
it copies (the copy is of one moment, and checked against that moment). The backup on closing
runs in the foreground, after any backup still running; its copy to the second place runs on a
thread of its own, which closing waits for only CLOSING_COPY_SECONDS (a network share that hangs
must not keep the window from closing; a copy cut short leaves only a .partial file there,
which the next copy removes).

Only the copy runs on the worker (and the copy to the second place, when one is chosen: a slow
USB drive or network share never holds the window up); the backup's audit event is written
afterwards on the window's thread, which does all the writing."""

import logging
import threading
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from rp_desktop.services.safekeeping import backups
from rp_desktop.services.safekeeping.backups import BackupMade, BackupReason
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.second_place import SecondCopy, copy_to_second_place

log = logging.getLogger(__name__)

EVERY = timedelta(minutes=30)
# How often the timer asks whether a backup is due: a glance at the folder and one query.
CHECK_MS = 60_000
# How long closing waits for the copy to the second place: enough for a slow USB drive to take
# a large backup, not for ever.
CLOSING_COPY_SECONDS = 30.0


class BackupSchedule(QObject):
    """Backs up `db` into its backups folder, and to `second_place()` when that gives a folder.
    Call `start()` once the window shows and `on_close()` as it closes. Signals:
    backedUp(BackupMade) after each backup, for the status bar (its `second` says how the copy
    off the laptop went); failed(str), once per run of failures, with a sentence to show."""

    backedUp = Signal(object)
    notMade = Signal()  # every time a backup fails, for the Backups dialog
    failed = Signal(str)
    _finished = Signal()  # the worker is done: its outcome is in self._outcome

    def __init__(
        self,
        db: Database,
        clock: Callable[[], datetime],
        parent: QObject | None = None,
        *,
        folder: Path | None = None,
        background: bool = True,
        second_place: Callable[[], Path | None] = lambda: None,
        closing_copy_seconds: float = CLOSING_COPY_SECONDS,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._clock = clock
        self._folder = folder or _settled_folder(db)
        self._background = background
        self._second_place = second_place
        self._closing_copy_seconds = closing_copy_seconds
        self._worker: threading.Thread | None = None
        self._outcome: tuple[BackupMade | None, str | None] | None = None
        self._told = False
        # Emitted on the worker thread, delivered on this object's (the window's) thread.
        self._finished.connect(self._settle)
        self.note: QMessageBox | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.tick)
        self._last_try = self._newest_backup_time()

    def start(self) -> None:
        self.timer.start()

    def tick(self) -> None:
        """The timer's slot: back up if the last try was half an hour ago and there are
        changes. A failed try also waits half an hour, so a full disk is not retried each
        minute."""
        if self._last_try is not None and self._clock() - self._last_try < EVERY:
            return
        self.back_up_if_changed(BackupReason.SCHEDULED)

    def on_close(self) -> None:
        """The window is closing: stop the timer and back up what changed since the last."""
        self.timer.stop()
        self.wait()
        self.back_up_if_changed(BackupReason.CLOSING, foreground=True)

    @property
    def running(self) -> bool:
        return self._worker is not None and self._worker.is_alive()

    def wait(self) -> None:
        """Return once no backup is running (before a restore, a lock, or closing), its audit
        event written."""
        if self._worker is not None:
            self._worker.join()
            self._worker = None
        self._settle()

    def back_up_if_changed(self, reason: BackupReason, *, foreground: bool = False) -> bool:
        """Start a backup if anything changed (and the database is unlocked and no backup is
        running); True when one was started."""
        if self._db.locked or self.running:
            return False  # the key is forgotten while locked; the next tick after unlocking
        try:
            if not backups.changes_since_last_backup(self._db, folder=self._folder):
                return False
        except Exception as error:  # any failure: say so, never end the user's session over it
            self._report(None, type(error).__name__)
            return False
        return self.back_up_now(reason, foreground=foreground)

    def back_up_now(
        self, reason: BackupReason = BackupReason.BY_HAND, *, foreground: bool = False
    ) -> bool:
        """Start a backup, changes or not (unless the database is locked or a backup is
        running); True when one was started. backedUp or notMade says how it ended."""
        if self._db.locked or self.running:
            return False
        self._last_try = self._clock()
        try:
            pending = backups.begin_backup(self._db, reason, folder=self._folder)
        except Exception as error:
            self._report(None, type(error).__name__)
            return False
        second = self._second_place()
        if self._background and not foreground:
            self._worker = threading.Thread(target=self._run, args=(pending, second), daemon=True)
            self._worker.start()
        else:
            self._run(pending, second, closing=foreground)
        return True

    def _run(
        self, pending: backups.PendingBackup, second: Path | None, *, closing: bool = False
    ) -> None:
        """The worker's part: it only reads the database, so the user's saves never wait for
        it or fail because of it. As the window closes, the copy to the second place is waited
        for only so long."""
        try:
            made = backups.complete_backup(
                self._db, pending, second_place=None if closing else second
            )
            if closing and second is not None:
                made = self._copied_before_closing(made, second)
        except Exception as error:  # reported on the window's thread, by name only
            self._outcome = (None, type(error).__name__)
        else:
            self._outcome = (made, None)
        self._finished.emit()  # delivered on the window's thread

    def _copied_before_closing(self, made: BackupMade, place: Path) -> BackupMade:
        """`made`, copied to `place` by a thread that closing waits for at most
        CLOSING_COPY_SECONDS; as it was when the copy is not done by then."""
        manifest = made.manifest
        if manifest is None:
            return made
        copied: list[SecondCopy] = []
        copier = threading.Thread(
            target=lambda: copied.append(
                copy_to_second_place(made.path, manifest, place, self._clock())
            ),
            name="second place, closing",
            daemon=True,  # never keeps the process alive
        )
        copier.start()
        copier.join(self._closing_copy_seconds)
        if not copied:
            log.warning("The copy to the second place was not done when the window closed.")
            return made
        return replace(made, second=copied[0])

    def _settle(self) -> None:
        """On the window's thread, once the worker is done: write the backup's audit event,
        then say how it went. Called by the signal or by wait(), whichever comes first."""
        outcome, self._outcome = self._outcome, None
        if outcome is not None:
            self._report(*outcome)

    def _report(self, made: BackupMade | None, error: str | None) -> None:
        if made is None:
            log.warning("A backup failed (%s).", error)
            self.notMade.emit()
            self._tell_once()
            return
        try:
            backups.record_backup(self._db, made)
        except Exception as failure:  # the backup is made and sound; only its event is missing
            log.warning("A backup's audit event was not written (%s).", type(failure).__name__)
        self._told = False
        self.backedUp.emit(made)

    def _newest_backup_time(self) -> datetime | None:
        try:
            found = backups.list_backups(self._db.path, folder=self._folder, check=False)
        except OSError:
            return None
        return found[0].taken_at if found else None

    def _tell_once(self) -> None:
        if self._told:
            return
        self._told = True
        text = self.tr(
            "RP Desktop could not back up your records just now. Your work is saved as usual; "
            "it will try again in half an hour. If this keeps happening, check that the disk "
            "is not full, or choose File ▸ Backups… and then Back up now."
        )
        self.failed.emit(text)
        window = self.parent()
        if isinstance(window, QWidget):
            # Not modal, not waited for: the user can go on typing, and close it when they like.
            self.note = QMessageBox(
                QMessageBox.Icon.Warning, self.tr("Backup not made"), text, parent=window
            )
            self.note.setWindowModality(Qt.WindowModality.NonModal)
            self.note.show()


def _settled_folder(db: Database) -> Path | None:
    """The database's backups folder, its old backups adopted; None (the default, found again
    at each backup) when the backups folder cannot be read or written just now."""
    try:
        return backups.settle_backups(db)
    except Exception as error:  # a read-only data folder: each backup will say so
        log.warning("The backups folder could not be made ready (%s).", type(error).__name__)
        return None
