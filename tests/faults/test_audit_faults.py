"""Issue 12, faults 6 and 10: the audit trail could be rewritten without `check` noticing, and a
write-ahead log deleted while the database was open, then a crash, lost committed rows with
`check` saying ok.

Each test does what a person with a database tool (or bad luck) would, outside the app, and
checks that `check` names it: the newest events deleted, an event edited and every later hash
recomputed, events removed from the middle, seals stripped, the -wal file deleted under a
writer that is then killed."""

import hashlib
import os
import signal
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from rp_desktop.db.audit_trail import audit_entry
from rp_desktop.db.cipher import connect, key_for_file
from rp_desktop.domain.records import StudentFields
from rp_desktop.domain.safekeeping.audit import GENESIS, BreakKind, chain_hash
from rp_desktop.domain.safekeeping.audit_seal import Behind, Gap
from rp_desktop.domain.safekeeping.passphrase import Passphrase
from rp_desktop.services.safekeeping.checking import check_database
from rp_desktop.services.safekeeping.opening import open_database
from rp_desktop.services.students.records import add_student
from tests.cli.conftest import Run, run
from tests.conftest import FakeClock
from tests.faults.test_kill9 import PASSPHRASE, Writer, writer

__all__ = ["run", "writer"]  # fixtures: the command line in-process, the kill -9 writer

SECRET = Passphrase("quartz meadow violin saturday")
Tamper = Callable[[sqlite3.Connection], None]


def write_history(
    path: Path, clock: FakeClock, passphrase: Passphrase | None, n: int, first: int = 0
) -> None:
    """`n` students added (numbered from `first`), one event each."""
    with open_database(
        path, passphrase=passphrase, unencrypted=passphrase is None, clock=clock
    ) as db:
        for number in range(first, first + n):
            add_student(db, StudentFields(f"S-{number}", "Quillon", f"Marsh{number}", grade=7))
            clock.advance(minutes=1)


def tamper(path: Path, passphrase: Passphrase | None, change: Tamper) -> None:
    key = None if passphrase is None else key_for_file(path, passphrase)
    with closing(connect(path, key)) as connection:
        change(connection)
        connection.commit()


def rechain_from(connection: sqlite3.Connection, first: int) -> None:
    """Recompute every hash from event `first` on, the way someone who read audit.py would."""
    rows = connection.execute(
        "SELECT id, at, actor, action, entity, entity_id, detail FROM audit_event ORDER BY id"
    ).fetchall()
    link = GENESIS
    for event_id, *fields in rows:
        entry = audit_entry(*fields)
        assert entry is not None
        if event_id >= first:
            connection.execute(
                "UPDATE audit_event SET previous_hash = ?, hash = ? WHERE id = ?",
                (link, chain_hash(link, entry), event_id),
            )
        link = connection.execute(
            "SELECT hash FROM audit_event WHERE id = ?", (event_id,)
        ).fetchone()[0]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("passphrase", [None, SECRET], ids=["plain", "encrypted"])
def test_fault_6_deleting_the_newest_events_is_detected(
    db_path: Path, clock: FakeClock, passphrase: Passphrase | None
) -> None:
    write_history(db_path, clock, passphrase, 8)
    assert check_database(db_path, passphrase).ok
    tamper(db_path, passphrase, lambda c: c.execute("DELETE FROM audit_event WHERE id > 5"))
    before = digest(db_path)
    report = check_database(db_path, passphrase)
    assert not report.ok
    assert report.audit_break is None  # the hash chain alone cannot see it
    assert report.behind is not None
    assert (report.behind.kind, report.behind.missing) == (Behind.MISSING, 3)
    assert digest(db_path) == before  # checking changed nothing


def test_fault_6_deleting_the_newest_events_is_said_by_check(
    run: Run, db_path: Path, clock: FakeClock
) -> None:
    write_history(db_path, clock, None, 15)
    tamper(db_path, None, lambda c: c.execute("DELETE FROM audit_event WHERE id > 3"))
    outcome = run("check", "--db", str(db_path))
    assert outcome.code == 1
    assert "The newest 12 events of the audit trail are missing" in outcome.err
    assert "rolled back or lost its recent changes" in outcome.err
    assert outcome.out == ""


def test_a_writing_command_warns_of_a_database_behind_its_head_and_still_runs(
    run: Run, db_path: Path, clock: FakeClock, tmp_path: Path
) -> None:
    write_history(db_path, clock, None, 6)
    tamper(db_path, None, lambda c: c.execute("DELETE FROM audit_event WHERE id > 2"))
    outcome = run("backup", "--db", str(db_path), "--out", str(tmp_path / "copy.db"))
    assert outcome.code == 0
    assert "Warning: The newest 4 events of the audit trail are missing" in outcome.err
    assert (tmp_path / "copy.db").exists()
    assert check_database(db_path).behind is not None  # still there for check and the window


def test_fault_6_deleted_events_stay_found_after_the_next_save(
    db_path: Path, clock: FakeClock
) -> None:
    """Opening compares before writing, and keeps the finding: saving more events on top of
    the truncated trail (reusing the removed ids) does not erase the evidence."""
    write_history(db_path, clock, None, 8)
    tamper(db_path, None, lambda c: c.execute("DELETE FROM audit_event WHERE id > 5"))
    write_history(db_path, clock, None, 4, first=100)  # opens, then saves events 6..9
    report = check_database(db_path)
    assert report.behind is not None
    assert (report.behind.missing, report.behind.newest_id) == (3, 5)
    assert not report.ok


@pytest.mark.parametrize("passphrase", [None, SECRET], ids=["plain", "encrypted"])
def test_fault_6_an_event_rewritten_and_rechained_is_detected(
    db_path: Path, clock: FakeClock, passphrase: Passphrase | None
) -> None:
    write_history(db_path, clock, passphrase, 6)

    def rewrite(connection: sqlite3.Connection) -> None:
        connection.execute("UPDATE audit_event SET actor = 'someone.else' WHERE id = 3")
        rechain_from(connection, 3)

    tamper(db_path, passphrase, rewrite)
    report = check_database(db_path, passphrase)
    assert report.audit_break is None  # the hash chain was recomputed: it holds
    assert report.seals is not None
    assert report.seals.altered_at == 3
    assert not report.ok


def test_fault_6_a_rewrite_is_said_by_check(run: Run, db_path: Path, clock: FakeClock) -> None:
    write_history(db_path, clock, None, 6)

    def rewrite(connection: sqlite3.Connection) -> None:
        connection.execute("UPDATE audit_event SET detail = 'grade' WHERE id = 4")
        rechain_from(connection, 4)

    tamper(db_path, None, rewrite)
    outcome = run("check", "--db", str(db_path))
    assert outcome.code == 1
    assert "The audit trail was altered at event 4 (changed)" in outcome.err
    assert "chain intact" not in outcome.out


@pytest.mark.parametrize("passphrase", [None, SECRET], ids=["plain", "encrypted"])
def test_fault_6_gaps_in_event_ids_are_detected(
    db_path: Path, clock: FakeClock, passphrase: Passphrase | None
) -> None:
    """Events removed from the middle, the chain recomputed around them: the ids skip."""
    write_history(db_path, clock, passphrase, 12)

    def remove(connection: sqlite3.Connection) -> None:
        connection.execute("DELETE FROM audit_event WHERE id BETWEEN 4 AND 6 OR id = 9")
        rechain_from(connection, 7)

    tamper(db_path, passphrase, remove)
    report = check_database(db_path, passphrase)
    assert report.audit_break is None
    assert report.seals is not None
    assert report.seals.gaps == (Gap(4, 6), Gap(9, 9))
    assert not report.ok


def test_fault_6_gaps_are_said_by_check(run: Run, db_path: Path, clock: FakeClock) -> None:
    write_history(db_path, clock, None, 50)
    tamper(db_path, None, lambda c: c.execute("DELETE FROM audit_event WHERE id BETWEEN 40 AND 45"))
    outcome = run("check", "--db", str(db_path))
    assert outcome.code == 1
    assert "Events 40–45 of the audit trail are missing" in outcome.err
    # The hash chain's own break (at 46, "an event before it was removed") is the same finding.
    assert "event 46" not in outcome.err


def test_fault_6_stripped_seals_are_not_sealed_again(db_path: Path, clock: FakeClock) -> None:
    """Someone rewrites an event, re-chains the hashes and empties every seal, hoping the
    next opening seals the trail afresh as after the upgrade: it does not, since this computer
    has seen the trail sealed."""
    write_history(db_path, clock, SECRET, 5)

    def strip(connection: sqlite3.Connection) -> None:
        connection.execute("UPDATE audit_event SET detail = 'grade' WHERE id = 2")
        rechain_from(connection, 2)
        connection.execute("UPDATE audit_event SET seal = NULL")

    tamper(db_path, SECRET, strip)
    write_history(db_path, clock, SECRET, 0)  # opened (and closed) by the app
    report = check_database(db_path, SECRET)
    assert report.seals is not None
    assert report.seals.unsealed == 5
    assert report.behind is not None
    assert report.behind.kind is Behind.REPLACED
    assert not report.ok


def write_delete_log_and_kill(writer: Writer, log: Path, delete_at: int, kill_at: int) -> list[int]:
    """Start a worker adding students from 0; delete `log` once `delete_at` commits were
    acknowledged; kill the worker with SIGKILL once `kill_at` were. Every number acknowledged."""
    assert writer.process.stdin is not None
    writer.process.stdin.write("0\n")
    writer.process.stdin.flush()
    pid, acks = 0, []
    while len(acks) < kill_at:
        said = writer.line()
        if said.startswith("worker "):
            pid = int(said.split()[1])
        else:
            assert said.startswith("ack "), f"the writer said: {said}"
            acks.append(int(said.split()[1]))
        if len(acks) == delete_at and log.exists():
            log.unlink()
    os.kill(pid, signal.SIGKILL)
    while not (said := writer.line()).startswith("ended "):
        acks.append(int(said.split()[1]))
    status = int(said.split()[1])
    assert os.WIFSIGNALED(status), f"the worker ended by itself: {writer.log[-5:]}"
    return acks


def test_fault_10_wal_deleted_while_open_then_a_crash_is_detected(
    db_path: Path, clock: FakeClock, writer: Writer, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A writer commits rows (each acknowledged only after its commit returned); its -wal file
    is deleted under it; it commits more; it is killed. The committed rows are gone with the
    log, and `check` says so instead of "ok"."""
    write_history(db_path, clock, PASSPHRASE, 1)
    events_before = check_database(db_path, PASSPHRASE).audit_events
    log = db_path.with_name(db_path.name + "-wal")

    acks = write_delete_log_and_kill(writer, log, delete_at=5, kill_at=10)
    assert acks[:10] == list(range(10))
    report = check_database(db_path, PASSPHRASE)
    assert report.counts["student"] < 1 + len(acks)  # committed rows were lost with the log
    assert report.audit_events == events_before
    assert report.behind is not None
    assert report.behind.kind is Behind.MISSING
    assert report.behind.missing >= len(acks)
    assert not report.ok
    monkeypatch.setenv("RP_DESKTOP_PASSPHRASE", PASSPHRASE.reveal())
    outcome = run("check", "--db", str(db_path))
    assert outcome.code == 1
    assert "events of the audit trail are missing" in outcome.err


def test_an_untouched_trail_passes_and_says_how_it_is_sealed(
    run: Run, db_path: Path, clock: FakeClock
) -> None:
    write_history(db_path, clock, None, 3)
    outcome = run("check", "--db", str(db_path))
    assert outcome.code == 0, outcome.err
    assert "chain intact, sealed with the public key of an unencrypted database" in outcome.out
    assert check_database(db_path).seals is not None


def test_the_hash_chain_break_is_still_named(db_path: Path, clock: FakeClock) -> None:
    write_history(db_path, clock, None, 4)
    tamper(db_path, None, lambda c: c.execute("UPDATE audit_event SET actor = 'x' WHERE id = 2"))
    report = check_database(db_path)
    assert report.audit_break is not None
    assert (report.audit_break.event_id, report.audit_break.kind) == (2, BreakKind.CHANGED)
    assert report.seals is not None
    assert report.seals.altered_at == 2
