"""The audit hash chain: any change to an event, or removing one, breaks the links after it."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rp_desktop.domain.safekeeping import audit
from rp_desktop.domain.safekeeping.audit import (
    GENESIS,
    AuditEntry,
    BreakKind,
    BrokenLink,
    ChainedEvent,
    chain_hash,
    first_broken_link,
)
from rp_desktop.domain.vocabulary import AuditAction

ENTRY = AuditEntry(
    at=datetime(2026, 3, 10, 15, 0, tzinfo=UTC),
    actor="counselor",
    action=AuditAction.CREATE,
    entity="student",
    entity_id=7,
    detail="",
)
# Known answers, worked out once by hand from the documented hash input, not by chain_hash:
# sha256 of the UTF-8 bytes of the previous hash, then the entry's time (isoformat), actor, action
# value, entity, entity id ("" for none) and detail, joined by the unit separator 0x1F. E.g.
#   python3 -c 'import hashlib; print(hashlib.sha256(("0" * 64 + "\x1f2026-03-10T15:00:00+00:00"
#     "\x1fcounselor\x1fcreate\x1fstudent\x1f7\x1f").encode()).hexdigest())'
# Every school's stored chain was made this way: if these change, every chain reads as broken.
PREVIOUS = "8b6a5bdcdc38a47aaf9d5192cc9058a0c4e0bcf1c4d51eb9066f93d254c09623"


def verify(chain: list[tuple[AuditEntry, str]]) -> bool:
    link = GENESIS
    for entry, stored in chain:
        if chain_hash(link, entry) != stored:
            return False
        link = stored
    return True


def build(entries: list[AuditEntry]) -> list[tuple[AuditEntry, str]]:
    chain, link = [], GENESIS
    for entry in entries:
        link = chain_hash(link, entry)
        chain.append((entry, link))
    return chain


def test_hash_matches_the_known_answers() -> None:
    assert GENESIS == "0" * 64
    assert chain_hash(GENESIS, ENTRY) == PREVIOUS
    # A fixed previous link, microseconds in the time, no entity id (an empty field between
    # two separators) and a detail beyond ASCII (encoded as UTF-8):
    #   "ab" * 32 + "\x1f2026-03-10T15:00:00.000001+00:00\x1fcounselor\x1fupdate\x1fcase\x1f"
    #   + "\x1fgrade=7→8"
    later = AuditEntry(
        at=datetime(2026, 3, 10, 15, 0, 0, 1, tzinfo=UTC),
        actor="counselor",
        action=AuditAction.UPDATE,
        entity="case",
        entity_id=None,
        detail="grade=7→8",
    )
    assert chain_hash("ab" * 32, later) == (
        "a802cc31bf223086c454854a6b3e7939ca4663b3b01aca175d4ff5e31b6eb0ec"
    )


@pytest.mark.parametrize(
    "changed",
    [
        replace(ENTRY, at=ENTRY.at + timedelta(microseconds=1)),
        replace(ENTRY, actor="counselor2"),
        replace(ENTRY, action=AuditAction.UPDATE),
        replace(ENTRY, entity="case"),
        replace(ENTRY, entity_id=8),
        replace(ENTRY, entity_id=None),
        replace(ENTRY, detail="grade"),
    ],
)
def test_hash_changes_when_any_field_changes(changed: AuditEntry) -> None:
    assert chain_hash(PREVIOUS, changed) != chain_hash(PREVIOUS, ENTRY)


def test_hash_changes_with_the_previous_link() -> None:
    assert chain_hash(GENESIS, ENTRY) != chain_hash(PREVIOUS, ENTRY)


entries = st.builds(
    AuditEntry,
    at=st.datetimes(timezones=st.just(UTC)),
    actor=st.text(max_size=20),
    action=st.sampled_from(AuditAction),
    entity=st.text(max_size=20),
    entity_id=st.none() | st.integers(min_value=0, max_value=10**9),
    detail=st.text(max_size=20),
)


@given(entries, st.data())
def test_any_single_change_changes_the_hash(entry: AuditEntry, data: st.DataObject) -> None:
    field = data.draw(st.sampled_from(["at", "actor", "action", "entity", "entity_id", "detail"]))
    strategy = {
        "at": st.datetimes(timezones=st.just(UTC)),
        "actor": st.text(max_size=20),
        "action": st.sampled_from(AuditAction),
        "entity": st.text(max_size=20),
        "entity_id": st.none() | st.integers(min_value=0, max_value=10**9),
        "detail": st.text(max_size=20),
    }[field]
    value = data.draw(strategy.filter(lambda v: v != getattr(entry, field)))
    assert chain_hash(GENESIS, replace(entry, **{field: value})) != chain_hash(GENESIS, entry)


def test_a_chain_verifies_and_links() -> None:
    chain = build(
        [
            ENTRY,
            replace(ENTRY, action=AuditAction.UPDATE, detail="grade"),
            replace(ENTRY, entity="case", entity_id=1),
        ]
    )
    assert verify(chain)
    assert chain[1][1] == chain_hash(chain[0][1], chain[1][0])


def test_an_altered_event_breaks_the_chain() -> None:
    chain = build([ENTRY, replace(ENTRY, entity_id=8), replace(ENTRY, entity_id=9)])
    altered = list(chain)
    altered[1] = (replace(chain[1][0], actor="someone else"), chain[1][1])
    assert not verify(altered)


def test_a_removed_event_breaks_the_chain() -> None:
    chain = build([ENTRY, replace(ENTRY, entity_id=8), replace(ENTRY, entity_id=9)])
    assert not verify([chain[0], chain[2]])
    assert not verify(chain[1:])


def test_rehashing_later_events_cannot_hide_an_edit_to_an_earlier_one() -> None:
    chain = build([ENTRY, replace(ENTRY, entity_id=8)])
    forged = build([replace(ENTRY, actor="forger"), replace(ENTRY, entity_id=8)])
    assert forged[1][1] != chain[1][1]


# -- first_broken_link: hand-built chains ------------------------------------------------------


def stored(entries: list[AuditEntry], first_id: int = 1) -> list[ChainedEvent]:
    """Events as a database would hold them, with ids counting up from `first_id`."""
    events, link = [], GENESIS
    for number, entry in enumerate(entries, start=first_id):
        events.append(ChainedEvent(number, entry, link, chain_hash(link, entry)))
        link = events[-1].hash
    return events


FIVE = [replace(ENTRY, entity_id=n, detail=f"step={n}") for n in range(1, 6)]


def test_an_empty_or_whole_chain_has_no_broken_link() -> None:
    assert first_broken_link([]) is None
    assert first_broken_link(stored(FIVE)) is None
    assert first_broken_link(iter(stored(FIVE, first_id=40))) is None  # read once, as a stream


@pytest.mark.parametrize(
    "edit",
    [
        lambda e: replace(e, entry=replace(e.entry, detail="step=99")),
        lambda e: replace(e, entry=replace(e.entry, actor="someone else")),
        lambda e: replace(e, hash="f" * 64),
        lambda e: replace(e, previous_hash="e" * 64),
        lambda e: replace(e, entry=None),  # a field that no longer reads
    ],
)
def test_a_changed_event_is_named(edit) -> None:  # type: ignore[no-untyped-def]
    events = stored(FIVE)
    events[2] = edit(events[2])
    assert first_broken_link(events) == BrokenLink(3, BreakKind.CHANGED)


def test_a_changed_first_or_last_event_is_named() -> None:
    events = stored(FIVE)
    first = [replace(events[0], entry=replace(FIVE[0], entity_id=77)), *events[1:]]
    last = [*events[:-1], replace(events[-1], entry=replace(FIVE[-1], entity_id=77))]
    assert first_broken_link(first) == BrokenLink(1, BreakKind.CHANGED)
    assert first_broken_link(last) == BrokenLink(5, BreakKind.CHANGED)


def test_a_removed_event_is_named_by_the_event_after_the_gap() -> None:
    events = stored(FIVE)
    assert first_broken_link(events[:2] + events[3:]) == BrokenLink(4, BreakKind.REMOVED_BEFORE)
    assert first_broken_link(events[1:]) == BrokenLink(2, BreakKind.REMOVED_BEFORE)
    assert first_broken_link(events[:1] + events[3:]) == BrokenLink(4, BreakKind.REMOVED_BEFORE)


def test_a_changed_event_rehashed_to_look_whole_breaks_the_next_link() -> None:
    events = stored(FIVE)
    forged_entry = replace(FIVE[1], detail="step=forged")
    events[1] = replace(
        events[1], entry=forged_entry, hash=chain_hash(events[0].hash, forged_entry)
    )
    # The forged event holds together; the one after it still points at the original, as if
    # the original had been removed and another put in its place.
    assert first_broken_link(events) == BrokenLink(3, BreakKind.REMOVED_BEFORE)


def test_an_event_slipped_in_with_a_made_up_hash_is_named_inserted() -> None:
    events = stored(FIVE)
    slipped = ChainedEvent(99, replace(ENTRY, detail="slipped"), events[1].hash, "a" * 64)
    assert first_broken_link([*events[:2], slipped, *events[2:]]) == BrokenLink(
        99, BreakKind.INSERTED
    )


def test_events_slipped_in_with_good_hashes_are_named_from_the_first() -> None:
    events = stored(FIVE)
    one = replace(ENTRY, detail="slipped one")
    two = replace(ENTRY, detail="slipped two")
    first = ChainedEvent(90, one, events[1].hash, chain_hash(events[1].hash, one))
    second = ChainedEvent(91, two, first.hash, chain_hash(first.hash, two))
    chain = [*events[:2], first, second, *events[2:]]
    assert first_broken_link(chain) == BrokenLink(90, BreakKind.INSERTED)


def test_an_event_slipped_in_before_the_first_is_named_inserted() -> None:
    events = stored(FIVE, first_id=2)
    early = replace(ENTRY, detail="early")
    slipped = ChainedEvent(1, early, GENESIS, chain_hash(GENESIS, early))
    assert first_broken_link([slipped, *events]) == BrokenLink(1, BreakKind.INSERTED)


def test_only_the_first_break_is_reported() -> None:
    events = stored(FIVE)
    events[1] = replace(events[1], entry=replace(FIVE[1], detail="x"))
    events[3] = replace(events[3], entry=replace(FIVE[3], detail="y"))
    assert first_broken_link(events) == BrokenLink(2, BreakKind.CHANGED)


def slipped_block(after: ChainedEvent, count: int) -> list[ChainedEvent]:
    """`count` events with good hashes, chained on from `after`, as a forger would add them."""
    block, link = [], after.hash
    for number in range(count):
        entry = replace(ENTRY, detail=f"slipped={number}")
        block.append(ChainedEvent(900 + number, entry, link, chain_hash(link, entry)))
        link = block[-1].hash
    return block


def test_memory_stays_bounded_on_a_long_chain(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(audit, "INSERTION_WINDOW", 3)
    events = stored([replace(ENTRY, entity_id=n) for n in range(20)])
    assert first_broken_link(events) is None
    late = [*events[:17], *slipped_block(events[16], 2), *events[17:]]
    assert first_broken_link(late) == BrokenLink(900, BreakKind.INSERTED)
    # A block longer than the window is still caught, at the event after it.
    long = [*events[:3], *slipped_block(events[2], 8), *events[3:]]
    assert first_broken_link(long) == BrokenLink(4, BreakKind.REMOVED_BEFORE)
