"""Deleting what a purge selected, set by set, with everything that belongs to it, as SQLite's
ON DELETE rules would, and the half-typed forms about it (removal.py runs it in its
transaction, with enforcement off and the references checked before the commit)."""

from collections.abc import Iterable, Iterator

from sqlalchemy import ColumnElement, ForeignKey, Table, delete, select, update
from sqlalchemy.orm import Session

from rp_desktop.db.base import Base
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
from rp_desktop.domain.safekeeping.retention import PurgeSelection

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

# The forms whose drafts hold words about a record of each kind (form_draft's `form`, with the
# record's id): a draft about a removed record goes with it.
DRAFT_FORMS = (
    ("case", "cases"),
    ("circle", "circles"),
    ("student", "students"),
    ("caregiver", "caregivers"),
    ("practice", "practice_logs"),
    ("referral", "referrals"),
    ("triage", "referrals"),
)


def delete_selection(
    session: Session, gone: PurgeSelection, progress: Progress = no_progress
) -> None:
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
    for form, kind in DRAFT_FORMS:
        for chunk in _chunks(getattr(gone, kind)):
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


def _chunks(ids: Iterable[int]) -> Iterator[list[int]]:
    ordered = sorted(ids)
    for start in range(0, len(ordered), CHUNK):
        yield ordered[start : start + CHUNK]
