"""Issue 12, what goes out and what comes in: faults 3, 7, the long cell of 9 and `export --out`
of 11, each reproduced as the probe found it, through the way in it came by.

- 3: a control character in front of a formula got past the spreadsheet guard, which ran
  before the illegal-character strip; now every export path cleans first and guards last,
  and printed pages lose their control characters.
- 7: "00123" and "123" became two students without a word, and zero-width and bidi characters
  went into names and student numbers.
- 9: a 200,000-character cell was reported as unpaired quotes.
- 11: `export --out DIR` refused a folder that did not exist yet.
"""

import csv
import os
import re
import stat
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from sqlalchemy import text

from rp_desktop.domain.records import StudentFields
from rp_desktop.domain.reports.model import Period
from rp_desktop.domain.validation import InvalidInput, Problem
from rp_desktop.services.exports.district.package import write_district_package
from rp_desktop.services.exports.records.export import export_records
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.opening import open_database
from rp_desktop.services.students.records import add_student, update_student
from rp_desktop.services.students.roster_import import import_roster, preview_roster
from rp_desktop.ui.case.agreement_pdf import (
    AgreementLine,
    AgreementSheet,
    SignerLine,
    agreement_pdf,
)
from rp_desktop.ui.lists import export as list_export
from rp_desktop.ui.lists.export import ExportOptions
from rp_desktop.ui.reports.summary_pdf import MonthlySummary, summary_pdf
from rp_desktop.ui.students.roster_wizard import RosterWizard
from rp_desktop.ui.students.tab import StudentsTab
from rp_desktop.ui.words.problems import problem_text
from tests.cli.conftest import run
from tests.services.exports.school import build_export_school

__all__ = ["run"]  # a fixture: the command line, in-process

PAYLOAD = '\x01=HYPERLINK("http://e.vil/x","a")'
HOSTILE = [PAYLOAD, "\x0c+1 555", " =cmd|' /C calc'!A0", "\u200b@SUM(A1)", "\x1b-2+3", "\t=1"]
HEADER = "Student Number,First Name,Last Name,Grade\n"


def runs_as_formula(cell: str) -> bool:
    """Written apart from the app's guard: = + - @ past spaces and invisible characters, or a
    tab or carriage return first, and not a plain number."""
    if cell.startswith(("\t", "\r")):
        return True
    rest = cell.lstrip("".join(chr(c) for c in range(0x20)) + " \u00a0\u200b\ufeff\x7f")
    number = re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", rest) is not None
    return rest[:1] in ("=", "+", "-", "@") and not number


def csv_cells(*paths: Path) -> list[str]:
    cells: list[str] = []
    for path in paths:
        with path.open(encoding="utf-8-sig", newline="") as stream:
            cells += [cell for row in csv.reader(stream) for cell in row]
    return cells


def controls(cell: str) -> list[str]:
    return [ch for ch in cell if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r"]


def poison(db: Database, table: str, column: str, *, unique: bool = True) -> None:
    """What a database from before the fix can hold: text pasted with a control character
    (made different on each row when `unique`, for columns whose values are); empty text
    stays empty."""
    with db.engine.begin() as connection:
        connection.execute(
            text(
                f"UPDATE {table} SET {column} = :value{' || rowid' * unique} WHERE {column} != ''"
            ),
            {"value": HOSTILE[0]},
        )


# Fault 3 ------------------------------------------------------------------------------------


def test_fault_3_control_character_before_a_formula_is_no_live_formula_in_the_students_xlsx(
    qtbot, monkeypatch: pytest.MonkeyPatch, db: Database, tmp_path: Path
) -> None:
    add_student(db, StudentFields("700101", "Xochitl", "Ibarra", "", 7, "7-Blue"))
    with db.engine.begin() as connection:  # pasted before the form refused it
        connection.execute(text("UPDATE student SET homeroom = :h"), {"h": PAYLOAD})
    target = tmp_path / "students.xlsx"
    monkeypatch.setattr(ExportOptions, "ask", classmethod(lambda _c, _p, _n: True))
    monkeypatch.setattr(list_export, "choose_path", lambda _p, _s: target)
    tab = StudentsTab(db)
    qtbot.addWidget(tab)
    tab.reload()

    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)

    sheet = load_workbook(target).active
    assert sheet is not None
    homeroom = sheet.cell(row=2, column=2)
    assert sheet.cell(row=1, column=2).value == "Homeroom"
    assert homeroom.data_type != "f"
    assert homeroom.value == '\'=HYPERLINK("http://e.vil/x","a")'


def test_fault_3_every_csv_of_the_record_export_is_cleaned_before_it_is_guarded(
    db: Database, tmp_path: Path
) -> None:
    build_export_school(db)
    for table, column in (
        ("student", "homeroom"),
        ("student", "first_name"),
        ("staff", "last_name"),
        ("student_group", "name"),
        ('"case"', "place"),
        ('"case"', "description"),
        ("case_participant", "other_name"),
        ("community_circle", "purpose"),
        ("agreement_item", "description"),
    ):
        poison(db, table, column)
    (tmp_path / "records").mkdir()
    export_records(db, tmp_path / "records")
    cells = csv_cells(*sorted((tmp_path / "records").glob("*.csv")))
    assert [cell for cell in cells if runs_as_formula(cell) or controls(cell)] == []
    quoted = [cell for cell in cells if cell.startswith("'=HYPERLINK")]
    assert len(quoted) >= 9  # every poisoned column reached the files, quoted


def test_fault_3_the_district_package_and_a_list_go_through_the_same_guard(
    db: Database, tmp_path: Path
) -> None:
    from rp_desktop.services.exports.table import export_table

    build_export_school(db)
    # A group of the package's tables, named by a value pasted with a control character.
    poison(db, "student_demographic", "value", unique=False)
    (tmp_path / "package").mkdir()
    package = write_district_package(db, tmp_path / "package", _year(), 2)
    assert package.files
    rows = [["Note"]] + [[value] for value in HOSTILE]
    for name in ("list.csv", "list.xlsx"):
        export_table(db, tmp_path / name, rows[0], rows[1:], what="fault 3")
    cells = csv_cells(*sorted((tmp_path / "package").glob("*.csv")), tmp_path / "list.csv")
    assert '\'=HYPERLINK("http://e.vil/x","a")' in cells  # the group reached the package
    book = load_workbook(tmp_path / "list.xlsx").active
    assert book is not None
    written = [c for row in book.iter_rows() for c in row]
    assert all(c.data_type != "f" for c in written)
    cells += [str(c.value) for c in written]
    assert [cell for cell in cells if runs_as_formula(cell) or controls(cell)] == []


def _year() -> Period:
    return Period(date(2025, 8, 1), date(2026, 7, 31))


def _without_dates(pdf: bytes) -> bytes:
    """A PDF without what changes from one drawing to the next (its dates and ids)."""
    return re.sub(
        rb"D:\d{14}|\d{4}-\d\d-\d\dT[\d:.+-]+|uuid:[0-9a-f-]+|/ID \[.*?\]",
        b"",
        pdf,
    )


@pytest.mark.parametrize("control", ["\x01", "\x07", "\x0b", "\x1b", "\x1f", "\x7f", "\x85"])
def test_fault_3_printed_pages_draw_no_control_character(qapp, control: str) -> None:  # type: ignore[no-untyped-def]
    def sheet(extra: str) -> AgreementSheet:
        line = AgreementLine(f"Say sorry{extra}", f"Nou{extra} Xiong", None)
        signer = SignerLine(f"Nou{extra} Xiong", f"Person harmed{extra}")
        return AgreementSheet(f"Juniper{extra} Flats", 4, date(2026, 3, 2), (line,), (signer,))

    def summary(extra: str) -> MonthlySummary:
        return MonthlySummary(f"Juniper{extra} Flats", "2026-03", {}, {}, {})

    assert _without_dates(agreement_pdf(sheet(control))) == _without_dates(agreement_pdf(sheet("")))
    assert _without_dates(summary_pdf(summary(control))) == _without_dates(summary_pdf(summary("")))


# Fault 7 ------------------------------------------------------------------------------------


def roster(*rows: str) -> bytes:
    return (HEADER + "".join(f"{row}\n" for row in rows)).encode()


def test_fault_7_leading_zeros_match_the_student_already_kept(db: Database) -> None:
    kept = add_student(db, StudentFields("123", "Nou", "Xiong", "", 7, "7-Blue"))
    padded = add_student(db, StudentFields("00456", "Amani", "Haddad", "", 7, "7-Blue"))
    file = roster("00123,Nou,Xiong,8", "456,Amani,Haddad,7", "789,Dariusz,Kowalczyk,7")

    preview = preview_roster(db, file, full_roster=True)
    assert (preview.added, preview.updated, preview.unchanged, preview.marked_inactive) == (
        1,
        1,
        1,
        0,
    )
    assert preview.rows_matched_but_zeros == (2, 3)

    done = import_roster(db, file, full_roster=True).changes
    assert done.rows_matched_but_zeros == (2, 3)
    numbers = db_numbers(db)
    assert numbers == {"123": kept.id, "00456": padded.id, "789": numbers["789"]}


def db_numbers(db: Database) -> dict[str, int]:
    with db.engine.connect() as connection:
        return dict(connection.execute(text("SELECT student_number, id FROM student")).all())


def test_numbers_that_are_not_all_digits_are_matched_exactly(db: Database) -> None:
    add_student(db, StudentFields("S-123", "Nou", "Xiong", "", 7, "7-Blue"))
    changes = preview_roster(db, roster("S-00123,Nou,Xiong,7"), full_roster=False)
    assert (changes.added, changes.rows_matched_but_zeros) == (1, ())


def test_fault_7_two_rows_differing_by_leading_zeros_are_a_duplicate(run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    file = tmp_path / "roster.csv"
    file.write_bytes(roster("123,Nou,Xiong,7", "S-1,Amani,Haddad,7", "0123,Nou,Xiong,7"))
    done = run("import-roster", "--db", str(tmp_path / "s.db"), "--dry-run", str(file))
    assert done.code == 1
    assert "row 4: the student number is the one on row 2 once leading zeros are ignored" in (
        done.err
    )


def test_fault_7_the_dry_run_says_which_rows_matched_but_for_leading_zeros(
    run, db_path: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    with open_database(db_path, unencrypted=True) as db:
        for number in ("123", "4", "55"):
            add_student(db, StudentFields(number, "Nou", f"Xiong{number}", "", 7, ""))
    file = tmp_path / "roster.csv"
    rows = ("00123,Nou,Xiong123,7", "4,Nou,Xiong4,7", "0055,Nou,Xiong55,7", "09,Bo,Ng,7")
    file.write_bytes(roster(*rows))
    done = run("import-roster", "--db", str(db_path), "--dry-run", str(file))
    assert done.code == 0, done.err
    assert done.out.splitlines()[1] == (
        "2 rows matched a student already kept only once leading zeros were ignored: rows 2, 4. "
        "Those students keep their numbers as they were kept."
    )
    assert "1 added, 0 updated, 3 unchanged" in done.out


def test_fault_7_the_window_preview_says_which_rows_matched_but_for_leading_zeros(
    qtbot, db: Database, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    add_student(db, StudentFields("123", "Nou", "Xiong", "", 7, ""))
    file = tmp_path / "roster.csv"
    file.write_bytes(roster("0123,Nou,Xiong,7"))
    wizard = RosterWizard(db)
    qtbot.addWidget(wizard)
    wizard.load(file)
    assert "1 row matched a student already kept only once leading zeros were ignored: row 2." in (
        wizard.summary.text()
    )
    shown = wizard.changes_model.data(wizard.changes_model.index(0, 4))
    assert shown == "matched once leading zeros were ignored"
    assert wizard.import_button.isEnabled()


@pytest.mark.parametrize(
    ("cell", "field", "character"),
    [
        ("Xio\u200bng", "last name", "U+200B"),
        ("Nou\u202e", "first name", "U+202E"),
        ("\u2066123", "student number", "U+2066"),
        ("12\u200c3", "student number", "U+200C"),  # a joiner is never part of a number
        ("Xiong\ufeff", "last name", "U+FEFF"),
    ],
)
def test_fault_7_invisible_characters_are_refused_by_the_roster_import(
    run, tmp_path: Path, cell: str, field: str, character: str
) -> None:  # type: ignore[no-untyped-def]
    row = {"last name": f"7,Nou,{cell},7", "first name": f"7,{cell},Xiong,7"}.get(
        field, f"{cell},Nou,Xiong,7"
    )
    file = tmp_path / "roster.csv"
    file.write_bytes(b"\xef\xbb\xbf" + roster("1,Amani,Haddad,7", row))  # a BOM is no name
    done = run("import-roster", "--db", str(tmp_path / "s.db"), str(file))
    assert done.code == 1
    assert done.err.splitlines()[1].startswith(f"  row 3: the {field} (column ")
    assert done.err.splitlines()[1].endswith(
        f"contains an invisible character ({character}); retype it"
    )
    assert len(done.err.splitlines()) == 2  # row 2, after the BOM, is fine
    assert not (tmp_path / "s.db").exists()


def test_fault_7_invisible_characters_are_refused_by_the_student_form(db: Database) -> None:
    with pytest.raises(InvalidInput) as refused:
        add_student(db, StudentFields("12\u200b3", "Nou\u202e", "Xiong", "", 7, "7\x01B"))
    problems = {p.field: p for p in refused.value.problems}
    assert set(problems) == {"student_number", "first_name", "homeroom"}
    assert {p.problem for p in problems.values()} == {Problem.INVISIBLE_CHARACTER}
    assert problem_text(problems["first_name"]) == (
        "This contains an invisible character (U+202E); retype it."
    )
    # Names spelled with a zero-width non-joiner (Persian) or an emoji are kept whole.
    add_student(db, StudentFields("9", "\u0645\u06cc\u200c\u0631\u0627", "Rainbow 🏳️‍🌈", "", 7, ""))


def test_fault_7_a_number_alike_but_for_leading_zeros_is_refused_by_the_student_form(
    db: Database,
) -> None:
    kept = add_student(db, StudentFields("0123", "Nou", "Xiong", "", 7, ""))
    other = add_student(db, StudentFields("S-0123", "Amani", "Haddad", "", 7, ""))
    with pytest.raises(InvalidInput) as refused:
        add_student(db, StudentFields("123", "Nou", "Xiong", "", 7, ""))
    assert [p.problem for p in refused.value.problems] == [Problem.SAME_BUT_ZEROS]
    with pytest.raises(InvalidInput):
        update_student(db, other.id, StudentFields("00123", "Amani", "Haddad", "", 7, ""))
    update_student(db, kept.id, StudentFields("00123", "Nou", "Xiong", "", 7, ""))  # its own


# Fault 9 (the long cell) --------------------------------------------------------------------


def test_fault_9_a_cell_over_the_csv_limit_is_named_not_blamed_on_quotes(
    run, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    file = tmp_path / "roster.csv"
    file.write_bytes(roster("1,Amani,Haddad,7", f"2,Nou,{'x' * 200_000},7", "3,Bo,Ng,7"))
    done = run("import-roster", "--db", str(tmp_path / "s.db"), str(file))
    assert done.code == 1
    assert done.err.splitlines()[1] == (
        "  row 3: a cell of this row is over 131,072 characters long; is this the roster file?"
    )
    assert "quotation marks" not in done.err
    assert not (tmp_path / "s.db").exists()


# Fault 11 (export --out) --------------------------------------------------------------------


@pytest.fixture
def school_file(db_path: Path) -> Path:
    with open_database(db_path, unencrypted=True) as db:
        build_export_school(db)
    return db_path


@pytest.mark.parametrize("deidentified", [(), ("--deidentified",)])
def test_fault_11_export_out_makes_a_missing_folder_for_its_owner_only(
    run, school_file: Path, tmp_path: Path, deidentified: tuple[str, ...]
) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "exports 2026"
    done = run("export", "--db", str(school_file), "--out", str(folder), *deidentified)
    assert done.code == 0, done.err
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert (folder / "README.txt").exists()


def test_fault_11_a_missing_parent_is_refused_by_name_and_not_made(
    run, school_file: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    parent = tmp_path / "not there"
    done = run("export", "--db", str(school_file), "--out", str(parent / "exports"))
    assert done.code == 1
    assert done.err == (
        f"rp-desktop: The folder {parent} does not exist, so exports cannot be made in it; "
        "make it first, or choose another folder.\n"
    )
    assert not parent.exists()


def test_a_folder_made_for_an_export_that_fails_is_removed(
    run, school_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from rp_desktop.services.exports.records import export as records_export

    def full(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, os.strerror(28))

    monkeypatch.setattr(records_export, "write_export_folder", full)
    folder = tmp_path / "exports"
    done = run("export", "--db", str(school_file), "--out", str(folder))
    assert done.code == 1
    assert not folder.exists()
