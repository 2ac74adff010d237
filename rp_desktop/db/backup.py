"""Copies of a live database, made only through SQLite's backup API (or SQLCipher's export, to
change the key) and verified afterwards: integrity check and the same rows in every table."""

import sqlite3
from contextlib import closing
from pathlib import Path

from rp_desktop.db.cipher import Key, connect, driver_errors


class BackupFailed(Exception):
    pass


def copy_database(source: Path, target: Path, key: Key | None = None) -> None:
    """Copy `source` to `target` page by page, under the same key (None for plain files), then
    check the copy. A copy that fails is removed; `target` must not exist yet."""
    _refuse_existing(target)
    try:
        with closing(connect(source, key)) as src, closing(connect(target, key)) as dst:
            src.backup(dst)
        _verify(source, target, key)
    except BaseException:
        _remove_copy(target)
        raise


def export_database(source: Path, source_key: Key | None, target: Path, target_key: Key) -> None:
    """Write an encrypted copy of `source` under a different key (a recovery copy, or a plain
    database being encrypted), through SQLCipher's export; then check it like any copy."""
    _refuse_existing(target)
    try:
        with closing(connect(source, source_key, sqlcipher=True)) as src:
            src.execute(
                f'ATTACH DATABASE ? AS copy KEY "{target_key.pragma_value()}"', (str(target),)
            )
            src.execute("SELECT sqlcipher_export('copy')")
            src.execute("DETACH DATABASE copy")
        _verify_pair(source, source_key, target, target_key)
    except BaseException:
        _remove_copy(target)
        raise


def _verify(source: Path, target: Path, key: Key | None) -> None:
    _verify_pair(source, key, target, key)


def _verify_pair(
    source: Path, source_key: Key | None, target: Path, target_key: Key | None
) -> None:
    try:
        with (
            closing(connect(source, source_key)) as src,
            closing(connect(target, target_key)) as dst,
        ):
            if dst.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise BackupFailed("the copy failed its integrity check")
            if row_counts(src) != row_counts(dst):
                raise BackupFailed("the copy does not hold the same rows")
    except driver_errors(target_key) as error:
        raise BackupFailed("the copy cannot be read back") from error


def row_counts(connection: sqlite3.Connection) -> dict[str, int]:
    tables = [
        name
        for (name,) in connection.execute(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {t: connection.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}


def _refuse_existing(target: Path) -> None:
    if target.exists():
        raise FileExistsError(17, "A file is already there", str(target))


def _remove_copy(target: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        target.with_name(target.name + suffix).unlink(missing_ok=True)
