"""`check_database` walks the audit trail: an event changed or removed outside the app is named,
in a plain file and in an encrypted one, and the file itself is never written."""

import hashlib
import sqlite3
from collections.abc import Callable
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from rp_desktop.db.check import check_with_key
from rp_desktop.db.cipher import connect, key_for_file
from rp_desktop.domain.records import StudentFields
from rp_desktop.domain.safekeeping.audit import AuditEntry, BreakKind, BrokenLink, chain_hash
from rp_desktop.domain.safekeeping.passphrase import Passphrase
from rp_desktop.domain.vocabulary import AuditAction
from rp_desktop.services.safekeeping.checking import check_database
from rp_desktop.services.safekeeping.opening import open_database
from rp_desktop.services.students.records import add_student, set_student_active, update_student
from tests.conftest import FakeClock

PASSPHRASE = Passphrase("pebble orchard lantern tuesday")
Tamper = Callable[[sqlite3.Connection], None]


def write_history(path: Path, clock: FakeClock, passphrase: Passphrase | None) -> None:
    """Six events: two students added, one renamed, one retired and brought back, one more."""
    with open_database(
        path, passphrase=passphrase, unencrypted=passphrase is None, clock=clock
    ) as db:
        first = add_student(db, StudentFields("S-1", "Odalys", "Verhoeven", grade=7))
        clock.advance(minutes=1)
        add_student(db, StudentFields("S-2", "Bartholomew", "Quist", grade=8))
        clock.advance(minutes=1)
        update_student(db, first.id, StudentFields("S-1", "Odalys", "Verhoeven-Lund", grade=7))
        set_student_active(db, first.id, False)
        set_student_active(db, first.id, True)
        add_student(db, StudentFields("S-3", "Ingeborg", "Tamsin", grade=6))


def tamper(path: Path, passphrase: Passphrase | None, change: Tamper) -> None:
    """Change the file the way someone with a database tool would, outside the app."""
    key = None if passphrase is None else key_for_file(path, passphrase)
    with closing(connect(path, key)) as connection:
        change(connection)
        connection.commit()
    for sidecar in ("-wal", "-shm"):
        assert not path.with_name(path.name + sidecar).exists()


def change_detail(connection: sqlite3.Connection) -> None:
    connection.execute("UPDATE audit_event SET detail = 'field=grade' WHERE id = 3")


def change_actor(connection: sqlite3.Connection) -> None:
    connection.execute("UPDATE audit_event SET actor = 'someone.else' WHERE id = 3")


def remove_middle(connection: sqlite3.Connection) -> None:
    connection.execute("DELETE FROM audit_event WHERE id = 3")


def unreadable_action(connection: sqlite3.Connection) -> None:
    connection.execute("UPDATE audit_event SET action = 'erase' WHERE id = 3")


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (change_detail, BrokenLink(3, BreakKind.CHANGED)),
        (change_actor, BrokenLink(3, BreakKind.CHANGED)),
        (unreadable_action, BrokenLink(3, BreakKind.CHANGED)),
        (remove_middle, BrokenLink(4, BreakKind.REMOVED_BEFORE)),
    ],
)
def test_tampering_with_a_plain_file_is_found(
    db_path: Path, clock: FakeClock, change: Tamper, expected: BrokenLink
) -> None:
    write_history(db_path, clock, None)
    assert check_database(db_path).audit_break is None
    tamper(db_path, None, change)
    before = hashlib.sha256(db_path.read_bytes()).hexdigest()
    report = check_database(db_path)
    assert report.audit_break == expected
    assert not report.ok
    assert report.integrity_problems == ()  # SQLite alone sees nothing wrong
    assert report.broken_references == 0
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before


def test_an_untouched_trail_is_counted_and_ok(db_path: Path, clock: FakeClock) -> None:
    write_history(db_path, clock, None)
    report = check_database(db_path)
    assert report.ok
    assert report.audit_events == 6
    assert report.counts["audit_event"] == 6


def test_tampering_with_an_encrypted_file_is_found(db_path: Path, clock: FakeClock) -> None:
    write_history(db_path, clock, PASSPHRASE)
    key = key_for_file(db_path, PASSPHRASE)
    assert check_with_key(db_path, key).ok
    with closing(connect(db_path, key)) as connection:
        change_detail(connection)
        connection.commit()
    changed = check_with_key(db_path, key)
    assert changed.encrypted
    assert changed.cipher_problems == ()
    assert changed.audit_break == BrokenLink(3, BreakKind.CHANGED)
    with closing(connect(db_path, key)) as connection:
        connection.execute("UPDATE audit_event SET detail = '' WHERE id = 3")  # put it back
        remove_middle(connection)
        connection.commit()
    report = check_database(db_path, PASSPHRASE)
    assert report.audit_break == BrokenLink(4, BreakKind.REMOVED_BEFORE)
    assert report.audit_events == 5


def test_a_long_trail_is_read_as_a_stream(db_path: Path, clock: FakeClock) -> None:
    """Thousands of events, written the way the app chains them, check in one pass."""
    write_history(db_path, clock, None)
    with closing(sqlite3.connect(db_path)) as connection:
        extend_chain(connection, 5000)
        connection.execute("UPDATE audit_event SET entity_id = 41 WHERE id = 4321")
        connection.commit()
    report = check_database(db_path)
    assert report.audit_events == 5006
    assert report.audit_break == BrokenLink(4321, BreakKind.CHANGED)


def extend_chain(connection: sqlite3.Connection, count: int) -> None:
    """Append `count` properly chained events after the last one."""
    (link,) = connection.execute("SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1").fetchone()
    start = datetime(2026, 3, 11, 8, 0, tzinfo=UTC)
    rows = []
    for number in range(count):
        entry = AuditEntry(
            start + timedelta(seconds=number), "counselor", AuditAction.UPDATE, "case", number
        )
        new = chain_hash(link, entry)
        stored_at = entry.at.replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")
        rows.append((stored_at, entry.actor, "update", "case", number, "", link, new))
        link = new
    connection.executemany(
        "INSERT INTO audit_event (at, actor, action, entity, entity_id, detail, previous_hash,"
        " hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )


def test_the_seals_follow_a_passphrase_change(db_path: Path, clock: FakeClock) -> None:
    """The seal key comes from the database key: changing the passphrase seals the trail again
    under the new key, so it still checks, and only under the new passphrase."""
    from rp_desktop.services.safekeeping.passphrases import change_passphrase

    write_history(db_path, clock, PASSPHRASE)
    new = Passphrase("ember quarry nightjar lattice")
    with open_database(db_path, passphrase=PASSPHRASE, clock=clock) as db:
        change_passphrase(db, PASSPHRASE, new)
    report = check_database(db_path, new)
    assert report.ok, report
    assert report.audit_events == 7  # six, and the change itself
    assert report.seals is not None
    assert report.seals.altered_at is None
