"""Restoring a backup from the Backups dialog, on a worker (ui/background.py): asked first in
plain words, the passphrase of an earlier backup asked for, then the progress under the list.

Cancel works until the copy is put in place: before that nothing is changed (the backup of the
present state, once made, stays in the list); after it the work finishes, and the window's
thread waits for it meanwhile, so that nothing opens a connection to a file being replaced."""

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from rp_desktop.domain.safekeeping.passphrase import Passphrase
from rp_desktop.services.safekeeping import restoring
from rp_desktop.services.safekeeping.backups import Backup, RestoreRefused
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.errors import WrongPassphrase
from rp_desktop.ui import choosers, dialogs
from rp_desktop.ui.background import Work, WorkPanel
from rp_desktop.ui.safekeeping.backup_list import backup_time, unfit_words


def _tr(text: str) -> str:
    return QCoreApplication.translate("BackupsDialog", text)


def restore_step_words(done: int, total: int, step: str) -> str:
    """A restore's progress in words (restoring.RESTORE_STEPS)."""
    words = {
        "checking": _tr("Checking the backup…"),
        "backing_up": _tr("Backing up the records first…"),
        "replacing": _tr("Putting the backup in place; this cannot be stopped…"),
    }
    return words.get(step) or _tr("Restoring…")


class RestorePanel(WorkPanel):
    """Restores one backup at a time (`restore`) and says how it went.

    Signals:
        restored(str): the backup is in place; the words to show.
        notRestored(str): nothing was changed (refused, failed); the words of the error.
        cancelled(str): Cancel stopped it; nothing was changed; the words to show.
    """

    restored = Signal(str)
    notRestored = Signal(str)
    cancelled = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(restore_step_words, parent)

    def restore(
        self, db: Database, chosen: Backup, folder: Path, earlier: Passphrase | None
    ) -> Work:
        work = self.run(
            lambda progress: restoring.restore_backup(
                db, chosen.path, folder=folder, backup_passphrase=earlier, progress=progress
            ),
            name="restore",
            exclusive_end=True,
        )
        work.succeeded.connect(lambda _restored: self.restored.emit(_restored_words(chosen)))
        work.failed.connect(lambda error: self.notRestored.emit(_failed_words(error)))
        work.cancelled.connect(
            lambda: self.cancelled.emit(
                _tr("Cancelled; nothing was restored. Your records are as they were.")
            )
        )
        return work


def _restored_words(chosen: Backup) -> str:
    return _tr(
        "Restored the backup from {when}. The records as they were just before are in the "
        "backup marked “Before a restore”."
    ).format(when=backup_time(chosen.taken_at))


def _failed_words(error: object) -> str:
    if isinstance(error, WrongPassphrase):
        return _tr("That passphrase does not open this backup either. Nothing was changed.")
    if isinstance(error, RestoreRefused):
        return unfit_words(error.reason)
    # The database is replaced all at once or not at all.
    return _tr("The backup could not be restored. Nothing was changed.")


def ask_earlier_passphrase(parent: QWidget | None) -> Passphrase | None:
    """The passphrase a backup made before the last change of passphrase was made under."""
    text = choosers.ask_text(
        parent,
        _tr("A backup under an earlier passphrase"),
        _tr(
            "This backup was made before the passphrase was changed. Type the passphrase "
            "it was made under; it is restored under today's passphrase."
        ),
        QLineEdit.EchoMode.Password,
    )
    return Passphrase(text) if text else None


def confirm_restore(parent: QWidget | None, chosen: Backup) -> bool:
    return dialogs.confirm(
        parent,
        _tr("Restore this backup?"),
        _tr(
            "The records will be put back as they were on {when}. Anything entered after "
            "that will not be in them.\n\nFirst, RP Desktop backs up the records as they "
            "are now, so you can come back to them by restoring that backup."
        ).format(when=backup_time(chosen.taken_at)),
        _tr("Restore the backup"),
        _tr("Cancel"),
    )
