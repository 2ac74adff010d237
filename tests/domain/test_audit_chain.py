"""The audit hash chain: any change to an event, or removing one, breaks the links after it."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rp_desktop.domain.audit import GENESIS, AuditEntry, chain_hash
from rp_desktop.domain.vocabulary import AuditAction

ENTRY = AuditEntry(
    at=datetime(2026, 3, 10, 15, 0, tzinfo=UTC),
    actor="counselor",
    action=AuditAction.CREATE,
    entity="student",
    entity_id=7,
    detail="",
)
PREVIOUS = chain_hash(GENESIS, ENTRY)


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


def test_hash_is_a_sha256_hex_digest_and_deterministic() -> None:
    assert len(PREVIOUS) == 64
    assert int(PREVIOUS, 16) >= 0
    assert chain_hash(GENESIS, ENTRY) == PREVIOUS
    assert GENESIS == "0" * 64


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
