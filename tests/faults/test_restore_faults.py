"""Restore is the way back from anything (issue 12, faults 1, 4, 9 and 11): onto a path where
there is no database (a lost laptop), over a damaged one (set aside, never deleted), from a
damaged or foreign backup (refused in words that name the real cause), from a backup made under
an earlier passphrase; and no attempt that fails leaves a file behind."""

import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from rp_desktop import cli
from rp_desktop.cli.restore import BACKUP_PASSPHRASE_VARIABLE
from rp_desktop.db.read_only import database_identity, open_read_only
from rp_desktop.domain.records import ListQuery, StudentFields
from rp_desktop.domain.safekeeping.passphrase import Passphrase
from rp_desktop.services.safekeeping import restoring
from rp_desktop.services.safekeeping.backups import BackupReason, make_backup
from rp_desktop.services.safekeeping.checking import check_database
from rp_desktop.services.safekeeping.errors import WrongPassphrase
from rp_desktop.services.safekeeping.files import key_for
from rp_desktop.services.safekeeping.opening import open_database
from rp_desktop.services.students import records as students
from tests.conftest import FakeClock, digest

PASSPHRASE = Passphrase("amber lantern quiet meadow falls")
EARLIER = Passphrase("cobalt thimble river autumn")
WRONG = Passphrase("silver kettle thunder orchard")
PAGE = 4096
PROJECT = Path(__file__).resolve().parents[2]
STUDENTS = 30


def listing(folder: Path) -> list[str]:
    """Every file and folder under `folder`, by path: what an attempt must leave as it was."""
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def student_numbers(path: Path, passphrase: Passphrase | None) -> list[str]:
    with open_database(path, passphrase=passphrase, unencrypted=passphrase is None) as db:
        rows = students.list_students(db, ListQuery(include_inactive=True)).rows
        return sorted(s.student_number for s in rows)


def make_school(path: Path, passphrase: Passphrase | None, clock: FakeClock) -> Path:
    """A school of STUDENTS invented students, and a backup of it beside it (backup.db)."""
    with open_database(path, passphrase=passphrase, unencrypted=passphrase is None) as db:
        for number in range(STUDENTS):
            students.add_student(db, StudentFields(f"Q{number:03d}", "Odalys", "Fenwick", grade=7))
        made = make_backup(db, BackupReason.BY_HAND, out=path.with_name("backup.db"))
    return made.path


@pytest.fixture
def encrypted_backup(tmp_path: Path, clock: FakeClock) -> Path:
    """An encrypted backup in tmp_path/kept/, of a school whose database is gone."""
    (tmp_path / "kept").mkdir()
    backup = make_school(tmp_path / "kept" / "school.db", PASSPHRASE, clock)
    for leftover in (tmp_path / "kept").glob("school.db*"):
        leftover.unlink()
    return backup


@pytest.fixture
def cli_run(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Callable[..., tuple[int, str, str]]:
    """rp-desktop in-process, with the database passphrase (or none) in its variable."""

    def invoke(*argv: str, passphrase: Passphrase | None = PASSPHRASE) -> tuple[int, str, str]:
        monkeypatch.delenv(BACKUP_PASSPHRASE_VARIABLE, raising=False)
        if passphrase is None:
            monkeypatch.delenv(cli.PASSPHRASE_VARIABLE, raising=False)
        else:
            monkeypatch.setenv(cli.PASSPHRASE_VARIABLE, passphrase.reveal())
        code = cli.main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    return invoke


def test_fault_1_cli_restores_onto_a_missing_database(
    encrypted_backup: Path, tmp_path: Path, cli_run: Callable[..., tuple[int, str, str]]
) -> None:
    """`backup; rm school.db*; restore` gave exit 1, blamed the passphrase and left an empty new
    database; now the backup's own salt gives its key and the school is back."""
    laptop = tmp_path / "laptop"
    laptop.mkdir()
    target = laptop / "school.db"

    code, out, err = cli_run("restore", "--db", str(target), "--from", str(encrypted_backup))

    assert code == 0, err
    assert "There was no database at" in out
    assert f"{STUDENTS} student" in out
    assert listing(laptop) == ["school.db", "school.db.lock"]
    assert student_numbers(target, PASSPHRASE) == [f"Q{n:03d}" for n in range(STUDENTS)]
    report = check_database(target, PASSPHRASE)
    assert report.ok
    with (
        closing(open_read_only(encrypted_backup, key_for(encrypted_backup, PASSPHRASE))) as b,
        closing(open_read_only(target, key_for(target, PASSPHRASE))) as t,
    ):
        assert database_identity(t) == database_identity(b)  # the same school
        actions = [a for (a,) in t.execute("SELECT action FROM audit_event ORDER BY id")]
    assert actions[-1] == "restore"


def test_fault_1_service_restores_onto_a_missing_database(
    encrypted_backup: Path, tmp_path: Path, clock: FakeClock
) -> None:
    target = tmp_path / "new folder" / "school.db"  # its folder is made too
    done = restoring.restore_to_new(target, encrypted_backup, PASSPHRASE, clock=clock)
    with done.database as db:
        assert db.encrypted
        assert db.path == target
        assert students.list_students(db, ListQuery()).total == STUDENTS
    assert done.counts["student"] == STUDENTS
    assert sorted(os.listdir(target.parent)) == ["school.db", "school.db.lock"]


def test_fault_1_a_plain_backup_restores_as_plain(
    tmp_path: Path, clock: FakeClock, cli_run: Callable[..., tuple[int, str, str]]
) -> None:
    backup = make_school(tmp_path / "old.db", None, clock)
    target = tmp_path / "laptop" / "school.db"
    code, out, err = cli_run("restore", "--db", str(target), str(backup), passphrase=None)
    assert code == 0, err
    assert "unencrypted, as the backup was" in out
    assert target.read_bytes().startswith(b"SQLite format 3\x00")
    assert len(student_numbers(target, None)) == STUDENTS


def test_fault_4_restore_over_a_damaged_database_sets_it_aside(
    tmp_path: Path, clock: FakeClock, cli_run: Callable[..., tuple[int, str, str]]
) -> None:
    """`check` called the database damaged and `restore` over it failed with "something
    unexpected went wrong"; now it is kept under a new name and the backup put in its place."""
    path = tmp_path / "school.db"
    backup = make_school(path, PASSPHRASE, clock)
    damaged = bytearray(path.read_bytes())
    damaged[-PAGE + 200] ^= 0xFF  # the last page's authentication code fails; opening works
    path.write_bytes(bytes(damaged))
    assert cli_run("check", "--db", str(path))[0] == 1

    code, out, err = cli_run("restore", "--db", str(path), "--from", str(backup))

    assert code == 0, err
    [kept] = tmp_path.glob("school.damaged-*.db")
    assert kept.name in out
    assert kept.read_bytes() == bytes(damaged)  # never deleted, never changed
    assert check_database(path, PASSPHRASE).ok
    assert len(student_numbers(path, PASSPHRASE)) == STUDENTS


TRUNCATIONS: dict[str, Callable[[bytes], bytes]] = {
    "at-a-page": lambda data: data[: len(data) // 2 // PAGE * PAGE],
    "mid-page": lambda data: data[: len(data) // 2 + 1000],
    "last-page-lost": lambda data: data[:-PAGE],
    "empty": lambda data: b"",
}


@pytest.mark.parametrize("cut", TRUNCATIONS)
@pytest.mark.parametrize("into", ["missing", "open"])
def test_fault_9_a_truncated_backup_is_called_damaged_not_a_wrong_passphrase(
    cut: str,
    into: str,
    encrypted_backup: Path,
    tmp_path: Path,
    clock: FakeClock,
    cli_run: Callable[..., tuple[int, str, str]],
) -> None:
    truncated = tmp_path / "truncated.db"
    truncated.write_bytes(TRUNCATIONS[cut](encrypted_backup.read_bytes()))
    laptop = tmp_path / "laptop"
    laptop.mkdir()
    target = laptop / "school.db"
    if into == "open":
        open_database(target, passphrase=PASSPHRASE, clock=clock).close()
    before = listing(tmp_path)

    code, out, err = cli_run("restore", "--db", str(target), "--from", str(truncated))

    assert code == 1
    assert out == ""
    assert err == (
        "rp-desktop: That backup is damaged (it is incomplete or its pages do not read); "
        "choose another.\n"
    )
    assert listing(tmp_path) == before


def test_fault_11_cli_restores_a_backup_made_under_an_earlier_passphrase(
    tmp_path: Path, clock: FakeClock, cli_run: Callable[..., tuple[int, str, str]]
) -> None:
    path = tmp_path / "school.db"
    backup = make_school(path, EARLIER, clock)
    with open_database(path, passphrase=EARLIER, clock=clock) as db:
        db.change_passphrase(EARLIER, PASSPHRASE)
        students.add_student(db, StudentFields("Z999", "Tobiah", "Fenwick", grade=7))
    earlier_file = tmp_path / "earlier.txt"
    earlier_file.write_text(EARLIER.reveal() + "\n", encoding="utf-8")

    code, _, err = cli_run("restore", "--db", str(path), str(backup))
    assert code == 1
    assert BACKUP_PASSPHRASE_VARIABLE in err
    assert "--backup-passphrase-file" in err
    assert len(student_numbers(path, PASSPHRASE)) == STUDENTS + 1  # nothing changed

    code, out, err = cli_run(
        "restore", "--db", str(path), str(backup), "--backup-passphrase-file", str(earlier_file)
    )
    assert code == 0, err
    assert "Restored" in out
    assert len(student_numbers(path, PASSPHRASE)) == STUDENTS  # today's passphrase opens it


def test_fault_11_onto_a_missing_path_both_passphrases_give_the_new_one(
    tmp_path: Path,
    clock: FakeClock,
    cli_run: Callable[..., tuple[int, str, str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    backup = make_school(tmp_path / "old.db", EARLIER, clock)
    target = tmp_path / "laptop" / "school.db"
    monkeypatch.setenv(BACKUP_PASSPHRASE_VARIABLE, EARLIER.reveal())
    monkeypatch.setenv(cli.PASSPHRASE_VARIABLE, PASSPHRASE.reveal())
    assert cli.main(["restore", "--db", str(target), "--from", str(backup)]) == 0
    with pytest.raises(WrongPassphrase):
        open_database(target, passphrase=EARLIER, clock=clock)
    assert len(student_numbers(target, PASSPHRASE)) == STUDENTS


def test_fault_9_a_backup_of_another_database_is_named_as_such(
    tmp_path: Path, clock: FakeClock, cli_run: Callable[..., tuple[int, str, str]]
) -> None:
    """Into an open database, a backup of a different one (its identity differs) is refused in
    words that say so and how to restore it elsewhere; onto a new path it restores."""
    ours = tmp_path / "ours" / "school.db"
    ours.parent.mkdir()
    make_school(ours, PASSPHRASE, clock)
    theirs = make_school(tmp_path / "theirs.db", PASSPHRASE, clock)
    before, beside = digest(ours), listing(ours.parent)

    code, _, err = cli_run("restore", "--db", str(ours), "--from", str(theirs))

    assert code == 1
    assert "a backup of a different database" in err
    assert "rp-desktop restore --db NEW.db" in err
    assert "passphrase" not in err
    assert digest(ours) == before
    assert listing(ours.parent) == beside
    elsewhere = tmp_path / "elsewhere.db"
    assert cli_run("restore", "--db", str(elsewhere), "--from", str(theirs))[0] == 0


@pytest.mark.parametrize("into", ["missing", "open"])
def test_fault_9_a_file_that_is_not_an_rp_desktop_database_is_named(
    into: str, tmp_path: Path, clock: FakeClock, cli_run: Callable[..., tuple[int, str, str]]
) -> None:
    other = tmp_path / "other.db"
    with closing(sqlite3.connect(other)) as connection:
        connection.execute("CREATE TABLE recipe (name TEXT)")
        connection.commit()
    roster = tmp_path / "roster.csv"
    roster.write_text("Name,Grade\nOdalys Fenwick,7\n", encoding="utf-8")
    target = tmp_path / "laptop" / "school.db"
    if into == "open":
        target.parent.mkdir()
        open_database(target, passphrase=PASSPHRASE, clock=clock).close()
    for foreign in (other, roster):
        before = listing(tmp_path)
        code, _, err = cli_run("restore", "--db", str(target), "--from", str(foreign))
        assert code == 1
        assert err == (
            "rp-desktop: That file is not an RP Desktop database or backup; choose another.\n"
        )
        assert listing(tmp_path) == before


@pytest.mark.parametrize("folder", ["there", "missing"])
def test_no_failed_restore_onto_a_missing_path_leaves_a_file_behind(
    folder: str,
    encrypted_backup: Path,
    tmp_path: Path,
    cli_run: Callable[..., tuple[int, str, str]],
) -> None:
    """A wrong passphrase, a damaged backup, a foreign file: the folder listing is the same
    after as before (no empty database, no -wal, -shm, lock file or folder left)."""
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(encrypted_backup.read_bytes()[: 3 * PAGE])
    foreign = tmp_path / "notes.txt"
    foreign.write_text("not a backup\n" * 100, encoding="utf-8")
    laptop = tmp_path / "laptop"
    if folder == "there":
        laptop.mkdir()
    target = laptop / "school.db"
    attempts = [(encrypted_backup, WRONG), (damaged, PASSPHRASE), (foreign, PASSPHRASE)]
    for backup, passphrase in attempts:
        before = listing(tmp_path)
        code, out, err = cli_run(
            "restore", "--db", str(target), "--from", str(backup), passphrase=passphrase
        )
        assert code == 1, backup.name
        assert out == ""
        assert err.count("\n") == 1
        assert listing(tmp_path) == before, backup.name


def restore_on_a_small_disk(target: Path, backup: Path, limit: int) -> tuple[int, str, str]:
    """`rp-desktop restore` in its own process, which may write no file past `limit` bytes (a
    full disk, as the writing process sees it)."""

    def small_disk() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a failed write, not a killed process
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    finished = subprocess.run(
        [sys.executable, "-m", "rp_desktop", "restore", "--db", str(target), str(backup)],
        cwd=PROJECT,
        env={**os.environ, cli.PASSPHRASE_VARIABLE: PASSPHRASE.reveal()},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        preexec_fn=small_disk,
    )
    return finished.returncode, finished.stdout, finished.stderr


def test_no_restore_onto_a_missing_path_is_left_half_made_when_the_disk_is_full(
    encrypted_backup: Path, tmp_path: Path
) -> None:
    """The copy hits the limit: one plain sentence, and nothing left where it was to go."""
    laptop = tmp_path / "laptop"
    laptop.mkdir()
    limit = encrypted_backup.stat().st_size // 2
    code, out, err = restore_on_a_small_disk(laptop / "school.db", encrypted_backup, limit)
    assert code == 1, err
    assert out == ""
    assert err.startswith("rp-desktop: There is no room left on the disk")
    assert err.count("\n") == 1
    assert listing(laptop) == []


def test_a_damaged_database_is_put_back_when_the_disk_is_full(
    tmp_path: Path, clock: FakeClock
) -> None:
    """Over a damaged database, a copy that finds no room puts the damaged file back where it
    was, as it was, and leaves nothing beside it."""
    path = tmp_path / "school.db"
    backup = make_school(path, PASSPHRASE, clock)
    damaged = bytearray(path.read_bytes())
    damaged[-PAGE + 200] ^= 0xFF
    path.write_bytes(bytes(damaged))
    before = listing(tmp_path)
    code, out, err = restore_on_a_small_disk(path, backup, backup.stat().st_size // 2)
    assert code == 1, err
    assert out == ""
    assert err.startswith("rp-desktop: There is no room left on the disk")
    assert err.count("\n") == 1
    assert listing(tmp_path) == before
    assert path.read_bytes() == bytes(damaged)


def test_a_restore_copies_nothing_when_the_place_is_taken(
    encrypted_backup: Path, tmp_path: Path, clock: FakeClock
) -> None:
    """A log left by an earlier database would be replayed onto the copy: refused untouched."""
    laptop = tmp_path / "laptop"
    laptop.mkdir()
    (laptop / "school.db-wal").write_bytes(b"left from before")
    before = listing(laptop)
    with pytest.raises(FileExistsError):
        restoring.restore_to_new(laptop / "school.db", encrypted_backup, PASSPHRASE, clock=clock)
    assert listing(laptop) == before
    shutil.rmtree(laptop)
