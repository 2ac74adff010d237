"""`rp-desktop export`, as school IT would run it: one plain line on success, one plain sentence
and exit 1 on failure, exit 2 for a command written wrongly."""

import csv
from pathlib import Path

import pytest

from rp_desktop import cli
from rp_desktop.domain.safekeeping.passphrase import Passphrase
from rp_desktop.services.safekeeping.opening import open_database
from tests.cli.conftest import Run
from tests.conftest import FakeClock, digest
from tests.services.exports.school import build_export_school

SECRET = "juniper harbor lantern seventeen"


@pytest.fixture
def school_file(db_path: Path, clock: FakeClock) -> Path:
    with open_database(db_path, unencrypted=True, clock=clock) as db:
        build_export_school(db)
    return db_path


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def rows(path: Path) -> int:
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return len(list(csv.reader(stream))) - 1


def test_every_record_of_a_school_year(run: Run, school_file: Path, out: Path) -> None:
    done = run("export", "--db", str(school_file), "--out", str(out), "--school-year", "2025")
    assert done.code == 0, done.err
    assert done.err == ""
    assert done.out.count("\n") == 1
    assert done.out.startswith(f"Wrote every record of 2025-08-01 to 2026-07-31 to {out}: 29 CSV")
    assert "keep them confidential" in done.out
    assert rows(out / "circles.csv") == 31
    assert rows(out / "cases.csv") == 2


def test_every_record_of_every_date(run: Run, school_file: Path, out: Path) -> None:
    done = run("export", "--db", str(school_file), "--out", str(out))
    assert done.code == 0, done.err
    assert "every date" in done.out
    assert rows(out / "circles.csv") == 33
    assert rows(out / "cases.csv") == 3


def test_the_district_package(run: Run, school_file: Path, out: Path) -> None:
    done = run(
        "export", "--db", str(school_file), "--out", str(out), "--deidentified",
        "--school-year", "2025", "--threshold", "11",
    )  # fmt: skip
    assert done.code == 0, done.err
    assert done.out.startswith(f"Wrote the district package for 2025-08-01 to 2026-07-31 to {out}")
    assert "counts under 11 suppressed" in done.out
    readme = (out / "README.txt").read_text(encoding="utf-8")
    assert "Threshold: 11" in readme
    assert not (out / "students.csv").exists()


def test_a_year_without_records_is_said_plainly(run: Run, school_file: Path, out: Path) -> None:
    done = run(
        "export", "--db", str(school_file), "--out", str(out), "--deidentified",
        "--school-year", "2030",
    )  # fmt: skip
    assert done.code == 0, done.err
    assert done.out.endswith("No record falls in this period: every count is 0.\n")
    readme = (out / "README.txt").read_text(encoding="utf-8")
    assert "No record falls in this period: every count is 0." in readme


def test_a_year_with_records_says_nothing_of_the_kind(
    run: Run, school_file: Path, out: Path
) -> None:
    done = run(
        "export", "--db", str(school_file), "--out", str(out), "--deidentified",
        "--school-year", "2025",
    )  # fmt: skip
    assert done.code == 0, done.err
    assert "No record falls" not in done.out
    assert "No record falls" not in (out / "README.txt").read_text(encoding="utf-8")


def test_the_district_package_of_every_date_spans_the_records(
    run: Run, school_file: Path, out: Path
) -> None:
    done = run("export", "--db", str(school_file), "--out", str(out), "--deidentified")
    assert done.code == 0, done.err
    # The first record is a circle on 2024-09-02, the last a circle on 2025-11-17.
    assert "for 2024-09-02 to 2025-11-17" in done.out


@pytest.mark.parametrize(
    ("extra", "words"),
    [
        (("--threshold", "5"), "--threshold applies only to the district package"),
        (("--deidentified", "--threshold", "1"), "must be 2 or more"),
        (("--deidentified", "--threshold", "ten"), "a whole number"),
        (("--school-year", "25-26"), "write the year the school year starts in"),
        (("--school-year", "1999"), "between 2000 and 2100"),
    ],
)
def test_a_command_written_wrongly_is_a_usage_error(
    run: Run, school_file: Path, out: Path, extra: tuple[str, ...], words: str
) -> None:
    done = run("export", "--db", str(school_file), "--out", str(out), *extra)
    assert done.code == 2
    assert words in done.err
    assert list(out.iterdir()) == []


def test_out_is_required(run: Run, school_file: Path) -> None:
    assert run("export", "--db", str(school_file)).code == 2


def test_a_missing_database_creates_nothing(run: Run, tmp_path: Path, out: Path) -> None:
    missing = tmp_path / "nowhere.db"
    done = run("export", "--db", str(missing), "--out", str(out), "--unencrypted")
    assert done.code == 1
    assert done.err == f"rp-desktop: There is no database at {missing}.\n"
    assert not missing.exists()


def test_a_missing_folder_is_made_but_not_its_parent(
    run: Run, school_file: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "not there"
    done = run("export", "--db", str(school_file), "--out", str(folder / "exports"))
    assert done.code == 1
    assert done.err == (
        f"rp-desktop: The folder {folder} does not exist, so exports cannot be made in it; "
        "make it first, or choose another folder.\n"
    )
    assert not folder.exists()
    made = run("export", "--db", str(school_file), "--out", str(folder))
    assert made.code == 0, made.err
    assert (folder / "README.txt").exists()


def test_an_earlier_export_is_refused_unless_replaced(
    run: Run, school_file: Path, out: Path
) -> None:
    assert run("export", "--db", str(school_file), "--out", str(out)).code == 0
    before = digest(out / "circles.csv")
    again = run("export", "--db", str(school_file), "--out", str(out), "--deidentified")
    assert again.code == 1
    assert "already holds an export" in again.err
    assert "add --replace" in again.err
    assert len(again.err.splitlines()) == 1
    assert digest(out / "circles.csv") == before
    replaced = run(
        "export", "--db", str(school_file), "--out", str(out), "--deidentified", "--replace"
    )
    assert replaced.code == 0, replaced.err
    assert not (out / "circles.csv").exists()


def test_an_encrypted_database_with_its_passphrase(
    run: Run, db_path: Path, clock: FakeClock, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_database(db_path, passphrase=Passphrase(SECRET), clock=clock) as db:
        build_export_school(db)
    refused = run("export", "--db", str(db_path), "--out", str(out))
    assert refused.code == 1
    assert "passphrase" in refused.err.lower()
    assert list(out.iterdir()) == []
    monkeypatch.setenv(cli.PASSPHRASE_VARIABLE, SECRET)
    done = run("export", "--db", str(db_path), "--out", str(out), "--deidentified")
    assert done.code == 0, done.err
    assert (out / "README.txt").exists()
