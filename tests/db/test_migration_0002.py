"""Migration 0002 (the circle library) on a database made by the previous release: every row is
kept as it was, the new columns and table are there, and a verified copy was made first."""

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from rp_desktop.db import schema
from rp_desktop.services.safekeeping.opening import open_database
from tests.conftest import FakeClock
from tests.db.test_migration_0003 import schema_at

# A small building as release 0001 wrote it, in plain SQL: the models describe the new schema.
ROWS_AT_0001 = """
INSERT INTO staff (id, first_name, last_name, role, active)
    VALUES (1, 'Imelda', 'Okonkwo-Ruiz', 'counselor', 1);
INSERT INTO student (id, student_number, first_name, last_name, preferred_name, grade, homeroom,
                     active, search_key, created_at, updated_at)
    VALUES (1, 'S-0001', 'Ana', 'Muñoz', '', 7, '7B', 1, 's 0001 ana munoz 7b',
            '2026-02-01 09:00:00.000000', '2026-02-01 09:00:00.000000'),
           (2, 'S-0002', 'Łukasz', 'Wiśniewski', 'Luke', 8, '8A', 1, 's 0002 lukasz',
            '2026-02-01 09:00:00.000000', '2026-02-01 09:00:00.000000');
INSERT INTO student_group (id, name, kind, school_year, staff_id, active)
    VALUES (1, 'Advisory 7B', 'advisory', 2025, 1, 1);
INSERT INTO group_member (group_id, student_id) VALUES (1, 1), (1, 2);
INSERT INTO prompt (id, text, stage, language, tags, active)
    VALUES (1, '¿Cómo llegas hoy? 🌤', 'check_in', 'es', 'feelings', 1),
           (2, 'One word for today', 'check_out', 'en', '', 0);
INSERT INTO circle_plan (id, name, description, is_template)
    VALUES (1, 'Monday advisory', 'Check-in and out', 0);
INSERT INTO plan_round (id, plan_id, position, stage, prompt_id, prompt_text, budget_seconds,
                        budget_per_speaker)
    VALUES (1, 1, 0, 'check_in', 1, '¿Cómo llegas hoy? 🌤', 30, 1),
           (2, 1, 1, 'check_out', 2, 'One word for today', NULL, 1);
INSERT INTO community_circle (id, held_on, status, kind, group_id, facilitator_id, purpose,
                              duration_minutes, notes, plan_id, search_key, created_at, updated_at)
    VALUES (1, '2026-03-02', 'held', 'check_in', 1, 1, 'Monday check-in', 20, 'All spoke.', 1,
            'advisory 7b monday', '2026-03-02 10:00:00.000000', '2026-03-02 10:00:00.000000');
INSERT INTO circle_attendance (circle_id, student_id) VALUES (1, 1), (1, 2);
INSERT INTO "case" (id, tier, occurred_on, place, category_id, description, status,
                    closure_reason, tier3_kind, search_key, created_at, updated_at)
    VALUES (1, 2, '2026-03-03', 'Cafeteria', 1, 'A disagreement at lunch.', 'open', NULL, NULL,
            'cafeteria', '2026-03-03 12:00:00.000000', '2026-03-03 12:00:00.000000');
INSERT INTO case_participant (id, case_id, role, student_id, staff_id, other_name)
    VALUES (1, 1, 'person_harmed', 1, NULL, ''),
           (2, 1, 'supporter', NULL, NULL, 'A family friend');
INSERT INTO circle_run (id, plan_id, group_id, community_circle_id, meeting_id, talking_piece,
                        started_at, ended_at)
    VALUES (1, 1, 1, 1, NULL, 'A smooth stone', '2026-03-02 10:00:00.000000',
            '2026-03-02 10:20:00.000000');
INSERT INTO run_seat (id, run_id, position, student_id, staff_id, label, is_keeper)
    VALUES (1, 1, 0, NULL, 1, 'Keeper', 1),
           (2, 1, 1, 1, NULL, 'Ana', 0),
           (3, 1, 2, 2, NULL, 'Luke', 0);
INSERT INTO turn (id, run_id, round_number, seat_id, start_offset_ms, duration_ms, passed)
    VALUES (1, 1, 0, 1, 0, 21000, 0),
           (2, 1, 0, 2, 21000, 34000, 0),
           (3, 1, 0, 3, 55000, 1500, 1);
"""
TABLES = [
    "staff",
    "student",
    "student_group",
    "group_member",
    "prompt",
    "circle_plan",
    "plan_round",
    "community_circle",
    "circle_attendance",
    "case",
    "case_category",
    "case_participant",
    "circle_run",
    "run_seat",
    "turn",
]
COLUMNS_AT_0001 = {
    "prompt": "id, text, stage, language, tags, active",
    "circle_plan": "id, name, description, is_template",
    "case": "id, tier, occurred_on, place, category_id, description, status, closure_reason,"
    " tier3_kind, search_key, created_at, updated_at",
    "case_participant": "id, case_id, role, student_id, staff_id, other_name",
}


@pytest.fixture
def old_database(db_path: Path) -> Path:
    schema_at(db_path, "0001")
    with closing(sqlite3.connect(db_path)) as connection, connection:
        connection.executescript(ROWS_AT_0001)
    return db_path


def rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of the tables release 0001 had, in the columns it had (later releases add
    columns to some of them)."""
    with closing(sqlite3.connect(path)) as connection:
        return {
            table: connection.execute(
                f"SELECT {COLUMNS_AT_0001.get(table) or _first_columns(connection, table)}"
                f' FROM "{table}" ORDER BY 1, 2'
            ).fetchall()
            for table in TABLES
        }


# Columns later releases added to tables of release 0001 that COLUMNS_AT_0001 leaves open.
_ADDED_LATER = {
    "community_circle": {"guests", "plan_id", "search_key"},
    "plan_round": {"to_roles", "language", "second_text", "second_language"},
    "run_round": {"to_roles", "to_seats", "second_text"},
    "run_seat": {"caregiver_id", "role"},
}


def _first_columns(connection: sqlite3.Connection, table: str) -> str:
    names = [row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')]
    return ", ".join(f'"{n}"' for n in names if n not in _ADDED_LATER.get(table, ()))


def revision(path: Path) -> str:
    with closing(sqlite3.connect(path)) as connection:
        return str(connection.execute("SELECT version_num FROM alembic_version").fetchone()[0])


def test_every_row_survives_the_upgrade(old_database: Path, clock: FakeClock) -> None:
    before = rows(old_database)
    assert revision(old_database) == "0001"
    assert len(before["turn"]) == 3
    with open_database(old_database, unencrypted=True, clock=clock):
        pass
    assert revision(old_database) == schema.HEAD_REVISION  # 0002 and every later migration
    assert rows(old_database) == before


def test_a_verified_copy_of_the_old_database_is_made_first(
    old_database: Path, clock: FakeClock
) -> None:
    before = rows(old_database)
    with open_database(old_database, unencrypted=True, clock=clock):
        pass
    (backup,) = old_database.parent.glob("school.before-*.db")
    assert backup.name == f"school.before-{schema.HEAD_REVISION}-20260310-150000.db"
    assert revision(backup) == "0001"
    assert rows(backup) == before
    with closing(sqlite3.connect(backup)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_the_new_columns_and_table_are_there(old_database: Path, clock: FakeClock) -> None:
    with (
        open_database(old_database, unencrypted=True, clock=clock) as db,
        db.engine.connect() as connection,
    ):
        columns = {
            table: {c["name"]: c for c in inspect(connection).get_columns(table)}
            for table in ("prompt", "circle_plan", "run_round")
        }
        old_prompts = connection.execute(
            text("SELECT seed_key, translation_of FROM prompt ORDER BY id")
        ).all()
        old_plan = connection.execute(
            text("SELECT template_key, created_at, updated_at FROM circle_plan")
        ).one()
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA foreign_key_check").all() == []
    assert {"seed_key", "translation_of"} <= set(columns["prompt"])
    assert {"template_key", "created_at", "updated_at"} <= set(columns["circle_plan"])
    assert set(columns["run_round"]) - _ADDED_LATER["run_round"] == {
        "id",
        "run_id",
        "number",
        "stage",
        "prompt_text",
        "timing",
        "budget_seconds",
    }
    # Rows from before the library have no keys; their plan gets the time of the upgrade.
    assert [tuple(r) for r in old_prompts] == [(None, None), (None, None)]
    assert old_plan.template_key is None
    assert old_plan.created_at is not None
    assert old_plan.created_at == old_plan.updated_at


def test_the_new_constraints_hold_after_the_upgrade(old_database: Path, clock: FakeClock) -> None:
    with open_database(old_database, unencrypted=True, clock=clock) as db:
        with db.engine.begin() as connection:
            connection.execute(text("UPDATE prompt SET seed_key = 'a-key' WHERE id = 1"))
            connection.execute(text("UPDATE prompt SET translation_of = 2 WHERE id = 1"))
            connection.execute(
                text(
                    "INSERT INTO run_round (run_id, number, stage, prompt_text, timing)"
                    " VALUES (1, 0, 'check_in', 'One word', 'per_speaker')"
                )
            )
        with pytest.raises(IntegrityError, match="UNIQUE"), db.engine.begin() as connection:
            connection.execute(text("UPDATE prompt SET seed_key = 'a-key' WHERE id = 2"))
        with pytest.raises(IntegrityError, match="FOREIGN KEY"), db.engine.begin() as connection:
            connection.execute(text("UPDATE prompt SET translation_of = 99 WHERE id = 2"))
        with db.engine.begin() as connection:
            # Deleting the run takes its rounds with it.
            connection.execute(text("DELETE FROM circle_run WHERE id = 1"))
            assert connection.execute(text("SELECT count(*) FROM run_round")).scalar() == 0
            assert connection.execute(text("SELECT count(*) FROM turn")).scalar() == 0
