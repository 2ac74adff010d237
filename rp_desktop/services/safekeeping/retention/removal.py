"""Removing records older than the school keeps them: a preview with counts, then a purge that
really removes the data, and the hold that keeps a case whatever its age.

The rules are in domain/safekeeping/retention.py, the facts they need are read by
retention/facts.py; this module deletes what they name in one transaction (with
retention/deleting.py) and then wipes the
freed space: secure delete while deleting, a WAL checkpoint, VACUUM (which rewrites the file
without the free pages) and a last checkpoint that empties the -wal file. The audit trail keeps
one event with counts only.
"""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

from rp_desktop.db.cipher import driver_errors
from rp_desktop.domain.progress import Progress, no_progress
from rp_desktop.domain.safekeeping.retention import PurgeCounts, cutoff_date, select_for_purge
from rp_desktop.domain.vocabulary import AuditAction
from rp_desktop.services.audit import record_event
from rp_desktop.services.casework.cases import load_case
from rp_desktop.services.casework.checks import touch
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.retention.deleting import PURGE_STEPS, delete_selection
from rp_desktop.services.safekeeping.retention.facts import gather_facts

__all__ = [
    "PURGE_STEPS",
    "NotCompacted",
    "PreviewOutdated",
    "PurgeCounts",
    "PurgePreview",
    "is_on_hold",
    "preview_purge",
    "purge",
    "set_hold",
]


class PreviewOutdated(Exception):
    """The records changed between the preview and the purge: nothing was removed."""

    def __init__(self) -> None:
        super().__init__("The records changed since the preview; nothing was removed.")


class NotCompacted(Exception):
    """The records were removed, but the file could not be rewritten to wipe the free space
    (another program had it open). `counts` says what was removed."""

    def __init__(self, counts: PurgeCounts) -> None:
        super().__init__("The records were removed, but the database file was not compacted.")
        self.counts = counts


@dataclass(frozen=True, slots=True)
class PurgePreview:
    """What a purge keeping `years` school years would remove today."""

    years: int
    cutoff: date
    counts: PurgeCounts


def preview_purge(db: Database, years: int) -> PurgePreview:
    """Count what would be removed, changing nothing."""
    cutoff = cutoff_date(db.today(), years)
    with Session(db.engine) as session:
        selection = select_for_purge(gather_facts(session), cutoff)
    return PurgePreview(years, cutoff, selection.counts())


def purge(
    db: Database,
    years: int,
    *,
    confirm_counts: PurgeCounts,
    progress: Progress = no_progress,
) -> PurgeCounts:
    """Remove what the preview counted, in one transaction, and wipe the freed space.

    `progress` hears of each step (PURGE_STEPS); Cancelled raised from it before the commit
    rolls everything back, removing nothing. Wiping the freed space, after the commit, cannot
    be stopped.

    Raises PreviewOutdated, removing nothing, when the counts differ from `confirm_counts`;
    NotCompacted when the records are gone but the file could not be rewritten."""
    with db.engine.connect() as connection:
        # Enforcement off, so that each deleted row does not search the tables that name it
        # (several such columns have no index: quadratic on a building's circle runs). The
        # cascades are done set by set instead, and the references checked before commit.
        _foreign_keys_off(connection)
        try:
            with Session(bind=connection) as session, session.begin():
                counts = _remove(session, db, years, confirm_counts, progress)
        finally:
            # Never back to the pool with enforcement off or secure delete on: a new
            # connection gets the usual pragmas.
            connection.invalidate()
    failures: tuple[type[Exception], ...] = (RuntimeError, *driver_errors(db.key))
    try:
        compact(db)
    except failures as error:
        raise NotCompacted(counts) from error
    return counts


def _remove(
    session: Session, db: Database, years: int, confirm_counts: PurgeCounts, progress: Progress
) -> PurgeCounts:
    """The purge's transaction: what to remove, checked against the preview, removed with all
    that belongs to it, one audit event, the references checked."""
    total = len(PURGE_STEPS)
    cutoff = cutoff_date(db.today(), years)
    # Freed space is zeroed as it is freed, in the file and in the -wal.
    session.execute(text("PRAGMA secure_delete = ON"))
    progress(0, total, PURGE_STEPS[0])
    selection = select_for_purge(gather_facts(session), cutoff)
    counts = selection.counts()
    if counts != confirm_counts:
        raise PreviewOutdated()
    delete_selection(session, selection, progress)
    detail = f"years={years} cutoff={cutoff.isoformat()} {counts.detail()}"
    record_event(session, db, AuditAction.PURGE, "database", None, detail)
    if session.execute(text("PRAGMA foreign_key_check")).first() is not None:
        raise RuntimeError("the purge would leave broken references")
    # The last moment to stop: past it the transaction commits.
    progress(total - 1, total, PURGE_STEPS[-1], cancellable=False)
    return counts


def compact(db: Database) -> None:
    """Rewrite the file without its free pages and empty the -wal file.

    VACUUM needs the only connection, outside any transaction: the pool is emptied first, and
    the statements go to the driver directly (SQLAlchemy would begin a transaction)."""
    engine = db.engine
    engine.dispose()
    connection = engine.raw_connection()
    try:
        cursor = connection.cursor()
        for statement in (
            "PRAGMA wal_checkpoint(TRUNCATE)",
            "VACUUM",
            "PRAGMA wal_checkpoint(TRUNCATE)",
        ):
            cursor.execute(statement)
            row = cursor.fetchone()
            if statement.startswith("PRAGMA") and row is not None and row[0] != 0:
                raise RuntimeError("the checkpoint was blocked by another connection")
        cursor.close()
    finally:
        connection.close()


def is_on_hold(db: Database, case_id: int) -> bool:
    with Session(db.engine) as session:
        return load_case(session, case_id).hold


def set_hold(db: Database, case_id: int, hold: bool) -> bool:
    """Put a case on hold (never removed by retention) or take it off; returns the hold."""
    with Session(db.engine) as session, session.begin():
        row = load_case(session, case_id)
        if row.hold != hold:
            row.hold = hold
            touch(row, db)
            record_event(session, db, AuditAction.UPDATE, "case", case_id, "field=hold")
        return row.hold


def _foreign_keys_off(connection: Connection) -> None:
    """Switch enforcement off on the driver's own connection, outside any transaction (inside
    one, SQLite ignores the pragma), and make sure it took."""
    driver = connection.connection.dbapi_connection
    assert driver is not None
    driver.execute("PRAGMA foreign_keys=OFF")
    if driver.execute("PRAGMA foreign_keys").fetchone()[0] != 0:
        raise RuntimeError("foreign-key enforcement could not be switched off")
