"""The audit trail's hash chain: each event's hash covers the one before, so a removed or altered
event breaks every link after it. Events carry ids, never names."""

import hashlib
from dataclasses import dataclass
from datetime import datetime

from rp_desktop.domain.vocabulary import AuditAction

GENESIS = "0" * 64


@dataclass(frozen=True, slots=True)
class AuditEntry:
    at: datetime
    actor: str
    action: AuditAction
    entity: str
    entity_id: int | None
    detail: str = ""


def chain_hash(previous: str, entry: AuditEntry) -> str:
    """The hash of `entry` linked to the hash of the event before it."""
    parts = (
        previous,
        entry.at.isoformat(),
        entry.actor,
        entry.action.value,
        entry.entity,
        "" if entry.entity_id is None else str(entry.entity_id),
        entry.detail,
    )
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
