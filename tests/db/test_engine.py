"""Every connection gets the crash-safe pragmas, reads them back, and refuses to run without them;
SQL errors never quote the values bound to them."""

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, insert
from sqlalchemy.exc import IntegrityError

from rp_desktop.db import schema
from rp_desktop.db.engine import (
    BUSY_TIMEOUT_MS,
    PRAGMAS,
    apply_pragmas,
    create_database_engine,
    read_pragmas,
)
from rp_desktop.db.errors import PragmaNotSet
from rp_desktop.db.models import StudentRow

EXPECTED = {
    "journal_mode": "wal",
    "synchronous": 2,
    "foreign_keys": 1,
    "busy_timeout": 5000,
    "cache_size": -32768,
}


@pytest.fixture
def engine(db_path: Path) -> Iterator[Engine]:
    engine = create_database_engine(db_path)
    yield engine
    engine.dispose()


def test_expected_values_are_the_crash_safe_ones() -> None:
    assert BUSY_TIMEOUT_MS >= 1000
    assert {name: wanted for name, (_, wanted) in PRAGMAS.items()} == EXPECTED


def test_the_engine_creates_a_missing_file(engine: Engine, db_path: Path) -> None:
    assert not db_path.exists()
    with engine.connect():
        pass
    assert db_path.exists()


def test_each_new_connection_reads_back_every_pragma(engine: Engine) -> None:
    # Two connections open at once: the pool must hand out two, each set up on connect.
    with engine.connect() as first, engine.connect() as second:
        first_raw = first.connection.dbapi_connection
        second_raw = second.connection.dbapi_connection
        assert first_raw is not second_raw
        assert read_pragmas(first_raw) == EXPECTED
        assert read_pragmas(second_raw) == EXPECTED
    engine.dispose()
    with engine.connect() as fresh:
        assert read_pragmas(fresh.connection.dbapi_connection) == EXPECTED


def test_apply_pragmas_on_a_plain_connection(db_path: Path) -> None:
    with closing(sqlite3.connect(db_path)) as connection:
        apply_pragmas(connection)
        assert read_pragmas(connection) == EXPECTED


def test_a_memory_database_cannot_be_made_crash_safe() -> None:
    with closing(sqlite3.connect(":memory:")) as connection, pytest.raises(PragmaNotSet) as info:
        apply_pragmas(connection)
    assert info.value.pragma == "journal_mode"
    assert info.value.got == "memory"


class FakeCursor:
    def __init__(self, value: object) -> None:
        self.value = value

    def fetchone(self) -> tuple[object]:
        return (self.value,)


class FakeConnection:
    """A connection on which one pragma never takes, as on a network drive."""

    def __init__(self, refused: str | None, value: object = None) -> None:
        self.refused, self.value = refused, value
        self.statements: list[str] = []

    def execute(self, statement: str) -> FakeCursor:
        self.statements.append(statement)
        name = statement.removeprefix("PRAGMA ").split("=")[0]
        if name == self.refused:
            return FakeCursor(self.value)
        return FakeCursor(EXPECTED.get(name))


@pytest.mark.parametrize(
    ("refused", "value"),
    [("journal_mode", "delete"), ("synchronous", 1), ("foreign_keys", 0), ("busy_timeout", 0)],
)
def test_a_pragma_that_does_not_take_is_refused(refused: str, value: object) -> None:
    connection = FakeConnection(refused, value)
    with pytest.raises(PragmaNotSet) as info:
        apply_pragmas(connection)
    assert (info.value.pragma, info.value.wanted, info.value.got) == (
        refused,
        EXPECTED[refused],
        value,
    )
    assert refused in str(info.value)
    assert PRAGMAS[refused][0] in connection.statements


def test_pragmas_that_take_pass_and_each_was_set() -> None:
    connection = FakeConnection(None)
    apply_pragmas(connection)
    for statement, _ in PRAGMAS.values():
        assert statement in connection.statements


def test_sql_errors_do_not_quote_the_values(engine: Engine) -> None:
    schema.upgrade(engine)
    now = datetime(2026, 3, 10, tzinfo=UTC)
    row = {
        "student_number": "Z-90210",
        "first_name": "Xanthippe",
        "last_name": "Quillfeather",
        "grade": 7,
        "search_key": "",
        "created_at": now,
        "updated_at": now,
    }
    with engine.begin() as connection:
        connection.execute(insert(StudentRow), [row])
    with pytest.raises(IntegrityError) as info, engine.begin() as connection:
        connection.execute(insert(StudentRow), [row])
    message = str(info.value)
    assert "UNIQUE" in message
    assert "Xanthippe" not in message
    assert "Quillfeather" not in message
    assert "Z-90210" not in message
