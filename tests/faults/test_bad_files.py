"""Files that are not a healthy encrypted database, pointed at every way in: Database.open,
check_database, `rp-desktop check` and `rp-desktop demo-data`. Each gives one plain sentence and
leaves the file's bytes (sha256) and its folder exactly as they were.

tests/cli/test_check.py and tests/db/test_database_open.py cover unencrypted files through one
way in each; these are the encrypted cases, through all four."""

import hashlib
import os
import random
from collections.abc import Callable
from pathlib import Path

import pytest

from rp_desktop import cli
from rp_desktop.domain.records import StudentFields
from rp_desktop.domain.safekeeping.passphrase import Passphrase
from rp_desktop.services.safekeeping.checking import check_database
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.errors import DatabaseError
from rp_desktop.services.safekeeping.opening import open_database
from rp_desktop.services.school import set_up_school
from rp_desktop.services.students import records as students

PASSPHRASE = Passphrase("amber lantern quiet meadow falls")
WRONG = Passphrase("silver kettle thunder orchard")
PAGE = 4096


@pytest.fixture(scope="module")
def healthy(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The bytes of a small encrypted database, made once for the module."""
    path = tmp_path_factory.mktemp("healthy") / "school.db"
    with open_database(path, passphrase=PASSPHRASE) as db:
        set_up_school(db, "Juniper Flats High School", 2025)
        for number in range(80):
            students.add_student(db, StudentFields(f"J{number:04d}", "Odalys", "Fenwick", grade=9))
    return path.read_bytes()  # closed: the log is checkpointed into the file


def scrambled(data: bytes, first: int) -> bytes:
    """Every other page from `first` on gets 500 random bytes in its middle."""
    damaged = bytearray(data)
    noise = random.Random(first)
    for start in range(first * PAGE, len(data) - PAGE, 2 * PAGE):
        damaged[start + 100 : start + 600] = noise.randbytes(500)
    return bytes(damaged)


# name -> (what the file holds, made from the healthy bytes; words the sentence must hold)
# A damaged encrypted file is told from a wrong passphrase only when its first page is whole,
# so "damaged" is the word every sentence about one holds.
FILES: dict[str, tuple[Callable[[bytes], bytes | None], str]] = {
    "scrambled-first-pages": (lambda data: scrambled(data, 0), "damaged"),
    "scrambled-later-pages": (lambda data: scrambled(data, 2), "damaged"),
    "truncated-to-half": (lambda data: data[: len(data) // 2], "damaged"),
    "truncated-mid-page": (lambda data: data[: len(data) // 2 + 1000], "is not a database file"),
    "random-bytes": (lambda data: random.Random(5).randbytes(16 * PAGE), "damaged"),
    "empty": (lambda data: b"", "is empty"),
    "text": (lambda data: b"Name,Grade\nOdalys Fenwick,9\n", "is not a database file"),
    "wrong-passphrase": (lambda data: data, "That passphrase does not open"),
    "folder": (lambda data: None, "is a folder"),
}


def fingerprint(path: Path) -> tuple[str, list[str], list[str]]:
    """The file's sha256 (or a folder's listing), and the names beside it."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "-"
    inside = sorted(os.listdir(path)) if path.is_dir() else []
    return digest, inside, sorted(os.listdir(path.parent))


def refusal(
    way_in: str,
    path: Path,
    passphrase: Passphrase,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> str:
    """The sentence `way_in` answers with; a command must fail with that line on stderr alone."""
    if way_in == "Database.open":
        with pytest.raises(DatabaseError) as refused:
            Database.open(path, passphrase=passphrase)
        return str(refused.value)
    if way_in == "check_database":
        with pytest.raises(DatabaseError) as refused:
            check_database(path, passphrase)
        return str(refused.value)
    monkeypatch.setenv(cli.PASSPHRASE_VARIABLE, passphrase.reveal())
    assert cli.main([*COMMANDS[way_in], "--db", str(path)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("rp-desktop: ")
    assert err.count("\n") == 1, err
    return err.removeprefix("rp-desktop: ").rstrip("\n")


COMMANDS = {
    "cli-check": ["check"],
    "cli-demo-data": ["demo-data", "--students", "5", "--years", "1"],
}
WAYS_IN = ["Database.open", "check_database", *COMMANDS]


@pytest.mark.parametrize("way_in", WAYS_IN)
@pytest.mark.parametrize("kind", FILES)
def test_a_bad_file_gets_one_sentence_and_is_left_alone(
    kind: str,
    way_in: str,
    healthy: bytes,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    make, words = FILES[kind]
    path = tmp_path / "school.db"
    content = make(healthy)
    if content is None:
        path.mkdir()
    else:
        path.write_bytes(content)
    passphrase = WRONG if kind == "wrong-passphrase" else PASSPHRASE
    before = fingerprint(path)
    message = refusal(way_in, path, passphrase, capsys, monkeypatch)
    assert words in message
    assert str(path) in message
    assert message.endswith(".")
    assert "\n" not in message
    assert "Traceback" not in message
    assert "Error" not in message
    assert passphrase.reveal() not in message
    assert "Odalys" not in message
    assert fingerprint(path) == before


def test_damage_the_opening_does_not_read_is_found_by_check_and_changes_nothing(
    healthy: bytes,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Opening reads only the schema (a full check of a large file would cost seconds), so a
    damaged page elsewhere opens; the file is not written by opening, and check finds it."""
    path = tmp_path / "school.db"
    damaged = bytearray(healthy)
    damaged[-PAGE + 200] ^= 0xFF  # a few bits of the last page: its authentication code fails
    path.write_bytes(bytes(damaged))
    with Database.open(path, passphrase=PASSPHRASE):
        pass
    assert path.read_bytes() == bytes(damaged)
    assert sorted(os.listdir(tmp_path)) == ["school.db", "school.db.lock"]
    monkeypatch.setenv(cli.PASSPHRASE_VARIABLE, PASSPHRASE.reveal())
    assert cli.main(["check", "--db", str(path)]) == 1
    err = capsys.readouterr().err
    assert err == f"rp-desktop: The database {path} is damaged and cannot be read safely.\n"
    assert path.read_bytes() == bytes(damaged)
