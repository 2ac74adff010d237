"""Migration 0007 (the database's identity) on a database made by release 0006: every row of
every table is kept as it was, and the database gains one setting, a random UUID, made once and
kept: opening again does not change it, another database gets another, a backup carries it."""

import sqlite3
import uuid
from contextlib import closing
from pathlib import Path

import pytest

from rp_desktop.db import schema
from rp_desktop.db.read_only import database_identity, open_read_only
from rp_desktop.services.safekeeping.backups import BackupReason, make_backup
from rp_desktop.services.safekeeping.opening import open_database
from tests.conftest import FakeClock
from tests.db.test_migration_0003 import ROWS_AT_0002, columns_at_0002, revision, rows, schema_at
from tests.db.test_migration_0004 import ROWS_AT_0003
from tests.db.test_migration_0005 import ROWS_AT_0004
from tests.db.test_migration_0006 import CIRCLE_DRAFT_AT_0005, ROWS_AT_0005


@pytest.fixture
def old_database(db_path: Path) -> Path:
    schema_at(db_path, "0005")
    with closing(sqlite3.connect(db_path)) as connection, connection:
        connection.executescript(ROWS_AT_0002)
        connection.executescript(ROWS_AT_0003)
        connection.executescript(ROWS_AT_0004)
        connection.executescript(ROWS_AT_0005)
    schema_at(db_path, "0006")
    return db_path


def identity_of(path: Path) -> str | None:
    with closing(open_read_only(path)) as connection:
        return database_identity(connection)


def test_every_row_of_every_table_survives(old_database: Path, clock: FakeClock) -> None:
    columns = columns_at_0002(old_database)
    before = rows(old_database, columns)
    assert revision(old_database) == "0006"
    assert all(before.values()), "the old database should have rows in every table"
    assert identity_of(old_database) is None
    with open_database(old_database, unencrypted=True, clock=clock) as db:
        made = db.identity
    assert revision(old_database) == schema.HEAD_REVISION
    after = rows(old_database, columns, added_later=True)
    assert rows(old_database, columns) == before
    added = ("database_id", made)
    assert added not in before["school_setting"]
    assert after == {**before, "school_setting": sorted([*before["school_setting"], added])}
    assert CIRCLE_DRAFT_AT_0005 not in str(after["form_draft"])  # 0006's rename stands


def test_the_identity_is_a_uuid_made_once(old_database: Path, clock: FakeClock) -> None:
    with open_database(old_database, unencrypted=True, clock=clock) as db:
        first = db.identity
    with open_database(old_database, unencrypted=True, clock=clock) as db:
        assert db.identity == first
    assert uuid.UUID(first).version == 4
    assert identity_of(old_database) == first


def test_two_databases_of_the_same_name_have_different_identities(
    tmp_path: Path, clock: FakeClock
) -> None:
    identities = set()
    for folder in ("a", "b"):
        with open_database(tmp_path / folder / "school.db", unencrypted=True, clock=clock) as db:
            identities.add(db.identity)
    assert len(identities) == 2
    assert "" not in identities


def test_a_backup_carries_the_identity(tmp_path: Path, clock: FakeClock) -> None:
    with open_database(tmp_path / "school.db", unencrypted=True, clock=clock) as db:
        made = make_backup(db, BackupReason.BY_HAND, folder=tmp_path / "backups")
        assert identity_of(made.path) == db.identity


def test_the_copy_made_first_is_at_0006(old_database: Path, clock: FakeClock) -> None:
    columns = columns_at_0002(old_database)
    before = rows(old_database, columns)
    with open_database(old_database, unencrypted=True, clock=clock):
        pass
    (copy,) = old_database.parent.glob(f"school.before-{schema.HEAD_REVISION}-*.db")
    assert revision(copy) == "0006"
    assert rows(copy, columns) == before
    assert identity_of(copy) is None
