"""The continuum's records in the exports: the school's own record export holds practice logs,
referrals, caregivers, contacts and preparations, and says so; the district package never
gains a caregiver's name, phone number or email, nor any text typed in a continuum record.
(test_records.py compares every file with the database row by row.)"""

import csv
from pathlib import Path

import pytest

from rp_desktop.services.exports.district.package import write_district_package
from rp_desktop.services.exports.records.export import export_records
from rp_desktop.services.safekeeping.database import Database
from tests.services.exports.continuum_school import (
    EMAIL,
    PHONE,
    WHAT_HAPPENED,
    ContinuumRecords,
    add_continuum_records,
)
from tests.services.exports.school import YEAR_2025, ExportSchool, build_export_school

ENCODINGS = ("utf-8", "utf-16-le", "utf-16-be")
CONTINUUM_FILES = (
    "practice_logs.csv",
    "practice_log_students.csv",
    "referrals.csv",
    "referral_students.csv",
    "caregivers.csv",
    "caregiver_students.csv",
    "caregiver_contacts.csv",
    "preparations.csv",
)


@pytest.fixture
def school(db: Database) -> tuple[ExportSchool, ContinuumRecords]:
    built = build_export_school(db)
    return built, add_continuum_records(db, built)


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "export"
    folder.mkdir()
    return folder


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.DictReader(stream))


def test_a_school_year_holds_its_own_logs_and_referrals_and_every_caregiver(
    db: Database, school: tuple[ExportSchool, ContinuumRecords], out: Path
) -> None:
    built, records = school

    export_records(db, out, YEAR_2025)

    logs = read(out / "practice_logs.csv")
    assert [int(row["log_id"]) for row in logs] == list(records.logs[:2])  # not 2024's
    assert logs[0]["case_id"] == str(built.case_a)
    assert logs[1]["tally"] == "6"
    assert {row["log_id"] for row in read(out / "practice_log_students.csv")} == {logs[0]["log_id"]}
    (referral,) = read(out / "referrals.csv")  # the one still waiting came in 2024-25
    assert referral["what_happened"] == WHAT_HAPPENED
    assert (referral["suspension_proposed"], referral["suspension_days"]) == ("1", "3")
    assert (referral["decision"], referral["case_id"]) == ("tier2_case", str(built.case_a))
    caregivers = read(out / "caregivers.csv")
    assert [int(row["caregiver_id"]) for row in caregivers] == list(records.caregivers)
    assert (caregivers[0]["phone"], caregivers[0]["email"]) == (PHONE, EMAIL)
    assert (caregivers[0]["home_language"], caregivers[0]["interpreter_needed"]) == ("es", "1")
    assert "search_key" not in caregivers[0]
    (contact,) = read(out / "caregiver_contacts.csv")
    assert (contact["kind"], contact["outcome"], contact["language"]) == ("call", "reached", "es")
    (preparation,) = read(out / "preparations.csv")
    assert (preparation["willingness"], preparation["explained"]) == ("willing", "1")
    assert preparation["case_id"] == str(built.case_a)


def test_meetings_say_planned_cancelled_and_whether_answers_are_kept(
    db: Database, school: tuple[ExportSchool, ContinuumRecords], out: Path
) -> None:
    built, _records = school

    export_records(db, out, YEAR_2025)

    meetings = read(out / "meetings.csv")
    by_status = {row["status"]: row for row in meetings}
    assert set(by_status) == {"held", "planned", "cancelled"}
    assert (by_status["planned"]["held_on"], by_status["planned"]["starts_at"]) == (
        "2026-04-02",
        "10:30",
    )
    assert by_status["cancelled"]["cancel_reason"] == "Oriel's family moved the date"
    assert sum(row["keep_answers"] == "1" for row in meetings) == 1
    summaries = {row["summary"] for row in read(out / "meeting_attendance.csv")}
    assert summaries == {"", "Listened to Perpetua and apologised"}
    case_b = next(row for row in read(out / "cases.csv") if row["case_id"] == str(built.case_b))
    assert (case_b["repair_felt"], case_b["suspension_override_reason"]) == (
        "partly",
        "Board note from Saturnin",
    )
    family = [row for row in read(out / "participants.csv") if row["caregiver_id"]]
    assert [row["role"] for row in family] == ["family_member"]


def test_the_readme_names_each_new_file_and_says_caregivers_details_are_in_it(
    db: Database, school: tuple[ExportSchool, ContinuumRecords], out: Path
) -> None:
    export_records(db, out, YEAR_2025)

    readme = (out / "README.txt").read_text(encoding="utf-8")
    for name in CONTINUUM_FILES:
        assert f"\n{name} (" in readme, name
    assert "caregivers' names, phone numbers and email addresses" in readme
    assert "caregivers.csv (2 rows)" in readme
    assert "  willingness: one of: not_asked, willing, indirect_letter" in readme


def test_an_empty_database_writes_the_new_files_with_headers_only(db: Database, out: Path) -> None:
    summary = export_records(db, out)

    rows = {file.name: file.rows for file in summary.files}
    assert {name: rows[name] for name in CONTINUUM_FILES} == dict.fromkeys(CONTINUUM_FILES, 0)
    assert read(out / "referrals.csv") == []
    assert (out / "referrals.csv").read_text(encoding="utf-8-sig").startswith("referral_id,")


def test_the_district_package_never_holds_a_caregiver_or_a_typed_word(
    db: Database, school: tuple[ExportSchool, ContinuumRecords], out: Path
) -> None:
    built, _records = school
    continuum_secrets = built.secrets[
        built.secrets.index("Hallway chat with Eustacia Vandermeer") :
    ]
    assert PHONE in continuum_secrets
    assert EMAIL in continuum_secrets
    assert len(continuum_secrets) > 20  # the test can fail: every name and text added here

    summary = write_district_package(db, out, YEAR_2025)

    written = sorted(out.iterdir())
    assert len(written) == len(summary.files) + 1
    for path in written:
        data = path.read_bytes()
        for needle in continuum_secrets:
            for encoding in ENCODINGS:
                assert needle.encode(encoding) not in data, (path.name, needle, encoding)
        assert b"555-01" not in data  # no phone number at all
        assert b"@example.invalid" not in data
