"""Migration 0005 (demographics) on a database made by release 0004: every row of every table is
kept as it was, and the demographics table is there, empty, keyed by student and field, indexed
for grouping by value, and emptied of a student's rows when the student is deleted; circles and
cases get an index on when they were last changed, circle runs one on when they started."""

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
from tests.db.test_migration_0004 import ROWS_AT_0003

# What 0004 added, on top of the 0003 building; names are invented.
ROWS_AT_0004 = """
UPDATE "case" SET hold = 1 WHERE id = 1;
INSERT INTO form_draft (id, key, form, record_id, label, fields, saved_at)
    VALUES (1, 'case:1', 'case', 1, 'Tier 2 case', '{"place": "Cafeteria"}',
            '2026-03-05 08:00:00.000000');
"""

ADD_VALUE = text(
    "INSERT INTO student_demographic (student_id, field, value) VALUES (:student, :field, :value)"
)


@pytest.fixture
def old_database(db_path: Path) -> Path:
    schema_at(db_path, "0004")
    with closing(sqlite3.connect(db_path)) as connection, connection:
        connection.executescript(ROWS_AT_0002)
        connection.executescript(ROWS_AT_0003)
        connection.executescript(ROWS_AT_0004)
    return db_path


def test_every_row_of_every_table_survives(old_database: Path, clock: FakeClock) -> None:
    columns = columns_at_0002(old_database)
    before = rows(old_database, columns)
    assert revision(old_database) == "0004"
    assert "student_demographic" not in columns
    assert all(before.values()), "the old database should have rows in every table"
    with open_database(old_database, unencrypted=True, clock=clock):
        pass
    assert revision(old_database) == schema.HEAD_REVISION  # 0005 and every later migration
    assert rows(old_database, columns) == before


def test_the_copy_made_first_is_at_0004(old_database: Path, clock: FakeClock) -> None:
    columns = columns_at_0002(old_database)
    before = rows(old_database, columns)
    with open_database(old_database, unencrypted=True, clock=clock):
        pass
    (copy,) = old_database.parent.glob(f"school.before-{schema.HEAD_REVISION}-*.db")
    assert revision(copy) == "0004"
    assert rows(copy, columns) == before


def test_the_table_starts_empty_and_keeps_one_value_per_field(
    old_database: Path, clock: FakeClock
) -> None:
    with open_database(old_database, unencrypted=True, clock=clock) as db:
        with db.engine.connect() as connection:
            count = text("SELECT count(*) FROM student_demographic")
            assert connection.execute(count).scalar() == 0
        with db.engine.begin() as connection:
            connection.execute(ADD_VALUE, {"student": 1, "field": "gender", "value": "Female"})
            connection.execute(ADD_VALUE, {"student": 1, "field": "english_learner", "value": "No"})
        with pytest.raises(IntegrityError), db.engine.begin() as connection:
            connection.execute(ADD_VALUE, {"student": 1, "field": "gender", "value": "Male"})
        with pytest.raises(IntegrityError), db.engine.begin() as connection:
            connection.execute(ADD_VALUE, {"student": 99, "field": "gender", "value": "Male"})
        with db.engine.connect() as connection:
            kept = connection.execute(
                text("SELECT field, value FROM student_demographic ORDER BY field")
            ).all()
    assert kept == [("english_learner", "No"), ("gender", "Female")]


def test_grouping_by_value_uses_the_index(old_database: Path, clock: FakeClock) -> None:
    with open_database(old_database, unencrypted=True, clock=clock):
        pass
    with closing(sqlite3.connect(old_database)) as connection:
        plan = connection.execute(
            "EXPLAIN QUERY PLAN SELECT value, count(*) FROM student_demographic "
            "WHERE field = 'gender' GROUP BY value"
        ).fetchall()
    assert "ix_student_demographic_field_value" in str(plan)


@pytest.mark.parametrize(
    ("query", "index"),
    [
        # Home's recent activity reads the newest few, not every record.
        (
            "SELECT id FROM community_circle ORDER BY updated_at DESC, id DESC LIMIT 10",
            "ix_community_circle_updated_at",
        ),
        ('SELECT id FROM "case" ORDER BY updated_at DESC, id DESC LIMIT 10', "ix_case_updated_at"),
        # Equity of voice reads the runs of one period.
        (
            "SELECT id FROM circle_run WHERE started_at >= '2025-08-01' "
            "AND started_at < '2026-08-01'",
            "ix_circle_run_started_at",
        ),
    ],
)
def test_what_reports_and_home_read_is_found_by_index(
    old_database: Path, clock: FakeClock, query: str, index: str
) -> None:
    with open_database(old_database, unencrypted=True, clock=clock):
        pass
    with closing(sqlite3.connect(old_database)) as connection:
        plan = connection.execute(f"EXPLAIN QUERY PLAN {query}").fetchall()
    assert index in str(plan)


def test_deleting_a_student_deletes_their_values(old_database: Path, clock: FakeClock) -> None:
    with open_database(old_database, unencrypted=True, clock=clock) as db:
        with db.engine.begin() as connection:
            connection.execute(ADD_VALUE, {"student": 2, "field": "gender", "value": "Male"})
            connection.execute(ADD_VALUE, {"student": 1, "field": "gender", "value": "Female"})
            # A case, a circle and a seat keep a student (RESTRICT); retention removes those
            # first, and so does this test.
            connection.execute(text('DELETE FROM "case" WHERE id = 1'))
            connection.execute(text("DELETE FROM run_seat WHERE student_id = 2"))
            connection.execute(text("DELETE FROM circle_attendance WHERE student_id = 2"))
            connection.execute(text("DELETE FROM student WHERE id = 2"))
        with db.engine.connect() as connection:
            left = (
                connection.execute(text("SELECT student_id FROM student_demographic"))
                .scalars()
                .all()
            )
    assert left == [1]
