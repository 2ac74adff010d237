"""Opening a school's database (the default one when no path is given, see files.py), and telling
a full disk from other reasons a change was not saved."""

from pathlib import Path

from rp_desktop.db import faults
from rp_desktop.domain.safekeeping.files import WriteFailure
from rp_desktop.domain.safekeeping.passphrase import Passphrase
from rp_desktop.services.audit_sealing import trail_checked
from rp_desktop.services.safekeeping.database import Clock, Database, system_clock
from rp_desktop.services.safekeeping.errors import DiskFull
from rp_desktop.services.safekeeping.files import default_database_path


def open_database(
    path: Path | None = None,
    *,
    passphrase: Passphrase | None = None,
    unencrypted: bool = False,
    clock: Clock = system_clock,
    verify: bool = False,
) -> Database:
    """Open the database at `path` (the default one when None); see Database.open."""
    db = Database.open(
        path or default_database_path(),
        passphrase=passphrase,
        unencrypted=unencrypted,
        clock=clock,
        verify=verify,
    )
    return trail_checked(db)  # its audit trail compared with its head, and sealed once


def write_failure(error: BaseException, database: Path | None = None) -> WriteFailure | None:
    """Whether `error` (or any error it wraps) was the disk refusing a write; None for any other
    error. `database` is where the write went, to look at its free space."""
    if any(isinstance(cause, DiskFull) for cause in faults.error_chain(error)):
        return WriteFailure.DISK_FULL
    return faults.write_failure(error, database)


def disk_full_from(error: BaseException, database: Path | None = None) -> DiskFull | None:
    """A DiskFull for `error` when it means there is no room to write (the one it wraps, if it
    wraps one); None otherwise."""
    if write_failure(error, database) is not WriteFailure.DISK_FULL:
        return None
    wrapped = (cause for cause in faults.error_chain(error) if isinstance(cause, DiskFull))
    return next(wrapped, DiskFull(database))
