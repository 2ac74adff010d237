"""One writer per database: an OS lock on a file beside the database, holding who took it.

The operating system releases the lock when the process ends, however it ends, so a crash never
leaves a database locked. The `filelock` package truncates the file before locking, which would
erase the owner's name that a second user needs to read; hence these few lines of our own.

The lock file is only ever a plain file of our own: a link put in its place (to a file the user
can write) is refused, never followed, so the owner's name is never written into another file.
"""

import errno
import getpass
import json
import os
import socket
import stat
import sys
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from rp_desktop.db.errors import LockFileUnsafe, LockHeld

# Windows locks are mandatory: lock a byte far past the owner text so others can still read it.
_LOCK_OFFSET = 1 << 30
# Read and written by this user only; not inherited by programs the app starts. Windows has no
# O_NOFOLLOW: a link there is looked for before opening (`_refuse_link`).
_FLAGS = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
# What opening a link with O_NOFOLLOW fails with (FreeBSD says EMLINK), and opening a folder.
_NOT_A_PLAIN_FILE = frozenset({errno.ELOOP, errno.EMLINK, errno.EISDIR})


def lock_path_for(database: Path) -> Path:
    return database.with_name(database.name + ".lock")


@dataclass(frozen=True, slots=True)
class Owner:
    user: str
    host: str
    pid: int

    @classmethod
    def this_process(cls) -> "Owner":
        try:
            user = getpass.getuser()
        except (KeyError, OSError):
            user = ""
        return cls(user=user, host=socket.gethostname(), pid=os.getpid())


class DatabaseLock:
    """Held while a database is open for writing; `release()` (or closing the process) ends it."""

    def __init__(self, database: Path, handle: IO[str]) -> None:
        self.database = database
        self._handle: IO[str] | None = handle

    @classmethod
    def acquire(cls, database: Path) -> "DatabaseLock":
        """Take the lock, or raise LockHeld naming the user and machine that hold it;
        LockFileUnsafe when a link or anything but a plain file is where the lock file goes."""
        handle = _open_lock_file(lock_path_for(database))
        if not _try_lock(handle):
            owner = _read_owner(handle)
            handle.close()
            raise LockHeld(database, owner.user, owner.host)
        if not _still_in_place(handle, lock_path_for(database)):
            # Removed (or replaced) by the holder that just let go: take the new one.
            _unlock(handle)
            handle.close()
            return cls.acquire(database)
        handle.seek(0)
        handle.truncate()
        me = Owner.this_process()
        handle.write(json.dumps({"user": me.user, "host": me.host, "pid": me.pid}))
        handle.flush()
        return cls(database, handle)

    @property
    def held(self) -> bool:
        return self._handle is not None

    def release(self, *, remove: bool = False) -> None:
        """Let go of the lock; with `remove`, delete the lock file first (while still holding
        it, so nobody can have taken it meanwhile): for a lock file this opening made, when
        the opening failed and leaves nothing behind."""
        if self._handle is None:
            return
        if remove:
            with suppress(OSError):  # Windows keeps an open file: it stays, empty
                lock_path_for(self.database).unlink()
        self._handle.seek(0)
        self._handle.truncate()
        _unlock(self._handle)
        self._handle.close()
        self._handle = None


def _open_lock_file(path: Path) -> IO[str]:
    """The lock file, opened for reading and writing (made, 0600, when missing)."""
    _refuse_link(path)
    try:
        descriptor = os.open(path, _FLAGS, 0o600)
    except OSError as error:
        if error.errno in _NOT_A_PLAIN_FILE:
            raise LockFileUnsafe(path) from error
        raise
    facts = os.fstat(descriptor)
    if not stat.S_ISREG(facts.st_mode) or facts.st_nlink > 1:  # a pipe, a device, a hard link
        os.close(descriptor)
        raise LockFileUnsafe(path)
    return os.fdopen(descriptor, "r+", encoding="utf-8")


def _refuse_link(path: Path) -> None:
    if not hasattr(os, "O_NOFOLLOW") and path.is_symlink():
        raise LockFileUnsafe(path)


def _still_in_place(handle: IO[str], path: Path) -> bool:
    """Whether the file locked is still the one at `path`: a holder that removed it as it let go
    leaves the lock on a file nobody else will open. (Windows cannot remove an open file.)"""
    if os.name == "nt":
        return True
    try:
        there = os.stat(path, follow_symlinks=False)
    except FileNotFoundError:
        return False
    held = os.fstat(handle.fileno())
    return (there.st_dev, there.st_ino) == (held.st_dev, held.st_ino)


def _read_owner(handle: IO[str]) -> Owner:
    handle.seek(0)
    try:
        data = json.loads(handle.read() or "{}")
        return Owner(str(data.get("user", "")), str(data.get("host", "")), int(data.get("pid", 0)))
    except (ValueError, TypeError, AttributeError):
        return Owner("", "", 0)


if sys.platform == "win32":
    import msvcrt

    def _try_lock(handle: IO[str]) -> bool:
        handle.seek(_LOCK_OFFSET)
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(handle: IO[str]) -> None:
        handle.seek(_LOCK_OFFSET)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(handle: IO[str]) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _unlock(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
