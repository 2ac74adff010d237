"""What circles did goes into the school's own record export (who sat as what, the staff there,
other adults as a count, a group's agreements), and none of it into the district package: no
case role, no agreement's words, no seat's name."""

import csv
from pathlib import Path

import pytest

from rp_desktop.services.exports.district.package import write_district_package
from rp_desktop.services.exports.records.export import export_records
from rp_desktop.services.safekeeping.database import Database
from tests.services.exports.circles_school import (
    AGREED,
    CASE_ROLES,
    GUEST,
    OLD_AGREEMENT,
    add_circle_records,
)
from tests.services.exports.school import YEAR_2025, ExportSchool, build_export_school

ENCODINGS = ("utf-8", "utf-16-le", "utf-16-be")


@pytest.fixture
def school(db: Database) -> ExportSchool:
    built = build_export_school(db)
    add_circle_records(db, built)
    return built


def folder(tmp_path: Path) -> Path:
    """A folder of its own for the export (the database lies in tmp_path)."""
    made = tmp_path / "out"
    made.mkdir()
    return made


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.DictReader(stream))


def test_the_record_export_holds_who_sat_as_what_and_the_groups_agreements(
    db: Database, school: ExportSchool, tmp_path: Path
) -> None:
    tmp_path = folder(tmp_path)
    export_records(db, tmp_path, YEAR_2025)
    seats = read(tmp_path / "circle_run_seats.csv")
    assert [(s["position"], s["role"]) for s in seats if s["meeting_id"]] == [
        ("0", "person_who_caused_harm"),
        ("1", "person_who_caused_harm"),
        ("2", "person_harmed"),
    ]
    tier_1 = [s for s in seats if s["circle_id"]]
    assert [(s["label"], s["is_keeper"], s["role"]) for s in tier_1] == [
        ("Ms D", "1", "keeper"),
        ("Amaru", "0", ""),
        (GUEST, "0", ""),
    ]
    rounds = read(tmp_path / "circle_run_rounds.csv")
    assert [(r["to_roles"], r["to_seats"]) for r in rounds] == [
        ("", ""),
        ("", "1,2"),
        ("person_who_caused_harm", ""),
    ]
    agreements = read(tmp_path / "group_agreements.csv")
    assert [(a["text"], a["active"]) for a in agreements] == [
        (AGREED[0], "1"),
        (AGREED[1], "1"),
        (AGREED[2], "0"),
    ]  # the one of the year before is left out of the year's export
    circles = read(tmp_path / "circles.csv")
    held = [c for c in circles if c["keeper_staff_id"]]
    assert {c["staff_attendees"] for c in held} == {"1"}
    assert sorted({c["guests"] for c in circles}) == ["0", "1", "2"]
    staff = read(tmp_path / "circle_staff_attendance.csv")
    assert len(staff) == len(held)


def test_the_whole_export_holds_last_years_agreement_too(
    db: Database, school: ExportSchool, tmp_path: Path
) -> None:
    export_records(db, folder(tmp_path))
    texts = [a["text"] for a in read(tmp_path / "out" / "group_agreements.csv")]
    assert texts == [OLD_AGREEMENT, *AGREED]


def test_the_district_package_has_no_role_no_agreement_and_no_seat_name(
    db: Database, school: ExportSchool, tmp_path: Path
) -> None:
    out = folder(tmp_path)
    write_district_package(db, out, YEAR_2025)
    needles = {*CASE_ROLES, *AGREED, OLD_AGREEMENT, GUEST, "Ms D", "keeper"}
    written = sorted(out.iterdir())
    assert len(written) > 10
    for path in written:
        data = path.read_bytes()
        for needle in needles:
            for encoding in ENCODINGS:
                assert needle.encode(encoding) not in data, (path.name, needle, encoding)
