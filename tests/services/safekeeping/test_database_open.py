"""Opening a path: what is not a database is refused untouched, with the reason; a missing or
empty file becomes a new database."""

import random
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import text

from rp_desktop.db import schema
from rp_desktop.db.lock import lock_path_for
from rp_desktop.domain.safekeeping.files import Unreadable
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.errors import NotADatabase
from rp_desktop.services.safekeeping.files import sniff
from tests.conftest import FakeClock


def refused(path: Path, clock: FakeClock) -> NotADatabase:
    with pytest.raises(NotADatabase) as info:
        Database.open(path, unencrypted=True, clock=clock)
    return info.value


def random_bytes(size: int) -> bytes:
    return random.Random(20260310).randbytes(size)


@pytest.mark.parametrize(
    "content",
    [
        random_bytes(4000),  # not whole pages, so not an encrypted database either
        "Name,Grade\nAna Muñoz,5\n".encode(),
        b"SQLite format 2\x00" + bytes(100),
    ],
    ids=["random-bytes", "text", "almost-sqlite"],
)
def test_a_file_that_is_not_sqlite_is_refused_untouched(
    content: bytes, db_path: Path, clock: FakeClock
) -> None:
    db_path.write_bytes(content)
    error = refused(db_path, clock)
    assert error.reason is Unreadable.NOT_SQLITE
    assert error.path == db_path
    assert db_path.read_bytes() == content
    assert not lock_path_for(db_path).exists()


def test_a_damaged_database_is_refused_untouched(db_path: Path, clock: FakeClock) -> None:
    content = b"SQLite format 3\x00" + random_bytes(8000)
    db_path.write_bytes(content)
    error = refused(db_path, clock)
    assert error.reason is Unreadable.DAMAGED
    assert db_path.read_bytes() == content
    # The lock was given back: a later attempt gets the same answer, not "in use".
    assert refused(db_path, clock).reason is Unreadable.DAMAGED


def test_a_folder_is_refused(tmp_path: Path, clock: FakeClock) -> None:
    folder = tmp_path / "Counseling"
    folder.mkdir()
    (folder / "notes.txt").write_text("keep me", encoding="utf-8")
    error = refused(folder, clock)
    assert error.reason is Unreadable.FOLDER
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt"]
    assert str(folder) in str(error)


def test_a_missing_path_is_created_with_its_folders(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "district" / "school" / "rp.db"
    with Database.open(path, unencrypted=True, clock=clock) as db:
        assert path.is_file()
        with db.engine.connect() as connection:
            assert schema.current_revision(connection) == schema.HEAD_REVISION


def test_an_empty_file_is_refused_and_left_as_it_is(db_path: Path, clock: FakeClock) -> None:
    """An empty file may be all that is left of a database: never build over it."""
    db_path.touch()
    with pytest.raises(NotADatabase, match="is empty"):
        Database.open(db_path, unencrypted=True, clock=clock)
    assert db_path.stat().st_size == 0
    assert sorted(p.name for p in db_path.parent.iterdir()) == [db_path.name]


def test_reopening_keeps_the_data_and_makes_no_copy(db_path: Path, clock: FakeClock) -> None:
    with (
        Database.open(db_path, unencrypted=True, clock=clock) as db,
        db.engine.begin() as connection,
    ):
        connection.execute(text("INSERT INTO school_setting VALUES ('school_name', 'Oak Hill')"))
    with (
        Database.open(db_path, unencrypted=True, clock=clock) as db,
        db.engine.connect() as connection,
    ):
        name = text("SELECT value FROM school_setting WHERE key = 'school_name'")
        assert connection.execute(name).scalar() == "Oak Hill"
    assert sorted(p.name for p in db_path.parent.glob("*.db")) == ["school.db"]


def test_a_relative_path_is_made_absolute(
    tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with Database.open(Path("relative.db"), unencrypted=True, clock=clock) as db:
        assert db.path == tmp_path / "relative.db"


def test_the_database_tells_time_by_its_clock(db: Database, clock: FakeClock) -> None:
    assert db.now() == clock.now
    clock.advance(days=1)
    assert db.now() == clock.now
    assert db.today() == clock.now.astimezone().date()


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda p: None, Unreadable.MISSING),
        (lambda p: p.mkdir(), Unreadable.FOLDER),
        (lambda p: p.touch(), Unreadable.EMPTY),
        (lambda p: p.write_bytes(b"hello"), Unreadable.NOT_SQLITE),
    ],
)
def test_sniff(make: Callable[[Path], object], reason: Unreadable, db_path: Path) -> None:
    make(db_path)
    assert sniff(db_path) is reason


def test_sniff_accepts_an_sqlite_file(db_path: Path) -> None:
    with closing(sqlite3.connect(db_path)) as connection:
        connection.execute("CREATE TABLE t (x)")
    assert sniff(db_path) is None
