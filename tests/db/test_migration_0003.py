"""Migration 0003 (casework) on a database made by release 0002: every row of every table is kept
as it was, the new columns have sensible values, the new tables and indexes are there and hold
their rules, and a verified copy was made first."""

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from rp_desktop.db import schema
from rp_desktop.db.engine import create_database_engine
from rp_desktop.services.safekeeping.opening import open_database
from tests.conftest import FakeClock

# A small building as release 0002 wrote it, in plain SQL: the models describe the new schema.
# Names are invented.
ROWS_AT_0002 = """
INSERT INTO school_setting (key, value) VALUES ('school_name', 'Riverbend Middle'),
                                               ('school_year', '2025');
INSERT INTO staff (id, first_name, last_name, role, active)
    VALUES (1, 'Imelda', 'Okonkwo-Ruiz', 'counselor', 1), (2, 'Tobiah', 'Fenwick', 'teacher', 1);
INSERT INTO student (id, student_number, first_name, last_name, preferred_name, grade, homeroom,
                     active, search_key, created_at, updated_at)
    VALUES (1, 'S-0001', 'Ana', 'Muñoz', '', 7, '7B', 1, 's 0001 ana munoz 7b',
            '2026-02-01 09:00:00.000000', '2026-02-01 09:00:00.000000'),
           (2, 'S-0002', 'Łukasz', 'Wiśniewski', 'Luke', 8, '8A', 1, 's 0002 lukasz',
            '2026-02-01 09:00:00.000000', '2026-02-01 09:00:00.000000'),
           (3, 'S-0003', 'Zoë', 'Adeyemi', '', 8, '8A', 0, 's 0003 zoe adeyemi',
            '2026-02-01 09:00:00.000000', '2026-02-02 09:00:00.000000');
INSERT INTO student_group (id, name, kind, school_year, staff_id, active)
    VALUES (1, 'Advisory 7B', 'advisory', 2025, 1, 1);
INSERT INTO group_member (group_id, student_id) VALUES (1, 1), (1, 2);
INSERT INTO prompt (id, text, stage, language, tags, active, seed_key, translation_of)
    VALUES (1, 'One word for today', 'check_in', 'en', 'feelings', 1, 'check-in-one-word', NULL),
           (2, 'Una palabra para hoy 🌤', 'check_in', 'es', '', 1, NULL, 1);
INSERT INTO circle_plan (id, name, description, is_template, template_key, created_at, updated_at)
    VALUES (1, 'Repair harm', 'Questions, then agreement', 1, 'repair-harm',
            '2026-02-01 09:00:00.000000', '2026-02-01 09:00:00.000000');
INSERT INTO plan_round (id, plan_id, position, stage, prompt_id, prompt_text, budget_seconds,
                        budget_per_speaker)
    VALUES (1, 1, 0, 'check_in', 1, 'One word for today', 30, 1);
INSERT INTO community_circle (id, held_on, status, kind, group_id, facilitator_id, purpose,
                              duration_minutes, notes, plan_id, search_key, created_at, updated_at)
    VALUES (1, '2026-03-02', 'held', 'check_in', 1, 1, 'Monday check-in', 20, 'All spoke.', 1,
            'advisory 7b monday', '2026-03-02 10:00:00.000000', '2026-03-02 10:00:00.000000');
INSERT INTO circle_attendance (circle_id, student_id) VALUES (1, 1), (1, 2);
INSERT INTO "case" (id, tier, occurred_on, place, category_id, description, status,
                    closure_reason, tier3_kind, search_key, created_at, updated_at)
    VALUES (1, 2, '2026-03-03', 'Cafeteria', 1, 'A disagreement at lunch.', 'following_up',
            NULL, NULL, 'cafeteria', '2026-03-03 12:00:00.000000', '2026-03-06 12:00:00.000000'),
           (2, 3, '2026-01-12', 'Gym', 3, 'A push in the gym.', 'closed', 'agreement_kept',
            're_entry', 'gym', '2026-01-12 12:00:00.000000', '2026-02-20 23:30:00.000000');
INSERT INTO case_participant (id, case_id, role, student_id, staff_id, other_name)
    VALUES (1, 1, 'person_harmed', 1, NULL, ''),
           (2, 1, 'person_who_caused_harm', 2, NULL, ''),
           (3, 1, 'family_member', NULL, NULL, 'A family friend'),
           (4, 2, 'person_who_caused_harm', 3, NULL, ''),
           (5, 2, 'staff', NULL, 2, '');
INSERT INTO meeting (id, case_id, kind, held_on, facilitator_id, duration_minutes, notes)
    VALUES (1, 1, 'repair_harm_circle', '2026-03-04', 1, 40, 'Both spoke.'),
           (2, 2, 're_entry_circle', '2026-01-20', 1, 35, '');
INSERT INTO meeting_answer (id, meeting_id, participant_id, question, answer)
    VALUES (1, 1, 2, 'what_happened', 'We argued about a seat.'),
           (2, 1, 1, 'hardest_thing', 'Lunch alone.');
INSERT INTO agreement (id, case_id, meeting_id, made_on, notes)
    VALUES (1, 1, 1, '2026-03-04', ''), (2, 2, 2, '2026-01-20', 'Signed by all.');
INSERT INTO agreement_item (id, agreement_id, description, owner_participant_id, owner_staff_id,
                            due_on, status)
    VALUES (1, 1, 'Save a seat for each other', 2, NULL, '2026-03-11', 'open'),
           (2, 1, 'Check in on Friday', NULL, 1, '2026-03-06', 'done'),
           (3, 2, 'Help set up the gym', 4, NULL, '2026-02-01', 'done');
INSERT INTO follow_up (id, case_id, "on", staff_id, agreement_item_id, note)
    VALUES (1, 1, '2026-03-06', 1, 2, 'Went well.');
INSERT INTO tier_change (id, case_id, changed_on, from_tier, to_tier, reason)
    VALUES (1, 2, '2026-01-13', 2, 3, 'Alternative to suspension.');
INSERT INTO circle_run (id, plan_id, group_id, community_circle_id, meeting_id, talking_piece,
                        started_at, ended_at)
    VALUES (1, 1, 1, 1, NULL, 'A smooth stone', '2026-03-02 10:00:00.000000',
            '2026-03-02 10:20:00.000000'),
           (2, 1, NULL, NULL, 1, 'A feather', '2026-03-04 11:00:00.000000',
            '2026-03-04 11:40:00.000000');
INSERT INTO run_round (id, run_id, number, stage, prompt_text, timing, budget_seconds)
    VALUES (1, 1, 0, 'check_in', 'One word for today', 'per_speaker', 30);
INSERT INTO run_seat (id, run_id, position, student_id, staff_id, label, is_keeper)
    VALUES (1, 1, 0, NULL, 1, 'Keeper', 1), (2, 1, 1, 1, NULL, 'Ana', 0);
INSERT INTO turn (id, run_id, round_number, seat_id, start_offset_ms, duration_ms, passed)
    VALUES (1, 1, 0, 1, 0, 21000, 0), (2, 1, 0, 2, 21000, 1500, 1);
INSERT INTO audit_event (id, at, actor, action, entity, entity_id, detail, previous_hash, hash)
    VALUES (1, '2026-03-03 12:00:00.000000', 'counselor', 'create', 'case', 1, '',
            '0000000000000000000000000000000000000000000000000000000000000000',
            '1111111111111111111111111111111111111111111111111111111111111111');
"""


def schema_at(path: Path, revision: str) -> None:
    """The database at `path` brought up to `revision`, and no further, by the migrations."""
    engine = create_database_engine(path)
    try:
        schema.upgrade(engine, revision)
    finally:
        engine.dispose()


@pytest.fixture
def old_database(db_path: Path) -> Path:
    schema_at(db_path, "0002")
    with closing(sqlite3.connect(db_path)) as connection, connection:
        connection.executescript(ROWS_AT_0002)
    return db_path


def columns_at_0002(path: Path) -> dict[str, list[str]]:
    """Every table of release 0002 and its columns, read from the old file itself."""
    with closing(sqlite3.connect(path)) as connection:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name"
            )
        ]
        return {
            table: [row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')]
            for table in tables
            if table != "alembic_version"
        }


# Columns a later migration renamed, by table and old name: their values are read under the new
# name once the database has it (0006: a circle has a keeper).
RENAMED = {("community_circle", "facilitator_id"): "keeper_id"}
# Rows a later migration added, by table and first column: left out unless asked for (0007: the
# database's identity).
ADDED_LATER = {("school_setting", "database_id")}


def rows(
    path: Path, columns: dict[str, list[str]], *, added_later: bool = False
) -> dict[str, list[tuple[object, ...]]]:
    """Every row of `columns`' tables in those columns, or in what later releases renamed them;
    the rows later releases added only with `added_later`."""
    with closing(sqlite3.connect(path)) as connection:
        found = {}
        for table, names in columns.items():
            there = {row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')}
            names = [name if name in there else RENAMED.get((table, name), name) for name in names]
            quoted = ", ".join(f'"{name}"' for name in names)
            sql = f'SELECT {quoted} FROM "{table}" ORDER BY 1, 2'
            found[table] = [
                row
                for row in connection.execute(sql).fetchall()
                if added_later or (table, row[0]) not in ADDED_LATER
            ]
        return found


def revision(path: Path) -> str:
    with closing(sqlite3.connect(path)) as connection:
        return str(connection.execute("SELECT version_num FROM alembic_version").fetchone()[0])


def test_every_row_of_every_table_survives(old_database: Path, clock: FakeClock) -> None:
    columns = columns_at_0002(old_database)
    before = rows(old_database, columns)
    assert revision(old_database) == "0002"
    empty = {table for table, found in before.items() if not found}
    assert empty == set(), "the old database should have rows in every table"
    assert ("Both spoke.",) in [row[-1:] for row in before["meeting"]]  # real values, not names
    with open_database(old_database, unencrypted=True, clock=clock):
        pass
    assert revision(old_database) == schema.HEAD_REVISION
    assert rows(old_database, columns) == before


def test_a_verified_copy_is_made_first(old_database: Path, clock: FakeClock) -> None:
    columns = columns_at_0002(old_database)
    before = rows(old_database, columns)
    with open_database(old_database, unencrypted=True, clock=clock):
        pass
    (backup,) = old_database.parent.glob("school.before-*.db")
    assert backup.name == f"school.before-{schema.HEAD_REVISION}-20260310-150000.db"
    assert revision(backup) == "0002"
    assert rows(backup, columns) == before
    with closing(sqlite3.connect(backup)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_new_case_columns_have_sensible_values(old_database: Path, clock: FakeClock) -> None:
    with (
        open_database(old_database, unencrypted=True, clock=clock) as db,
        db.engine.connect() as connection,
    ):
        found = connection.execute(
            text(
                'SELECT id, private_note, suspension_days_avoided, closed_on FROM "case"'
                " ORDER BY id"
            )
        ).all()
    # The closed case is taken as closed on the day it was last changed (UTC): the best there is.
    assert [tuple(r) for r in found] == [(1, "", None, None), (2, "", None, "2026-02-20")]


def test_the_new_tables_and_indexes_are_there(old_database: Path, clock: FakeClock) -> None:
    with (
        open_database(old_database, unencrypted=True, clock=clock) as db,
        db.engine.connect() as connection,
    ):
        inspector = inspect(connection)
        tables = {
            table: {c["name"] for c in inspector.get_columns(table)}
            for table in ("meeting_attendee", "support_plan", "progress_entry", "re_entry_plan")
        }
        counts = {
            table: connection.execute(text(f"SELECT count(*) FROM {table}")).scalar()
            for table in tables
        }
        indexes = {
            index["name"]
            for table in ("agreement_item", "meeting_attendee", "support_plan", "progress_entry")
            for index in inspector.get_indexes(table)
        }
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA foreign_key_check").all() == []
    # Revision 0009 adds each attendee's short summary.
    assert tables["meeting_attendee"] == {"meeting_id", "participant_id", "summary"}
    assert tables["support_plan"] == {
        "id",
        "case_id",
        "student_id",
        "goal",
        "strategies",
        "owner_staff_id",
        "start_on",
        "review_on",
        "frequency",
        "active",
        "created_at",
        "updated_at",
    }
    assert tables["progress_entry"] == {"id", "plan_id", "on", "rating", "note"}
    assert tables["re_entry_plan"] == {
        "case_id",
        "supports",
        "needs",
        "responsibilities",
        "returned_on",
    }
    # Old meetings have no attendance: nothing is guessed for them.
    assert set(counts.values()) == {0}
    assert {
        "ix_agreement_item_owner_participant_id",
        "ix_meeting_attendee_participant_id",
        "ix_support_plan_student_id",
        "ix_support_plan_case_id",
        "ix_progress_entry_plan_id",
    } <= indexes


PLAN = (
    "INSERT INTO support_plan (id, case_id, student_id, goal, strategies, owner_staff_id,"
    " start_on, review_on, frequency, created_at, updated_at) VALUES"
    " (1, 2, 3, 'Calm mornings', '', 1, '2026-01-20', NULL, 'weekly',"
    " '2026-01-20 09:00:00', '2026-01-20 09:00:00')"
)


def test_the_new_rules_hold_after_the_upgrade(old_database: Path, clock: FakeClock) -> None:
    with open_database(old_database, unencrypted=True, clock=clock) as db:
        with db.engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO meeting_attendee (meeting_id, participant_id)"
                    " VALUES (1, 1), (1, 2)"
                )
            )
            connection.execute(text(PLAN))
            connection.execute(
                text(
                    'INSERT INTO progress_entry (plan_id, "on", rating, note)'
                    " VALUES (1, '2026-01-27', 3, '')"
                )
            )
            connection.execute(text("INSERT INTO re_entry_plan VALUES (2, 'a', 'b', 'c', NULL)"))
            assert connection.execute(text("SELECT active FROM support_plan")).scalar() == 1
        with pytest.raises(IntegrityError, match="FOREIGN KEY"), db.engine.begin() as connection:
            connection.execute(
                text("INSERT INTO meeting_attendee (meeting_id, participant_id) VALUES (1, 99)")
            )
        with pytest.raises(IntegrityError, match=r"PRIMARY KEY|UNIQUE"), db.engine.begin() as c:
            c.execute(
                text("INSERT INTO meeting_attendee (meeting_id, participant_id) VALUES (1, 1)")
            )
        with pytest.raises(IntegrityError, match="CHECK"), db.engine.begin() as connection:
            connection.execute(
                text(
                    'INSERT INTO progress_entry (plan_id, "on", rating, note)'
                    " VALUES (1, '2026-01-27', 6, '')"
                )
            )
        with db.engine.begin() as connection:
            # Deleting a case takes its plans, their progress and its re-entry plan with it;
            # deleting a meeting takes its attendance.
            connection.execute(text('DELETE FROM "case" WHERE id = 2'))
            connection.execute(text("DELETE FROM meeting WHERE id = 1"))
            for table in ("support_plan", "progress_entry", "re_entry_plan", "meeting_attendee"):
                assert connection.execute(text(f"SELECT count(*) FROM {table}")).scalar() == 0
