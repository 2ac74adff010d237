"""Why a database file cannot be used, and why a write did not reach it: the reasons as values,
which the command line and the screens each put in their own words."""

from enum import Enum, StrEnum


class Unreadable(StrEnum):
    """Why a file is not a usable RP Desktop database."""

    MISSING = "missing"
    FOLDER = "folder"
    EMPTY = "empty"
    NO_PERMISSION = "no_permission"
    NOT_SQLITE = "not_sqlite"
    DAMAGED = "damaged"
    NOT_RP_DESKTOP = "not_rp_desktop"


class ReadOnly(StrEnum):
    """What RP Desktop may not write to, so that it cannot keep a database there."""

    FOLDER = "folder"  # the folder: no database, log or lock file can be made in it
    FILE = "file"  # the database file itself (made read-only, 0444)


class WriteFailure(Enum):
    """Why a write did not reach the disk, when that is the reason something failed."""

    DISK_FULL = "disk_full"  # no space left, or a file-size or quota limit reached
    NOT_WRITTEN = "not_written"  # the disk refused the write for another reason (or a reason
    # that cannot be told: SQLite's plain "disk I/O error" with room to spare)
