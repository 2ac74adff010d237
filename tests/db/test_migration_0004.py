"""Migration 0004 (trust) on a database made by release 0003: every row of every table is kept
as it was, every existing case starts without a hold, and the drafts table is there, empty, with
its rule that one form window has one draft."""

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from rp_desktop.db import schema
from rp_desktop.services.safekeeping.opening import open_database
from tests.conftest import FakeClock
from tests.db.test_migration_0003 import ROWS_AT_0002, columns_at_0002, revision, rows, schema_at

# What 0003 added, on top of the 0002 building; names are invented.
ROWS_AT_0003 = """
UPDATE "case" SET private_note = 'Ask about the bus.', suspension_days_avoided = 3 WHERE id = 2;
INSERT INTO meeting_attendee (meeting_id, participant_id) VALUES (1, 1), (1, 2);
INSERT INTO support_plan (id, case_id, student_id, goal, strategies, owner_staff_id, start_on,
                          review_on, frequency, active, created_at, updated_at)
    VALUES (1, 2, 3, 'Arrive calm', 'Morning check-in', 1, '2026-01-21', '2026-02-21', 'weekly',
            1, '2026-01-21 09:00:00.000000', '2026-01-21 09:00:00.000000');
INSERT INTO progress_entry (id, plan_id, "on", rating, note)
    VALUES (1, 1, '2026-01-28', 3, 'A good week.');
INSERT INTO re_entry_plan (case_id, supports, needs, responsibilities, returned_on)
    VALUES (2, 'A buddy', 'Quiet space', 'Check in daily', '2026-01-20');
"""


@pytest.fixture
def old_database(db_path: Path) -> Path:
    schema_at(db_path, "0003")
    with closing(sqlite3.connect(db_path)) as connection, connection:
        connection.executescript(ROWS_AT_0002)
        connection.executescript(ROWS_AT_0003)
    return db_path


def test_every_row_of_every_table_survives(old_database: Path, clock: FakeClock) -> None:
    columns = columns_at_0002(old_database)
    before = rows(old_database, columns)
    assert revision(old_database) == "0003"
    assert all(before.values()), "the old database should have rows in every table"
    with open_database(old_database, unencrypted=True, clock=clock):
        pass
    assert revision(old_database) == schema.HEAD_REVISION  # 0004 and every later migration
    assert rows(old_database, columns) == before


def test_existing_cases_start_without_a_hold(old_database: Path, clock: FakeClock) -> None:
    with (
        open_database(old_database, unencrypted=True, clock=clock) as db,
        db.engine.connect() as connection,
    ):
        holds = connection.execute(text('SELECT id, hold FROM "case" ORDER BY id')).all()
    assert holds == [(1, False), (2, False)]


def test_drafts_start_empty_and_one_window_has_one_draft(
    old_database: Path, clock: FakeClock
) -> None:
    with open_database(old_database, unencrypted=True, clock=clock) as db:
        with db.engine.connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM form_draft")).scalar() == 0
        insert = text(
            "INSERT INTO form_draft (key, form, record_id, label, fields, saved_at) "
            "VALUES ('case:new:1', 'case', NULL, 'Tier 2 case', '{}', '2026-03-10 15:00:00')"
        )
        with db.engine.begin() as connection:
            connection.execute(insert)
        with pytest.raises(IntegrityError), db.engine.begin() as connection:
            connection.execute(insert)


def test_the_copy_made_first_is_at_0003(old_database: Path, clock: FakeClock) -> None:
    columns = columns_at_0002(old_database)
    before = rows(old_database, columns)
    with open_database(old_database, unencrypted=True, clock=clock):
        pass
    (copy,) = old_database.parent.glob(f"school.before-{schema.HEAD_REVISION}-*.db")
    assert revision(copy) == "0003"
    assert rows(copy, columns) == before


def test_every_foreign_key_a_delete_follows_is_indexed(
    old_database: Path, clock: FakeClock
) -> None:
    with closing(sqlite3.connect(old_database)) as connection:
        before = {row[0] for row in connection.execute("SELECT name FROM sqlite_schema")}
    with open_database(old_database, unencrypted=True, clock=clock):
        pass
    with closing(sqlite3.connect(old_database)) as connection:
        after = {row[0] for row in connection.execute("SELECT name FROM sqlite_schema")}
        plan = connection.execute(
            "EXPLAIN QUERY PLAN SELECT id FROM turn WHERE seat_id = 1"
        ).fetchall()
    assert after - before >= {"ix_turn_seat_id", "ix_run_seat_run_id", "ix_circle_run_meeting_id"}
    assert "ix_turn_seat_id" in str(plan)
