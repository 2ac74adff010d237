"""kill -9 of a process writing to an encrypted database, at random moments: afterwards the
database passes both integrity checks, every acknowledged commit is in it, nothing else is
missing, and the lock the killed process held is taken again.

Five databases, ten kills each. A writer process is told to add numbered students, one
transaction each, and prints a number only after its commit returned; it is killed after a
random number of acknowledgements (none: while it is still opening) plus a few random
milliseconds, so kills land in opening, in a transaction, in a commit and in a checkpoint."""

import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import text

from rp_desktop.cli import PASSPHRASE_VARIABLE
from rp_desktop.db.cipher import Key, connect, key_for_file
from rp_desktop.db.lock import DatabaseLock
from rp_desktop.domain.safekeeping.passphrase import Passphrase
from rp_desktop.services.safekeeping.checking import check_database
from rp_desktop.services.safekeeping.opening import open_database
from rp_desktop.services.school import set_up_school
from tests.conftest import FakeClock
from tests.faults.writer import number_of

PROJECT = Path(__file__).resolve().parents[2]
PASSPHRASE = Passphrase("copper window seven harbor lights")
DATABASES = 5
KILLS_PER_DATABASE = 10
MOST_ACKS_BEFORE_KILL = 25
# Every few kills the database is opened the way the app opens it, instead of by a bare
# connection with the key derived once (which keeps a trial to a few tenths of a second).
APP_OPEN_EVERY = 4


@dataclass
class Writer:
    """The writer process (tests/faults/writer.py, serving): one forked worker per trial."""

    process: subprocess.Popen[str]
    log: list[str] = field(default_factory=list)

    def line(self) -> str:
        assert self.process.stdout is not None
        text = self.process.stdout.readline()
        assert text, f"the writer stopped; it said {self.log[-5:]}"
        self.log.append(text.strip())
        return text.strip()

    def run_and_kill(self, start: int, acks_before_kill: int, delay: float) -> list[int]:
        """Start a worker at `start`, kill it with SIGKILL after `acks_before_kill`
        acknowledgements and `delay` seconds; every number it acknowledged, in order."""
        assert self.process.stdin is not None
        self.process.stdin.write(f"{start}\n")
        self.process.stdin.flush()
        pid, acks = 0, []
        while not pid or len(acks) < acks_before_kill:
            acks += self._take(self.line(), expect_worker=not pid)
            if self.log[-1].startswith("worker "):
                pid = int(self.log[-1].split()[1])
        time.sleep(delay)
        os.kill(pid, signal.SIGKILL)
        while not (text := self.line()).startswith("ended "):
            acks += self._take(text, expect_worker=False)
        status = int(text.split()[1])
        assert os.WIFSIGNALED(status), f"the worker ended by itself: {self.log[-5:]}"
        assert os.WTERMSIG(status) == signal.SIGKILL
        return acks

    def _take(self, text: str, *, expect_worker: bool) -> list[int]:
        if text.startswith("ack "):
            return [int(text.split()[1])]
        assert expect_worker, f"the worker said: {text}"
        assert text.startswith("worker "), f"the worker said: {text}"
        return []


@pytest.fixture
def writer(db_path: Path) -> Iterator[Writer]:
    environment = {**os.environ, PASSPHRASE_VARIABLE: PASSPHRASE.reveal()}
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.faults.writer", "serve", str(db_path)],
        cwd=PROJECT,
        env=environment,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    yield Writer(process)
    assert process.stdin is not None
    assert process.stdout is not None
    process.stdin.close()
    process.wait(timeout=30)
    process.stdout.close()


def committed_numbers(path: Path, key: Key) -> list[int]:
    """The numbers in the database, after both integrity checks pass. The connection recovers
    the write-ahead log the killed process left, as the app's next opening would."""
    with closing(connect(path, key)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA cipher_integrity_check").fetchall() == []
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        rows = connection.execute("SELECT student_number FROM student").fetchall()
    return sorted(number_of(number) for (number,) in rows)


def numbers_through_the_app(path: Path, clock: FakeClock) -> list[int]:
    with (
        open_database(path, passphrase=PASSPHRASE, clock=clock) as db,
        db.engine.connect() as connection,
    ):
        rows = connection.execute(text("SELECT student_number FROM student")).all()
    report = check_database(path, PASSPHRASE)
    assert report.ok, report
    return sorted(number_of(number) for (number,) in rows)


@pytest.mark.parametrize("seed", range(DATABASES))
def test_kill_9_while_writing_loses_no_acknowledged_commit(
    seed: int, db_path: Path, clock: FakeClock, writer: Writer
) -> None:
    with open_database(db_path, passphrase=PASSPHRASE, clock=clock) as db:
        set_up_school(db, "Juniper Flats High School", 2025)
    key = key_for_file(db_path, PASSPHRASE)
    chance = random.Random(seed)
    acknowledged: set[int] = set()
    present: list[int] = []
    for kill in range(KILLS_PER_DATABASE):
        start = present[-1] + 1 if present else 0
        acks = writer.run_and_kill(
            start,
            acks_before_kill=chance.randint(0, MOST_ACKS_BEFORE_KILL),
            delay=chance.uniform(0, 0.006),
        )
        assert acks == list(range(start, start + len(acks)))
        acknowledged.update(acks)
        # The killed worker's lock is free again (the OS released it).
        DatabaseLock.acquire(db_path).release()
        if kill % APP_OPEN_EVERY == APP_OPEN_EVERY - 1:
            present = numbers_through_the_app(db_path, clock)
        else:
            present = committed_numbers(db_path, key)
        assert acknowledged <= set(present), f"kill {kill}: an acknowledged commit was lost"
        # No gap: at most the one commit in flight when the kill came was not acknowledged.
        assert present == list(range(len(present)))
        assert len(set(present) - acknowledged) <= kill + 1
    assert len(acknowledged) >= KILLS_PER_DATABASE  # the writer really wrote


def test_check_right_after_a_kill_reads_the_log_and_changes_nothing(
    db_path: Path, clock: FakeClock, writer: Writer
) -> None:
    """What school IT would do after a crash, before anyone reopens the app: `check` reads the
    write-ahead log the killed process left, finds every acknowledged row, and writes neither
    the database nor its log (the shared-memory index is rebuilt, as any reader does)."""
    import hashlib

    with open_database(db_path, passphrase=PASSPHRASE, clock=clock) as db:
        set_up_school(db, "Juniper Flats High School", 2025)
    acks = writer.run_and_kill(0, acks_before_kill=12, delay=0.002)
    log = db_path.with_name(db_path.name + "-wal")
    assert log.exists()

    def digests() -> list[str]:
        return [hashlib.sha256(p.read_bytes()).hexdigest() for p in (db_path, log)]

    before = digests()
    report = check_database(db_path, PASSPHRASE)
    assert report.ok
    assert report.counts["student"] in (len(acks), len(acks) + 1)
    assert digests() == before
