"""Copies of a live database, made only through SQLite's backup API and verified afterwards."""

import sqlite3
from contextlib import closing
from pathlib import Path


class BackupFailed(Exception):
    pass


def copy_database(source: Path, target: Path) -> None:
    """Copy `source` to `target` page by page, then check the copy's integrity and row counts."""
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)
    try:
        _verify(source, target)
    except BackupFailed:
        target.unlink(missing_ok=True)
        raise


def _verify(source: Path, target: Path) -> None:
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        if dst.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise BackupFailed("the copy failed its integrity check")
        if _row_counts(src) != _row_counts(dst):
            raise BackupFailed("the copy does not hold the same rows")


def _row_counts(connection: sqlite3.Connection) -> dict[str, int]:
    tables = [
        name
        for (name,) in connection.execute(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {t: connection.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
