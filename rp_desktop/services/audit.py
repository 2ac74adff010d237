"""Writing audit events inside the caller's transaction, chained to the event before."""

from datetime import UTC

from sqlalchemy import select
from sqlalchemy.orm import Session

from rp_desktop.db.database import Database
from rp_desktop.db.models import AuditEvent
from rp_desktop.domain.audit import GENESIS, AuditEntry, chain_hash
from rp_desktop.domain.vocabulary import AuditAction


def record_event(
    session: Session,
    db: Database,
    action: AuditAction,
    entity: str,
    entity_id: int | None,
    detail: str = "",
) -> None:
    """Add one event; `detail` must hold counts or field names only, never a person's name."""
    previous = session.scalar(select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1))
    entry = AuditEntry(db.now().astimezone(UTC), db.actor, action, entity, entity_id, detail)
    link = previous or GENESIS
    session.add(
        AuditEvent(
            at=entry.at,
            actor=entry.actor,
            action=entry.action,
            entity=entry.entity,
            entity_id=entry.entity_id,
            detail=entry.detail,
            previous_hash=link,
            hash=chain_hash(link, entry),
        )
    )
