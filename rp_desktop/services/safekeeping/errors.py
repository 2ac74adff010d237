"""Why a database could not be opened, used or copied: the errors the services raise, each with one
plain sentence that names no student (the command line prints it; the screens say the same
things in translatable words). The database layer's own refusals are turned into these where the
services call it (`translated`), so no type of that layer reaches the screens."""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from rp_desktop.db.errors import (
    CopyFailed,
    FileRefused,
    LockFileUnsafe,
    LockHeld,
    NewerSchema,
    PragmaNotSet,
)
from rp_desktop.domain.safekeeping.files import ReadOnly, Unreadable


class DatabaseError(Exception):
    """Base of every problem with the database file itself."""


class DatabaseInUse(DatabaseError):
    def __init__(self, path: Path, user: str, host: str) -> None:
        self.path, self.user, self.host = path, user, host
        owner = f"{user} on {host}" if user or host else "another program"
        super().__init__(
            f"The database {path.name} is in use by {owner}; close RP Desktop there first."
        )


class SchemaTooNew(DatabaseError):
    def __init__(self, path: Path, revision: str) -> None:
        self.path, self.revision = path, revision
        super().__init__(
            f"The database {path.name} was made by a newer version of RP Desktop "
            f"(schema {revision}); install that version to open it."
        )


class PragmaRefused(DatabaseError):
    def __init__(self, pragma: str, wanted: object, got: object) -> None:
        self.pragma, self.wanted, self.got = pragma, wanted, got
        super().__init__(
            f"The database could not be set up safely ({pragma} is {got}, not {wanted}); "
            "a network drive or a read-only folder can cause this."
        )


class DatabaseLocked(DatabaseError):
    def __init__(self) -> None:
        super().__init__("The database is locked; unlock it with its passphrase first.")


class PassphraseNeeded(DatabaseError):
    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(
            f"{path} is encrypted, or is not a database: its passphrase is needed to open it."
        )


class WrongPassphrase(DatabaseError):
    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(
            f"That passphrase does not open {path}. Check it and try again; if it is right, "
            "the file is damaged or is not an RP Desktop database."
        )


class EncryptionNotChosen(DatabaseError):
    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(
            f"There is no database at {path} yet: give a passphrase to create it encrypted, "
            "or choose explicitly to keep it unencrypted."
        )


_UNREADABLE_SENTENCES = {
    Unreadable.MISSING: "There is no file at {path}.",
    Unreadable.FOLDER: "{path} is a folder, not a database file.",
    Unreadable.EMPTY: "{path} is empty; it is not an RP Desktop database.",
    Unreadable.NO_PERMISSION: "RP Desktop is not allowed to read {path}.",
    Unreadable.NOT_SQLITE: "{path} is not a database file.",
    Unreadable.DAMAGED: "The database {path} is damaged and cannot be read safely.",
    Unreadable.NOT_RP_DESKTOP: "{path} is a database, but not one made by RP Desktop.",
}


class NotADatabase(DatabaseError):
    def __init__(self, path: Path, reason: Unreadable) -> None:
        self.path, self.reason = path, reason
        super().__init__(_UNREADABLE_SENTENCES[reason].format(path=path))


class ReadOnlyPlace(DatabaseError):
    """The folder (`ReadOnly.FOLDER`: `path` is the folder) or a file of the database (the
    database itself, its lock file or a log file: `ReadOnly.FILE`) may not be written to;
    nothing was made there."""

    def __init__(self, path: Path, what: ReadOnly) -> None:
        self.path, self.what = path, what
        if what is ReadOnly.FOLDER:
            sentence = (
                f"The folder {path} is read-only: RP Desktop cannot save there. "
                "Choose another folder or ask IT to allow writing."
            )
        else:
            sentence = (
                f"The file {path} is read-only: RP Desktop cannot save to it. "
                "Allow writing to it (or copy the database to a folder of your own), "
                "or ask IT to."
            )
        super().__init__(sentence)


class LockFileRefused(DatabaseError):
    """A link (or anything but a plain file) is where the lock file beside the database goes."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(
            f"{path} is a link or a special file, not RP Desktop's lock file, so RP Desktop "
            "did not use it and changed nothing. Remove it, then open the database again."
        )


class NotOpened(DatabaseError):
    """SQLite refused to open or set up the file for a reason that is neither damage nor a
    read-only place; `reason` is SQLite's name for it (it quotes no data)."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path, self.reason = path, reason
        super().__init__(
            f"The database {path} could not be opened ({reason}); nothing was changed. "
            "Check that the disk is connected and working, then try again."
        )


class DamagedUnchanged(NotADatabase):
    """A damaged database refused before anything was written to it; `restore` says how to put
    a backup in its place (the command to type, or where to click)."""

    def __init__(self, path: Path, restore: str) -> None:
        super().__init__(path, Unreadable.DAMAGED)
        self.args = (
            f"The database {path} is damaged; nothing was changed. "
            f"Restore it from a backup: {restore}.",
        )


class DiskFull(DatabaseError):
    """A write failed for lack of room: the disk (or the user's quota) is full, or the file hit a
    size limit. SQLite rolled the change back, so what was saved before is intact."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        where = f" for {path.name}" if path is not None else ""
        super().__init__(
            f"There is no room left on the disk{where}, so this change was not saved; "
            "what was saved before is safe. Free some space, then try again."
        )


class BackupFailed(Exception):
    """A backup, a restore or a salvage could not be made, or its copy did not check out. The
    message says which step failed, in words that quote no data."""


@contextmanager
def translated(path: Path) -> Iterator[None]:
    """Turn the database layer's refusals about the file at `path` into the services' errors."""
    try:
        yield
    except FileRefused as refused:
        raise NotADatabase(refused.path, refused.reason) from refused
    except NewerSchema as newer:
        raise SchemaTooNew(newer.path, newer.revision) from newer
    except LockHeld as held:
        raise DatabaseInUse(path, held.user, held.host) from held
    except LockFileUnsafe as unsafe:
        raise LockFileRefused(unsafe.path) from unsafe
    except PragmaNotSet as pragma:
        raise PragmaRefused(pragma.pragma, pragma.wanted, pragma.got) from pragma
    except CopyFailed as failed:
        raise BackupFailed(str(failed)) from failed
