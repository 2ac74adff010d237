"""Migration 0008 (the audit trail's keyed seal) on a database made by release 0007: every row of
every table is kept as it was, audit_event gains an empty `seal` column, and the first opening
with the key seals the old events once (only up to a break in their hash chain), recording that
it did."""

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from rp_desktop.db import schema
from rp_desktop.db.audit_trail import audit_entry, seal_key
from rp_desktop.db.cipher import Key, connect, new_key
from rp_desktop.db.engine import create_database_engine
from rp_desktop.domain.safekeeping.audit import GENESIS, BreakKind, chain_hash
from rp_desktop.domain.safekeeping.audit_seal import event_seal
from rp_desktop.domain.safekeeping.passphrase import Passphrase
from rp_desktop.services.safekeeping.checking import check_database
from rp_desktop.services.safekeeping.opening import open_database
from tests.conftest import FakeClock
from tests.db.test_migration_0003 import ROWS_AT_0002, columns_at_0002, revision, rows
from tests.db.test_migration_0004 import ROWS_AT_0003
from tests.db.test_migration_0005 import ROWS_AT_0004
from tests.db.test_migration_0006 import ROWS_AT_0005

PASSPHRASE = Passphrase("harbor thistle juniper nineteen")
# Five events as release 0007 wrote them (times in naive UTC text, as SQLAlchemy stores them).
EVENTS_AT_0007 = (
    ("2026-03-03 12:00:00.000000", "counselor", "create", "case", 1, ""),
    ("2026-03-03 12:05:00.000000", "counselor", "update", "case", 1, "field=status"),
    ("2026-03-04 09:00:00.000000", "counselor", "import", "student", None, "added=3"),
    ("2026-03-05 16:30:00.000000", "dean", "export", "database", None, "rows=120"),
    ("2026-03-06 08:15:00.000000", "counselor", "backup", "database", None, "by hand: 9 rows"),
)


def at_0007(path: Path, key: Key | None = None, *, with_rows: bool = True) -> None:
    """A database at revision 0007, with a row in every table (`with_rows`)."""
    engine = create_database_engine(path, key)
    try:
        schema.upgrade(engine, "0005")
        if with_rows:
            with engine.begin() as connection:
                driver = connection.connection.driver_connection
                assert driver is not None
                for script in (ROWS_AT_0002, ROWS_AT_0003, ROWS_AT_0004, ROWS_AT_0005):
                    driver.executescript(script)
        schema.upgrade(engine, "0007")
    finally:
        engine.dispose()


def write_events(path: Path, key: Key | None, *, change_detail_of: int | None = None) -> None:
    """EVENTS_AT_0007, hash-chained as release 0007 did; then one detail changed, if asked."""
    with closing(connect(path, key)) as connection, connection:
        link = GENESIS
        for number, fields in enumerate(EVENTS_AT_0007, start=1):
            entry = audit_entry(*fields)
            assert entry is not None
            connection.execute(
                "INSERT INTO audit_event (id, at, actor, action, entity, entity_id, detail, "
                "previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (number, *fields, link, chain_hash(link, entry)),
            )
            link = chain_hash(link, entry)
        if change_detail_of is not None:
            connection.execute(
                "UPDATE audit_event SET detail = 'edited' WHERE id = ?", (change_detail_of,)
            )


def expected_seals(key: Key | None, up_to: int) -> list[str]:
    seals, previous = [], GENESIS
    for number, fields in enumerate(EVENTS_AT_0007[:up_to], start=1):
        entry = audit_entry(*fields)
        assert entry is not None
        previous = event_seal(seal_key(key), previous, number, entry)
        seals.append(previous)
    return seals


def trail(path: Path, key: Key | None = None) -> list[tuple[object, ...]]:
    with closing(connect(path, key)) as connection:
        return connection.execute(
            "SELECT id, action, entity, detail, seal FROM audit_event ORDER BY id"
        ).fetchall()


@pytest.fixture
def old_database(db_path: Path) -> Path:
    at_0007(db_path)
    return db_path


def test_every_row_of_every_table_survives(old_database: Path, clock: FakeClock) -> None:
    columns = columns_at_0002(old_database)
    before = rows(old_database, columns, added_later=True)
    assert revision(old_database) == "0007"
    assert all(before.values()), "the old database should have rows in every table"
    with open_database(old_database, unencrypted=True, clock=clock):
        pass
    assert revision(old_database) == schema.HEAD_REVISION
    assert rows(old_database, columns, added_later=True) == before
    # Its one event (written with a made-up hash) breaks the old chain at once: not sealed.
    with closing(sqlite3.connect(old_database)) as connection:
        found = connection.execute("SELECT id, seal FROM audit_event").fetchall()
    assert found == [(1, None)]
    report = check_database(old_database)
    assert report.audit_break is not None
    assert (report.audit_break.event_id, report.audit_break.kind) == (1, BreakKind.CHANGED)


def test_an_intact_trail_is_sealed_once_and_says_so(db_path: Path, clock: FakeClock) -> None:
    at_0007(db_path, with_rows=False)
    write_events(db_path, None)
    with open_database(db_path, unencrypted=True, clock=clock):
        pass
    with open_database(db_path, unencrypted=True, clock=clock):
        pass  # a second opening seals nothing again
    found = trail(db_path)
    assert [row[4] for row in found[:5]] == expected_seals(None, 5)
    assert [row[:4] for row in found[5:]] == [
        (6, "update", "database", "audit trail sealed: 5 events")
    ]
    report = check_database(db_path)
    assert report.ok, report
    assert report.seals is not None
    assert report.seals.public


def test_an_encrypted_trail_is_sealed_with_its_own_key(db_path: Path, clock: FakeClock) -> None:
    key = new_key(PASSPHRASE)
    at_0007(db_path, key, with_rows=False)
    write_events(db_path, key)
    with open_database(db_path, passphrase=PASSPHRASE, clock=clock):
        pass
    found = trail(db_path, key)
    assert [row[4] for row in found[:5]] == expected_seals(key, 5)
    assert expected_seals(key, 5) != expected_seals(None, 5)
    report = check_database(db_path, PASSPHRASE)
    assert report.ok, report
    assert report.seals is not None
    assert not report.seals.public


def test_a_broken_old_chain_is_sealed_only_up_to_its_break(db_path: Path, clock: FakeClock) -> None:
    at_0007(db_path, with_rows=False)
    write_events(db_path, None, change_detail_of=4)
    with open_database(db_path, unencrypted=True, clock=clock):
        pass
    found = trail(db_path)
    assert [row[4] for row in found[:3]] == expected_seals(None, 3)
    assert [row[4] for row in found[3:5]] == [None, None]
    assert found[5][3] == "audit trail sealed: 3 events"
    report = check_database(db_path)
    assert report.audit_break is not None
    assert (report.audit_break.event_id, report.audit_break.kind) == (4, BreakKind.CHANGED)
    assert report.seals is not None
    assert (report.seals.unsealed, report.seals.first_unsealed) == (2, 4)
    assert not report.ok


def test_a_0007_file_is_checked_without_seals(old_database: Path) -> None:
    report = check_database(old_database)
    assert report.revision == "0007"
    assert report.seals is None  # nothing to say about seals the file cannot have yet


def test_the_copy_made_first_is_at_0007(old_database: Path, clock: FakeClock) -> None:
    columns = columns_at_0002(old_database)
    before = rows(old_database, columns, added_later=True)
    with open_database(old_database, unencrypted=True, clock=clock):
        pass
    (copy,) = old_database.parent.glob(f"school.before-{schema.HEAD_REVISION}-*.db")
    assert revision(copy) == "0007"
    assert rows(copy, columns, added_later=True) == before
