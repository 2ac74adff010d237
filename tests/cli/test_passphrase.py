"""The passphrase on the command line: from RP_DESKTOP_PASSPHRASE or --passphrase-file, never as an
argument; a new database is encrypted when one is given, plain only with --unencrypted, and a
weak or wrong passphrase is one plain sentence with nothing created or changed."""

from pathlib import Path

import pytest

from rp_desktop import cli
from rp_desktop.services.safekeeping.files import is_encrypted_file
from tests.cli.conftest import Run
from tests.conftest import digest

GOOD = "lantern meadow pocket thunder"
SMALL_SCHOOL = ("--students", "12", "--years", "1")


def test_a_passphrase_in_the_environment_creates_an_encrypted_database(
    run: Run, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cli.PASSPHRASE_VARIABLE, GOOD)
    assert run("demo-data", "--db", str(db_path), *SMALL_SCHOOL).code == 0
    assert is_encrypted_file(db_path)
    checked = run("check", "--db", str(db_path))
    assert checked.code == 0, checked.err
    assert "ok" in checked.out


def test_a_passphrase_file_opens_it_and_a_wrong_one_is_one_sentence(
    run: Run, db_path: Path, tmp_path: Path
) -> None:
    secret = tmp_path / "passphrase.txt"
    secret.write_text(GOOD + "\n", encoding="utf-8")  # the newline an editor adds is not part
    assert run("demo-data", "--db", str(db_path), "--passphrase-file", str(secret), *SMALL_SCHOOL)
    assert is_encrypted_file(db_path)
    assert run("check", "--db", str(db_path), "--passphrase-file", str(secret)).code == 0
    before = digest(db_path)
    secret.write_text("a different but long passphrase\n", encoding="utf-8")
    wrong = run("check", "--db", str(db_path), "--passphrase-file", str(secret))
    assert wrong.code == 1
    assert "passphrase" in wrong.err
    assert len(wrong.err.strip().splitlines()) == 1
    assert digest(db_path) == before


def test_an_encrypted_database_without_a_passphrase_says_how_to_give_one(
    run: Run, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cli.PASSPHRASE_VARIABLE, GOOD)
    run("demo-data", "--db", str(db_path), *SMALL_SCHOOL)
    monkeypatch.delenv(cli.PASSPHRASE_VARIABLE)
    outcome = run("check", "--db", str(db_path))
    assert outcome.code == 1
    assert "passphrase" in outcome.err.lower()


def test_no_passphrase_and_no_choice_creates_nothing(run: Run, db_path: Path) -> None:
    outcome = run("demo-data", "--db", str(db_path), *SMALL_SCHOOL)
    assert outcome.code == 1
    assert cli.PASSPHRASE_VARIABLE in outcome.err
    assert "--unencrypted" in outcome.err
    assert list(db_path.parent.iterdir()) == []


def test_unencrypted_only_when_asked(run: Run, db_path: Path) -> None:
    assert run("demo-data", "--db", str(db_path), "--unencrypted", *SMALL_SCHOOL).code == 0
    assert db_path.read_bytes()[:16] == b"SQLite format 3\x00"


@pytest.mark.parametrize("weak", ["short one", "password password", "correct horse battery staple"])
def test_a_weak_passphrase_for_a_new_database_is_refused(
    run: Run, db_path: Path, monkeypatch: pytest.MonkeyPatch, weak: str
) -> None:
    monkeypatch.setenv(cli.PASSPHRASE_VARIABLE, weak)
    outcome = run("demo-data", "--db", str(db_path), *SMALL_SCHOOL)
    assert outcome.code == 1
    assert "passphrase" in outcome.err.lower()
    assert weak not in outcome.err  # never echoed back
    assert list(db_path.parent.iterdir()) == []


def test_an_empty_or_missing_passphrase_file_is_one_sentence(
    run: Run, db_path: Path, tmp_path: Path
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("\n", encoding="utf-8")
    outcome = run("demo-data", "--db", str(db_path), "--passphrase-file", str(empty))
    assert (outcome.code, outcome.err.count("\n")) == (1, 1)
    assert "is empty" in outcome.err
    missing = run("check", "--db", str(db_path), "--passphrase-file", str(tmp_path / "nope"))
    assert missing.code == 1
    assert "No such file" in missing.err


def test_the_passphrase_cannot_be_typed_as_an_argument(run: Run, db_path: Path) -> None:
    """Arguments are visible to every user of the machine (ps); the option does not exist."""
    assert run("check", "--db", str(db_path), "--passphrase", GOOD).code == 2
