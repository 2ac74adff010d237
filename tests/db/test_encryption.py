"""Encryption at rest: a database made with a passphrase holds no readable text, opens only with
its passphrase, can change passphrase, and its key is forgotten when locked."""

import hashlib
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import text

from rp_desktop.db.backup import copy_database, export_database
from rp_desktop.db.cipher import derive_key, key_for_file, new_key
from rp_desktop.domain.records import StudentFields
from rp_desktop.domain.safekeeping.files import Unreadable
from rp_desktop.domain.safekeeping.passphrase import Passphrase
from rp_desktop.services.safekeeping.checking import check_database
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.errors import (
    DatabaseLocked,
    EncryptionNotChosen,
    NotADatabase,
    PassphraseNeeded,
    WrongPassphrase,
)
from rp_desktop.services.safekeeping.files import key_for
from rp_desktop.services.school import set_up_school
from rp_desktop.services.students.records import add_student
from tests.conftest import FakeClock

SECRET = Passphrase("lantern maple river quiet")
OTHER = Passphrase("harbor cedar violin morning")
NAMES = ("Xochitl", "Ibarra", "Dariusz", "Kowalczyk")


@pytest.fixture
def encrypted(db_path: Path, clock: FakeClock) -> Database:
    with Database.open(db_path, passphrase=SECRET, clock=clock) as db:
        set_up_school(db, "Riverside Middle School", 2025)
        add_student(db, StudentFields("S-1", "Xochitl", "Ibarra", grade=7))
        add_student(db, StudentFields("S-2", "Dariusz", "Kowalczyk", grade=8))
    return db


def first_names(db: Database) -> list[str]:
    with db.engine.connect() as connection:
        rows = connection.execute(text("SELECT first_name FROM student ORDER BY first_name"))
        return [row[0] for row in rows]


def files_beside(path: Path) -> list[Path]:
    return [p for p in path.parent.iterdir() if p.name.startswith(path.name)]


def test_no_name_can_be_read_in_the_file_or_its_log(db_path: Path, clock: FakeClock) -> None:
    with Database.open(db_path, passphrase=SECRET, clock=clock) as db:
        add_student(db, StudentFields("S-1", "Xochitl", "Ibarra", grade=7))
        wal = db_path.with_name(db_path.name + "-wal")
        assert wal.exists()  # the write-ahead log is checked while it holds the change
        for path in (db_path, wal):
            data = path.read_bytes()
            assert not data.startswith(b"SQLite format 3")
            for name in NAMES[:2]:
                assert name.encode() not in data
                assert name.encode("utf-16-le") not in data


def test_the_passphrase_opens_it_again(encrypted: Database, clock: FakeClock) -> None:
    with Database.open(encrypted.path, passphrase=SECRET, clock=clock) as db:
        assert db.encrypted
        assert first_names(db) == ["Dariusz", "Xochitl"]


def test_without_the_passphrase_it_is_refused_and_left_alone(
    encrypted: Database, clock: FakeClock
) -> None:
    before = encrypted.path.read_bytes()
    with pytest.raises(PassphraseNeeded):
        Database.open(encrypted.path, clock=clock)
    with pytest.raises(WrongPassphrase) as wrong:
        Database.open(encrypted.path, passphrase=OTHER, clock=clock)
    assert "does not open" in str(wrong.value)
    assert "harbor" not in str(wrong.value)
    assert "harbor" not in repr(wrong.value)
    assert encrypted.path.read_bytes() == before
    # Refused before the lock was taken: nothing new beside the file.
    assert sorted(p.name for p in files_beside(encrypted.path)) == ["school.db", "school.db.lock"]


def test_a_new_database_needs_a_passphrase_or_an_explicit_choice(
    db_path: Path, clock: FakeClock
) -> None:
    with pytest.raises(EncryptionNotChosen):
        Database.open(db_path, clock=clock)
    assert not db_path.exists()
    with Database.open(db_path, unencrypted=True, clock=clock) as db:
        assert not db.encrypted
    with closing(sqlite3.connect(db_path)) as plain:
        assert plain.execute("SELECT count(*) FROM alembic_version").fetchone() == (1,)


def test_a_plain_database_opens_even_when_a_passphrase_is_given(
    db: Database, clock: FakeClock
) -> None:
    db.close()
    with Database.open(db.path, passphrase=SECRET, clock=clock) as again:
        assert not again.encrypted


def test_the_key_is_sqlcipher_4s_own_so_the_passphrase_opens_it_anywhere(
    encrypted: Database,
) -> None:
    from rp_desktop.db.cipher import driver

    with closing(driver().connect(str(encrypted.path))) as connection:
        connection.execute(f"PRAGMA key = '{SECRET.reveal()}'")  # SQLCipher derives it itself
        assert connection.execute("SELECT count(*) FROM student").fetchone() == (2,)


def test_locking_forgets_the_key_and_unlocking_needs_the_passphrase(
    encrypted: Database, clock: FakeClock
) -> None:
    with Database.open(encrypted.path, passphrase=SECRET, clock=clock) as db:
        db.lock()
        assert db.locked
        with pytest.raises(DatabaseLocked):
            _ = db.engine
        with pytest.raises(DatabaseLocked):
            _ = db.key
        with pytest.raises(WrongPassphrase):
            db.unlock(OTHER)
        assert db.locked
        db.unlock(SECRET)
        assert not db.locked
        assert len(first_names(db)) == 2


def test_changing_the_passphrase(encrypted: Database, clock: FakeClock) -> None:
    with Database.open(encrypted.path, passphrase=SECRET, clock=clock) as db:
        with pytest.raises(WrongPassphrase):
            db.change_passphrase(OTHER, OTHER)
        db.change_passphrase(SECRET, OTHER)
        assert len(first_names(db)) == 2  # still open, under the new key
        assert db.check_passphrase(OTHER)
        assert not db.check_passphrase(SECRET)
    with pytest.raises(WrongPassphrase):
        Database.open(encrypted.path, passphrase=SECRET, clock=clock)
    with Database.open(encrypted.path, passphrase=OTHER, clock=clock) as db:
        assert len(first_names(db)) == 2


def test_a_backup_is_encrypted_like_the_database(encrypted: Database, tmp_path: Path) -> None:
    key = key_for_file(encrypted.path, SECRET)
    target = tmp_path / "backup.db"
    copy_database(encrypted.path, target, key)
    assert b"Xochitl" not in target.read_bytes()
    assert key_for(target, SECRET) is not None
    with pytest.raises(WrongPassphrase):
        key_for(target, OTHER)


def test_a_recovery_copy_opens_only_with_the_second_passphrase(
    encrypted: Database, tmp_path: Path
) -> None:
    target = tmp_path / "recovery.db"
    export_database(encrypted.path, key_for_file(encrypted.path, SECRET), target, new_key(OTHER))
    assert b"Xochitl" not in target.read_bytes()
    with pytest.raises(WrongPassphrase):
        key_for(target, SECRET)
    report = check_database(target, OTHER)
    assert report.ok
    assert report.encrypted
    assert report.counts["student"] == 2


def test_a_plain_database_can_be_copied_encrypted(db: Database, tmp_path: Path) -> None:
    add_student(db, StudentFields("S-1", "Xochitl", "Ibarra", grade=7))
    target = tmp_path / "encrypted.db"
    export_database(db.path, None, target, new_key(SECRET))
    assert b"Xochitl" not in target.read_bytes()
    assert check_database(target, SECRET).counts["student"] == 1


def test_check_reads_an_encrypted_database_with_sqlcipher_s_own_check(
    encrypted: Database,
) -> None:
    report = check_database(encrypted.path, SECRET)
    assert report.ok
    assert report.encrypted
    assert report.cipher_problems == ()
    with pytest.raises(PassphraseNeeded):
        check_database(encrypted.path)


def test_a_damaged_page_is_found_and_the_file_left_alone(encrypted: Database) -> None:
    data = bytearray(encrypted.path.read_bytes())
    data[4096 + 200] ^= 0xFF  # a few bits in the second page; its authentication code fails
    encrypted.path.write_bytes(bytes(data))
    with pytest.raises(NotADatabase) as damaged:
        check_database(encrypted.path, SECRET)
    assert damaged.value.reason is Unreadable.DAMAGED
    assert encrypted.path.read_bytes() == bytes(data)


def test_the_same_passphrase_gives_the_same_key_however_it_was_typed() -> None:
    salt = bytes(16)
    composed = Passphrase("mañana lantern river quiet")
    decomposed = Passphrase("man\u0303ana lantern river quiet")
    assert derive_key(composed, salt).pragma_value() == derive_key(decomposed, salt).pragma_value()


def test_neither_passphrase_nor_key_shows_in_a_repr() -> None:
    key = new_key(SECRET)
    assert "lantern" not in repr(SECRET)
    assert key.pragma_value()[2:20] not in repr(key)


def test_keys_are_derived_with_sqlcipher_4s_count_of_rounds() -> None:
    """The app's key: PBKDF2-HMAC-SHA512 with 256,000 rounds (most other tests derive with
    fewer, to be quick: tests/conftest.py)."""
    salt = bytes(range(16))
    passphrase = Passphrase("copper window seven harbor lights")
    expected = hashlib.pbkdf2_hmac("sha512", passphrase.reveal().encode("utf-8"), salt, 256_000, 32)
    assert derive_key(passphrase, salt).pragma_value() == f"x'{expected.hex()}{salt.hex()}'"
