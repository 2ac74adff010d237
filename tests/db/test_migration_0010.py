"""Migration 0010 (the keeper's craft) on a database made by release 0009: every row of every
table is kept as it was; every saved round went to everyone in one language; the new tables
start empty with their rules in force."""

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from rp_desktop.db import schema
from tests.conftest import FakeClock
from tests.db.test_migration_0003 import columns_at_0002, revision, rows, schema_at
from tests.db.test_migration_0008 import at_0007
from tests.db.test_migration_0009 import upgraded

STAMP = "'2026-03-01 09:00:00'"


@pytest.fixture
def old_database(db_path: Path) -> Path:
    at_0007(db_path)
    schema_at(db_path, "0009")
    return db_path


def test_every_row_of_every_table_survives(old_database: Path, clock: FakeClock) -> None:
    columns = columns_at_0002(old_database)
    before = rows(old_database, columns, added_later=True)
    assert revision(old_database) == "0009"
    assert all(before[table] for table in ("prompt", "plan_round", "run_round", "run_seat"))
    upgraded(old_database, clock).close()
    assert rows(old_database, columns, added_later=True) == before


def test_old_rounds_went_to_everyone_in_one_language(old_database: Path, clock: FakeClock) -> None:
    with closing(upgraded(old_database, clock)) as connection:
        plan_rounds = connection.execute(
            "SELECT DISTINCT to_roles, language, second_text, second_language FROM plan_round"
        ).fetchall()
        run_rounds = connection.execute(
            "SELECT DISTINCT to_roles, to_seats, second_text FROM run_round"
        ).fetchall()
        seats = connection.execute("SELECT DISTINCT role, caregiver_id FROM run_seat").fetchall()
        bands = connection.execute("SELECT DISTINCT age_bands FROM prompt").fetchall()
        guests = connection.execute("SELECT DISTINCT guests FROM community_circle").fetchall()
    assert plan_rounds == [("", "en", "", "")]
    assert run_rounds == [("", "", "")]
    assert seats == [("", None)]
    assert bands == [("",)]
    assert guests == [(0,)]


def test_the_new_tables_start_empty_and_keep_their_rules(
    old_database: Path, clock: FakeClock
) -> None:
    with closing(upgraded(old_database, clock)) as connection, connection:
        connection.execute("PRAGMA foreign_keys = ON")
        for table in ("circle_staff_attendance", "group_agreement"):
            assert connection.execute(f"SELECT count(*) FROM {table}").fetchone() == (0,)
        connection.execute("INSERT INTO circle_staff_attendance VALUES (1, 1)")
        with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
            connection.execute("INSERT INTO circle_staff_attendance VALUES (1, 1)")
        with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
            connection.execute("INSERT INTO circle_staff_attendance VALUES (1, 99)")
        connection.execute(
            "INSERT INTO group_agreement (group_id, community_circle_id, position, text, made_on,"
            f" created_at) VALUES (1, 1, 0, 'We listen to the person holding the piece.',"
            f" '2026-03-02', {STAMP})"
        )
        with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
            connection.execute(
                "INSERT INTO group_agreement (group_id, position, text, made_on, created_at)"
                f" VALUES (99, 0, 'x', '2026-03-02', {STAMP})"
            )
        # A circle removed keeps the group's agreement; its staff attendance goes with it.
        connection.execute("DELETE FROM community_circle WHERE id = 1")
        assert connection.execute(
            "SELECT community_circle_id, active FROM group_agreement"
        ).fetchall() == [(None, 1)]
        assert connection.execute("SELECT count(*) FROM circle_staff_attendance").fetchone() == (0,)


def test_a_circle_run_from_a_template_reads_as_the_plans_name(
    old_database: Path, clock: FakeClock
) -> None:
    with closing(sqlite3.connect(old_database)) as connection, connection:
        connection.execute("UPDATE circle_plan SET is_template = 1 WHERE id = 1")
        name = connection.execute("SELECT name FROM circle_plan WHERE id = 1").fetchone()[0]
        connection.execute(
            "UPDATE community_circle SET plan_id = 1, purpose = ? WHERE id = 1",
            (f"Template: {name}",),
        )
        # A purpose a keeper typed on a circle run from no template stays as it was.
        connection.execute(
            "INSERT INTO community_circle (id, held_on, status, kind, purpose, notes,"
            " search_key, created_at, updated_at) SELECT 99, held_on, status, kind,"
            " 'Template: how we plan together', notes, search_key, created_at, updated_at"
            " FROM community_circle WHERE id = 1"
        )
    with closing(upgraded(old_database, clock)) as connection:
        purposes = connection.execute("SELECT id, purpose FROM community_circle ORDER BY id")
        assert purposes.fetchall()[0] == (1, name)
        kept = connection.execute("SELECT purpose FROM community_circle WHERE id = 99")
        assert kept.fetchall() == [("Template: how we plan together",)]


def test_the_copy_made_first_is_at_0009(old_database: Path, clock: FakeClock) -> None:
    columns = columns_at_0002(old_database)
    before = rows(old_database, columns, added_later=True)
    upgraded(old_database, clock).close()
    (copy,) = old_database.parent.glob(f"school.before-{schema.HEAD_REVISION}-*.db")
    assert revision(copy) == "0009"
    assert rows(copy, columns, added_later=True) == before
