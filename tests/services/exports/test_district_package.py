"""The district package: scanned byte by byte for anything that names or describes a student,
small cells suppressed as worked out by hand, and a README that says what was suppressed."""

import csv
import errno
import os
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from rp_desktop.db.models import (
    CaseCategoryRow,
    CircleAttendanceRow,
    CommunityCircleRow,
    StudentRow,
)
from rp_desktop.domain.reports.model import Period
from rp_desktop.domain.vocabulary import AuditAction
from rp_desktop.services.exports import folder as export_folder
from rp_desktop.services.exports.district.package import package_period, write_district_package
from rp_desktop.services.exports.district.tables import Column, Counts, Derived, package_table
from rp_desktop.services.exports.district.tables import share_of as share_of_counts
from rp_desktop.services.exports.folder import FolderHoldsExport
from rp_desktop.services.exports.records.export import export_records
from rp_desktop.services.exports.safety import ExportNotWritten
from rp_desktop.services.safekeeping.database import Database
from tests.services.conftest import audit_rows
from tests.services.exports.school import (
    PRIVATE,
    SCHOOL,
    YEAR_2025,
    ExportSchool,
    build_export_school,
)

ENCODINGS = ("utf-8", "utf-16-le", "utf-16-be")


@pytest.fixture
def school(db: Database) -> ExportSchool:
    return build_export_school(db)


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "package"
    folder.mkdir()
    return folder


def read(path: Path) -> dict[str, list[str]]:
    """The rows of a package CSV by their first cell."""
    with path.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    return {row[0]: row[1:] for row in rows}


def test_no_name_number_category_or_typed_text_anywhere(
    db: Database, school: ExportSchool, out: Path
) -> None:
    summary = write_district_package(db, out, YEAR_2025)
    with Session(db.engine) as session:
        categories = list(session.scalars(select(CaseCategoryRow.name)))
    needles = {*school.secrets, *categories, PRIVATE, "PRIVATE-MEMO"}
    assert len(needles) > 60  # the fixture's names, numbers and texts, and every category
    written = sorted(out.iterdir())
    assert len(written) == len(summary.files) + 1 > 10  # every file is looked at, README too
    for path in written:
        data = path.read_bytes()
        for needle in needles:
            for encoding in ENCODINGS:
                assert needle.encode(encoding) not in data, (path.name, needle, encoding)
        if path.suffix == ".csv":
            assert SCHOOL.encode("utf-8") not in data  # the school's name: README.txt only
            assert b"group:" not in data
            assert b"homeroom" not in data
    assert SCHOOL in (out / "README.txt").read_text(encoding="utf-8")


def test_small_counts_are_suppressed_as_worked_out_by_hand(
    db: Database, school: ExportSchool, out: Path
) -> None:
    write_district_package(db, out, YEAR_2025)
    practices = read(out / "practices_by_month.csv")
    # Tier 1: 12 in September, 3 in October, 15 in November. 3 is small; 12 is then hidden
    # too, or 30 (the year's total) - 15 - 12 would give the 3 back. Tier 2 has 2 meetings
    # in October, Tier 3 one in November: small, and nothing else in their columns to hide.
    assert practices["month"] == ["tier_1", "tier_2", "tier_3"]
    assert practices["2025-09"] == ["*", "0", "0"]
    assert practices["2025-10"] == ["*", "*", "0"]
    assert practices["2025-11"] == ["15", "0", "*"]
    assert practices["2026-07"] == ["0", "0", "0"]  # a true zero
    assert len(practices) == 13  # the header and the twelve months of the school year
    # Opened = Tier 2 + Tier 3 in each row: one case a month, hidden, and its total with it.
    # Only cases of harm: every category of this school is harm, so no wellbeing concern.
    cases = read(out / "cases_by_month.csv")
    assert cases["month"] == ["opened", "tier_2", "tier_3", "closed", "concerns"]
    assert cases["2025-10"] == ["*", "*", "0", "0", "0"]
    assert cases["2025-11"] == ["*", "0", "*", "0", "0"]


def test_the_continuum_and_the_outcomes_suppressed_like_the_rest(
    db: Database, school: ExportSchool, out: Path
) -> None:
    summary = write_district_package(db, out, YEAR_2025)
    continuum = read(out / "continuum_by_month.csv")
    levels = ["language", "conversations", "circles", "repair_harm_circles", "conferences"]
    assert continuum["month"] == levels
    # The community circles are the practices' Tier 1 column: 12, 3 and 15, the 3 and the
    # 12 beside it hidden. The October conversation and repair-harm circle, and the November
    # conference, are one each: hidden.
    assert continuum["2025-09"] == ["0", "0", "*", "0", "0"]
    assert continuum["2025-10"] == ["0", "*", "*", "*", "0"]
    assert continuum["2025-11"] == ["0", "0", "15", "0", "*"]
    reached = read(out / "continuum_reached_by_level.csv")
    assert reached["level"] == ["students", "share"]
    assert reached["language"] == ["0", "0.000"]  # a true zero, and its share
    assert reached["conferences"] == ["*", ""]  # a share never gives a hidden count back
    repeat = read(out / "repeat_harm_by_window.csv")
    assert repeat["window"] == ["people", "again", "share"]
    assert set(repeat) == {"window", "within:30", "within:60", "within:90"}
    assert read(out / "re_entry_by_month.csv")["2025-12"] == ["0", ""]  # no median of nothing
    assert "repair:not_recorded" in read(out / "repair_felt_by_response.csv")
    names = {f.name for f in summary.files}
    readme = (out / "README.txt").read_text(encoding="utf-8")
    for name in (
        "continuum_by_month.csv",
        "continuum_by_grade.csv",
        "continuum_reached_by_level.csv",
        "repeat_harm_by_window.csv",
        "repair_felt_by_response.csv",
        "re_entry_by_month.csv",
    ):
        assert name in names
        assert f"{name} (" in readme
    assert "never by group of students" in readme


def test_disproportionality_by_grade_and_by_gender(
    db: Database, school: ExportSchool, out: Path
) -> None:
    write_district_package(db, out, YEAR_2025)
    grades = read(out / "disproportionality_by_grade.csv")
    # 13 and 11 enrolled of 24; 2 grade-7 students and 1 grade-8 student caused harm.
    assert grades["7"] == ["13", "*", "0.542", "", "", ""]
    assert grades["8"] == ["11", "*", "0.458", "", "", ""]
    assert grades["all"] == ["24", "*", "", "", "", ""]
    gender = read(out / "disproportionality_by_gender.csv")
    # 10 F, 10 M, 4 unknown: unknown is under 10, so F (the smallest other) is hidden too.
    assert gender["F"][:2] == ["*", "*"]
    assert gender["M"][:3] == ["10", "*", "0.417"]
    assert gender["unknown"][:2] == ["*", "*"]
    assert gender["all"][:2] == ["24", "*"]


def test_a_group_under_the_threshold_shows_no_counts_however_large(
    db: Database, school: ExportSchool, out: Path
) -> None:
    """One grade-12 student at every circle: 30 circles is no small count, but it is one
    student's, so the row is hidden whole; so is gender's "unknown" (4 students)."""
    with Session(db.engine) as session, session.begin():
        lone = StudentRow(
            student_number="S-1201", first_name="Oriel", last_name="Quennell", grade=12,
            created_at=datetime.now(UTC), updated_at=datetime.now(UTC),
        )  # fmt: skip
        session.add(lone)
        session.flush()
        circles = session.scalars(select(CommunityCircleRow.id)).all()
        session.add_all(CircleAttendanceRow(circle_id=c, student_id=lone.id) for c in circles)
    assert len(circles) >= 30
    write_district_package(db, out, YEAR_2025)
    by_grade = read(out / "practices_by_grade.csv")
    assert by_grade["12"] == ["*", "*", "*"]
    # Grade 8 was at none of these circles (a true 0), so grade 7's count goes with grade
    # 12's, or the year's circle total minus grade 7 would give grade 12 back.
    assert by_grade["8"][0] == "0"
    assert by_grade["7"][0] == "*"
    reached = read(out / "students_reached_by_gender.csv")
    assert set(reached["unknown"]) == {"*"}  # its true zeros too: the row says nothing


def test_every_star_is_counted_in_the_summary_and_the_readme(
    db: Database, school: ExportSchool, out: Path
) -> None:
    summary = write_district_package(db, out, YEAR_2025)
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted([f.name for f in summary.files] + ["README.txt"])
    readme = (out / "README.txt").read_text(encoding="utf-8")
    for file in summary.files:
        stars = sum(row.count("*") for row in read(out / file.name).values())
        assert stars == file.suppressed, file.name
        assert f"{file.name} ({file.rows} rows, {file.suppressed} suppressed)" in readme
    assert summary.suppressed == sum(f.suppressed for f in summary.files) > 0
    assert "Period: 2025-08-01 to 2026-07-31" in readme
    assert "Threshold: 10" in readme
    assert "A 0 is a true zero." in readme
    assert f"{summary.suppressed}\ncells are suppressed in all" in readme
    for words in ("Share kept:", "Followed up on time:", "Risk ratio:"):
        assert words in readme


def test_the_demographic_files_are_there_for_the_fields_in_use(
    db: Database, school: ExportSchool, out: Path
) -> None:
    summary = write_district_package(db, out, YEAR_2025)
    names = {f.name for f in summary.files}
    assert {"students_reached_by_gender.csv", "cases_by_gender.csv"} <= names
    assert "disproportionality_by_gender.csv" in names
    assert not any("race_ethnicity" in name for name in names)  # no values: no file


def test_a_share_only_from_published_counts() -> None:
    done, missed = Column("d", "done", ""), Column("m", "missed", "")
    counts = {"a": (30, 10), "b": (12, 4), "c": (0, 0), "d": (20, 20)}
    cells = {
        (row, key): n for row, pair in counts.items() for key, n in zip("dm", pair, strict=True)
    }
    table = package_table(
        "t.csv", "t", ("row", ""), tuple(counts), cells, (Counts((done, missed)),), 10,
        (Derived(Column("", "share", ""), share_of_counts("d", "m")),),
    )  # fmt: skip
    # b's 4 is small; "missed" then hides its smallest other non-zero count, a's 10. "done"
    # has nothing hidden and keeps every count. Only d has both counts: 20 / (20 + 20).
    assert table.rows == (
        ("a", 30, "*", ""),
        ("b", 12, "*", ""),
        ("c", 0, 0, ""),  # nothing settled: no share at all, not 0
        ("d", 20, 20, "0.500"),
    )
    assert table.suppressed == 2


def test_one_audit_event(db: Database, school: ExportSchool, out: Path) -> None:
    summary = write_district_package(db, out, YEAR_2025, threshold=11)
    (event,) = [e for e in audit_rows(db) if e.action is AuditAction.EXPORT]
    assert event.entity == "export"
    assert event.detail == (
        f"district package; 2025-08-01 to 2026-07-31; threshold 11; {len(summary.files)} "
        f"files, {summary.suppressed} cells suppressed"
    )


def test_a_threshold_under_two_is_refused(db: Database, out: Path) -> None:
    with pytest.raises(ValueError, match="2 or more"):
        write_district_package(db, out, YEAR_2025, threshold=1)
    assert list(out.iterdir()) == []


def test_an_empty_database_gets_a_package_of_zeros(db: Database, out: Path) -> None:
    period = package_period(db)
    assert period == Period(date(2025, 8, 1), date(2026, 7, 31))  # the clock's school year
    write_district_package(db, out, period)
    assert set(read(out / "practices_by_month.csv")["2025-09"]) == {"0"}
    assert read(out / "disproportionality_by_grade.csv") == {
        "grade": ["enrolled", "with_case", "enrollment_share", "case_share", "risk",
                  "risk_ratio"],
        "all": ["0", "0", "", "", "", ""],
    }  # fmt: skip


def test_the_package_and_the_records_never_share_a_folder(
    db: Database, school: ExportSchool, out: Path
) -> None:
    export_records(db, out)
    with pytest.raises(FolderHoldsExport):
        write_district_package(db, out, YEAR_2025)
    assert (out / "students.csv").exists()
    write_district_package(db, out, YEAR_2025, replace=True)
    assert not (out / "students.csv").exists()  # the confidential files went with it
    assert (out / "practices_by_month.csv").exists()


def test_a_missing_folder_and_a_full_disk(
    db: Database, school: ExportSchool, tmp_path: Path, out: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    with pytest.raises(ExportNotWritten, match="does not exist; choose another folder"):
        write_district_package(db, tmp_path / "nowhere", YEAR_2025)

    def full(_descriptor: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(export_folder.os, "fsync", full)
    with pytest.raises(ExportNotWritten, match=r"^There is not enough room in"):
        write_district_package(db, out, YEAR_2025)
    assert list(out.iterdir()) == []
    assert not (tmp_path / "nowhere").exists()
