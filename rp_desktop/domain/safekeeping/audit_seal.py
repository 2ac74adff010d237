"""The audit trail's keyed seal: each event's seal is an HMAC-SHA256, under a key derived from the
database key, of the seal before it, the event's id and the event's fields. The unkeyed hash
chain (audit.py) shows that events still link; only the holder of the passphrase can make seals
that verify, so events edited and re-chained, or made up, show as altered.

A plain database (made only with --unencrypted) has no key: its seals use PUBLIC_SEAL_KEY, a
fixed key anyone can read here, so they catch accidental and naive edits, not a deliberate
rewrite. `SealWalk` checks a trail in one pass: ids that skip (removed events), the first seal
that does not verify, events without a seal, and the newest event's id and seal."""

import hashlib
import hmac
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum

from rp_desktop.domain.safekeeping.audit import GENESIS, AuditEntry, ChainedEvent, entry_fields

# The label the seal key is derived under from the database's raw key (HMAC-SHA256(raw, label)).
SEAL_LABEL = b"rp-desktop audit seal v1"
# The seal key of a plain database: public, so it proves nothing against a deliberate rewrite.
PUBLIC_SEAL_KEY = hashlib.sha256(SEAL_LABEL + b" public").digest()
# How many separate runs of missing ids a check lists (a count of the rest is kept).
MOST_GAPS = 20


def event_seal(key: bytes, previous: str, event_id: int, entry: AuditEntry) -> str:
    """The seal of event `event_id`, linked to `previous` (the seal of the event before it,
    GENESIS for the first): HMAC-SHA256 of the unit-separated fields, as hex."""
    parts = (previous, str(event_id), *entry_fields(entry))
    message = "\x1f".join(parts).encode("utf-8")
    return hmac.new(key, message, hashlib.sha256).hexdigest()


@dataclass(frozen=True, slots=True)
class Gap:
    """Events `first` to `last` (both included) are missing from the trail."""

    first: int
    last: int

    @property
    def count(self) -> int:
        return self.last - self.first + 1


@dataclass(frozen=True, slots=True)
class Head:
    """The newest event of a trail: its id and its seal (None when it has none)."""

    event_id: int
    seal: str | None


@dataclass(frozen=True, slots=True)
class SealFindings:
    """What walking the seals found. `public` says the key was the public one (a plain file)."""

    public: bool
    gaps: tuple[Gap, ...] = ()
    more_gaps: int = 0  # runs of missing ids found beyond MOST_GAPS
    altered_at: int | None = None  # the first event whose seal does not verify
    unsealed: int = 0  # events that carry no seal
    first_unsealed: int | None = None
    newest: Head | None = None

    @property
    def ok(self) -> bool:
        return not self.gaps and self.altered_at is None and not self.unsealed


class SealWalk:
    """Passes events through (in id order) and checks their ids and seals as they go, so the
    trail is read once however long it is. Read `findings()` when the events are all read."""

    def __init__(self, events: Iterator[ChainedEvent], key: bytes, *, public: bool) -> None:
        self._events = iter(events)
        self._key = key
        self._public = public
        self.seen = 0
        self._last_id = 0
        self._last_seal: str | None = GENESIS  # None: the event before had no seal
        self._gaps: list[Gap] = []
        self._more_gaps = 0
        self._altered: int | None = None
        self._unsealed = 0
        self._first_unsealed: int | None = None

    def __iter__(self) -> "SealWalk":
        return self

    def __next__(self) -> ChainedEvent:
        event = next(self._events)
        self.seen += 1
        self._look_at(event)
        return event

    def drain(self) -> None:
        """Read (and check) whatever events are left."""
        for _ in self:
            pass

    def findings(self) -> SealFindings:
        newest = Head(self._last_id, self._last_seal) if self.seen else None
        return SealFindings(
            self._public,
            tuple(self._gaps),
            self._more_gaps,
            self._altered,
            self._unsealed,
            self._first_unsealed,
            newest,
        )

    def _look_at(self, event: ChainedEvent) -> None:
        follows_a_gap = event.id != self._last_id + 1
        if follows_a_gap and event.id > self._last_id + 1:
            self._note_gap(Gap(self._last_id + 1, event.id - 1))
        # After a removed or unsealed event the seal this one was linked to is not known: it
        # cannot be checked (what came before is reported already).
        unknown_link = follows_a_gap or self._last_seal is None
        if event.seal is None:
            self._unsealed += 1
            if self._first_unsealed is None:
                self._first_unsealed = event.id
        elif (
            not unknown_link
            and self._altered is None
            and not self._verifies(event, self._last_seal or GENESIS)
        ):
            self._altered = event.id
        self._last_id = event.id
        self._last_seal = event.seal

    def _verifies(self, event: ChainedEvent, previous: str) -> bool:
        if event.entry is None or event.seal is None:
            return False
        expected = event_seal(self._key, previous, event.id, event.entry)
        return hmac.compare_digest(expected, event.seal)

    def _note_gap(self, gap: Gap) -> None:
        if len(self._gaps) < MOST_GAPS:
            self._gaps.append(gap)
        else:
            self._more_gaps += 1


class Behind(StrEnum):
    """How a database stands against the newest event recorded outside it (its head)."""

    MISSING = "missing"  # its newest events are not there: it lost its recent changes
    REPLACED = "replaced"  # it has the newest event's id but another seal: an older copy


@dataclass(frozen=True, slots=True)
class HeadFinding:
    """The database is behind its head: `missing` events (0 when it cannot be counted), from
    the event after `newest_id` (the database's newest) up to `head`'s."""

    kind: Behind
    missing: int
    newest_id: int
    head: Head


def compare_with_head(
    newest: Head | None, head: Head, seal_at_head: str | None
) -> HeadFinding | None:
    """How the database whose newest event is `newest` (and whose event with the head's id has
    the seal `seal_at_head`, None when it has no such event) stands against `head`: None when
    it has every event the head names."""
    newest_id = 0 if newest is None else newest.event_id
    if newest_id < head.event_id:
        return HeadFinding(Behind.MISSING, head.event_id - newest_id, newest_id, head)
    if seal_at_head != head.seal:
        return HeadFinding(Behind.REPLACED, 0, newest_id, head)
    return None


def resealed(
    events: Iterable[ChainedEvent], old_key: bytes, new_key: bytes
) -> Iterator[tuple[int, str]]:
    """(id, seal under `new_key`) for each event, in id order, as long as the trail verifies
    under `old_key`: the first removed, altered or unsealed event ends it, so a break is
    carried over where it was, never sealed over. For a file encrypted under a new key."""
    previous_old = previous_new = GENESIS
    expected_id: int | None = None
    for event in events:
        if event.entry is None or event.seal is None:
            return
        if expected_id is not None and event.id != expected_id:
            return
        old = event_seal(old_key, previous_old, event.id, event.entry)
        if not hmac.compare_digest(old, event.seal):
            return
        previous_old = event.seal
        previous_new = event_seal(new_key, previous_new, event.id, event.entry)
        expected_id = event.id + 1
        yield event.id, previous_new
