"""Telling a full disk from other failures, so the user is told what to do about it.

SQLite reports a full disk as SQLITE_FULL, but a write refused by a file-size limit (EFBIG: the
process's RLIMIT_FSIZE, or a FAT32 stick's 4 GiB) comes back as a plain SQLITE_IOERR, which could
also be a failing disk. An I/O error is called a full disk only when there is evidence: little
free space where the database is, or a file-size limit on this process."""

import errno
import shutil
import sqlite3
from pathlib import Path

from rp_desktop.domain.safekeeping.files import WriteFailure

SQLITE_IOERR = 10
SQLITE_FULL = 13
FULL_MESSAGE = "database or disk is full"
IOERR_MESSAGE = "disk I/O error"
ROOM_ERRNOS = frozenset({errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)})
# Less free space than this beside the database: an I/O error there is taken to be a full disk.
LOW_SPACE_BYTES = 8 * 1024 * 1024


def write_failure(error: BaseException, database: Path | None = None) -> WriteFailure | None:
    """Whether `error` (or any error it wraps) was the disk refusing a write; None for any other
    error. `database` is where the write went, to look at its free space. The driver's message is
    read here to classify it and never repeated: it can quote data."""
    for cause in error_chain(error):
        if isinstance(cause, OSError) and cause.errno in ROOM_ERRNOS:
            return WriteFailure.DISK_FULL
        if not _is_driver_error(cause):
            continue  # only the driver's own words are read: other errors may say anything
        code = getattr(cause, "sqlite_errorcode", None)
        text = str(cause)
        if code == SQLITE_FULL or FULL_MESSAGE in text:
            return WriteFailure.DISK_FULL
        if code == SQLITE_IOERR or IOERR_MESSAGE in text:
            full = _no_room_evident(database)
            return WriteFailure.DISK_FULL if full else WriteFailure.NOT_WRITTEN
    return None


def error_chain(error: BaseException) -> list[BaseException]:
    """`error`, the driver error SQLAlchemy wraps (`.orig`), and their causes; each once."""
    seen: list[BaseException] = []
    pending: list[BaseException | None] = [error]
    while pending:
        current = pending.pop(0)
        if current is None or any(current is known for known in seen):
            continue
        seen.append(current)
        orig = getattr(current, "orig", None)
        pending += [orig if isinstance(orig, BaseException) else None]
        pending += [current.__cause__, current.__context__]
    return seen


def _is_driver_error(error: BaseException) -> bool:
    return isinstance(error, sqlite3.Error) or type(error).__module__.startswith("sqlcipher3")


def _no_room_evident(database: Path | None) -> bool:
    if _file_size_limited():
        return True
    if database is None:
        return False
    try:
        return shutil.disk_usage(database.parent).free < LOW_SPACE_BYTES
    except OSError:
        return False


def _file_size_limited() -> bool:
    try:
        import resource
    except ImportError:  # Windows has no per-process file-size limit
        return False
    soft, _hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    return soft != resource.RLIM_INFINITY
