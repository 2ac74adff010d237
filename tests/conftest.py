"""Shared fixtures. Every test runs headless; the database is a fresh temporary file.

The tests run on POSIX systems (CI runs Linux, as root), as `make test` does: they use
time.tzset, fork, flock, file-size limits and SIGKILL as they are, and skip nothing for
want of them."""

import hashlib
import os
import shutil
import sqlite3
import sys
import time

# The offscreen platform's one screen is the most common school laptop's, 1366x768 (its default
# is 800x800): windows are sized to the screen they open on (ui/screen_fit.py).
os.environ["QT_QPA_PLATFORM"] = "offscreen:configfile=" + os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "screen_1366x768.json"
)
# One time zone wherever the tests run: "today" is the local date of the fake clock's 15:00
# UTC, which is already tomorrow in Tokyo. Tests about time zones set their own.
os.environ["TZ"] = "UTC"  # (read by time.tzset() below the imports)

from collections.abc import Iterator
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.opening import open_database

time.tzset()


class FakeClock:
    """A clock that stands still until a test moves it."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture(autouse=True)
def own_user_folders(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """The user's data, log and settings folders, empty and private to each test: backups made
    when a window closes, and log files, never land in the real ones."""
    home = tmp_path_factory.mktemp("user")
    for variable in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(variable, str(home / variable.lower()))
    return home


@pytest.fixture(autouse=True)
def nothing_left_running() -> Iterator[None]:
    """Fails a test that leaves a window open, or a QTimer or an animation running, when it
    ends (tests/leftovers.py says what counts). Tests that never load Qt are left alone, and
    Qt is not imported for them."""
    if "PySide6.QtCore" not in sys.modules:
        yield
        return
    from tests.leftovers import leftovers

    with leftovers() as left:
        yield
    if left:
        pytest.fail("Left running or open when the test ended:\n  " + "\n  ".join(left), False)


# Test modules whose tests start other processes that open the same encrypted files: those
# processes derive keys the way the app does, so these tests do too. (And one whose encrypted
# file is made once for the module, before any test's own fixtures.)
OTHER_PROCESSES = frozenset(
    {
        "tests/cli/test_commands.py",
        "tests/db/test_lock.py",
        "tests/faults/test_audit_faults.py",
        "tests/faults/test_bad_files.py",
        "tests/faults/test_disk_full.py",
        "tests/faults/test_kill9.py",
        "tests/faults/test_restore_faults.py",
        "tests/services/exports/test_safety.py",
        "tests/ui/families/test_letters.py",
        "tests/ui/fit/test_fit.py",
        "tests/ui/startup/test_first_screen.py",
    }
)
QUICK_KDF_ITERATIONS = 1_000
APP_KDF_CHECKED_IN = "tests/db/test_encryption.py"


@pytest.fixture(autouse=True)
def quick_key_derivation(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keys derived with fewer PBKDF2 rounds than the app's 256,000 (0.13 s each, hundreds of
    times a run): the same code path, only cheaper. APP_KDF_CHECKED_IN checks the app's own
    count; tests that start other processes (OTHER_PROCESSES) keep it,
    since those processes derive the app's way."""
    from rp_desktop.db import cipher

    where = Path(str(request.node.path)).relative_to(Path(__file__).parent.parent).as_posix()
    if where in OTHER_PROCESSES | {APP_KDF_CHECKED_IN}:
        return
    monkeypatch.setattr(cipher, "KDF_ITERATIONS", QUICK_KDF_ITERATIONS)


@pytest.fixture
def clock() -> FakeClock:
    # A Tuesday afternoon in March, school in session.
    return FakeClock(datetime(2026, 3, 10, 15, 0, tzinfo=UTC))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "school.db"


@pytest.fixture(scope="session")
def new_database_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new, empty, plain database at the newest schema, made once: running every migration
    takes about 0.1 s, and most tests start from a copy of this. (Making a database is itself
    tested from nothing, in tests/db.)"""
    path = tmp_path_factory.mktemp("new") / "school.db"
    open_database(path, unencrypted=True).close()
    assert not Path(f"{path}-wal").exists()  # closing folded the log into the file
    return path


@pytest.fixture
def db(db_path: Path, clock: FakeClock, new_database_file: Path) -> Iterator[Database]:
    shutil.copyfile(new_database_file, db_path)
    database = open_database(db_path, unencrypted=True, clock=clock)
    yield database
    database.close()


def digest(path: Path) -> str:
    """The file's sha256: a file that must be left alone is compared before and after."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def table_rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every table's rows, sorted; a plain file only."""
    with closing(sqlite3.connect(path)) as connection:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name"
            )
        ]
        return {
            table: sorted(connection.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr)
            for table in tables
        }
