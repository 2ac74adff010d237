"""`rp-desktop backup` and `rp-desktop restore`, as school IT would run them."""

import hashlib
import sqlite3
from contextlib import closing
from pathlib import Path

import platformdirs
import pytest

from rp_desktop.domain.records import ListQuery, StudentFields
from rp_desktop.domain.safekeeping.passphrase import Passphrase
from rp_desktop.services.safekeeping.opening import open_database
from rp_desktop.services.students import records as students
from tests.cli.conftest import Run

SECRET = "juniper harbor lantern seventeen"


@pytest.fixture
def data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setattr(platformdirs, "user_data_dir", lambda *args, **kwargs: str(folder))
    return folder


@pytest.fixture
def school_file(db_path: Path, clock) -> Path:  # type: ignore[no-untyped-def]
    with open_database(db_path, unencrypted=True, clock=clock) as db:
        for number in range(12):
            students.add_student(db, StudentFields(f"S-{number}", "Keoni", "Kahale", grade=9))
    return db_path


def student_count(path: Path) -> int:
    with closing(sqlite3.connect(path)) as connection:
        return int(connection.execute("SELECT count(*) FROM student").fetchone()[0])


def identity_of(path: Path) -> str:
    with open_database(path, unencrypted=True) as db:
        return db.identity


def test_backup_into_the_backups_folder(run: Run, school_file: Path, data_folder: Path) -> None:
    outcome = run("backup", "--db", str(school_file))
    assert outcome.code == 0, outcome.err
    made = list((data_folder / "backups" / identity_of(school_file)).glob("*.db"))
    assert len(made) == 1
    assert str(made[0]) in outcome.out
    assert "12 student" in outcome.out
    assert student_count(made[0]) == 12


def test_backup_then_restore(
    run: Run, school_file: Path, data_folder: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "friday.db"
    assert run("backup", "--db", str(school_file), "--out", str(copy)).code == 0
    with open_database(school_file, unencrypted=True) as db:
        students.add_student(db, StudentFields("S-99", "Makoa", "Kahale", grade=9))
    assert student_count(school_file) == 13

    outcome = run("restore", "--db", str(school_file), str(copy))

    assert outcome.code == 0, outcome.err
    assert "Backed up the current state to" in outcome.out
    assert student_count(school_file) == 12
    folder = data_folder / "backups" / identity_of(school_file)
    before = list(folder.glob("*before-restore*.db"))
    assert len(before) == 1
    assert student_count(before[0]) == 13
    with open_database(school_file, unencrypted=True) as db:
        assert students.list_students(db, ListQuery()).total == 12


def test_an_existing_out_file_is_not_overwritten(
    run: Run, school_file: Path, data_folder: Path, tmp_path: Path
) -> None:
    taken = tmp_path / "taken.db"
    taken.write_text("someone's notes", encoding="utf-8")
    outcome = run("backup", "--db", str(school_file), "--out", str(taken))
    assert outcome.code == 1
    assert "already a file" in outcome.err
    assert taken.read_text(encoding="utf-8") == "someone's notes"


def test_an_encrypted_backup_uses_the_passphrase_file(
    run: Run, tmp_path: Path, data_folder: Path, clock
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "school.db"
    with open_database(path, passphrase=Passphrase(SECRET), clock=clock) as db:
        students.add_student(db, StudentFields("S-1", "Keoni", "Kahale", grade=9))
    secret_file = tmp_path / "secret.txt"
    secret_file.write_text(SECRET + "\n", encoding="utf-8")
    out = tmp_path / "copy.db"
    outcome = run(
        "backup", "--db", str(path), "--passphrase-file", str(secret_file), "--out", str(out)
    )
    assert outcome.code == 0, outcome.err
    assert not out.read_bytes().startswith(b"SQLite format 3")
    missing = run("backup", "--db", str(path))
    assert missing.code == 1
    assert "passphrase" in missing.err


def test_restore_over_a_damaged_database_keeps_it(
    run: Run, school_file: Path, data_folder: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "copy.db"
    assert run("backup", "--db", str(school_file), "--out", str(copy)).code == 0
    data = school_file.read_bytes()
    school_file.write_bytes(data[:100] + b"\x00" * 3000 + data[3100:])  # the list of tables
    damaged = hashlib.sha256(school_file.read_bytes()).hexdigest()

    outcome = run("restore", "--db", str(school_file), "--from", str(copy))

    assert outcome.code == 0, outcome.err
    kept = list(tmp_path.glob("school.damaged-*.db"))
    assert len(kept) == 1
    assert kept[0].name in outcome.out
    assert hashlib.sha256(kept[0].read_bytes()).hexdigest() == damaged
    assert student_count(school_file) == 12


def test_restore_refuses_a_file_that_is_not_a_backup(
    run: Run, school_file: Path, data_folder: Path, tmp_path: Path
) -> None:
    junk = tmp_path / "roster.csv"
    junk.write_text("Name,Grade\nsomeone,5\n", encoding="utf-8")
    outcome = run("restore", "--db", str(school_file), str(junk))
    assert outcome.code == 1
    assert outcome.err.count("\n") == 1
    assert "is not an RP Desktop database or backup" in outcome.err
    assert student_count(school_file) == 12
    assert not (data_folder / "backups").exists()
    assert run("restore", "--db", str(school_file)).code == 1


def test_restore_with_relative_paths(
    run: Run, school_file: Path, data_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Paths as typed in a shell: a relative backup path once failed as unreadable (a file URI
    cannot be relative), and was blamed on the passphrase."""
    monkeypatch.chdir(school_file.parent)
    assert run("backup", "--db", "school.db", "--out", "friday.db").code == 0
    outcome = run("restore", "--db", "school.db", "--from", "friday.db")
    assert outcome.code == 0, outcome.err
    outcome = run("restore", "--db", "elsewhere/school.db", "--from", "friday.db")
    assert outcome.code == 0, outcome.err
    assert student_count(school_file.parent / "elsewhere" / "school.db") == 12


def test_restore_help_says_how_passphrases_are_given(run: Run) -> None:
    outcome = run("restore", "--help")
    assert outcome.code == 0
    for words in ("--backup-passphrase-file", "RP_DESKTOP_BACKUP_PASSPHRASE", "no database"):
        assert words in outcome.out
