"""`rp-desktop export --with-answers`: the answers to the restorative questions, word for word,
only when asked for, never with the district package; the help says so."""

from pathlib import Path

import pytest

from tests.cli.conftest import Run
from tests.conftest import FakeClock
from tests.services.exports.school import build_export_school

ANSWER = "I was angry at Barnaby Quist that morning"


@pytest.fixture
def school_file(db_path: Path, clock: FakeClock) -> Path:
    from rp_desktop.services.safekeeping.opening import open_database

    with open_database(db_path, unencrypted=True, clock=clock) as db:
        build_export_school(db)
    return db_path


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def test_without_the_flag_the_answers_stay_in(run: Run, school_file: Path, out: Path) -> None:
    done = run("export", "--db", str(school_file), "--out", str(out))
    assert done.code == 0, done.err
    assert "answers to the restorative questions were left out (add --with-answers)" in done.out
    assert not (out / "meeting_answers.csv").exists()
    assert not any(ANSWER.encode() in p.read_bytes() for p in out.iterdir())


def test_with_the_flag_they_are_written(run: Run, school_file: Path, out: Path) -> None:
    done = run("export", "--db", str(school_file), "--out", str(out), "--with-answers")
    assert done.code == 0, done.err
    assert "30 CSV files" in done.out
    assert "answers to the restorative questions are in, word for word" in done.out
    assert ANSWER in (out / "meeting_answers.csv").read_text(encoding="utf-8-sig")


def test_never_with_the_district_package(run: Run, school_file: Path, out: Path) -> None:
    done = run(
        "export", "--db", str(school_file), "--out", str(out), "--deidentified", "--with-answers"
    )
    assert done.code == 2
    assert "the district package never has them" in done.err
    assert list(out.iterdir()) == []


def test_the_help_names_the_flag(run: Run) -> None:
    done = run("export", "--help")
    words = " ".join(done.out.split())  # argparse wraps the help to the terminal's width
    assert "--with-answers include the answers to the restorative questions, word for word" in words
    assert "never in the district package" in words
