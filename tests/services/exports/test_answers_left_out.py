"""The answers to the restorative questions, word for word, leave RP Desktop only when asked for:
the record export leaves meeting_answers.csv out by default, the README and the audit trail say
which it was, and the district package never has them. On the school of school.py, whose
meeting has an answer that names someone ("I was angry at Barnaby Quist that morning")."""

from pathlib import Path

import pytest

from rp_desktop.domain.vocabulary import AuditAction
from rp_desktop.services.exports.district.package import write_district_package
from rp_desktop.services.exports.records.export import ANSWERS_FILE, export_records, record_files
from rp_desktop.services.safekeeping.database import Database
from tests.services.conftest import audit_rows
from tests.services.exports.school import YEAR_2025, ExportSchool, build_export_school

ANSWER = "I was angry at Barnaby Quist that morning"
ENCODINGS = ("utf-8", "utf-16-le", "utf-16-be")


@pytest.fixture
def school(db: Database) -> ExportSchool:
    return build_export_school(db)


def folder(tmp_path: Path, name: str) -> Path:
    made = tmp_path / name
    made.mkdir()
    return made


def holds_answer(out: Path) -> list[str]:
    """The files whose bytes hold the answer's words, in any encoding."""
    return [
        path.name
        for path in sorted(out.iterdir())
        if any(ANSWER.encode(e) in path.read_bytes() for e in ENCODINGS)
    ]


def export_events(db: Database) -> list[str]:
    return [e.detail for e in audit_rows(db) if e.action is AuditAction.EXPORT]


def test_by_default_the_answers_are_left_out(
    db: Database, school: ExportSchool, tmp_path: Path
) -> None:
    assert ANSWER in school.secrets  # the fixture really has the answer
    out = folder(tmp_path, "export")
    summary = export_records(db, out)
    assert not summary.with_answers
    assert ANSWERS_FILE not in {p.name for p in out.iterdir()}
    assert ANSWERS_FILE not in {f.name for f in summary.files}
    assert len(summary.files) == len(record_files(with_answers=True)) - 1
    assert holds_answer(out) == []
    readme = (out / "README.txt").read_text(encoding="utf-8")
    assert "answers to the restorative questions are left out" in readme
    assert f"{ANSWERS_FILE} (" not in readme  # no section for a file that is not there
    assert export_events(db)[-1].endswith("; answers left out")


def test_asked_for_the_answers_are_in_word_for_word(
    db: Database, school: ExportSchool, tmp_path: Path
) -> None:
    out = folder(tmp_path, "export")
    summary = export_records(db, out, YEAR_2025, with_answers=True)
    assert summary.with_answers
    assert holds_answer(out) == [ANSWERS_FILE]
    readme = (out / "README.txt").read_text(encoding="utf-8")
    assert "included word for word" in readme
    assert f"{ANSWERS_FILE} (" in readme
    detail = export_events(db)[-1]
    assert detail.endswith("; answers word for word included")
    assert ANSWER not in detail


def test_an_export_without_answers_replaces_one_with_them_whole(
    db: Database, school: ExportSchool, tmp_path: Path
) -> None:
    out = folder(tmp_path, "export")
    export_records(db, out, with_answers=True)
    assert (out / ANSWERS_FILE).exists()
    export_records(db, out, replace=True)
    assert not (out / ANSWERS_FILE).exists()  # never left behind to mix with the new export
    assert holds_answer(out) == []


def test_the_district_package_never_has_the_answers(
    db: Database, school: ExportSchool, tmp_path: Path
) -> None:
    out = folder(tmp_path, "package")
    summary = write_district_package(db, out, YEAR_2025)
    assert summary.files
    assert holds_answer(out) == []
    for path in out.iterdir():
        assert b"answer" not in path.name.encode(), path.name
    readme = (out / "README.txt").read_text(encoding="utf-8")
    assert "No answers to the restorative questions are in them" in readme
