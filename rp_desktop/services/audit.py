"""The audit trail: writing events inside the caller's transaction, chained to the event before;
reading them a page at a time for the viewer; and checking that the chain still holds."""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, String, func, select, type_coerce
from sqlalchemy.orm import Session

from rp_desktop.db.audit_trail import (
    audit_entry,
    read_audit_trail,
    seal_key,
)
from rp_desktop.db.models import AuditEventRow
from rp_desktop.domain.records import Page
from rp_desktop.domain.safekeeping.audit import (
    GENESIS,
    AuditEntry,
    BrokenLink,
    chain_hash,
)
from rp_desktop.domain.safekeeping.audit_seal import (
    Head,
    HeadFinding,
    SealFindings,
    event_seal,
)
from rp_desktop.domain.vocabulary import AuditAction
from rp_desktop.services.audit_head import note_new_head
from rp_desktop.services.safekeeping.database import Database

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
    # The database is behind the newest event recorded outside it (audit_sealing.py).
    behind: HeadFinding | None = None

    @property
    def intact(self) -> bool:
        return self.broken is None and (self.seals is None or self.seals.ok) and not self.behind

    @property
    def first_problem(self) -> int | None:
        """The earliest event where something is wrong (the one after removed events), to show
        it; None when the trail is whole."""
        found = [] if self.broken is None else [self.broken.event_id]
        if self.seals is not None:
            found += [gap.last + 1 for gap in self.seals.gaps[:1]]
            found += [n for n in (self.seals.altered_at, self.seals.first_unsealed) if n]
        return min(found, default=None)


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
