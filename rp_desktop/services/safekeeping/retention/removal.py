"""Removing records older than the school keeps them: a preview with counts, then a purge that
really removes the data, and the hold that keeps a case whatever its age.

The rules are in domain/safekeeping/retention.py, the facts they need are read by
retention/facts.py; this module deletes what they name in one transaction and then wipes the
freed space: secure delete while deleting, a WAL checkpoint, VACUUM (which rewrites the file
without the free pages) and a last checkpoint that empties the -wal file. The audit trail keeps
one event with counts only.
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from sqlalchemy import (
    ColumnElement,
    Connection,
    ForeignKey,
    Table,
    delete,
    select,
    text,
    update,
)
from sqlalchemy.orm import Session

from rp_desktop.db.base import Base
from rp_desktop.db.cipher import driver_errors
from rp_desktop.db.models import (
    CaregiverRow,
    CaseRow,
    CircleRunRow,
    CommunityCircleRow,
    FormDraftRow,
    GroupRow,
    PracticeLogRow,
    ReferralRow,
    StudentRow,
    SupportPlanRow,
)
from rp_desktop.domain.progress import Progress, no_progress
from rp_desktop.domain.safekeeping.retention import (
    PurgeCounts,
    PurgeSelection,
    cutoff_date,
    select_for_purge,
)
from rp_desktop.domain.vocabulary import AuditAction
from rp_desktop.services.audit import record_event
from rp_desktop.services.casework.cases import load_case
from rp_desktop.services.casework.checks import touch
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.retention.facts import gather_facts

__all__ = [
    "NotCompacted",
    "PreviewOutdated",
    "PurgeCounts",
    "PurgePreview",
    "is_on_hold",
    "preview_purge",
    "purge",
    "set_hold",
]

# The steps a purge tells its progress of: reading, each kind of record, drafts, then wiping.
PURGE_STEPS = (
    "reading",
    "circle_runs",
    "cases",
    "support_plans",
    "circles",
    "groups",
    "practice_logs",
    "referrals",
    "students",
    "caregivers",
    "drafts",
    "wiping",
)

# Ids per statement: well under SQLite's limit on bound parameters (32,766 since 3.32).
CHUNK = 5000


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
    _delete(session, selection, progress)
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


# -- removing ------------------------------------------------------------------------------


def _delete(session: Session, gone: PurgeSelection, progress: Progress = no_progress) -> None:
    """Delete what `gone` names with everything that belongs to it, set by set."""
    for step, (model, ids) in enumerate(
        (
            (CircleRunRow, gone.runs),
            (CaseRow, gone.cases),
            (SupportPlanRow, gone.support_plans),
            (CommunityCircleRow, gone.circles),
            (GroupRow, gone.groups),
            (PracticeLogRow, gone.practice_logs),
            (ReferralRow, gone.referrals),
            (StudentRow, gone.students),
            (CaregiverRow, gone.caregivers),
        ),
        start=1,
    ):
        table = model.__table__
        assert isinstance(table, Table)
        progress(step, len(PURGE_STEPS), PURGE_STEPS[step])  # told even with none of them
        for chunk in _chunks(ids):
            delete_with_dependents(session, table, table.c.id.in_(chunk))
            progress(step, len(PURGE_STEPS), PURGE_STEPS[step])
    # A half-typed form about a removed record holds its words too.
    progress(len(PURGE_STEPS) - 2, len(PURGE_STEPS), PURGE_STEPS[-2])
    for form, ids in (
        ("case", gone.cases),
        ("circle", gone.circles),
        ("student", gone.students),
        ("caregiver", gone.caregivers),
    ):
        for chunk in _chunks(ids):
            drafts = delete(FormDraftRow).where(
                FormDraftRow.form == form, FormDraftRow.record_id.in_(chunk)
            )
            session.execute(drafts, execution_options={"synchronize_session": False})


def delete_with_dependents(
    session: Session, table: Table, where: ColumnElement[bool], path: tuple[str, ...] = ()
) -> None:
    """Delete the rows of `table` that match `where` as SQLite's ON DELETE rules would (rows
    that name them with CASCADE deleted first, SET NULL columns cleared), but one statement
    per table rather than one search per row. RESTRICT is left to the final check."""
    if table.name in path:
        raise ValueError("a cycle of cascading foreign keys")
    for key in _keys_naming(table):
        child, column = key.parent.table, key.parent
        assert isinstance(child, Table)
        named = column.in_(select(key.column).where(where))
        if key.ondelete == "CASCADE":
            delete_with_dependents(session, child, named, (*path, table.name))
        elif key.ondelete == "SET NULL":
            session.execute(update(child).where(named).values({column.name: None}))
    session.execute(delete(table).where(where))


def _keys_naming(table: Table) -> list[ForeignKey]:
    return [
        key
        for other in Base.metadata.sorted_tables
        for key in other.foreign_keys
        if key.column.table is table
    ]


def _foreign_keys_off(connection: Connection) -> None:
    """Switch enforcement off on the driver's own connection, outside any transaction (inside
    one, SQLite ignores the pragma), and make sure it took."""
    driver = connection.connection.dbapi_connection
    assert driver is not None
    driver.execute("PRAGMA foreign_keys=OFF")
    if driver.execute("PRAGMA foreign_keys").fetchone()[0] != 0:
        raise RuntimeError("foreign-key enforcement could not be switched off")


def _chunks(ids: Iterable[int]) -> Iterator[list[int]]:
    ordered = sorted(ids)
    for start in range(0, len(ordered), CHUNK):
        yield ordered[start : start + CHUNK]
