"""Issue 12's faults about the database's files, each reproduced as it was found: a write into a
damaged database (4), a read-only folder or file (5 and 9), a symlinked lock file (8), files
other users could read and no wait after wrong passphrases on the command line (11).

A refusal leaves the file's bytes and its folder's listing exactly as they were."""

import contextlib
import hashlib
import importlib
import io
import json
import os
import random
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from rp_desktop import cli
from rp_desktop.db.backup import copy_database, export_database, set_aside
from rp_desktop.db.cipher import key_for_file, new_key
from rp_desktop.db.salvage import salvage_database
from rp_desktop.domain.records import StudentFields
from rp_desktop.domain.safekeeping.files import ReadOnly
from rp_desktop.domain.safekeeping.passphrase import Passphrase, unlock_delay
from rp_desktop.services.safekeeping import database as database_module
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.errors import LockFileRefused, NotADatabase, ReadOnlyPlace
from rp_desktop.services.safekeeping.files import WrongPassphrases
from rp_desktop.services.safekeeping.opening import open_database
from rp_desktop.services.school import set_up_school
from rp_desktop.services.students import records as students
from tests.unprivileged import as_ordinary_user, folder_anyone_can_reach

PASSPHRASE = Passphrase("amber lantern quiet meadow falls")
WRONG = Passphrase("silver kettle thunder orchard")
PAGE = 4096
ROSTER = "Student Number,First Name,Last Name,Grade\nZ-900,Marisol,Quenby,10\n"


def fingerprint(folder: Path) -> dict[str, str]:
    """Every name in `folder`, with its file's sha256 (a link: where it points)."""
    seen = {}
    for path in sorted(folder.iterdir()):
        if path.is_symlink():
            seen[path.name] = f"-> {os.readlink(path)}"
        elif path.is_file():
            seen[path.name] = hashlib.sha256(path.read_bytes()).hexdigest()
        else:
            seen[path.name] = "folder"
    return seen


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def make_school(path: Path, passphrase: Passphrase | None = PASSPHRASE) -> None:
    with open_database(path, passphrase=passphrase, unencrypted=passphrase is None) as db:
        set_up_school(db, "Juniper Flats High School", 2025)
        for number in range(60):
            students.add_student(db, StudentFields(f"J{number:04d}", "Odalys", "Fenwick", grade=9))


def damage_a_middle_page(path: Path) -> None:
    data = bytearray(path.read_bytes())
    middle = len(data) // PAGE - 2  # a page of students, not the schema
    data[middle * PAGE + 100 : middle * PAGE + 4000] = random.Random(12).randbytes(3900)
    path.write_bytes(bytes(data))


def run(
    capsys: pytest.CaptureFixture[str], *argv: str, sleep: "list[float] | None" = None
) -> tuple[int, str, str]:
    waits = [] if sleep is None else sleep
    code = cli.main(list(argv), sleep=waits.append)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def with_passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cli.PASSPHRASE_VARIABLE, PASSPHRASE.reveal())


# Fault 4 ------------------------------------------------------------------------------------


@pytest.mark.parametrize("encrypted", [True, False], ids=["encrypted", "plain"])
def test_fault_4_import_into_a_damaged_database_is_refused(
    encrypted: bool,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`check` says damaged; `import-roster` then imported into it with exit 0."""
    path = tmp_path / "school.db"
    make_school(path, PASSPHRASE if encrypted else None)
    if encrypted:
        monkeypatch.setenv(cli.PASSPHRASE_VARIABLE, PASSPHRASE.reveal())
    damage_a_middle_page(path)
    assert run(capsys, "check", "--db", str(path))[0] == 1
    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    before = fingerprint(tmp_path)
    code, out, err = run(capsys, "import-roster", "--db", str(path), str(roster))
    assert (code, out) == (1, "")
    assert err == (
        f"rp-desktop: The database {path} is damaged; nothing was changed. Restore it from a "
        f"backup: rp-desktop restore --db {path} FILE.\n"
    )
    assert fingerprint(tmp_path) == before


@pytest.mark.parametrize(
    "command",
    [
        ["demo-data", "--students", "5", "--years", "1"],
        ["backup", "--out", "elsewhere.db"],
        ["export", "--out", "exports"],
    ],
    ids=["demo-data", "backup", "export"],
)
def test_fault_4_no_command_writes_into_a_damaged_database(
    command: list[str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    with_passphrase: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = tmp_path / "school.db"
    make_school(path)
    damage_a_middle_page(path)
    monkeypatch.chdir(tmp_path)
    before = fingerprint(tmp_path)
    code, _, err = run(capsys, command[0], "--db", str(path), *command[1:])
    assert code == 1
    assert "is damaged; nothing was changed" in err
    assert fingerprint(tmp_path) == before


def test_fault_4_restore_over_a_damaged_database_sets_it_aside(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    with_passphrase: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Damage the opening did not read (a page of students) opened for writing, and `restore`
    then failed inside; found by the quick check, the file is set aside, kept, and replaced."""
    path = tmp_path / "school.db"
    make_school(path)
    backup = tmp_path / "backup.db"
    assert run(capsys, "backup", "--db", str(path), "--out", str(backup))[0] == 0
    damage_a_middle_page(path)
    damaged = hashlib.sha256(path.read_bytes()).hexdigest()
    monkeypatch.chdir(tmp_path)  # relative paths, as typed
    code, out, err = run(capsys, "restore", "--db", "school.db", "--from", "backup.db")
    assert (code, err) == (0, "")
    assert "could not be opened; it was kept" in out
    (aside,) = tmp_path.glob("school.damaged-*.db")
    assert hashlib.sha256(aside.read_bytes()).hexdigest() == damaged
    assert run(capsys, "check", "--db", str(path))[0] == 0


def test_fault_4_the_window_opens_a_damaged_file_and_checks_it_after(tmp_path: Path) -> None:
    """The window opens without the quick check (it runs its own on a worker once open, so
    start-up does not wait for it); verify=True is the command line's."""
    path = tmp_path / "school.db"
    make_school(path)
    damage_a_middle_page(path)
    with Database.open(path, passphrase=PASSPHRASE):
        pass
    with pytest.raises(NotADatabase, match="is damaged"):
        Database.open(path, passphrase=PASSPHRASE, verify=True)


# Faults 5 and 9: read-only places -------------------------------------------------------------


@pytest.fixture
def shared() -> Iterator[Path]:
    with folder_anyone_can_reach() as folder:
        yield folder


IMPORTED_BY_COMMANDS = (
    "encodings.cp1252",
    "rp_desktop.services.safekeeping.restoring",
    "rp_desktop.domain.roster",
    "rp_desktop.services.students.roster_import",
    "rp_desktop.ui.words.roster",
)


class Answered(Exception):
    """How a command ended, carried out of the unprivileged child as its error message."""


def command_as_ordinary_user(*argv: str) -> tuple[int, str]:
    """The exit code and stderr of `rp-desktop argv` run without root's power to write. What
    the command imports is imported first: the user `nobody` may not read root's Python."""
    for name in IMPORTED_BY_COMMANDS:
        importlib.import_module(name)

    def command() -> None:
        stderr = io.StringIO()
        with contextlib.redirect_stderr(stderr):
            code = cli.main(list(argv), sleep=lambda seconds: None)
        raise Answered(json.dumps([code, stderr.getvalue()]))

    outcome = as_ordinary_user(None, command)
    assert outcome.error == "Answered", outcome
    code, err = json.loads(outcome.message)
    return code, err


def hand_to_nobody(folder: Path) -> None:
    """Give `folder` and what is in it to the unprivileged user (when the tests run as root)."""
    if os.geteuid() != 0:
        return
    for path in [folder, *folder.iterdir()]:
        os.chown(path, 65534, 65534)


def test_fault_5_a_read_only_folder_is_not_called_damaged(
    shared: Path, with_passphrase: None
) -> None:
    """It was "The database … is damaged", and `restore` then tried to set it aside."""
    folder = shared / "Counseling"
    folder.mkdir()
    path = folder / "school.db"
    make_school(path)
    backup = shared / "backup.db"
    copy_database(path, backup, key_for_file(path, PASSPHRASE))
    hand_to_nobody(folder)
    if os.geteuid() == 0:
        os.chown(backup, 65534, 65534)
    roster = shared / "roster.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    roster.chmod(0o644)
    folder.chmod(0o555)
    before = fingerprint(folder)
    said = (
        f"rp-desktop: The folder {folder} is read-only: RP Desktop cannot save there. "
        "Choose another folder or ask IT to allow writing.\n"
    )
    for command in (["import-roster", str(roster)], ["restore", "--from", str(backup)]):
        assert command_as_ordinary_user(command[0], "--db", str(path), *command[1:]) == (1, said)
    outcome = as_ordinary_user(
        None, lambda: Database.open(path, passphrase=PASSPHRASE, verify=True)
    )
    assert (outcome.error, f"rp-desktop: {outcome.message}\n") == ("ReadOnlyPlace", said)
    assert fingerprint(folder) == before


def test_fault_5_a_new_database_in_a_read_only_folder_is_said_plainly(shared: Path) -> None:
    """It was "Permission denied: …/school.db.lock."."""
    folder = shared / "Counseling"
    folder.mkdir()
    folder.chmod(0o555)
    target = folder / "district" / "school.db"
    outcome = as_ordinary_user(None, lambda: Database.open(target, passphrase=PASSPHRASE))
    assert outcome.error == "ReadOnlyPlace"
    assert outcome.message.startswith(f"The folder {folder} is read-only:")
    assert list(folder.iterdir()) == []


def test_fault_9_a_read_only_database_file_is_said_plainly_and_leaves_no_log_files(
    shared: Path, with_passphrase: None
) -> None:
    """A 0444 file was "something unexpected went wrong" and left -wal and -shm behind."""
    path = shared / "school.db"
    make_school(path)
    hand_to_nobody(shared)
    path.chmod(0o444)
    roster = shared / "roster.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    roster.chmod(0o644)
    before = fingerprint(shared)
    code, err = command_as_ordinary_user("import-roster", "--db", str(path), str(roster))
    assert (code, err) == (
        1,
        f"rp-desktop: The file {path} is read-only: RP Desktop cannot save to it. Allow "
        "writing to it (or copy the database to a folder of your own), or ask IT to.\n",
    )
    outcome = as_ordinary_user(None, lambda: Database.open(path, passphrase=PASSPHRASE))
    assert outcome.error == "ReadOnlyPlace"
    assert fingerprint(shared) == before


def test_fault_5_what_sqlite_refuses_in_a_read_only_folder_is_not_called_damaged(
    shared: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where the system's answer to "may I write here?" is yes but writing fails (a network
    share that maps users its own way), SQLite's refusal to make its log files is read for
    what it is; it was "damaged" (any driver error in the schema check was)."""
    folder = shared / "Counseling"
    folder.mkdir()
    path = folder / "school.db"
    make_school(path)  # leaves its lock file, which the user may still write
    hand_to_nobody(folder)
    folder.chmod(0o555)
    monkeypatch.setattr(database_module, "refuse_if_read_only", lambda path: None)
    before = fingerprint(folder)
    outcome = as_ordinary_user(None, lambda: Database.open(path, passphrase=PASSPHRASE))
    assert outcome.error == "ReadOnlyPlace"
    assert outcome.message.startswith(f"The folder {folder} is read-only:")
    assert fingerprint(folder) == before


# Fault 8 ------------------------------------------------------------------------------------


def test_fault_8_lock_file_symlink_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], with_passphrase: None
) -> None:
    """`ln -s victim.txt school.db.lock` truncated victim.txt."""
    victim = tmp_path / "victim.txt"
    victim.write_text("the counselor's own notes\n", encoding="utf-8")
    lock = tmp_path / "school.db.lock"
    lock.symlink_to(victim.name)
    before = fingerprint(tmp_path)
    code, out, err = run(capsys, "demo-data", "--db", str(tmp_path / "school.db"))
    assert (code, out) == (1, "")
    assert err == (
        f"rp-desktop: {lock} is a link or a special file, not RP Desktop's lock file, so "
        "RP Desktop did not use it and changed nothing. Remove it, then open the database "
        "again.\n"
    )
    assert fingerprint(tmp_path) == before
    assert victim.read_text(encoding="utf-8") == "the counselor's own notes\n"


def test_fault_8_a_symlinked_lock_beside_an_existing_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "school.db"
    make_school(path)
    victim = tmp_path / "victim.txt"
    victim.write_text("keep", encoding="utf-8")
    (tmp_path / "school.db.lock").unlink()
    (tmp_path / "school.db.lock").symlink_to(victim)
    before = fingerprint(tmp_path)
    with pytest.raises(LockFileRefused):
        Database.open(path, passphrase=PASSPHRASE)
    assert fingerprint(tmp_path) == before


# Fault 11: modes ----------------------------------------------------------------------------


def test_fault_11_a_new_database_and_its_log_files_are_0600(tmp_path: Path) -> None:
    path = tmp_path / "school.db"
    with open_database(path, passphrase=PASSPHRASE) as db:
        students.add_student(db, StudentFields("J0001", "Odalys", "Fenwick", grade=9))
        with db.engine.connect():
            logs = [tmp_path / "school.db-wal", tmp_path / "school.db-shm"]
            assert {log.name: mode(log) for log in logs} == {log.name: 0o600 for log in logs}
        assert mode(path) == 0o600
        assert mode(tmp_path / "school.db.lock") == 0o600


def test_fault_11_backups_and_every_copy_are_0600(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], with_passphrase: None
) -> None:
    path = tmp_path / "school.db"
    make_school(path)
    key = key_for_file(path, PASSPHRASE)
    code, _, err = run(capsys, "backup", "--db", str(path), "--out", str(tmp_path / "b.db"))
    assert code == 0, err
    copy_database(path, tmp_path / "copy.db", key)  # before-migration copies, restores
    recovery = tmp_path / "recovery.db"
    export_database(path, key, recovery, new_key(Passphrase("district office spare key")))
    aside = tmp_path / "aside-me.db"
    aside.write_bytes(b"")
    aside.chmod(0o644)
    set_aside(aside, "aside.db")
    salvage_database(path, key, tmp_path / "salvaged.db")  # what could be read of a damaged one
    made = ["b.db", "copy.db", "recovery.db", "aside.db", "salvaged.db"]
    assert {name: mode(tmp_path / name) for name in made} == dict.fromkeys(made, 0o600)


def test_fault_11_a_0644_database_of_an_earlier_version_is_made_private(tmp_path: Path) -> None:
    """The choice made: tightened on its first opening for writing (other users' permissions
    taken away, the owner's kept), since an earlier version made every database 0644."""
    path = tmp_path / "school.db"
    make_school(path)
    path.chmod(0o644)
    with open_database(path, passphrase=PASSPHRASE):
        assert mode(path) == 0o600


# Fault 11: the wait after wrong passphrases ---------------------------------------------------


def test_fault_11_the_command_line_waits_after_wrong_passphrases(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Wrong passphrases could be tried on the command line as fast as the key derives."""
    path = tmp_path / "school.db"
    make_school(path)
    waits: list[float] = []
    monkeypatch.setenv(cli.PASSPHRASE_VARIABLE, WRONG.reveal())
    errors = []
    for _ in range(5):
        code, _, err = run(capsys, "check", "--db", str(path), sleep=waits)
        assert code == 1
        errors.append(err)
    assert waits == [unlock_delay(3), unlock_delay(4)] == [2.0, 4.0]
    assert errors[3].splitlines()[0] == ("rp-desktop: Waiting 2 seconds after 3 wrong passphrases…")
    assert errors[4].splitlines()[0] == ("rp-desktop: Waiting 4 seconds after 4 wrong passphrases…")
    assert all("That passphrase does not open" in err for err in errors)
    state = WrongPassphrases().file
    assert mode(state) == 0o600
    assert json.loads(state.read_text(encoding="utf-8")) == {str(path.resolve()): 5}


def test_fault_11_the_right_passphrase_starts_the_count_again(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "school.db"
    other = tmp_path / "other.db"
    make_school(path)
    make_school(other)
    waits: list[float] = []
    monkeypatch.setenv(cli.PASSPHRASE_VARIABLE, WRONG.reveal())
    for _ in range(4):
        run(capsys, "check", "--db", str(path), sleep=waits)
    monkeypatch.setenv(cli.PASSPHRASE_VARIABLE, PASSPHRASE.reveal())
    assert run(capsys, "check", "--db", str(other), sleep=waits)[0] == 0  # another database
    assert waits == [2.0]
    assert run(capsys, "check", "--db", str(path), sleep=waits)[0] == 0
    assert waits == [2.0, 4.0]  # the right one waits too, once
    assert WrongPassphrases().count(path) == 0
    assert run(capsys, "check", "--db", str(path), sleep=waits)[0] == 0
    assert waits == [2.0, 4.0]


def test_fault_11_a_command_that_ends_before_opening_does_not_start_the_count_again(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A roster refused before the database is opened ends the command without a word about
    the passphrase: the wrong ones are still counted."""
    path = tmp_path / "school.db"
    make_school(path)
    for _ in range(3):
        WrongPassphrases().add(path)
    monkeypatch.setenv(cli.PASSPHRASE_VARIABLE, WRONG.reveal())
    bad = tmp_path / "roster.csv"
    bad.write_text("not,a,roster\n", encoding="utf-8")
    waits: list[float] = []
    run(capsys, "import-roster", "--db", str(path), str(bad), sleep=waits)
    assert waits == [2.0]
    assert WrongPassphrases().count(path) == 3


# The window's words for the same refusals ---------------------------------------------------


def test_fault_8_the_window_says_why_a_symlinked_lock_file_stops_it(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rp_desktop.ui import dialogs
    from rp_desktop.ui.startup.opening import open_at_start

    path = tmp_path / "school.db"
    make_school(path, None)
    (tmp_path / "school.db.lock").unlink()
    (tmp_path / "school.db.lock").symlink_to(tmp_path / "victim.txt")
    shown: list[tuple[str, ...]] = []
    monkeypatch.setattr(
        dialogs, "show_error", lambda parent, title, text: shown.append((title, text))
    )
    assert open_at_start(path) is None
    assert shown == [
        (
            "The database could not be opened",
            "Where RP Desktop keeps the database's lock file there is a link or another kind of "
            f"file: {tmp_path / 'school.db.lock'}. RP Desktop did not use it and changed nothing. "
            "Remove it, then open RP Desktop again.",
        )
    ]
    assert not (tmp_path / "victim.txt").exists()


@pytest.mark.parametrize("what", [ReadOnly.FOLDER, ReadOnly.FILE])
def test_fault_5_the_window_has_its_own_words_for_a_read_only_place(
    qapp: object, what: ReadOnly, tmp_path: Path
) -> None:
    from rp_desktop.ui.safekeeping.recovery_words import place_words, restore_failed_words

    error = ReadOnlyPlace(tmp_path, what)
    words = place_words(error)
    assert words is not None
    assert f"{tmp_path} is read-only: RP Desktop cannot save" in words
    assert "damaged" not in words
    assert restore_failed_words(error) == words  # a backup put back into a read-only place


# Fault 9: every way opening failed with "something unexpected" (or the system's own words) ----


@pytest.mark.parametrize("name", ["school.db-wal", "school.db.lock"])
def test_fault_9_a_log_or_lock_file_of_another_user_is_said_plainly(
    name: str, shared: Path
) -> None:
    """A -wal left by another user was "something unexpected went wrong (OperationalError)" at
    the first write; another user's lock file was "Permission denied: …school.db.lock."."""
    path = shared / "school.db"
    make_school(path)
    hand_to_nobody(shared)
    theirs = shared / name
    theirs.touch()
    if os.geteuid() == 0:
        os.chown(theirs, 0, 0)
    theirs.chmod(0o644 if os.geteuid() == 0 else 0o444)
    before = fingerprint(shared)
    outcome = as_ordinary_user(None, lambda: Database.open(path, passphrase=PASSPHRASE))
    assert outcome.error == "ReadOnlyPlace"
    assert outcome.message.startswith(f"The file {theirs} is read-only:")
    assert fingerprint(shared) == before


def test_fault_9_a_folder_that_may_not_be_looked_into_is_said_plainly(
    shared: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """It was "Permission denied: …/school.db." from the command line."""
    folder = shared / "Counseling"
    folder.mkdir()
    make_school(folder / "school.db")
    folder.chmod(0o700)  # root's own: nobody may not look in
    monkeypatch.setenv(cli.PASSPHRASE_VARIABLE, PASSPHRASE.reveal())
    path = folder / "school.db"
    roster = shared / "roster.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    roster.chmod(0o644)
    assert command_as_ordinary_user("import-roster", "--db", str(path), str(roster)) == (
        1,
        f"rp-desktop: RP Desktop is not allowed to read {path}.\n",
    )
    outcome = as_ordinary_user(None, lambda: Database.open(path, verify=True))
    assert (outcome.error, outcome.message) == (
        "NotADatabase",
        f"RP Desktop is not allowed to read {path}.",
    )


def test_fault_9_a_file_where_a_folder_should_be_is_said_plainly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], with_passphrase: None
) -> None:
    """It was "File exists: …"."""
    (tmp_path / "Counseling").write_text("notes", encoding="utf-8")
    code, _, err = run(capsys, "demo-data", "--db", str(tmp_path / "Counseling" / "school.db"))
    assert code == 1
    assert err == f"rp-desktop: That is a file, not a folder: {tmp_path / 'Counseling'}.\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Counseling"]
