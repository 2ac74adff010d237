"""Schema changes only through Alembic: the migrations build exactly the models' schema, the
revision constants match the scripts, and a database from elsewhere is refused untouched."""

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.operations import Operations
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import IntegrityError

from rp_desktop.db import schema
from rp_desktop.db.base import Base
from rp_desktop.db.engine import create_database_engine
from rp_desktop.db.errors import NewerSchema
from rp_desktop.domain.records import CircleFields, StudentFields
from rp_desktop.domain.safekeeping.files import Unreadable
from rp_desktop.services.circles.records import record_circle
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.errors import NotADatabase, SchemaTooNew
from rp_desktop.services.safekeeping.opening import open_database
from rp_desktop.services.students.records import add_student
from tests.conftest import FakeClock

PUNITIVE_WORDS = ("punish", "offender", "victim", "perpetrator", "consequence", "sanction")


@pytest.fixture
def migrated(db_path: Path) -> Iterator[Engine]:
    engine = create_database_engine(db_path)
    schema.upgrade(engine)
    yield engine
    engine.dispose()


def scripts() -> ScriptDirectory:
    config = Config()
    config.set_main_option("script_location", str(schema.MIGRATIONS))
    return ScriptDirectory.from_config(config)


def test_head_revision_matches_the_scripts() -> None:
    assert scripts().get_heads() == [schema.HEAD_REVISION]


def test_known_revisions_list_every_script() -> None:
    revisions = {script.revision for script in scripts().walk_revisions()}
    assert revisions == set(schema.KNOWN_REVISIONS)
    assert schema.KNOWN_REVISIONS[-1] == schema.HEAD_REVISION


def test_upgrade_from_empty_creates_every_table(migrated: Engine) -> None:
    with migrated.connect() as connection:
        tables = set(inspect(connection).get_table_names())
        assert schema.current_revision(connection) == schema.HEAD_REVISION
    assert set(Base.metadata.tables) <= tables
    assert tables - set(Base.metadata.tables) == {"alembic_version"}


def test_the_migrated_schema_matches_the_models(migrated: Engine) -> None:
    with migrated.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={"compare_type": True, "compare_server_default": True, "render_as_batch": True},
        )
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def test_default_categories_are_seeded_without_punitive_words(migrated: Engine) -> None:
    with migrated.connect() as connection:
        rows = connection.execute(text("SELECT name, kind, active FROM case_category")).all()
    assert len(rows) == 17
    assert all(active for _, _, active in rows)
    for name, _, _ in rows:
        assert not any(word in name.casefold() for word in PUNITIVE_WORDS), name
    kinds = {kind for _, kind, _ in rows}
    assert {"harm", "concern", "positive", "neutral"} <= kinds


def test_foreign_keys_are_on_again_after_the_upgrade(migrated: Engine) -> None:
    # The pool hands back the very connection the migration switched foreign keys off on.
    with migrated.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    with pytest.raises(IntegrityError), migrated.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO case_participant (case_id, role, student_id, staff_id, other_name)"
                " VALUES (4242, 'supporter', NULL, NULL, 'Someone')"
            )
        )


def test_foreign_keys_are_off_while_migrations_run(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A batch migration copies a table and drops the original; with foreign keys on, that drop
    # would cascade into (or be refused by) every table that refers to it.
    seen: list[object] = []

    def upgrade(config: Config, target: str) -> None:
        connection = config.attributes["connection"]
        seen.append(connection.exec_driver_sql("PRAGMA foreign_keys").scalar())

    monkeypatch.setattr(command, "upgrade", upgrade)
    engine = create_database_engine(db_path)
    try:
        schema.upgrade(engine)
        with engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        engine.dispose()
    assert seen == [0]


def test_a_migration_that_rebuilds_a_table_keeps_the_rows_referring_to_it(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    student = add_student(db, StudentFields("S-1", "Ana", "Muñoz", grade=5))
    record_circle(db, CircleFields(held_on=date(2026, 3, 2), attendee_ids=frozenset({student.id})))

    def rebuild_student_table(config: Config, target: str) -> None:
        # What any later migration that alters the student table does on SQLite.
        context = MigrationContext.configure(
            config.attributes["connection"], opts={"render_as_batch": True}
        )
        with Operations(context).batch_alter_table("student", recreate="always"):
            pass

    monkeypatch.setattr(command, "upgrade", rebuild_student_table)
    schema.upgrade(db.engine)
    with db.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM student")).scalar() == 1
        assert connection.execute(text("SELECT count(*) FROM circle_attendance")).scalar() == 1


def test_needs_upgrade(db_path: Path, migrated: Engine) -> None:
    assert not schema.needs_upgrade(migrated, db_path)
    empty = create_database_engine(db_path.with_name("empty.db"))
    try:
        assert schema.needs_upgrade(empty, db_path.with_name("empty.db"))
    finally:
        empty.dispose()


def make_rp_database(path: Path, clock: FakeClock) -> None:
    open_database(path, unencrypted=True, clock=clock).close()


def stamp(path: Path, revision: str) -> None:
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("UPDATE alembic_version SET version_num = ?", (revision,))


def test_a_newer_schema_is_refused_and_left_alone(db_path: Path, clock: FakeClock) -> None:
    make_rp_database(db_path, clock)
    stamp(db_path, "9999")
    before = db_path.read_bytes()
    with pytest.raises(SchemaTooNew) as info:
        open_database(db_path, unencrypted=True, clock=clock)
    assert info.value.revision == "9999"
    assert "9999" in str(info.value)
    assert db_path.read_bytes() == before
    assert not list(db_path.parent.glob("*.before-*"))


def test_needs_upgrade_raises_for_a_newer_schema(db_path: Path, clock: FakeClock) -> None:
    make_rp_database(db_path, clock)
    stamp(db_path, "9999")
    engine = create_database_engine(db_path)
    try:
        with pytest.raises(NewerSchema) as info:
            schema.needs_upgrade(engine, db_path)
        assert info.value.revision == "9999"
    finally:
        engine.dispose()


def test_a_database_from_another_program_is_refused_and_left_alone(
    db_path: Path, clock: FakeClock
) -> None:
    with closing(sqlite3.connect(db_path)) as connection, connection:
        connection.execute("CREATE TABLE recipe (id INTEGER PRIMARY KEY, name TEXT)")
        connection.execute("INSERT INTO recipe (name) VALUES ('Lentil soup')")
    before = db_path.read_bytes()
    with pytest.raises(NotADatabase) as info:
        open_database(db_path, unencrypted=True, clock=clock)
    assert info.value.reason is Unreadable.NOT_RP_DESKTOP
    assert db_path.read_bytes() == before
    with closing(sqlite3.connect(db_path)) as connection:
        tables = [name for (name,) in connection.execute("SELECT name FROM sqlite_schema")]
    assert tables == ["recipe"]
