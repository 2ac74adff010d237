"""The school's own record export: every CSV re-read and compared with the database row by row
(through plain SQL written here, not the export's own queries), the period, the private note,
formulas, and a folder that is missing, full or already holds an export."""

import csv
import errno
import os
import sqlite3
import stat
from contextlib import closing
from pathlib import Path

import pytest

from rp_desktop.domain.vocabulary import AuditAction
from rp_desktop.services.exports import folder as export_folder
from rp_desktop.services.exports.folder import FolderHoldsExport, FolderHoldsOtherFiles
from rp_desktop.services.exports.records.export import export_records
from rp_desktop.services.exports.safety import ExportNotWritten, safe_cell
from rp_desktop.services.safekeeping.database import Database
from tests.conftest import digest
from tests.services.conftest import audit_rows
from tests.services.exports.circles_school import add_circle_records
from tests.services.exports.continuum_school import add_continuum_records
from tests.services.exports.school import PRIVATE, YEAR_2025, ExportSchool, build_export_school
from tests.unprivileged import as_ordinary_user, folder_anyone_can_reach

IN_CASES = 'case_id IN (SELECT id FROM "case" WHERE occurred_on BETWEEN :first AND :last)'
IN_CIRCLES = "circle_id IN (SELECT id FROM community_circle WHERE held_on BETWEEN :first AND :last)"
IN_MEETINGS = f"meeting_id IN (SELECT id FROM meeting WHERE {IN_CASES})"
IN_RUNS = f"(community_{IN_CIRCLES} OR {IN_MEETINGS})"
# file -> (SQL for every record, the condition that narrows it to a period or None)
EXPECTED = {
    "students.csv": ("SELECT id, student_number, first_name, last_name, preferred_name, grade, "
                     "homeroom, active FROM student ORDER BY id", None),
    "student_demographics.csv": ("SELECT student_id, field, value FROM student_demographic "
                                 "ORDER BY student_id, field", None),
    "staff.csv": ("SELECT id, first_name, last_name, role, active FROM staff ORDER BY id", None),
    "groups.csv": ("SELECT id, name, kind, school_year, staff_id, active FROM student_group "
                   "ORDER BY id", None),
    "group_members.csv": ("SELECT group_id, student_id FROM group_member ORDER BY 1, 2", None),
    "circles.csv": ("SELECT c.id, held_on, status, kind, group_id, keeper_id, purpose, "
                    "duration_minutes, (SELECT count(*) FROM circle_attendance a WHERE "
                    "a.circle_id = c.id), notes, (SELECT count(*) FROM circle_staff_attendance "
                    "s WHERE s.circle_id = c.id), guests FROM community_circle c {where} "
                    "ORDER BY held_on, c.id", "held_on BETWEEN :first AND :last"),
    "circle_attendance.csv": ("SELECT circle_id, student_id FROM circle_attendance {where} "
                              "ORDER BY 1, 2", IN_CIRCLES),
    "circle_staff_attendance.csv": ("SELECT circle_id, staff_id FROM circle_staff_attendance "
                                    "{where} ORDER BY 1, 2", IN_CIRCLES),
    "group_agreements.csv": ("SELECT id, group_id, community_circle_id, position, made_on, "
                             "text, active FROM group_agreement {where} "
                             "ORDER BY group_id, made_on, id", "made_on BETWEEN :first AND :last"),
    "circle_run_seats.csv": ("SELECT r.id, community_circle_id, meeting_id, position, label, "
                             "is_keeper, student_id, staff_id, caregiver_id, role FROM "
                             "circle_run r JOIN run_seat s ON s.run_id = r.id {where} "
                             "ORDER BY r.id, position", IN_RUNS),
    "circle_run_rounds.csv": ("SELECT r.id, number, stage, prompt_text, second_text, timing, "
                              "budget_seconds, to_roles, to_seats FROM circle_run r JOIN "
                              "run_round n ON n.run_id = r.id {where} ORDER BY r.id, number",
                              IN_RUNS),
    "cases.csv": ("SELECT c.id, tier, occurred_on, place, category_id, k.name, k.kind, "
                  "description, status, closure_reason, repair_felt, tier3_kind, "
                  "suspension_days_avoided, suspension_override_reason, "
                  "closed_on, hold FROM \"case\" c JOIN case_category k ON k.id = c.category_id "
                  "{where} ORDER BY occurred_on, c.id", "occurred_on BETWEEN :first AND :last"),
    "participants.csv": ("SELECT id, case_id, role, student_id, staff_id, caregiver_id, "
                         "other_name FROM "
                         "case_participant {where} ORDER BY case_id, id", IN_CASES),
    "tier_changes.csv": ("SELECT id, case_id, changed_on, from_tier, to_tier, reason FROM "
                         "tier_change {where} ORDER BY changed_on, id", IN_CASES),
    "meetings.csv": ("SELECT m.id, case_id, kind, status, held_on, substr(starts_at, 1, 5), "
                     "facilitator_id, duration_minutes, (SELECT count(*) FROM "
                     "meeting_attendee a WHERE a.meeting_id = m.id), notes, cancel_reason, "
                     "proceed_reason, keep_answers FROM meeting m {where} "
                     "ORDER BY held_on, m.id", IN_CASES),
    "meeting_attendance.csv": ("SELECT meeting_id, participant_id, summary FROM meeting_attendee "
                               "{where} ORDER BY 1, 2", IN_MEETINGS),
    "meeting_answers.csv": ("SELECT id, meeting_id, participant_id, question, answer FROM "
                            "meeting_answer {where} ORDER BY meeting_id, id", IN_MEETINGS),
    "agreements.csv": ("SELECT a.id, case_id, meeting_id, made_on, notes, i.id, description, "
                       "owner_participant_id, owner_staff_id, due_on, status FROM agreement a "
                       "LEFT JOIN agreement_item i ON i.agreement_id = a.id {where} "
                       "ORDER BY made_on, a.id, i.id", IN_CASES),
    "follow_ups.csv": ("SELECT id, case_id, \"on\", staff_id, agreement_item_id, note FROM "
                       "follow_up {where} ORDER BY \"on\", id", IN_CASES),
    "support_plans.csv": ("SELECT id, case_id, student_id, goal, strategies, owner_staff_id, "
                          "start_on, review_on, frequency, active FROM support_plan {where} "
                          "ORDER BY start_on, id", IN_CASES),
    "progress_entries.csv": ("SELECT id, plan_id, \"on\", rating, note FROM progress_entry "
                             "{where} ORDER BY plan_id, \"on\", id",
                             f"plan_id IN (SELECT id FROM support_plan WHERE {IN_CASES})"),
    "re_entry_plans.csv": ("SELECT case_id, supports, needs, responsibilities, returned_on "
                           "FROM re_entry_plan {where} ORDER BY case_id", IN_CASES),
    "practice_logs.csv": ("SELECT id, kind, happened_on, minutes, tally, staff_id, case_id, "
                          "note FROM practice_log {where} ORDER BY happened_on, id",
                          "happened_on BETWEEN :first AND :last"),
    "practice_log_students.csv": ("SELECT log_id, student_id FROM practice_log_student {where} "
                                  "ORDER BY 1, 2", "log_id IN (SELECT id FROM practice_log "
                                  "WHERE happened_on BETWEEN :first AND :last)"),
    "referrals.csv": ("SELECT id, received_on, referred_by_staff_id, referred_by_name, "
                      "what_happened, tried, asks_for, suspension_proposed, suspension_days, "
                      "suspension_proposed_by_staff_id, decision, decided_on, decision_reason, "
                      "case_id, practice_log_id FROM referral {where} ORDER BY received_on, id",
                      "received_on BETWEEN :first AND :last"),
    "referral_students.csv": ("SELECT referral_id, student_id FROM referral_student {where} "
                              "ORDER BY 1, 2", "referral_id IN (SELECT id FROM referral WHERE "
                              "received_on BETWEEN :first AND :last)"),
    "caregivers.csv": ("SELECT id, first_name, last_name, phone, email, home_language, "
                       "interpreter_needed, active FROM caregiver ORDER BY id", None),
    "caregiver_students.csv": ("SELECT caregiver_id, student_id, relation FROM "
                               "caregiver_student ORDER BY 1, 2", None),
    "caregiver_contacts.csv": ("SELECT id, case_id, caregiver_id, staff_id, kind, contacted_on, "
                               "outcome, language, note FROM caregiver_contact {where} "
                               "ORDER BY contacted_on, id", IN_CASES),
    "preparations.csv": ("SELECT p.id, participant_id, case_id, met_on, explained, "
                         "willingness, safety_concerns, supporters_chosen, supporters, "
                         "consent_on, note FROM preparation p JOIN case_participant c ON "
                         "c.id = p.participant_id {where} ORDER BY case_id, participant_id",
                         IN_CASES),
}  # fmt: skip


@pytest.fixture
def school(db: Database) -> ExportSchool:
    built = build_export_school(db)
    add_continuum_records(db, built)
    add_circle_records(db, built)
    return built


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "export"
    folder.mkdir()
    return folder


def read(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.reader(stream))


def expected_rows(db_path: Path, name: str, period: bool) -> list[list[str]]:
    sql, condition = EXPECTED[name]
    where = f"WHERE {condition}" if period and condition else ""
    days = {"first": YEAR_2025.first.isoformat(), "last": YEAR_2025.last.isoformat()}
    with closing(sqlite3.connect(db_path)) as connection:
        rows = connection.execute(sql.format(where=where), days if where else {}).fetchall()
    return [["" if v is None else str(safe_cell(v)) for v in row] for row in rows]


@pytest.mark.parametrize("period", [False, True], ids=["every date", "school year 2025"])
def test_every_file_matches_the_database_row_by_row(
    db: Database, db_path: Path, school: ExportSchool, out: Path, period: bool
) -> None:
    summary = export_records(db, out, YEAR_2025 if period else None, with_answers=True)
    assert sorted(p.name for p in out.iterdir()) == sorted([*EXPECTED, "README.txt"])
    for name in EXPECTED:
        rows = read(out / name)
        assert rows[1:] == expected_rows(db_path, name, period), name
        assert rows[1:], f"{name} is empty: the fixture should fill every file"
    counts = {file.name: file.rows for file in summary.files}
    assert counts == {name: len(read(out / name)) - 1 for name in EXPECTED}


def test_a_school_year_holds_its_own_records_and_all_of_their_cases(
    db: Database, school: ExportSchool, out: Path
) -> None:
    export_records(db, out, YEAR_2025)
    circles = read(out / "circles.csv")
    # 12 + 3 + 15 held and one cancelled in 2025-26; the two of 2024-25 are left out.
    assert len(circles) - 1 == 31
    assert {row[1][:7] for row in circles[1:]} == {"2025-09", "2025-10", "2025-11"}
    assert [int(row[0]) for row in read(out / "cases.csv")[1:]] == [school.case_a, school.case_b]
    assert {int(row[1]) for row in read(out / "meetings.csv")[1:]} == {school.case_a, school.case_b}
    assert len(read(out / "students.csv")) - 1 == 25  # the roster is whole, inactive included


def test_the_header_rows_and_the_readme(db: Database, school: ExportSchool, out: Path) -> None:
    export_records(db, out, YEAR_2025, with_answers=True)
    assert read(out / "agreements.csv")[0] == [
        "agreement_id", "case_id", "meeting_id", "made_on", "agreement_notes", "item_id",
        "item", "owner_participant_id", "owner_staff_id", "due_on", "status",
    ]  # fmt: skip
    assert read(out / "cases.csv")[0][-1] == "hold"
    readme = (out / "README.txt").read_text(encoding="utf-8")
    assert "Juniper Flats Middle School" in readme
    assert "Period: 2025-08-01 to 2026-07-31" in readme
    assert "CONFIDENTIAL" in readme
    assert "circles.csv (31 rows)" in readme
    assert "  status: one of: open, done, missed, renegotiated" in readme
    for name in EXPECTED:
        headers = read(out / name)[0]
        assert len(headers) >= 2, name
        for header in headers:
            assert f"  {header}" in readme, (name, header)


def test_yes_no_is_one_or_zero_and_text_that_looks_like_a_formula_is_quoted(
    db: Database, school: ExportSchool, out: Path
) -> None:
    export_records(db, out)
    students = read(out / "students.csv")
    assert {row[7] for row in students[1:]} == {"0", "1"}
    purposes = [row[6] for row in read(out / "circles.csv")[1:]]
    assert '\'=HYPERLINK("http://example.invalid","Oswin")' in purposes
    items = [row[6] for row in read(out / "agreements.csv")[1:]]
    assert "'+Apologise to Isolde in person" in items


def test_the_private_note_is_never_exported(db: Database, school: ExportSchool, out: Path) -> None:
    export_records(db, out, with_answers=True)  # not even in the export that has the most
    written = sorted(out.iterdir())
    assert [p.name for p in written] == sorted([*EXPECTED, "README.txt"])
    for path in written:
        data = path.read_bytes()
        assert PRIVATE.encode("utf-8") not in data, path.name
        assert b"PRIVATE-MEMO" not in data, path.name
        assert b"private_note" not in data, path.name


def test_one_audit_event_with_counts_only(db: Database, school: ExportSchool, out: Path) -> None:
    summary = export_records(db, out, YEAR_2025)
    (event,) = [e for e in audit_rows(db) if e.action is AuditAction.EXPORT]
    assert event.entity == "export"
    assert event.detail == (
        f"records; 2025-08-01 to 2026-07-31; 29 files, {summary.rows} rows; answers left out"
    )
    assert not any(secret in event.detail for secret in school.secrets)


def test_files_are_for_their_owner_only(db: Database, school: ExportSchool, out: Path) -> None:
    export_records(db, out, with_answers=True)
    modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in out.iterdir()}
    assert modes == dict.fromkeys([*EXPECTED, "README.txt"], 0o600)


def test_an_empty_database_gives_headers_only(db: Database, out: Path) -> None:
    summary = export_records(db, out, YEAR_2025)
    assert summary.rows == 0
    assert read(out / "circles.csv") == [read(out / "circles.csv")[0]]
    assert "School: (not set up)" in (out / "README.txt").read_text(encoding="utf-8")


def test_a_missing_folder(db: Database, school: ExportSchool, tmp_path: Path) -> None:
    folder = tmp_path / "no such folder"
    with pytest.raises(ExportNotWritten) as refused:
        export_records(db, folder)
    assert str(refused.value) == f"The folder {folder} does not exist; choose another folder."
    assert not folder.exists()
    assert not [e for e in audit_rows(db) if e.action is AuditAction.EXPORT]


def test_a_read_only_folder(db: Database, school: ExportSchool) -> None:
    """Refused by the operating system, as an ordinary user (`nobody` when the tests run as
    root, who could write there anyway)."""
    with folder_anyone_can_reach() as shared:
        out = shared / "export"
        out.mkdir()
        out.chmod(0o555)  # read-only for everyone

        def export() -> None:
            assert os.listdir(out) == []  # it can be reached and read: only writing is refused
            export_records(db, out)

        outcome = as_ordinary_user(db, export)
        assert outcome.uid != 0
        assert (outcome.error, outcome.message) == (
            "ExportNotWritten",
            f"RP Desktop is not allowed to write in {out}; choose another folder.",
        )
        assert list(out.iterdir()) == []  # no file, and no hidden folder of the export either
    assert not [e for e in audit_rows(db) if e.action is AuditAction.EXPORT]


def failing_on(call: int, code: int) -> object:
    """An os.fsync that works `call - 1` times, then fails with `code`."""
    calls = []
    real = os.fsync

    def fsync(descriptor: int) -> None:
        calls.append(descriptor)
        if len(calls) >= call:
            raise OSError(code, os.strerror(code))
        real(descriptor)

    return fsync


@pytest.mark.parametrize(
    ("code", "sentence"),
    [
        (errno.ENOSPC, "There is not enough room in {out} to write circles.csv; free some space "
         "or choose another folder."),
        (errno.EACCES, "RP Desktop is not allowed to write in {out}; choose another folder."),
    ],
)  # fmt: skip
def test_a_full_or_refusing_disk_half_way_leaves_nothing(
    db: Database, school: ExportSchool, out: Path, monkeypatch: pytest.MonkeyPatch, code: int,
    sentence: str,
) -> None:  # fmt: skip
    # The sixth file written is circles.csv: five files are whole by then.
    monkeypatch.setattr(export_folder.os, "fsync", failing_on(6, code))
    with pytest.raises(ExportNotWritten) as refused:
        export_records(db, out)
    assert str(refused.value) == sentence.format(out=out)
    assert list(out.iterdir()) == []  # no file, and no hidden folder of the export either
    assert not [e for e in audit_rows(db) if e.action is AuditAction.EXPORT]


def test_a_folder_with_an_export_is_refused_then_replaced(
    db: Database, school: ExportSchool, out: Path
) -> None:
    export_records(db, out)
    (out / "notes.txt").write_text("the counselor's own file", encoding="utf-8")
    earlier = {p.name: digest(p) for p in out.iterdir()}
    with pytest.raises(FolderHoldsExport) as refused:
        export_records(db, out, YEAR_2025)
    assert "already holds an export" in str(refused.value)
    assert {p.name: digest(p) for p in out.iterdir()} == earlier
    export_records(db, out, YEAR_2025, replace=True)
    assert len(read(out / "circles.csv")) - 1 == 31
    assert (out / "notes.txt").read_text(encoding="utf-8") == "the counselor's own file"


@pytest.mark.parametrize("name", ["students.csv", "README.txt"])
def test_files_of_the_users_own_with_an_export_name_are_never_replaced(
    db: Database, school: ExportSchool, out: Path, name: str
) -> None:
    (out / name).write_text("the roster the office sent", encoding="utf-8")
    for replace in (False, True):
        with pytest.raises(FolderHoldsOtherFiles) as refused:
            export_records(db, out, replace=replace)
        assert str(refused.value) == (
            f"The folder {out} already holds files of its own with the names this export "
            f"uses ({name}); choose an empty folder."
        )
    assert [p.name for p in out.iterdir()] == [name]
    assert (out / name).read_text(encoding="utf-8") == "the roster the office sent"


def test_a_failed_replacement_puts_the_earlier_export_back(
    db: Database, school: ExportSchool, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    export_records(db, out)
    earlier = {p.name: digest(p) for p in out.iterdir()}
    moves = []
    real = os.replace

    def replace(source: object, target: object) -> None:
        moves.append(target)
        if len(moves) == len(earlier) + 3:  # the earlier files set aside, then 3 new ones
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        real(source, target)  # type: ignore[arg-type]

    monkeypatch.setattr(export_folder.os, "replace", replace)
    with pytest.raises(ExportNotWritten, match="could not be written"):
        export_records(db, out, YEAR_2025, replace=True)
    monkeypatch.undo()
    assert {p.name: digest(p) for p in out.iterdir()} == earlier


def test_a_missing_export_folder_is_made_for_its_owner_only(tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    assert export_folder.make_export_folder(folder) is True
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert export_folder.make_export_folder(folder) is False  # there already: left as it is
    export_folder.remove_if_empty(folder)
    assert not folder.exists()


def test_an_export_folder_is_never_made_in_a_missing_parent_nor_over_a_file(
    tmp_path: Path,
) -> None:
    with pytest.raises(ExportNotWritten) as missing:
        export_folder.make_export_folder(tmp_path / "no such folder" / "exports")
    assert str(missing.value) == (
        f"The folder {tmp_path / 'no such folder'} does not exist, so exports cannot be made "
        "in it; make it first, or choose another folder."
    )
    (tmp_path / "a file").write_text("not a folder")
    with pytest.raises(ExportNotWritten) as a_file:
        export_folder.make_export_folder(tmp_path / "a file")
    assert str(a_file.value) == f"{tmp_path / 'a file'} is a file, not a folder; choose a folder."
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a file"]


def test_an_export_folder_is_not_made_in_a_read_only_parent(db: Database) -> None:
    with folder_anyone_can_reach() as shared:
        parent = shared / "read-only"
        parent.mkdir()
        parent.chmod(0o555)
        outcome = as_ordinary_user(db, lambda: export_folder.make_export_folder(parent / "x"))
        assert (outcome.error, outcome.message) == (
            "ExportNotWritten",
            f"RP Desktop is not allowed to write in {parent}; choose another folder.",
        )
        assert list(parent.iterdir()) == []
