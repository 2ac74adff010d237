"""The audit trail: writing events inside the caller's transaction, chained to the event before;
reading them a page at a time for the viewer; and checking that the chain still holds."""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, String, func, select, type_coerce, update
from sqlalchemy.orm import Session

from rp_desktop.db.audit_trail import (
    audit_entry,
    audit_events,
    read_audit_trail,
    reseal,
    seal_key,
)
from rp_desktop.db.cipher import Key
from rp_desktop.db.models import AuditEventRow
from rp_desktop.domain.records import Page
from rp_desktop.domain.safekeeping.audit import (
    GENESIS,
    AuditEntry,
    BrokenLink,
    chain_hash,
    first_broken_link,
)
from rp_desktop.domain.safekeeping.audit_seal import (
    Head,
    HeadFinding,
    SealFindings,
    compare_with_head,
    event_seal,
)
from rp_desktop.domain.vocabulary import AuditAction
from rp_desktop.services.safekeeping import audit_head
from rp_desktop.services.safekeeping.audit_head import note_new_head
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.errors import translated

AUDIT_PAGE = 200


@dataclass(frozen=True, slots=True)
class LoggedEvent:
    """One event as the viewer shows it; `entry` is None when the row no longer reads as an
    event (an edit made outside the app), which the chain check reports too."""

    id: int
    entry: AuditEntry | None


@dataclass(frozen=True, slots=True)
class ChainState:
    events: int
    broken: BrokenLink | None
    # What the keyed seals say (None for a trail from before seals).
    seals: SealFindings | None = None

    @property
    def intact(self) -> bool:
        return self.broken is None and (self.seals is None or self.seals.ok)


def record_event(
    session: Session,
    db: Database,
    action: AuditAction,
    entity: str,
    entity_id: int | None,
    detail: str = "",
) -> None:
    """Add one event, chained and sealed to the newest one; `detail` must hold counts or field
    names only, never a person's name. Once the transaction commits, the new event is the
    database's head (audit_head.py)."""
    newest = session.execute(
        select(AuditEventRow.id, AuditEventRow.hash, AuditEventRow.seal)
        .order_by(AuditEventRow.id.desc())
        .limit(1)
    ).first()
    entry = AuditEntry(db.now().astimezone(UTC), db.actor, action, entity, entity_id, detail)
    event_id = 1 if newest is None else newest.id + 1
    link = GENESIS if newest is None else newest.hash
    previous_seal = GENESIS if newest is None or newest.seal is None else newest.seal
    seal = event_seal(seal_key(db.key), previous_seal, event_id, entry)
    session.add(
        AuditEventRow(
            id=event_id,
            at=entry.at,
            actor=entry.actor,
            action=entry.action,
            entity=entry.entity,
            entity_id=entry.entity_id,
            detail=entry.detail,
            previous_hash=link,
            hash=chain_hash(link, entry),
            seal=seal,
        )
    )
    note_new_head(session, db.identity, db.path, Head(event_id, seal))


def list_events(
    db: Database,
    *,
    page: int = 0,
    page_size: int = AUDIT_PAGE,
    action: AuditAction | None = None,
    entity: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    up_to_id: int | None = None,
) -> Page[LoggedEvent]:
    """One page (counting from 0) of events, newest first, and how many match. Dates are the
    user's local days, both ends included; `up_to_id` starts the list at that event (to show
    where the chain breaks)."""
    conditions = _conditions(action, entity, date_from, date_to)
    if up_to_id is not None:
        conditions.append(AuditEventRow.id <= up_to_id)
    # Read the stored text, not the typed columns, so that a row edited outside the app still
    # shows (as unreadable) instead of failing the whole page.
    rows = select(
        AuditEventRow.id,
        type_coerce(AuditEventRow.at, String),
        AuditEventRow.actor,
        type_coerce(AuditEventRow.action, String),
        AuditEventRow.entity,
        AuditEventRow.entity_id,
        AuditEventRow.detail,
    ).where(*conditions)
    with Session(db.engine) as session:
        total = session.scalar(select(func.count(AuditEventRow.id)).where(*conditions)) or 0
        found = session.execute(
            rows.order_by(AuditEventRow.id.desc()).offset(page * page_size).limit(page_size)
        ).all()
    return Page(tuple(_logged(row) for row in found), total)


def verify_chain(db: Database) -> ChainState:
    """Walk the whole trail in order and say where its hash chain first breaks, if it does, and
    what its seals say."""
    with db.engine.connect() as connection:
        driver_connection: Any = connection.connection.driver_connection
        trail = read_audit_trail(driver_connection, db.key)
    return ChainState(trail.events, trail.broken, trail.seals)


def _conditions(
    action: AuditAction | None,
    entity: str | None,
    date_from: date | None,
    date_to: date | None,
) -> list[ColumnElement[bool]]:
    conditions = []
    if action is not None:
        conditions.append(AuditEventRow.action == action)
    if entity is not None:
        conditions.append(AuditEventRow.entity == entity)
    if date_from is not None:
        conditions.append(AuditEventRow.at >= _local_midnight(date_from))
    if date_to is not None:
        conditions.append(AuditEventRow.at < _local_midnight(date_to + timedelta(days=1)))
    return conditions


def _local_midnight(day: date) -> datetime:
    """The start of `day` where the user is, as an aware time (stored times are UTC)."""
    return datetime.combine(day, time()).astimezone()


def _logged(row: Any) -> LoggedEvent:
    event_id, *fields = row
    return LoggedEvent(event_id, audit_entry(*fields))


def trail_checked(db: Database) -> Database:
    """`db`, just opened, once `check_trail_on_open` has run; closed (its lock released) if that
    fails, with the failure said in plain words."""
    try:
        with translated(db.path):
            check_trail_on_open(db)
    except BaseException:
        db.close()
        raise
    return db


def check_trail_on_open(db: Database) -> HeadFinding | None:
    """What opening does with the trail, once the schema is current: compare its newest event
    with the head recorded outside the database, before anything is written (a database found
    behind keeps that finding until the user has seen it); then seal the events made before
    seals existed, once. Returns the finding the user has not seen yet, if there is one."""
    recorded = audit_head.recorded_for(db.identity, db.path)
    found = None if recorded is None else _compare(db, recorded.head)
    if found is not None:
        audit_head.keep_finding(db.identity, db.path, found)
    _seal_old_events(db, never_sealed=recorded is None or recorded.head.seal is None)
    if found is None and recorded is not None:
        found = recorded.behind
    return found


def _compare(db: Database, head: Head) -> HeadFinding | None:
    with db.engine.connect() as connection:
        newest = connection.execute(
            select(AuditEventRow.id, AuditEventRow.seal).order_by(AuditEventRow.id.desc()).limit(1)
        ).first()
        at_head = connection.scalar(
            select(AuditEventRow.seal).where(AuditEventRow.id == head.event_id)
        )
    return compare_with_head(
        None if newest is None else Head(newest.id, newest.seal), head, at_head
    )


def _seal_old_events(db: Database, *, never_sealed: bool) -> None:
    """Seal the events made before seals (revision 0008), after checking that their hash chain
    holds, and only up to where it first breaks (the break stays reported). Only a trail that
    has never been sealed is: one whose seals were stripped stays unsealed, and says so."""
    with Session(db.engine) as session, session.begin():
        first = session.execute(
            select(AuditEventRow.seal).order_by(AuditEventRow.id).limit(1)
        ).first()
        if first is None or first.seal is not None or not never_sealed:
            return
        if session.scalar(select(AuditEventRow.id).where(AuditEventRow.seal.is_not(None)).limit(1)):
            return
        driver: Any = session.connection().connection.driver_connection
        seals = _seals_up_to_the_break(driver, seal_key(db.key))
        if not seals:
            return
        session.execute(update(AuditEventRow), seals)
        detail = f"audit trail sealed: {len(seals)} events"
        record_event(session, db, AuditAction.UPDATE, "database", None, detail)


def _seals_up_to_the_break(driver: Any, key: bytes) -> list[dict[str, object]]:
    broken = first_broken_link(audit_events(driver))
    last = None if broken is None else broken.event_id
    seals: list[dict[str, object]] = []
    previous = GENESIS
    for event in audit_events(driver):
        if event.id == last or event.entry is None:
            break
        previous = event_seal(key, previous, event.id, event.entry)
        seals.append({"id": event.id, "seal": previous})
    return seals


def reseal_database(db: Database, old_key: Key | None) -> int:
    """Seal `db`'s trail again under its present key, where it verifies under `old_key` (the
    key before a passphrase change); returns how many events were."""
    with db.engine.connect() as connection:
        driver: Any = connection.connection.driver_connection
        return reseal(driver, old_key, db.key)
