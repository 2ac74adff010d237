"""A write that finds no room: the writer is told in one plain sentence that nothing of this
change was saved, and everything saved before is still there, whole, after reopening.

A tmpfs or a loop device would need root; a file-size limit (RLIMIT_FSIZE) on the writing
process and SQLite's own page limit (max_page_count) give the same failures without it."""

import errno
import os
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import event, text
from sqlalchemy.exc import IntegrityError, OperationalError

from rp_desktop.cli import PASSPHRASE_VARIABLE
from rp_desktop.domain.records import CircleFields
from rp_desktop.domain.safekeeping.passphrase import Passphrase
from rp_desktop.services.circles import records as circles
from rp_desktop.services.safekeeping.checking import check_database
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.errors import DiskFull
from rp_desktop.services.safekeeping.opening import disk_full_from, open_database
from rp_desktop.services.school import set_up_school
from tests.conftest import FakeClock
from tests.faults.writer import add_numbered, number_of

PROJECT = Path(__file__).resolve().parents[2]
PASSPHRASE = Passphrase("granite puzzle lemon orchard sky")
EARLIER = 40


def numbers(db: Database) -> list[int]:
    with db.engine.connect() as connection:
        rows = connection.execute(text("SELECT student_number FROM student")).all()
    return sorted(number_of(number) for (number,) in rows)


def is_one_plain_sentence(message: str) -> bool:
    jargon = ("I/O", "sqlite", "SQL", "errno", "Error", "Traceback")
    return (
        message.endswith(".")
        and "\n" not in message
        and not any(word in message for word in jargon)
    )


def test_a_file_size_limit_stops_the_writer_with_a_plain_message(
    db_path: Path, clock: FakeClock
) -> None:
    with open_database(db_path, passphrase=PASSPHRASE, clock=clock) as db:
        set_up_school(db, "Juniper Flats High School", 2025)
        for number in range(EARLIER):
            add_numbered(db, number)
    limit = db_path.stat().st_size + 96 * 1024  # a few dozen more students' worth of log
    finished = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.faults.writer",
            "fill",
            str(db_path),
            str(EARLIER),
            str(limit),
        ],
        cwd=PROJECT,
        env={**os.environ, PASSPHRASE_VARIABLE: PASSPHRASE.reveal()},
        capture_output=True,
        text=True,
        timeout=50,
        check=False,
    )
    assert finished.returncode == 0, finished.stderr
    said = finished.stdout.splitlines()
    acknowledged = [int(line.split()[1]) for line in said if line.startswith("ack ")]
    assert acknowledged, "the limit left no room for even one write: raise it"
    assert said[-1] == f"refused {DiskFull(db_path)}"
    assert is_one_plain_sentence(said[-1].removeprefix("refused "))
    assert finished.stderr == ""
    with open_database(db_path, passphrase=PASSPHRASE, clock=clock) as db:
        kept = numbers(db)
    assert kept[: EARLIER + len(acknowledged)] == list(range(EARLIER + len(acknowledged)))
    assert len(kept) <= EARLIER + len(acknowledged) + 1  # at most the refused one, if it landed
    assert check_database(db_path, PASSPHRASE).ok


def limit_pages(db: Database, pages: int) -> None:
    """From now on every connection of `db` may grow the file to `pages` pages only."""
    db.engine.dispose()

    def on_connect(connection: sqlite3.Connection, _record: object) -> None:
        connection.execute(f"PRAGMA max_page_count = {pages}")

    event.listen(db.engine, "connect", on_connect)


def test_a_full_database_refuses_the_change_and_keeps_the_earlier_ones(db: Database) -> None:
    """SQLite's own "database or disk is full" (SQLITE_FULL), from a real service call."""
    for number in range(EARLIER):
        add_numbered(db, number)
    with db.engine.connect() as connection:
        pages = connection.exec_driver_sql("PRAGMA page_count").scalar()
    assert isinstance(pages, int)
    limit_pages(db, pages + 6)
    notes = "Talked about the field trip and who sits where on the bus. " * 400
    recorded, failure = 0, None
    for day in range(1, 29):
        try:
            circles.record_circle(db, CircleFields(date(2026, 2, day), notes=notes))
        except OperationalError as error:
            failure = error
            break
        recorded += 1
    assert failure is not None, "the page limit was never reached"
    full = disk_full_from(failure, db.path)
    assert isinstance(full, DiskFull)
    assert is_one_plain_sentence(str(full))
    assert "school.db" in str(full)
    assert numbers(db) == list(range(EARLIER))
    assert circles.list_circles(db, circles.ListQuery()).total == recorded
    assert check_database(db.path).ok


@pytest.mark.parametrize(
    "error",
    [
        sqlite3.OperationalError("database or disk is full"),
        OSError(errno.ENOSPC, "No space left on device"),
        OSError(errno.EFBIG, "File too large"),
        OperationalError("INSERT", {}, sqlite3.OperationalError("database or disk is full")),
    ],
    ids=["sqlite-full", "enospc", "efbig", "wrapped-by-sqlalchemy"],
)
def test_no_room_is_recognised_however_it_comes(error: Exception) -> None:
    assert isinstance(disk_full_from(error), DiskFull)
    outer = RuntimeError("saving failed")
    outer.__cause__ = error
    assert isinstance(disk_full_from(outer), DiskFull)


@pytest.mark.parametrize(
    "error",
    [
        sqlite3.OperationalError("disk I/O error"),  # no sign of a full disk: not called one
        sqlite3.IntegrityError("UNIQUE constraint failed: student.student_number"),
        IntegrityError("INSERT", {}, sqlite3.IntegrityError("NOT NULL constraint failed")),
        OSError(errno.EACCES, "Permission denied"),
        ValueError("database or disk"),
    ],
    ids=["io-error", "unique", "wrapped-integrity", "permission", "other"],
)
def test_other_failures_are_not_called_a_full_disk(error: Exception, tmp_path: Path) -> None:
    assert disk_full_from(error, tmp_path / "school.db") is None


def test_an_io_error_under_a_file_size_limit_is_called_a_full_disk() -> None:
    script = (
        "import resource, sqlite3\n"
        "from rp_desktop.services.safekeeping.opening import disk_full_from\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (1 << 20, resource.RLIM_INFINITY))\n"
        "print(disk_full_from(sqlite3.OperationalError('disk I/O error')))\n"
    )
    finished = subprocess.run(
        [sys.executable, "-c", script], cwd=PROJECT, capture_output=True, text=True, check=True
    )
    assert finished.stdout.strip() == str(DiskFull())


def test_the_message_says_what_happened_and_what_to_do(tmp_path: Path) -> None:
    message = str(DiskFull(tmp_path / "school.db"))
    assert message.startswith("There is no room left on the disk for school.db")
    assert "was not saved" in message
    assert "saved before is safe" in message
    assert message.endswith("Free some space, then try again.")
    assert str(tmp_path) not in message  # the folder may be long; the file's name is enough
