"""The recovery screen's words: what is wrong with the file, its backups, why a backup could not
be put in its place, and what was saved of it; and what the screen is shown for (a file that is
there but cannot be read, or passphrases that keep failing). Light to import: the screen can be
the first one, shown before the backups' code has loaded."""

from enum import Enum
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from rp_desktop.domain.safekeeping.files import ReadOnly, Unreadable
from rp_desktop.domain.safekeeping.findings import Salvage
from rp_desktop.services.safekeeping.errors import (
    BackupFailed,
    DatabaseError,
    DatabaseInUse,
    LockFileRefused,
    NotADatabase,
    NotOpened,
    PassphraseNeeded,
    ReadOnlyPlace,
    WrongPassphrase,
)
from rp_desktop.ui import dialogs


class PassphraseKeepsFailing(DatabaseError):
    """Several passphrases in a row did not open an encrypted file: a forgotten passphrase, or
    a damaged file, which cannot be told apart."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(f"The passphrases typed did not open {path.name}.")


class Recovery(Enum):
    TRY_AGAIN = "try again"


RECOVERABLE = (Unreadable.DAMAGED, Unreadable.NOT_SQLITE, Unreadable.EMPTY)


def recovery_helps(problem: DatabaseError) -> bool:
    """True for a file that is there but cannot be read; other problems (in use, a newer
    version, a folder that cannot be written) are explained in a plain message instead."""
    if isinstance(problem, PassphraseKeepsFailing):
        return True
    return isinstance(problem, NotADatabase) and problem.reason in RECOVERABLE


def unreadable(problem: DatabaseError) -> Unreadable | None:
    """Why the file cannot be read; None when the passphrases typed did not open it."""
    if isinstance(problem, PassphraseKeepsFailing):
        return None
    return problem.reason if isinstance(problem, NotADatabase) else Unreadable.DAMAGED


def _tr(text: str) -> str:
    return QCoreApplication.translate("RecoveryDialog", text)


def problem_words(name: str, reason: Unreadable | None) -> str:
    """What is wrong with the file `name`, in plain words, as the heading of the screen: the
    `reason` it cannot be read, or None when the passphrases typed did not open it."""
    if reason is None:
        what = _tr(
            "The passphrases you typed did not open {name}. Either its passphrase is a "
            "different one, or the file is damaged. If the passphrase is lost, ask your "
            "district for the recovery copy, if one was made: their passphrase opens it."
        )
    elif reason is Unreadable.EMPTY:
        what = _tr(
            "The database file {name} is empty. This can happen when a computer stops "
            "while it is saving."
        )
    elif reason is Unreadable.NOT_SQLITE:
        what = _tr(
            "The file {name} is not a database RP Desktop can read. It may be damaged, or "
            "another file may have been saved in its place."
        )
    else:
        what = _tr(
            "The database {name} is damaged: RP Desktop cannot read it safely. This can "
            "happen when a computer loses power or a disk fails while it is saving."
        )
    return _tr(
        "<h2>The database could not be opened</h2><p>{what}</p>"
        "<p>Nothing has been changed or deleted. You can:</p>"
    ).format(what=what.format(name=name))


def backups_words(found: bool | None) -> str:
    """Whether backups of the file were `found` (None: still looking for them)."""
    if found is None:
        return _tr("Looking for backups of this database…")
    if found:
        return _tr(
            "Put a backup in place of this file. The file is kept beside it under a new "
            "name, so nothing is lost; what was entered after the backup is not in it."
        )
    return _tr(
        "There are no backups of this database in the backups folder on this computer. If "
        "you keep one elsewhere (a USB drive, a network folder), choose it as a file."
    )


def restore_failed_words(error: Exception, *, first_run: bool = False) -> str:
    """Why a backup could not be put in place of the file that would not open (or, at the
    `first_run`, of the new database)."""
    from rp_desktop.services.safekeeping.backups import RestoreRefused  # loaded by restoring
    from rp_desktop.ui.safekeeping.backup_list import unfit_words

    if isinstance(error, PassphraseNeeded):
        return _tr("Type the passphrase first: the backup is encrypted with it.")
    if isinstance(error, WrongPassphrase):
        return _tr("That passphrase does not open this backup. Check it and try again.")
    if isinstance(error, RestoreRefused):
        return unfit_words(error.reason)
    if isinstance(error, DatabaseInUse):
        return dialogs.database_error_text(error)
    if (words := place_words(error)) is not None:
        return words
    if isinstance(error, FileExistsError):
        return _tr("There is already a file at {path}. Choose another place.").format(
            path=error.filename
        )
    if first_run:
        return _tr(
            "The backup could not be restored; nothing was changed. The disk may be full or "
            "the folder not writable: choose another place, or try again."
        )
    return _tr("The backup could not be restored. The damaged file was kept.")


def salvage_failed_words(error: Exception) -> str:
    """Why nothing was saved of the file that would not open."""
    if isinstance(error, BackupFailed):
        return _tr(
            "Nothing could be read from the file. It may not be a database at all, or the "
            "passphrase is not its own."
        )
    return _tr("Nothing was saved there. Choose a new file in another folder.")


def salvage_words(salvage: Salvage, target: Path) -> str:
    """What was saved of a damaged file, and what could not be read."""
    text = _tr("Saved {rows} entries from {tables} tables to {path}.").format(
        rows=f"{salvage.rows:,}", tables=len(salvage.copied), path=target
    )
    if salvage.incomplete:
        text += " " + _tr("{count} tables could be read only in part.").format(
            count=len(salvage.incomplete)
        )
    if salvage.unreadable:
        text += " " + _tr("{count} tables could not be read at all.").format(
            count=len(salvage.unreadable)
        )
    return text


def place_words(error: Exception) -> str | None:
    """Why the database could not be opened or put back when the reason is its place, not the
    file: a read-only folder or file, a link where the lock file goes, or the disk refusing it.
    None for any other reason."""
    if isinstance(error, ReadOnlyPlace) and error.what is ReadOnly.FOLDER:
        return _tr(
            "The folder {path} is read-only: RP Desktop cannot save there. Choose another "
            "folder, or ask your school's IT contact to allow writing there."
        ).format(path=error.path)
    if isinstance(error, ReadOnlyPlace):
        return _tr(
            "The file {path} is read-only: RP Desktop cannot save to it. Ask your school's IT "
            "contact to allow writing to it. Nothing was changed."
        ).format(path=error.path)
    if isinstance(error, LockFileRefused):
        return _tr(
            "Where RP Desktop keeps the database's lock file there is a link or another kind "
            "of file: {path}. RP Desktop did not use it and changed nothing. Remove it, then "
            "open RP Desktop again."
        ).format(path=error.path)
    if isinstance(error, NotOpened):
        return _tr(
            "The disk refused to open the database ({reason}); nothing was changed. Check "
            "that the disk is connected and working, then try again."
        ).format(reason=error.reason)
    return None
