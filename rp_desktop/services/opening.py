"""Opening a school's database, and where it lives when no path is given."""

from pathlib import Path

import platformdirs

from rp_desktop.db.database import Clock, Database, system_clock
from rp_desktop.db.errors import (
    DatabaseError,
    DatabaseInUse,
    NotADatabase,
    PragmaRefused,
    SchemaTooNew,
    Unreadable,
)

__all__ = [
    "Database",
    "DatabaseError",
    "DatabaseInUse",
    "NotADatabase",
    "PragmaRefused",
    "SchemaTooNew",
    "Unreadable",
    "default_database_path",
    "open_database",
]

APP_NAME = "RP Desktop"


def default_database_path() -> Path:
    """The school database in the user's own application-data folder."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "school.db"


def open_database(path: Path | None = None, *, clock: Clock = system_clock) -> Database:
    return Database.open(path or default_database_path(), clock=clock)
