"""`rp-desktop check`: a report on a healthy database, and one plain sentence (exit 1) on every
kind of damaged or foreign file, which is left byte-for-byte as it was."""

import hashlib
import os
import sqlite3
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest

from rp_desktop.db import schema
from rp_desktop.domain.records import CircleFields, StudentFields
from rp_desktop.services import school
from rp_desktop.services.circles import records as circles
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.opening import open_database
from rp_desktop.services.students import records as students
from tests.cli.conftest import Run


def fingerprint(path: Path) -> tuple[str, set[str]]:
    """The file's bytes and the names of the files beside it."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "-"
    return digest, set(os.listdir(path.parent))


def fill(db: Database) -> None:
    school.set_up_school(db, "Prairie Ridge High School", 2025)
    for number in range(40):
        students.add_student(db, StudentFields(f"9{number:05d}", "Ximena", "Ortíz", grade=10))
    for day in range(1, 28):
        circles.record_circle(db, CircleFields(date(2026, 2, day), notes="x" * 3000))


@pytest.fixture
def healthy(db_path: Path, clock) -> Path:  # type: ignore[no-untyped-def]
    with open_database(db_path, unencrypted=True, clock=clock) as db:
        fill(db)
    return db_path


def test_a_healthy_database_is_reported(run: Run, healthy: Path) -> None:
    before = fingerprint(healthy)
    outcome = run("check", "--db", str(healthy))
    assert outcome.code == 0, outcome.err
    assert "ok" in outcome.out
    assert f"Schema {schema.HEAD_REVISION} (current)" in outcome.out
    assert "40 student" in outcome.out
    assert outcome.err == ""
    assert fingerprint(healthy) == before


def test_a_database_open_in_the_app_can_be_checked(run: Run, healthy: Path, clock) -> None:  # type: ignore[no-untyped-def]
    with open_database(healthy, unencrypted=True, clock=clock):
        outcome = run("check", "--db", str(healthy))
    assert outcome.code == 0, outcome.err


def random_bytes(path: Path) -> None:
    path.write_bytes(os.urandom(8192))


def text_file(path: Path) -> None:
    path.write_text("student_number,first,last\n1001,Ana,Muñoz\n", encoding="utf-8")


def empty_file(path: Path) -> None:
    path.write_bytes(b"")


def foreign_sqlite(path: Path) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE recipes (name TEXT)")
    connection.close()


def newer_schema(path: Path) -> None:
    with open_database(path, unencrypted=True):
        pass
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.close()


def truncated(path: Path) -> None:
    with open_database(path, unencrypted=True) as db:
        fill(db)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def scrambled_pages(path: Path) -> None:
    with open_database(path, unencrypted=True) as db:
        fill(db)
    data = bytearray(path.read_bytes())
    page = 4096
    for start in range(page * 3, len(data) - page, page * 2):
        data[start + 100 : start + 600] = os.urandom(500)
    path.write_bytes(bytes(data))


def schema_with_bad_bytes(path: Path) -> None:
    """A table whose name in the schema is not UTF-8: SQLite's own error message then quotes
    bytes the driver cannot decode (this once surfaced as a codec error)."""
    with open_database(path, unencrypted=True) as db:
        fill(db)
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA writable_schema=ON")
        connection.execute(
            "UPDATE sqlite_schema SET name = CAST(x'7495' AS TEXT), "
            "sql = 'CREATE TABLE t(a,' WHERE name = 'staff'"
        )
        connection.commit()


@pytest.mark.parametrize(
    ("make", "words"),
    [
        # Whole pages of random bytes cannot be told from an encrypted database without its key.
        (random_bytes, "is encrypted, or is not a database"),
        (text_file, "not a database file"),
        (empty_file, "is empty"),
        (foreign_sqlite, "not one made by RP Desktop"),
        (newer_schema, "newer version"),
        (truncated, "damaged"),
        (scrambled_pages, "damaged"),
        (schema_with_bad_bytes, "damaged"),
    ],
)
def test_a_damaged_or_foreign_file_gets_one_sentence_and_is_left_alone(
    run: Run,
    tmp_path: Path,
    make,
    words: str,  # type: ignore[no-untyped-def]
) -> None:
    path = tmp_path / "suspect.db"
    make(path)
    for sidecar in ("-wal", "-shm", ".lock"):
        path.with_name(path.name + sidecar).unlink(missing_ok=True)
    before = fingerprint(path)
    outcome = run("check", "--db", str(path))
    assert outcome.code == 1
    assert words in outcome.err
    assert outcome.err.startswith("rp-desktop: ")
    assert "Traceback" not in outcome.err
    assert outcome.out == ""
    assert fingerprint(path) == before


def test_a_missing_path_or_a_folder(run: Run, tmp_path: Path) -> None:
    missing = run("check", "--db", str(tmp_path / "nowhere" / "school.db"))
    assert missing.code == 1
    assert "There is no file at" in missing.err
    assert not (tmp_path / "nowhere").exists()
    folder = run("check", "--db", str(tmp_path))
    assert folder.code == 1
    assert "is a folder" in folder.err
    assert len(missing.err.strip().splitlines()) == 1


def test_a_healthy_database_reports_its_audit_trail(run: Run, healthy: Path) -> None:
    outcome = run("check", "--db", str(healthy))
    # 40 students, 27 circles and the school's setup, each one event.
    assert (
        "Audit trail: 68 events, chain intact, sealed with the public key of an unencrypted "
        "database (it catches accidental edits, not deliberate ones)." in outcome.out
    )


def test_an_encrypted_database_says_its_trail_is_sealed_with_its_key(
    run: Run,
    db_path: Path,
    clock,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    from rp_desktop.domain.safekeeping.passphrase import Passphrase

    secret = "lantern orchard pebble nineteen"
    with open_database(db_path, passphrase=Passphrase(secret), clock=clock) as db:
        school.set_up_school(db, "Prairie Ridge High School", 2025)
    monkeypatch.setenv("RP_DESKTOP_PASSPHRASE", secret)
    outcome = run("check", "--db", str(db_path))
    assert outcome.code == 0, outcome.err
    assert "chain intact, sealed with the database's key." in outcome.out


@pytest.mark.parametrize(
    ("sql", "sentence"),
    [
        (
            "UPDATE audit_event SET detail = 'field=grade' WHERE id = 12",
            "The audit trail was altered at event 12 (changed).",
        ),
        (
            "DELETE FROM audit_event WHERE id = 30",
            "Event 30 of the audit trail is missing: it was removed.",
        ),
        (
            "DELETE FROM audit_event WHERE id BETWEEN 40 AND 45",
            "Events 40–45 of the audit trail are missing: they were removed.",
        ),
        (
            "UPDATE audit_event SET seal = NULL WHERE id = 50",
            "1 event of the audit trail carries no seal (the first is event 50), so nothing "
            "vouches for it.",
        ),
    ],
)
def test_an_altered_audit_trail_is_named_and_fails(
    run: Run, healthy: Path, sql: str, sentence: str
) -> None:
    with sqlite3.connect(healthy) as connection:
        connection.execute(sql)
    connection.close()
    outcome = run("check", "--db", str(healthy))
    assert outcome.code == 1
    assert outcome.err == f"rp-desktop: {sentence}\n"
    assert outcome.out == ""
    assert "damaged" not in outcome.err  # SQLite's own checks pass: only the trail was touched
