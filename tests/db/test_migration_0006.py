"""Migration 0006 (the circle's keeper) on a database made by release 0005: every row of every
table is kept, a circle's facilitator is now its keeper (same values, the column and its foreign
key renamed), a case meeting keeps its facilitator, and the circle drafts saved before it come
back with their keeper."""

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import inspect

from rp_desktop.db import schema
from rp_desktop.services import drafts
from rp_desktop.services.safekeeping.opening import open_database
from rp_desktop.ui.circles.form import CircleForm
from rp_desktop.ui.window.reopening import reopen_draft
from tests.conftest import FakeClock
from tests.db.test_migration_0003 import ROWS_AT_0002, columns_at_0002, revision, rows, schema_at
from tests.db.test_migration_0004 import ROWS_AT_0003
from tests.db.test_migration_0005 import ROWS_AT_0004

CIRCLE_DRAFT_AT_0005 = (
    '{"where":{"case_id":null},"values":{"held_on":"2026-03-02",'
    '"facilitator_id":{"index":1,"text":"Tobiah Fenwick (Teacher)"},'
    '"purpose":"Monday check-in, ¿qué tal?"}}'
)
# The same draft with the field under the circle form's new name, in the same place.
CIRCLE_DRAFT_AT_0006 = (
    '{"where":{"case_id":null},"values":{"held_on":"2026-03-02",'
    '"keeper_id":{"index":1,"text":"Tobiah Fenwick (Teacher)"},'
    '"purpose":"Monday check-in, ¿qué tal?"}}'
)


# What 0005 added, on top of the 0004 building, and drafts of forms left open by a crash, as
# release 0005 wrote them; names are invented.
ROWS_AT_0005 = """
INSERT INTO student_demographic (student_id, field, value)
    VALUES (1, 'gender', 'Female'), (2, 'english_learner', 'Yes');
INSERT INTO community_circle (id, held_on, status, kind, group_id, facilitator_id, purpose,
                              duration_minutes, notes, plan_id, search_key, created_at, updated_at)
    VALUES (2, '2026-03-09', 'planned', 'academic', NULL, 2, 'Fractions', NULL, '', NULL,
            'tobiah fenwick fractions', '2026-03-02 10:00:00.000000',
            '2026-03-02 10:00:00.000000'),
           (3, '2026-03-10', 'held', 'check_in', 1, NULL, 'No keeper written down', 15, '',
            NULL, 'advisory 7b', '2026-03-10 10:00:00.000000', '2026-03-10 10:00:00.000000');
INSERT INTO form_draft (id, key, form, record_id, label, fields, saved_at)
    VALUES (2, 'circle:1:0a1b2c3d4e5f', 'circle', 1, 'Tier 1 circle', 'CIRCLE_DRAFT',
            '2026-03-09 08:00:00.000000'),
           (3, 'meeting:new:1a2b3c4d5e6f', 'meeting', NULL, 'New meeting, case 1',
            '{"where":{"case_id":1},"values":{"facilitator_id":{"index":1,"text":"T. Fenwick"}}}',
            '2026-03-09 08:01:00.000000'),
           (4, 'circle:new:2a3b4c5d6e7f', 'circle', NULL, 'New Tier 1 circle',
            '{"where":{"case_id":null},"values":{"purpose":"Cómo llegamos 🌤"}}',
            '2026-03-09 08:02:00.000000'),
           (5, 'circle:new:3a4b5c6d7e8f', 'circle', NULL, 'New Tier 1 circle', 'not JSON',
            '2026-03-09 08:03:00.000000');
""".replace("CIRCLE_DRAFT", CIRCLE_DRAFT_AT_0005)


@pytest.fixture
def old_database(db_path: Path) -> Path:
    schema_at(db_path, "0005")
    with closing(sqlite3.connect(db_path)) as connection, connection:
        connection.executescript(ROWS_AT_0002)
        connection.executescript(ROWS_AT_0003)
        connection.executescript(ROWS_AT_0004)
        connection.executescript(ROWS_AT_0005)
    return db_path


def upgrade(path: Path, clock: FakeClock) -> None:
    with open_database(path, unencrypted=True, clock=clock):
        pass


def test_every_row_of_every_table_survives(old_database: Path, clock: FakeClock) -> None:
    columns = columns_at_0002(old_database)
    before = rows(old_database, columns)
    assert revision(old_database) == "0005"
    assert "facilitator_id" in columns["community_circle"]
    assert all(before.values()), "the old database should have rows in every table"
    upgrade(old_database, clock)
    assert revision(old_database) == schema.HEAD_REVISION  # 0006 and every later migration
    after = rows(old_database, columns)  # the circle's facilitator_id read as keeper_id
    draft_text = columns["form_draft"].index("fields")
    expected_drafts = [
        (*row[:draft_text], CIRCLE_DRAFT_AT_0006, *row[draft_text + 1 :]) if row[0] == 2 else row
        for row in before["form_draft"]
    ]
    assert after == {**before, "form_draft": expected_drafts}


def test_the_circles_keepers_are_where_their_facilitators_were(
    old_database: Path, clock: FakeClock
) -> None:
    upgrade(old_database, clock)
    with closing(sqlite3.connect(old_database)) as connection:
        keepers = connection.execute("SELECT id, keeper_id FROM community_circle ORDER BY id")
        assert keepers.fetchall() == [(1, 1), (2, 2), (3, None)]
        meetings = connection.execute("SELECT id, facilitator_id FROM meeting ORDER BY id")
        assert meetings.fetchall() == [(1, 1), (2, 1)]


def test_the_column_and_its_foreign_key_are_named_keeper(
    old_database: Path, clock: FakeClock
) -> None:
    with (
        open_database(old_database, unencrypted=True, clock=clock) as db,
        db.engine.connect() as connection,
    ):
        inspector = inspect(connection)
        circle_columns = [c["name"] for c in inspector.get_columns("community_circle")]
        meeting_columns = [c["name"] for c in inspector.get_columns("meeting")]
        keys = {
            fk["name"]: (fk["constrained_columns"], fk["referred_table"], fk["options"])
            for fk in inspector.get_foreign_keys("community_circle")
        }
        indexes = {index["name"] for index in inspector.get_indexes("community_circle")}
    assert "keeper_id" in circle_columns
    assert "facilitator_id" not in circle_columns
    assert circle_columns.index("keeper_id") == 5  # where facilitator_id was
    assert "facilitator_id" in meeting_columns  # a meeting has a facilitator
    assert keys["fk_community_circle_keeper_id_staff"] == (
        ["keeper_id"],
        "staff",
        {"ondelete": "SET NULL"},
    )
    assert not any("facilitator" in str(name) for name in keys)
    assert {
        "ix_community_circle_held_on",
        "ix_community_circle_updated_at",
        "ix_community_circle_group_id",
    } <= indexes


def test_a_keeper_who_leaves_leaves_the_circle_without_one(
    old_database: Path, clock: FakeClock
) -> None:
    upgrade(old_database, clock)
    with closing(sqlite3.connect(old_database)) as connection, connection:
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("DELETE FROM case_participant WHERE staff_id = 2")  # kept (RESTRICT)
        connection.execute("DELETE FROM staff WHERE id = 2")
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        keepers = connection.execute("SELECT id, keeper_id FROM community_circle ORDER BY id")
        assert keepers.fetchall() == [(1, 1), (2, None), (3, None)]


def test_the_copy_made_first_is_at_0005(old_database: Path, clock: FakeClock) -> None:
    columns = columns_at_0002(old_database)
    before = rows(old_database, columns)
    upgrade(old_database, clock)
    (copy,) = old_database.parent.glob(f"school.before-{schema.HEAD_REVISION}-*.db")
    assert revision(copy) == "0005"
    assert rows(copy, columns) == before


def test_only_circle_drafts_that_named_a_facilitator_change(
    old_database: Path, clock: FakeClock
) -> None:
    with closing(sqlite3.connect(old_database)) as connection:
        before = dict(connection.execute("SELECT id, fields FROM form_draft"))
    upgrade(old_database, clock)
    with closing(sqlite3.connect(old_database)) as connection:
        after = dict(connection.execute("SELECT id, fields FROM form_draft"))
    assert after[2] == CIRCLE_DRAFT_AT_0006
    # A case draft, a meeting's facilitator, a circle draft without one, a draft not in JSON.
    assert {k: v for k, v in after.items() if k != 2} == {k: v for k, v in before.items() if k != 2}
    assert '"facilitator_id"' in after[3]


def test_a_circle_draft_from_before_comes_back_with_its_keeper(
    qtbot, old_database: Path, clock: FakeClock
) -> None:
    with open_database(old_database, unencrypted=True, clock=clock) as db:
        draft = next(d for d in drafts.list_drafts(db) if d.id == 2)
        form = reopen_draft(None, db, 2025, draft)
        qtbot.addWidget(form)
        assert isinstance(form, CircleForm)
        # The circle was kept by the counselor; the draft changed it to the teacher.
        assert form.keeper.currentText() == "Tobiah Fenwick (Teacher)"
        assert form.values().keeper_id == 2
        assert form.values().purpose == "Monday check-in, ¿qué tal?"
        assert form.is_changed()  # the record says "Monday check-in": the draft differs
        form.draft.stop()
