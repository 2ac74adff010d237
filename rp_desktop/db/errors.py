"""What the database layer raises when a file cannot be used as it is. These carry facts, not
sentences: the services turn each into the error the application shows
(services/safekeeping/errors.py), so no type of this layer reaches the screens."""

from pathlib import Path

from rp_desktop.domain.safekeeping.files import Unreadable


class StorageError(Exception):
    """Base of what the database layer refuses."""


class FileRefused(StorageError):
    """The file at `path` is not a usable RP Desktop database, for `reason`."""

    def __init__(self, path: Path, reason: Unreadable) -> None:
        self.path, self.reason = path, reason
        super().__init__(f"{path.name}: {reason.value}")


class NewerSchema(StorageError):
    """The file's schema `revision` is from a later version of RP Desktop."""

    def __init__(self, path: Path, revision: str) -> None:
        self.path, self.revision = path, revision
        super().__init__(f"{path.name}: schema {revision}")


class LockHeld(StorageError):
    """Another process holds the database's write lock."""

    def __init__(self, path: Path, user: str, host: str) -> None:
        self.path, self.user, self.host = path, user, host
        super().__init__(f"{path.name} is locked by another process")


class PragmaNotSet(StorageError):
    """A connection did not take a pragma the database needs to be crash-safe."""

    def __init__(self, pragma: str, wanted: object, got: object) -> None:
        self.pragma, self.wanted, self.got = pragma, wanted, got
        super().__init__(f"{pragma} is {got}, not {wanted}")


class CopyFailed(StorageError):
    """A copy of a database could not be made or did not check out; the message says which step
    failed, in words that quote no data."""


class LockFileUnsafe(StorageError):
    """The lock file's place holds a link, a folder or another odd file: writing the owner's
    name there would write into whatever it points at, so it is left alone."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(f"{path.name} is not a plain file")
