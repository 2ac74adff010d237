"""One writer per database: an OS lock on a file beside the database, holding who took it.

The operating system releases the lock when the process ends, however it ends, so a crash never
leaves a database locked. The `filelock` package truncates the file before locking, which would
erase the owner's name that a second user needs to read; hence these few lines of our own.
"""

import getpass
import json
import os
import socket
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from rp_desktop.db.errors import LockHeld

# Windows locks are mandatory: lock a byte far past the owner text so others can still read it.
_LOCK_OFFSET = 1 << 30


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
        """Take the lock, or raise LockHeld naming the user and machine that hold it."""
        handle = open(lock_path_for(database), "a+", encoding="utf-8")  # noqa: SIM115
        if not _try_lock(handle):
            owner = _read_owner(handle)
            handle.close()
            raise LockHeld(database, owner.user, owner.host)
        handle.seek(0)
        handle.truncate()
        me = Owner.this_process()
        handle.write(json.dumps({"user": me.user, "host": me.host, "pid": me.pid}))
        handle.flush()
        return cls(database, handle)

    @property
    def held(self) -> bool:
        return self._handle is not None

    def release(self) -> None:
        if self._handle is None:
            return
        self._handle.seek(0)
        self._handle.truncate()
        _unlock(self._handle)
        self._handle.close()
        self._handle = None


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
