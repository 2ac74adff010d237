"""Migration 0009 (the whole continuum) on a database made by release 0008: every row of every
table is kept as it was, every meeting so far counts as held, a meeting whose answers were kept
word for word is marked so, and the new tables start empty with their rules in force."""

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from rp_desktop.db import schema
from rp_desktop.services.safekeeping.opening import open_database
from tests.conftest import FakeClock
from tests.db.test_migration_0003 import columns_at_0002, revision, rows, schema_at
from tests.db.test_migration_0008 import at_0007

NEW_TABLES = (
    "practice_log",
    "practice_log_student",
    "referral",
    "referral_student",
    "caregiver",
    "caregiver_student",
    "caregiver_contact",
    "preparation",
)
CAREGIVER = (
    "INSERT INTO caregiver (id, first_name, last_name, created_at, updated_at)"
    " VALUES (1, 'Rosalind', 'Quenby', '2026-03-01 09:00:00', '2026-03-01 09:00:00')"
)


@pytest.fixture
def old_database(db_path: Path) -> Path:
    at_0007(db_path)
    schema_at(db_path, "0008")
    return db_path


def upgraded(path: Path, clock: FakeClock) -> sqlite3.Connection:
    with open_database(path, unencrypted=True, clock=clock):
        pass
    assert revision(path) == schema.HEAD_REVISION
    return sqlite3.connect(path)


def test_every_row_of_every_table_survives(old_database: Path, clock: FakeClock) -> None:
    columns = columns_at_0002(old_database)
    before = rows(old_database, columns, added_later=True)
    assert revision(old_database) == "0008"
    assert all(before.values()), "the old database should have rows in every table"
    upgraded(old_database, clock).close()
    assert rows(old_database, columns, added_later=True) == before


def test_old_meetings_were_held_and_keep_the_answers_they_had(
    old_database: Path, clock: FakeClock
) -> None:
    with closing(upgraded(old_database, clock)) as connection:
        meetings = connection.execute(
            "SELECT id, status, starts_at, cancel_reason, proceed_reason, keep_answers"
            " FROM meeting ORDER BY id"
        ).fetchall()
        summaries = connection.execute("SELECT DISTINCT summary FROM meeting_attendee").fetchall()
        cases = connection.execute(
            'SELECT DISTINCT repair_felt, suspension_override_reason FROM "case"'
        ).fetchall()
        participants = connection.execute(
            "SELECT DISTINCT caregiver_id FROM case_participant"
        ).fetchall()
    # Meeting 1 has two answers kept word for word; meeting 2 has none.
    assert meetings == [(1, "held", None, "", "", 1), (2, "held", None, "", "", 0)]
    assert summaries == [("",)]
    assert cases == [(None, "")]
    assert participants == [(None,)]


def test_the_new_tables_start_empty(old_database: Path, clock: FakeClock) -> None:
    with closing(upgraded(old_database, clock)) as connection:
        counts = {
            table: connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
            for table in NEW_TABLES
        }
    assert counts == dict.fromkeys(NEW_TABLES, 0)


def test_a_caregiver_can_take_part_in_a_case_as_one_person(
    old_database: Path, clock: FakeClock
) -> None:
    with closing(upgraded(old_database, clock)) as connection, connection:
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute(CAREGIVER)
        connection.execute(
            "INSERT INTO case_participant (id, case_id, role, caregiver_id, other_name)"
            " VALUES (10, 1, 'family_member', 1, '')"
        )
        with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
            connection.execute(
                "INSERT INTO case_participant (case_id, role, student_id, caregiver_id, other_name)"
                " VALUES (1, 'family_member', 1, 1, '')"
            )
        with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
            connection.execute("DELETE FROM caregiver WHERE id = 1")


def test_the_new_rules_hold(old_database: Path, clock: FakeClock) -> None:
    with closing(upgraded(old_database, clock)) as connection, connection:
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("INSERT INTO preparation (participant_id) VALUES (1)")
        assert connection.execute(
            "SELECT willingness, explained, supporters_chosen FROM preparation"
        ).fetchall() == [("not_asked", 0, 0)]
        with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
            connection.execute("INSERT INTO preparation (participant_id) VALUES (1)")
        stamp = "'2026-03-01 09:00:00'"
        with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
            connection.execute(
                "INSERT INTO practice_log (kind, happened_on, tally, created_at, updated_at)"
                f" VALUES ('affective_statement', '2026-03-01', 0, {stamp}, {stamp})"
            )
        with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
            connection.execute(
                "INSERT INTO referral (received_on, suspension_days, created_at, updated_at)"
                f" VALUES ('2026-03-01', -2, {stamp}, {stamp})"
            )
        with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
            connection.execute("INSERT INTO referral_student VALUES (99, 1)")


def test_the_copy_made_first_is_at_0008(old_database: Path, clock: FakeClock) -> None:
    columns = columns_at_0002(old_database)
    before = rows(old_database, columns, added_later=True)
    upgraded(old_database, clock).close()
    (copy,) = old_database.parent.glob(f"school.before-{schema.HEAD_REVISION}-*.db")
    assert revision(copy) == "0008"
    assert rows(copy, columns, added_later=True) == before


CONCERN_CASE_AT_0008 = """
INSERT INTO "case" (id, tier, occurred_on, place, category_id, description, status,
                    search_key, created_at, updated_at, private_note, hold)
    SELECT 3, 2, '2026-03-05', 'Hall', id, 'Worried about a friend.', 'open', 'hall',
           '2026-03-05 12:00:00.000000', '2026-03-05 12:00:00.000000', '', 0
    FROM case_category WHERE name = 'Wellbeing concern';
INSERT INTO case_participant (id, case_id, role, student_id, staff_id, other_name)
    VALUES (20, 3, 'person_harmed', 1, NULL, ''),
           (21, 3, 'witness', NULL, 2, ''),
           (22, 3, 'person_who_caused_harm', NULL, NULL, 'A cousin'),
           (23, 3, 'supporter', 2, NULL, '');
"""


def test_a_concerns_people_in_harm_roles_take_neutral_roles(
    old_database: Path, clock: FakeClock
) -> None:
    with closing(sqlite3.connect(old_database)) as connection, connection:
        connection.executescript(CONCERN_CASE_AT_0008)
        before = connection.execute(
            "SELECT id, role FROM case_participant WHERE case_id != 3 ORDER BY id"
        ).fetchall()
    with closing(upgraded(old_database, clock)) as connection:
        concern = connection.execute(
            "SELECT id, role FROM case_participant WHERE case_id = 3 ORDER BY id"
        ).fetchall()
        harm = connection.execute(
            "SELECT id, role FROM case_participant WHERE case_id != 3 ORDER BY id"
        ).fetchall()
    # A student and a named person become "student", a staff member "staff"; a supporter stays.
    assert concern == [(20, "student"), (21, "staff"), (22, "student"), (23, "supporter")]
    assert harm == before  # the cases of harm keep their roles
    assert "person_harmed" in {role for _, role in harm}
