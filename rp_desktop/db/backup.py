"""Copies of a live database, made only through SQLite's backup API (or SQLCipher's export, to
change the key) and verified afterwards: integrity check and the same rows in every table.

The rows are counted inside the same read transaction the copy is made from, so a copy taken
while another connection writes is compared with the moment it copied, not with a later one.
Also here: putting a copy in place of a database without ever leaving a half-written one
(db/salvage.py reads what can still be read out of a damaged file).

Every copy is made readable by its owner alone (0600), as the database is: the file is made
before SQLite first opens it, and SQLite gives its log files the same mode.
"""

import os
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

from rp_desktop.db.audit_trail import reseal
from rp_desktop.db.cipher import Key, connect, driver_errors
from rp_desktop.db.errors import CopyFailed
from rp_desktop.domain.safekeeping.findings import RowCounts

SIDECARS = ("-wal", "-shm", "-journal")
PRIVATE = 0o600  # read and written by the owner only


def copy_database(source: Path, target: Path, key: Key | None = None) -> RowCounts:
    """Copy `source` to `target` page by page, under the same key (None for plain files), then
    check the copy; return its row counts. A copy that fails is removed; `target` must not
    exist yet."""
    refuse_existing(target)
    create_private_file(target)
    try:
        with (
            closing(connect(source, key, isolation_level=None)) as src,
            _read_snapshot(src),
            closing(connect(target, key)) as dst,
        ):
            counts = row_counts(src)
            src.backup(dst)
        check_copy(target, key, counts)
    except BaseException:
        remove_copy(target)
        raise
    return counts


def export_database(
    source: Path, source_key: Key | None, target: Path, target_key: Key
) -> RowCounts:
    """Write an encrypted copy of `source` under a different key (a recovery copy, or a plain
    database being encrypted), through SQLCipher's export; then check it like any copy."""
    refuse_existing(target)
    create_private_file(target)
    try:
        with closing(connect(source, source_key, sqlcipher=True, isolation_level=None)) as src:
            src.execute(
                f'ATTACH DATABASE ? AS copy KEY "{target_key.pragma_value()}"', (str(target),)
            )
            with _read_snapshot(src):
                counts = row_counts(src)
                src.execute("SELECT sqlcipher_export('copy')")
            src.execute("DETACH DATABASE copy")
        with closing(connect(target, target_key)) as copy:
            reseal(copy, source_key, target_key)  # the audit seals, under the copy's key
        check_copy(target, target_key, counts)
    except BaseException:
        remove_copy(target)
        raise
    return counts


@contextmanager
def _read_snapshot(connection: sqlite3.Connection) -> Iterator[None]:
    """One read transaction: counting and copying inside it see the same moment, while other
    connections go on writing (WAL)."""
    connection.execute("BEGIN")
    try:
        yield
    finally:
        connection.execute("COMMIT")


def check_copy(target: Path, key: Key | None, expected: RowCounts) -> None:
    """SQLite's quick check reads and checks every page (through SQLCipher's page codes, for
    an encrypted copy) and every record; it skips only matching each index against its table,
    which a page-for-page copy cannot change and which costs eight times as long (5.7 s against
    0.7 s on the benchmark database)."""
    try:
        with closing(connect(target, key)) as dst:
            if dst.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise CopyFailed("the copy failed its integrity check")
            if row_counts(dst) != expected:
                raise CopyFailed("the copy does not hold the same rows")
    except driver_errors(key) as error:
        raise CopyFailed("the copy cannot be read back") from error


def _verify(source: Path, target: Path, key: Key | None) -> None:
    """Check a copy against the source as it is now (when nothing writes to it)."""
    try:
        with closing(connect(source, key)) as src:
            expected = row_counts(src)
    except driver_errors(key) as error:
        raise CopyFailed("the original cannot be read") from error
    check_copy(target, key, expected)


def row_counts(connection: sqlite3.Connection) -> RowCounts:
    tables = [
        name
        for (name,) in connection.execute(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {t: connection.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}


def put_copy_in_place(
    copy: Path, database: Path, key: Key | None, copy_key: Key | None = None
) -> RowCounts:
    """Replace `database` with a verified copy of `copy`, all or nothing. `copy_key` is the
    copy's own key when it differs from `key` (a backup made under an earlier passphrase): it
    is then re-encrypted under `key` as it is copied.

    No connection to `database` may be open. Its write-ahead log is folded in first; the copy
    is made beside it, checked and flushed to disk, then renamed over it in one step, so a
    crash at any moment leaves either the old database or the new one, never half of each."""
    _fold_in_log(database, key)
    return copy_into_place(copy, copy_key or key, database, key)


def copy_into_place(copy: Path, copy_key: Key | None, target: Path, key: Key | None) -> RowCounts:
    """Copy `copy` (opened with `copy_key`) to a name beside `target`, encrypted with `key`
    (re-encrypted when the two keys differ), check it, flush it and rename it to `target` in
    one step: the file there is whole, or as it was."""
    staging = target.with_name(target.name + ".restoring")
    remove_copy(staging)  # only ever our own leftover from an interrupted restore
    if key is not None and copy_key is not key:
        counts = export_database(copy, copy_key, staging, key)
    else:
        counts = copy_database(copy, staging, key)
    try:
        _fsync(staging)
        os.replace(staging, target)
    except BaseException:
        remove_copy(staging)
        raise
    fsync_folder(target.parent)
    return counts


def _fold_in_log(database: Path, key: Key | None) -> None:
    """Checkpoint the write-ahead log into the file and close, so no log is left beside it to
    be replayed onto the copy that replaces it."""
    with closing(connect(database, key, isolation_level=None)) as connection:
        busy, _, _ = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    if busy:
        raise CopyFailed("the database is still in use")
    log = database.with_name(database.name + "-wal")
    if log.exists() and log.stat().st_size:
        raise CopyFailed("the database is still in use")
    for suffix in SIDECARS:
        database.with_name(database.name + suffix).unlink(missing_ok=True)


def set_aside(path: Path, new_name: str) -> Path:
    """Rename `path` (and any log beside it) to `new_name` in the same folder, never
    overwriting anything: the file is kept exactly as it was."""
    target = path.with_name(new_name)
    moves = [(path, target)] + [
        (path.with_name(path.name + s), target.with_name(target.name + s)) for s in SIDECARS
    ]
    for _, to in moves:
        refuse_existing(to)
    for from_, to in moves:
        if from_.exists():
            from_.rename(to)
            make_private(to)
    fsync_folder(path.parent)
    return target


def refuse_existing(target: Path) -> None:
    if target.exists():
        raise FileExistsError(17, "A file is already there", str(target))


def create_private_file(path: Path) -> None:
    """Make `path` a new, empty file that only its owner can read and write (SQLite takes an
    empty file for a new database); FileExistsError when something is already there."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    os.close(os.open(path, flags, PRIVATE))


def make_private(path: Path) -> None:
    """Take away every permission of other users on `path` (the owner's own are kept). A file
    of another user's is left as it is (only its owner may change its mode), and so is one its
    owner made read-only: that was a choice, and opening it will be refused."""
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077 and mode & stat.S_IWUSR:
            path.chmod(mode & 0o700)
    except (FileNotFoundError, PermissionError):
        pass


def remove_copy(target: Path) -> None:
    for suffix in ("", *SIDECARS):
        target.with_name(target.name + suffix).unlink(missing_ok=True)


def _fsync(path: Path) -> None:
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable; Windows cannot open a folder, and needs no help."""
    if os.name == "nt":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
