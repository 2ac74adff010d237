"""`rp-desktop import-roster --db PATH FILE.csv [--dry-run] [--full-roster]`, as school IT types
it."""

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from rp_desktop.domain.records import ListQuery, StudentFields
from rp_desktop.services.safekeeping.opening import open_database
from rp_desktop.services.students.records import add_student, list_students
from tests.cli.conftest import Run

ROSTER = (
    "Student ID;Legal First;Surname;Nickname;Gr;HR\r\n"
    "S-1;María José;García-Núñez;Majo;09;9B\r\n"
    "S-2;Nguyễn;Thị Minh Khai;;K;\r\n"
    "S-3;Liam;O'Connor;;12;12A\r\n"
)


@pytest.fixture
def roster_csv(tmp_path: Path) -> Path:
    path = tmp_path / "roster.csv"
    path.write_bytes(ROSTER.encode("utf-8-sig"))
    return path


def dump(path: Path) -> list[str]:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
        return list(connection.iterdump())


def students(path: Path) -> list[tuple[StudentFields, bool]]:
    with open_database(path, unencrypted=True) as db:
        page = list_students(db, ListQuery(include_inactive=True, sort="student_number"))
        return [(s.fields(), s.active) for s in page.rows]


def test_a_path_with_no_database_gets_one_with_the_students(
    run: Run, db_path: Path, roster_csv: Path
) -> None:
    outcome = run("import-roster", "--db", str(db_path), "--unencrypted", str(roster_csv))
    assert outcome.code == 0, outcome.err
    assert outcome.out.strip() == (
        f"Imported {roster_csv} (UTF-8 with BOM): 3 added, 0 updated, 0 unchanged, "
        "0 marked inactive."
    )
    assert students(db_path) == [
        (StudentFields("S-1", "María José", "García-Núñez", "Majo", 9, "9B"), True),
        (StudentFields("S-2", "Nguyễn", "Thị Minh Khai", "", 0, ""), True),
        (StudentFields("S-3", "Liam", "O'Connor", "", 12, "12A"), True),
    ]


def test_a_dry_run_says_what_would_change_and_changes_nothing(
    run: Run, db_path: Path, roster_csv: Path
) -> None:
    with open_database(db_path, unencrypted=True) as db:
        add_student(db, StudentFields("S-3", "Liam", "O'Connor", "", 11, "11A"))
        add_student(db, StudentFields("S-9", "Amani", "Haddad", "", 8, "8C"))
    before = dump(db_path)
    outcome = run(
        "import-roster", "--db", str(db_path), str(roster_csv), "--dry-run", "--full-roster"
    )
    assert outcome.code == 0, outcome.err
    assert outcome.out.strip() == (
        f"Would import {roster_csv} (UTF-8 with BOM): 2 added, 1 updated, 0 unchanged, "
        "1 marked inactive. Nothing was changed (dry run)."
    )
    assert dump(db_path) == before


def test_a_dry_run_on_a_new_path_creates_no_database(
    run: Run, db_path: Path, roster_csv: Path
) -> None:
    outcome = run("import-roster", "--db", str(db_path), str(roster_csv), "--dry-run")
    assert outcome.code == 0, outcome.err
    assert "3 added" in outcome.out
    assert not db_path.exists()


def test_a_full_roster_marks_the_others_inactive(run: Run, db_path: Path, roster_csv: Path) -> None:
    with open_database(db_path, unencrypted=True) as db:
        add_student(db, StudentFields("S-9", "Amani", "Haddad", "", 8, "8C"))
    assert run("import-roster", "--db", str(db_path), str(roster_csv)).code == 0
    assert (StudentFields("S-9", "Amani", "Haddad", "", 8, "8C"), True) in students(db_path)
    outcome = run("import-roster", "--db", str(db_path), str(roster_csv), "--full-roster")
    assert outcome.code == 0, outcome.err
    assert "0 added, 0 updated, 3 unchanged, 1 marked inactive" in outcome.out
    assert (StudentFields("S-9", "Amani", "Haddad", "", 8, "8C"), False) in students(db_path)


def test_a_refused_file_prints_a_sentence_then_each_row_and_changes_nothing(
    run: Run, db_path: Path, tmp_path: Path
) -> None:
    with open_database(db_path, unencrypted=True) as db:
        add_student(db, StudentFields("S-9", "Amani", "Haddad", "", 8, "8C"))
    before = dump(db_path)
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "Student Number,First Name,Last Name,Grade\n"
        "S-1,Ana,Muñoz,13\n"
        "S-2,,O'Brien,7\n"
        "S-1,Zoë,Adeyemi,PK\n",
        encoding="utf-8",
    )
    outcome = run("import-roster", "--db", str(db_path), str(bad), "--full-roster")
    assert outcome.code == 1
    assert outcome.out == ""
    assert outcome.err.splitlines() == [
        "rp-desktop: The roster was not imported and nothing was changed: 3 rows have problems.",
        '  row 2: the grade "13" is not a grade from PK to 12',
        '  row 3: the first name (column "First Name") is empty',
        "  row 4: the student number is also on row 2",
    ]
    for name in ("Ana", "Muñoz", "O'Brien", "Zoë", "Adeyemi"):
        assert name not in outcome.err
    assert dump(db_path) == before


def test_a_refused_file_leaves_a_new_path_without_a_database(
    run: Run, db_path: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_bytes(
        "Student Number,First Name,Last Name,Grade\nS-1,Алёна,Смирнова,9\n".encode("cp1251")
    )
    outcome = run("import-roster", "--db", str(db_path), str(bad))
    assert outcome.code == 1
    first, *rows = outcome.err.splitlines()
    assert first.endswith(
        'Save the file from the spreadsheet program as "CSV UTF-8" and try again.'
    )
    assert rows == [
        '  row 2: the first name (column "First Name") looks garbled, as if the file had been '
        "saved in another encoding",
        '  row 2: the last name (column "Last Name") looks garbled, as if the file had been '
        "saved in another encoding",
    ]
    assert not db_path.exists()


def test_a_missing_file_is_one_sentence(run: Run, db_path: Path, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.csv"
    outcome = run("import-roster", "--db", str(db_path), str(missing))
    assert outcome.code == 1
    assert outcome.err == f"rp-desktop: No such file or directory: {missing}.\n"


@pytest.mark.parametrize(
    "argv",
    [
        ("import-roster", "--db", "x.db"),
        ("import-roster", "roster.csv"),
        ("import-roster", "--db", "x.db", "roster.csv", "--wet-run"),
    ],
)
def test_usage_errors_exit_2(run: Run, argv: tuple[str, ...]) -> None:
    outcome = run(*argv)
    assert outcome.code == 2
    assert "usage:" in outcome.err
