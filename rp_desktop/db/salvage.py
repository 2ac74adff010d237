"""Reading what can still be read out of a damaged database into a new file, without writing
to the damaged one: table by table and, where a table fails part way, row by row."""

import sqlite3
from contextlib import closing
from pathlib import Path

from rp_desktop.db.backup import check_copy, create_private_file, refuse_existing, remove_copy
from rp_desktop.db.cipher import Key, connect, driver_errors
from rp_desktop.db.errors import CopyFailed
from rp_desktop.db.read_only import open_read_only
from rp_desktop.domain.safekeeping.findings import RowCounts, Salvage

_BATCH = 500


def salvage_database(source: Path, key: Key | None, target: Path) -> Salvage:
    """Copy what can be read from `source` into a new database at `target` (under the same
    key): table by table, row by row where a table fails, skipping what cannot be read.

    `source` is opened read-only and immutable; not a byte of it changes. Raises CopyFailed
    when not even its list of tables can be read."""
    refuse_existing(target)
    errors = driver_errors(key)
    with closing(open_read_only(source, key)) as src:
        try:
            schema = src.execute(
                "SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL "
                "AND name NOT LIKE 'sqlite_%'"
            ).fetchall()
        except errors as error:
            raise CopyFailed("nothing in the file can be read") from error
        if not schema:  # an empty file reads as an empty database: there is nothing to save
            raise CopyFailed("nothing in the file can be read")
        create_private_file(target)  # 0600, as the database is
        try:
            with closing(connect(target, key, isolation_level=None)) as dst:
                dst.execute("BEGIN")
                result = _salvage_tables(src, dst, schema, errors)
                _salvage_rest(dst, schema)
                dst.execute("COMMIT")
            check_copy(target, key, result.copied)
        except BaseException:
            remove_copy(target)
            raise
    return result


def _salvage_tables(
    src: sqlite3.Connection,
    dst: sqlite3.Connection,
    schema: list[tuple[str, str, str]],
    errors: tuple[type[Exception], ...],
) -> Salvage:
    copied: RowCounts = {}
    unreadable: list[str] = []
    incomplete: list[str] = []
    for kind, name, sql in schema:
        if kind != "table":
            continue
        try:
            dst.execute(sql)
        except sqlite3.DatabaseError:
            unreadable.append(name)
            continue
        copied[name], complete = _salvage_rows(src, dst, name, errors)
        if not complete:
            (incomplete if copied[name] else unreadable).append(name)
    return Salvage(copied, tuple(unreadable), tuple(incomplete))


def _salvage_rows(
    src: sqlite3.Connection,
    dst: sqlite3.Connection,
    table: str,
    errors: tuple[type[Exception], ...],
) -> tuple[int, bool]:
    """Rows in rowid order; past a page that cannot be read, go on from the next rowid."""
    copied, after, complete = 0, None, True
    try:
        last = src.execute(f'SELECT max(rowid) FROM "{table}"').fetchone()[0]
    except errors:
        last = None  # the end of the table is unreadable: read up to the damage
    except sqlite3.OperationalError:
        return _salvage_without_rowid(src, dst, table, errors)
    while True:
        start = "" if after is None else f" WHERE rowid > {after}"
        try:
            cursor = src.execute(f'SELECT rowid, * FROM "{table}"{start} ORDER BY rowid')
            while batch := cursor.fetchmany(_BATCH):
                _insert(dst, table, [row[1:] for row in batch])
                copied += len(batch)
                after = batch[-1][0]
            return copied, complete
        except errors:
            complete = False
            after = (after or 0) + 1
            if last is None or after >= last:
                return copied, complete


def _salvage_without_rowid(
    src: sqlite3.Connection,
    dst: sqlite3.Connection,
    table: str,
    errors: tuple[type[Exception], ...],
) -> tuple[int, bool]:
    copied = 0
    try:
        cursor = src.execute(f'SELECT * FROM "{table}"')
        while batch := cursor.fetchmany(_BATCH):
            _insert(dst, table, batch)
            copied += len(batch)
    except errors:
        return copied, False
    return copied, True


def _insert(dst: sqlite3.Connection, table: str, rows: list[tuple[object, ...]]) -> None:
    marks = ", ".join("?" * len(rows[0]))
    dst.executemany(f'INSERT OR IGNORE INTO "{table}" VALUES ({marks})', rows)


def _salvage_rest(dst: sqlite3.Connection, schema: list[tuple[str, str, str]]) -> None:
    """Indexes, views and triggers after the rows; one that no longer fits is left out."""
    for kind, _, sql in schema:
        if kind != "table":
            try:
                dst.execute(sql)
            except sqlite3.DatabaseError:
                continue
