"""Copies through SQLite's backup API: the same rows, a sound file, and no half-made copy left."""

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from rp_desktop.db import backup, schema
from rp_desktop.db.backup import copy_database
from rp_desktop.db.errors import CopyFailed
from rp_desktop.domain.records import StudentFields
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.school import set_up_school
from rp_desktop.services.students.records import add_student, set_student_active
from tests.conftest import table_rows


@pytest.fixture
def filled(db: Database) -> Database:
    set_up_school(db, "Oak Hill Middle School", 2025)
    for number, first, last in [
        ("S-1", "Ana", "Muñoz"),
        ("S-2", "Liam", "O'Brien"),
        ("S-3", "Łukasz", "Wiśniewski"),
    ]:
        student = add_student(db, StudentFields(number, first, last, grade=7))
    set_student_active(db, student.id, False)
    return db


def test_the_copy_has_the_same_rows_and_is_sound(filled: Database, tmp_path: Path) -> None:
    target = tmp_path / "copy.db"
    copy_database(filled.path, target)  # while the database is open, as a backup runs
    assert table_rows(target) == table_rows(filled.path)
    assert len(table_rows(target)["student"]) == 3
    with closing(sqlite3.connect(target)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (
            schema.HEAD_REVISION,
        )


def test_a_copy_that_fails_its_check_is_removed(
    filled: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def failing(target: Path, key: object, expected: object) -> None:
        raise CopyFailed("the copy does not hold the same rows")

    monkeypatch.setattr(backup, "check_copy", failing)
    target = tmp_path / "copy.db"
    with pytest.raises(CopyFailed):
        copy_database(filled.path, target)
    assert not target.exists()


def test_row_counts_differ_when_a_row_is_missing(filled: Database, tmp_path: Path) -> None:
    target = tmp_path / "copy.db"
    copy_database(filled.path, target)
    with closing(sqlite3.connect(target)) as connection, connection:
        connection.execute("DELETE FROM student WHERE student_number = 'S-2'")
    with pytest.raises(CopyFailed):
        backup._verify(filled.path, target, None)
