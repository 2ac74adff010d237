"""The audit trail's keyed seal: known-answer vectors (a fixed key and fixed events give fixed
seals, worked out independently with hmac from the format in audit_seal.py), and the one-pass
walk that finds removed ids, altered events and missing seals."""

from datetime import UTC, datetime

from rp_desktop.db.audit_trail import seal_key
from rp_desktop.db.cipher import Key
from rp_desktop.domain.safekeeping.audit import GENESIS, AuditEntry, ChainedEvent, chain_hash
from rp_desktop.domain.safekeeping.audit_seal import (
    PUBLIC_SEAL_KEY,
    Behind,
    Gap,
    Head,
    HeadFinding,
    SealWalk,
    compare_with_head,
    event_seal,
    resealed,
)
from rp_desktop.domain.vocabulary import AuditAction

RAW_KEY = bytes(range(32))
SALT = bytes(16)
# HMAC-SHA256(RAW_KEY, b"rp-desktop audit seal v1")
SEAL_KEY = "444f414286d77d417a9c97390d50f3ac578dccb06f4106980396b75eac5f6653"
# SHA-256(b"rp-desktop audit seal v1 public")
PUBLIC_KEY = "77c98573ce13b8ca8d6683a77e1eaa1b69b84cd614ca47ade38a5dbef73c3d4e"
ENTRIES = (
    AuditEntry(
        datetime(2026, 3, 10, 15, 0, tzinfo=UTC), "counselor", AuditAction.CREATE, "student", 1
    ),
    AuditEntry(
        datetime(2026, 3, 10, 15, 1, tzinfo=UTC),
        "counselor",
        AuditAction.UPDATE,
        "student",
        1,
        "field=grade",
    ),
    AuditEntry(
        datetime(2026, 3, 10, 15, 2, 30, 250000, tzinfo=UTC),
        "counselor",
        AuditAction.BACKUP,
        "database",
        None,
        "by hand: 12 rows",
    ),
)
KEYED_SEALS = (
    "0a6f12d726489118648edc2bebf787b5ce1a578b1bcad91f291677af4bebe31c",
    "bc6829b630a4b7e4daa1a0053d2417667224b0116bc63c0ecc71e335e908ea89",
    "8d269ba6e762e3aff0ae49967eb5fd23011d4edc2c840fedcc707018c3d9c7c1",
)
PUBLIC_SEALS = (
    "81b88b19a076f169753c59ff69727cb08de09c38144b3c664b4d6d7366269fbd",
    "806c2bab57f558c2489665b6f7ddb00612e739bedde26b419cec908f5cd2ec08",
    "33133266f0e6c6bf16d46a7aec993def5ce9039e40f748c9b50af4b188523ab2",
)


def sealed_chain(key: bytes, entries: tuple[AuditEntry, ...] = ENTRIES) -> list[ChainedEvent]:
    events, link, seal = [], GENESIS, GENESIS
    for number, entry in enumerate(entries, start=1):
        seal = event_seal(key, seal, number, entry)
        events.append(ChainedEvent(number, entry, link, chain_hash(link, entry), seal))
        link = events[-1].hash
    return events


def test_the_seal_key_is_derived_from_the_database_key() -> None:
    assert seal_key(Key(RAW_KEY, SALT)).hex() == SEAL_KEY
    assert seal_key(None).hex() == PUBLIC_KEY == PUBLIC_SEAL_KEY.hex()


def test_known_answer_vectors_keyed() -> None:
    seals = [event.seal for event in sealed_chain(bytes.fromhex(SEAL_KEY))]
    assert seals == list(KEYED_SEALS)


def test_known_answer_vectors_public() -> None:
    seals = [event.seal for event in sealed_chain(PUBLIC_SEAL_KEY)]
    assert seals == list(PUBLIC_SEALS)


def walk(events: list[ChainedEvent], key: bytes = PUBLIC_SEAL_KEY) -> SealWalk:
    walker = SealWalk(iter(events), key, public=key == PUBLIC_SEAL_KEY)
    walker.drain()
    return walker


def test_a_whole_trail_walks_clean_and_names_its_newest_event() -> None:
    found = walk(sealed_chain(PUBLIC_SEAL_KEY)).findings()
    assert found.ok
    assert found.public
    assert found.newest == Head(3, PUBLIC_SEALS[2])


def test_the_wrong_key_fails_at_the_first_event() -> None:
    found = walk(sealed_chain(PUBLIC_SEAL_KEY), bytes.fromhex(SEAL_KEY)).findings()
    assert found.altered_at == 1
    assert not found.public


def test_an_edited_event_is_altered_even_when_its_hash_is_recomputed() -> None:
    events = sealed_chain(PUBLIC_SEAL_KEY)
    edited = ENTRIES[1].__class__(
        ENTRIES[1].at, "someone.else", ENTRIES[1].action, "student", 1, "field=grade"
    )
    events[1] = ChainedEvent(
        2, edited, events[0].hash, chain_hash(events[0].hash, edited), events[1].seal
    )
    found = walk(events).findings()
    assert found.altered_at == 2
    assert not found.ok


def test_removed_ids_are_gaps_and_the_walk_goes_on_after_them() -> None:
    entries = ENTRIES * 4  # twelve events
    events = sealed_chain(PUBLIC_SEAL_KEY, entries)
    kept = [e for e in events if e.id not in (1, 5, 6, 7, 12)]
    found = walk(kept).findings()
    assert found.gaps == (Gap(1, 1), Gap(5, 7))  # the newest removed leaves no gap
    assert found.gaps[1].count == 3
    assert found.altered_at is None
    assert found.newest == Head(11, events[10].seal)


def test_events_without_a_seal_are_counted() -> None:
    events = sealed_chain(PUBLIC_SEAL_KEY)
    stripped = [
        events[0],
        *(ChainedEvent(e.id, e.entry, e.previous_hash, e.hash) for e in events[1:]),
    ]
    found = walk(stripped).findings()
    assert (found.unsealed, found.first_unsealed) == (2, 2)
    assert not found.ok


def test_the_head_comparison() -> None:
    head = Head(12, "a" * 64)
    assert compare_with_head(Head(12, "a" * 64), head, "a" * 64) is None
    assert compare_with_head(Head(15, "c" * 64), head, "a" * 64) is None
    assert compare_with_head(Head(9, "b" * 64), head, None) == HeadFinding(
        Behind.MISSING, 3, 9, head
    )
    assert compare_with_head(None, head, None) == HeadFinding(Behind.MISSING, 12, 0, head)
    assert compare_with_head(Head(12, "b" * 64), head, "b" * 64) == HeadFinding(
        Behind.REPLACED, 0, 12, head
    )


def test_resealing_under_a_new_key_stops_at_the_first_break() -> None:
    old, new = PUBLIC_SEAL_KEY, bytes.fromhex(SEAL_KEY)
    assert [seal for _, seal in resealed(sealed_chain(old), old, new)] == list(KEYED_SEALS)
    events = sealed_chain(old)
    events[2] = ChainedEvent(3, events[2].entry, events[2].previous_hash, events[2].hash, "0" * 64)
    assert [number for number, _ in resealed(events, old, new)] == [1, 2]
