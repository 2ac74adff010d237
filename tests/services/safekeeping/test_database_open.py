"""Opening a path: what is not a database is refused untouched, with the reason; a missing or
empty file becomes a new database."""

import random
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError

from rp_desktop.db import schema
from rp_desktop.db.lock import lock_path_for
from rp_desktop.domain.safekeeping.files import Unreadable
from rp_desktop.services.safekeeping import database as database_module
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.errors import NotADatabase, NotOpened
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


def _failing_after_the_lock(
    monkeypatch: pytest.MonkeyPatch, code: int, name: str
) -> list[list[str]]:
    """Make opening fail after the lock is taken and the engine made (the names beside the
    database are noted as it fails), with SQLite's error `code`."""
    seen: list[list[str]] = []

    def fails(engine: Engine) -> str:
        with engine.connect() as connection:  # the log files are made
            connection.execute(text("SELECT count(*) FROM sqlite_schema"))
            folder = Path(str(engine.url.database)).parent
            seen.append(sorted(p.name for p in folder.iterdir()))
        cause = sqlite3.OperationalError("refused")
        cause.sqlite_errorcode, cause.sqlite_errorname = code, name  # type: ignore[attr-defined]
        raise OperationalError("SELECT value FROM school_setting", {}, cause)

    monkeypatch.setattr(database_module, "_identity", fails)
    return seen


def test_a_new_database_that_fails_to_open_leaves_nothing_behind(
    tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "school.db"
    seen = _failing_after_the_lock(monkeypatch, 10, "SQLITE_IOERR")
    with pytest.raises(NotOpened) as refused:
        Database.open(path, unencrypted=True, clock=clock)
    assert seen == [["school.db", "school.db-shm", "school.db-wal", "school.db.lock"]]
    assert list(tmp_path.iterdir()) == []
    assert str(refused.value) == (
        f"The database {path} could not be opened (SQLITE_IOERR); nothing was changed. "
        "Check that the disk is connected and working, then try again."
    )


def test_an_existing_database_that_fails_to_open_is_left_as_it_was(
    db_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    Database.open(db_path, unencrypted=True, clock=clock).close()
    lock_path_for(db_path).unlink()
    content = db_path.read_bytes()
    _failing_after_the_lock(monkeypatch, 11, "SQLITE_CORRUPT")
    with pytest.raises(NotADatabase) as refused:
        Database.open(db_path, unencrypted=True, clock=clock)
    assert refused.value.reason is Unreadable.DAMAGED
    assert [p.name for p in db_path.parent.iterdir()] == [db_path.name]
    assert db_path.read_bytes() == content


def test_a_lock_file_that_was_there_stays(
    db_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    Database.open(db_path, unencrypted=True, clock=clock).close()
    _failing_after_the_lock(monkeypatch, 10, "SQLITE_IOERR")
    with pytest.raises(NotOpened):
        Database.open(db_path, unencrypted=True, clock=clock)
    assert sorted(p.name for p in db_path.parent.iterdir()) == ["school.db", "school.db.lock"]


def test_verify_refuses_a_damaged_file_before_taking_the_lock(
    db_path: Path, clock: FakeClock
) -> None:
    Database.open(db_path, unencrypted=True, clock=clock).close()
    lock_path_for(db_path).unlink()
    with closing(sqlite3.connect(db_path)) as connection:  # a table page overwritten
        root = connection.execute(
            "SELECT rootpage FROM sqlite_schema WHERE name = 'student'"
        ).fetchone()[0]
    data = bytearray(db_path.read_bytes())
    page = 4096 * (root - 1)
    data[page : page + 4096] = bytes([0x0D]) + bytes(7) + random_bytes(4088)
    db_path.write_bytes(bytes(data))
    with pytest.raises(NotADatabase) as refused:
        Database.open(db_path, unencrypted=True, clock=clock, verify=True)
    assert refused.value.reason is Unreadable.DAMAGED
    assert [p.name for p in db_path.parent.iterdir()] == [db_path.name]


def test_a_file_that_appears_while_a_new_database_is_made_is_left_alone(
    db_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Judged missing, then there (another program saved it meanwhile): neither used nor
    removed."""
    db_path.write_text("another program's notes", encoding="utf-8")
    monkeypatch.setattr(
        database_module, "key_to_open", lambda path, passphrase, plain: (None, True)
    )
    with pytest.raises(FileExistsError):
        Database.open(db_path, unencrypted=True, clock=clock)
    assert db_path.read_text(encoding="utf-8") == "another program's notes"
    assert [p.name for p in db_path.parent.iterdir()] == [db_path.name]
