"""One writer per database: a second taker is refused with the holder's name and machine, and a
lock held by a process that ended is free again."""

import getpass
import json
import os
import signal
import socket
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import pytest

from rp_desktop.db import lock as lock_module
from rp_desktop.db.errors import LockFileUnsafe, LockHeld
from rp_desktop.db.lock import DatabaseLock, lock_path_for
from rp_desktop.domain.records import ListQuery, StudentFields
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.errors import DatabaseInUse
from rp_desktop.services.safekeeping.opening import open_database
from rp_desktop.services.students.records import add_student, list_students
from tests.conftest import FakeClock

PROJECT = Path(__file__).resolve().parents[2]

HOLDER = """
import sys
from pathlib import Path
from rp_desktop.db.lock import DatabaseLock
lock = DatabaseLock.acquire(Path(sys.argv[1]))  # kept: a closed handle frees the lock
print("held", flush=True)
sys.stdin.readline()
"""


@pytest.fixture
def lock(db_path: Path) -> Iterator[DatabaseLock]:
    lock = DatabaseLock.acquire(db_path)
    yield lock
    lock.release()


@pytest.fixture
def holder(db_path: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process holding the lock until its stdin is closed."""
    process = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db_path)],
        cwd=PROJECT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "held"
    yield process
    if process.poll() is None:
        process.kill()
    process.wait(timeout=30)
    for stream in (process.stdin, process.stdout):
        if stream is not None:
            stream.close()


def this_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


def test_the_lock_file_names_its_holder(lock: DatabaseLock, db_path: Path) -> None:
    assert lock.held
    owner = json.loads(lock_path_for(db_path).read_text(encoding="utf-8"))
    assert owner == {"user": this_user(), "host": socket.gethostname(), "pid": os.getpid()}
    assert lock_path_for(db_path) == db_path.with_name("school.db.lock")


def test_a_second_taker_is_refused_with_user_and_host(lock: DatabaseLock, db_path: Path) -> None:
    with pytest.raises(LockHeld) as info:
        DatabaseLock.acquire(db_path)
    error = info.value
    assert (error.path, error.user, error.host) == (db_path, this_user(), socket.gethostname())
    assert lock.held


def test_a_refused_taker_leaves_the_owner_text_alone(lock: DatabaseLock, db_path: Path) -> None:
    before = lock_path_for(db_path).read_bytes()
    with pytest.raises(LockHeld):
        DatabaseLock.acquire(db_path)
    assert lock_path_for(db_path).read_bytes() == before


def test_release_lets_the_lock_be_taken_again(db_path: Path) -> None:
    first = DatabaseLock.acquire(db_path)
    first.release()
    assert not first.held
    first.release()  # a second release is harmless
    second = DatabaseLock.acquire(db_path)
    try:
        assert second.held
    finally:
        second.release()


def test_another_process_holding_the_lock_is_named(
    holder: subprocess.Popen[str], db_path: Path
) -> None:
    with pytest.raises(LockHeld) as info:
        DatabaseLock.acquire(db_path)
    assert (info.value.user, info.value.host) == (this_user(), socket.gethostname())


def test_a_lock_left_by_a_process_that_exited_is_free(
    holder: subprocess.Popen[str], db_path: Path
) -> None:
    assert holder.stdin is not None
    holder.stdin.close()  # the holder returns without releasing its lock
    assert holder.wait(timeout=30) == 0
    lock = DatabaseLock.acquire(db_path)
    try:
        assert lock.held
        owner = json.loads(lock_path_for(db_path).read_text(encoding="utf-8"))
        assert owner["pid"] == os.getpid()
    finally:
        lock.release()


def test_a_lock_left_by_a_process_that_was_killed_is_free(
    holder: subprocess.Popen[str], db_path: Path
) -> None:
    with pytest.raises(LockHeld):  # held while the holder lives ...
        DatabaseLock.acquire(db_path)
    holder.kill()
    assert holder.wait(timeout=30) == -signal.SIGKILL  # ... which ended without a word
    lock = DatabaseLock.acquire(db_path)  # ... and is free: the system let go of it
    try:
        assert lock.held
        owner = json.loads(lock_path_for(db_path).read_text(encoding="utf-8"))
        assert owner["pid"] == os.getpid()  # the owner text is ours now, not the dead one's
    finally:
        lock.release()


def test_a_holder_that_wrote_no_name_is_another_program(db_path: Path) -> None:
    import fcntl

    with open(lock_path_for(db_path), "w", encoding="utf-8") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        with pytest.raises(LockHeld) as held:
            DatabaseLock.acquire(db_path)
        with pytest.raises(DatabaseInUse) as in_use:
            open_database(db_path, unencrypted=True)
    assert (held.value.user, held.value.host) == ("", "")
    assert (in_use.value.user, in_use.value.host) == ("", "")
    assert "another program" in str(in_use.value)


def test_a_second_open_is_refused_and_the_first_stays_usable(
    db: Database, db_path: Path, clock: FakeClock
) -> None:
    with pytest.raises(DatabaseInUse):
        open_database(db_path, unencrypted=True, clock=clock)
    add_student(db, StudentFields("S-1", "Ana", "Muñoz", grade=5))
    assert list_students(db, ListQuery()).total == 1


def test_closing_a_database_releases_its_lock(db_path: Path, clock: FakeClock) -> None:
    first = open_database(db_path, unencrypted=True, clock=clock)
    first.close()
    with open_database(db_path, unencrypted=True, clock=clock) as second:
        assert second.path == db_path


WRITER = """
import sys
from pathlib import Path
from sqlalchemy import text
from rp_desktop.domain.records import StudentFields
from rp_desktop.services.safekeeping.opening import open_database
from rp_desktop.services.students.records import add_student
db = open_database(Path(sys.argv[1]), unencrypted=True)
add_student(db, StudentFields("S-1", "Odalys", "Fenwick", grade=5))
connection = db.engine.connect()
transaction = connection.begin()
connection.execute(text("UPDATE student SET first_name = 'half-written'"))
print("writing", flush=True)
sys.stdin.readline()
"""


def test_a_database_held_by_a_process_killed_mid_transaction_is_reclaimed(
    db_path: Path, clock: FakeClock
) -> None:
    """The app's own opening, in another process, killed with SIGKILL while it holds the lock
    and an open transaction: refused while it lives, opened normally once it is gone."""
    import signal

    process = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db_path)],
        cwd=PROJECT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "writing"
        with pytest.raises(DatabaseInUse) as second:
            open_database(db_path, unencrypted=True, clock=clock)
        assert f"is in use by {this_user()} on {socket.gethostname()}" in str(second.value)
        os.kill(process.pid, signal.SIGKILL)
        assert process.wait(timeout=30) == -signal.SIGKILL
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=30)
        for stream in (process.stdin, process.stdout):
            if stream is not None:
                stream.close()
    stale = json.loads(lock_path_for(db_path).read_text(encoding="utf-8"))
    assert stale["pid"] == process.pid  # the dead holder's name is still written there
    with open_database(db_path, unencrypted=True, clock=clock) as db:
        owner = json.loads(lock_path_for(db_path).read_text(encoding="utf-8"))
        assert owner["pid"] == os.getpid()
        assert [s.first_name for s in list_students(db, ListQuery()).rows] == ["Odalys"]


# The lock file is a plain file of our own, never a link (issue 12, fault 8) ------------------


def test_the_lock_file_is_the_users_alone(lock: DatabaseLock, db_path: Path) -> None:
    assert stat.S_IMODE(lock_path_for(db_path).stat().st_mode) == 0o600


@pytest.mark.parametrize("kind", ["symlink", "dangling-symlink", "hard-link", "fifo", "folder"])
def test_fault_8_lock_file_that_is_not_a_plain_file_is_refused(
    kind: str, db_path: Path, tmp_path: Path
) -> None:
    """What a link points at is never opened for writing, let alone emptied."""
    victim = tmp_path / "victim.txt"
    victim.write_text("the counselor's own notes", encoding="utf-8")
    lock_file = lock_path_for(db_path)
    if kind == "symlink":
        lock_file.symlink_to(victim)
    elif kind == "dangling-symlink":
        lock_file.symlink_to(tmp_path / "made-if-followed.txt")
    elif kind == "hard-link":
        os.link(victim, lock_file)
    elif kind == "fifo":
        os.mkfifo(lock_file)
    else:
        lock_file.mkdir()
    with pytest.raises(LockFileUnsafe) as refused:
        DatabaseLock.acquire(db_path)
    assert refused.value.path == lock_file
    assert victim.read_text(encoding="utf-8") == "the counselor's own notes"
    assert not (tmp_path / "made-if-followed.txt").exists()


def test_a_lock_file_removed_as_its_holder_let_go_is_not_taken(db_path: Path) -> None:
    """A failed opening removes the lock file it made, while still holding it. A second taker
    that opened that file just before then locks a file no one else will see: it notices, and
    takes the lock file that is there now, which anyone else must take too."""
    first = DatabaseLock.acquire(db_path)
    real_try_lock = lock_module._try_lock
    let_go = []

    def first_lets_go_meanwhile(handle: IO[str]) -> bool:
        if not let_go:
            let_go.append(True)
            first.release(remove=True)
        return real_try_lock(handle)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(lock_module, "_try_lock", first_lets_go_meanwhile)
        second = DatabaseLock.acquire(db_path)
    try:
        assert let_go == [True]
        with pytest.raises(LockHeld):  # the file at the path is the one held
            DatabaseLock.acquire(db_path)
    finally:
        second.release()


def test_release_with_remove_deletes_the_lock_file(db_path: Path) -> None:
    lock = DatabaseLock.acquire(db_path)
    lock.release(remove=True)
    assert not lock_path_for(db_path).exists()
    assert not lock.held
