"""The audit trail's hash chain: each event's hash covers the one before, so a removed or altered
event breaks every link after it, and `first_broken_link` finds where. Events carry ids, never
names."""

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from rp_desktop.domain.vocabulary import AuditAction

GENESIS = "0" * 64
# How many recent events first_broken_link remembers, to tell a block of events slipped in from
# a removal, while memory stays small however long the trail.
INSERTION_WINDOW = 10_000


@dataclass(frozen=True, slots=True)
class AuditEntry:
    at: datetime
    actor: str
    action: AuditAction
    entity: str
    entity_id: int | None
    detail: str = ""


def entry_fields(entry: AuditEntry) -> tuple[str, ...]:
    """The event's own fields, in the order the hash chain and the seals read them."""
    return (
        entry.at.isoformat(),
        entry.actor,
        entry.action.value,
        entry.entity,
        "" if entry.entity_id is None else str(entry.entity_id),
        entry.detail,
    )


def chain_hash(previous: str, entry: AuditEntry) -> str:
    """The hash of `entry` linked to the hash of the event before it."""
    parts = (previous, *entry_fields(entry))
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


class BreakKind(StrEnum):
    """How the chain was broken where it first breaks."""

    CHANGED = "changed"  # the event's own fields no longer give its stored hash
    REMOVED_BEFORE = "removed before it"  # it links to an event that is no longer there
    INSERTED = "inserted"  # the chain runs around it: it was put in afterwards


@dataclass(frozen=True, slots=True)
class ChainedEvent:
    """An event as stored: its entry (None when a field no longer reads as one, which only an
    edit outside the app can cause), the two hashes kept with it and its seal."""

    id: int
    entry: AuditEntry | None
    previous_hash: str
    hash: str
    # The event's keyed seal (audit_seal.py); None for one made before seals, or stripped.
    seal: str | None = None


@dataclass(frozen=True, slots=True)
class BrokenLink:
    event_id: int
    kind: BreakKind


def first_broken_link(events: Iterable[ChainedEvent]) -> BrokenLink | None:
    """The first event, in id order, where the chain does not hold, and how; None when every
    event links to the one before it and its hash recomputes.

    Reads `events` once, looking one event ahead, so a database can stream them. A removed
    last event leaves no trace in a chain: only the events that follow an event can vouch
    for it. A block of more than INSERTION_WINDOW events slipped in together reads as a
    removal before the event after it."""
    link = GENESIS
    # The hash of each recent event -> the id of the event that followed it, so that an event
    # that skips back over others shows which ones were slipped in.
    followed_by: dict[str, int] = {}
    for event, after in _with_next(events):
        followed_by.setdefault(link, event.id)
        if len(followed_by) > 2 * INSERTION_WINDOW:
            followed_by = dict(list(followed_by.items())[-INSERTION_WINDOW:])
        if event.previous_hash == link and _hash_holds(event, link):
            link = event.hash
            continue
        return _why(event, after, link, followed_by)
    return None


def _why(
    event: ChainedEvent,
    after: ChainedEvent | None,
    link: str,
    followed_by: dict[str, int],
) -> BrokenLink:
    if after is not None and after.previous_hash == link:
        return BrokenLink(event.id, BreakKind.INSERTED)  # the next event links around it
    if event.previous_hash != link and _hash_holds(event, event.previous_hash):
        inserted_from = followed_by.get(event.previous_hash)
        if inserted_from is not None:
            return BrokenLink(inserted_from, BreakKind.INSERTED)
        return BrokenLink(event.id, BreakKind.REMOVED_BEFORE)
    return BrokenLink(event.id, BreakKind.CHANGED)


def _hash_holds(event: ChainedEvent, previous: str) -> bool:
    return event.entry is not None and chain_hash(previous, event.entry) == event.hash


def _with_next(
    events: Iterable[ChainedEvent],
) -> Iterator[tuple[ChainedEvent, ChainedEvent | None]]:
    iterator = iter(events)
    current = next(iterator, None)
    while current is not None:
        following = next(iterator, None)
        yield current, following
        current = following
