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
from rp_desktop.domain.validation import InvalidInput, Problem
from rp_desktop.services.exports.district.package import write_district_package
from rp_desktop.services.exports.records.export import export_records
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.opening import open_database
from rp_desktop.services.students.records import add_student, update_student
from rp_desktop.services.students.roster_import import import_roster, preview_roster
from rp_desktop.ui.case.agreement_pdf import AgreementLine, AgreementSheet, agreement_pdf
from rp_desktop.ui.lists import export as list_export
from rp_desktop.ui.lists.export import ExportOptions
from rp_desktop.ui.reports.summary_pdf import MonthlySummary, summary_pdf
from rp_desktop.ui.students.roster_wizard import RosterWizard
from rp_desktop.ui.students.tab import StudentsTab
from rp_desktop.ui.words.problems import problem_text
from tests.cli.conftest import Outcome
from tests.services.exports.school import build_export_school

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


def poison(db: Database, table: str, column: str) -> None:
    """What a database from before the fix can hold: text pasted with a control character
    (made different on each row, for columns whose values are unique); empty text stays."""
    with db.engine.begin() as connection:
        connection.execute(
            text(f"UPDATE {table} SET {column} = :value || rowid WHERE {column} != ''"),
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
    quoted = [cell for cell in cells if cell.startswith("'=HYPERLINK")]
    assert len(quoted) >= 8  # every poisoned column reached the files, quoted
    assert [cell for cell in cells if runs_as_formula(cell) or controls(cell)] == []


def test_fault_3_the_district_package_and_a_list_go_through_the_same_guard(
    db: Database, tmp_path: Path
) -> None:
    from rp_desktop.services.exports.table import export_table

    build_export_school(db)
    poison(db, "student_demographic", "value")  # a category of the package's tables
    (tmp_path / "package").mkdir()
    package = write_district_package(db, tmp_path / "package", _year(), 2)
    assert package.files
    rows = [["Note"]] + [[value] for value in HOSTILE]
    for name in ("list.csv", "list.xlsx"):
        export_table(db, tmp_path / name, rows[0], rows[1:], what="fault 3")
    cells = csv_cells(*sorted((tmp_path / "package").glob("*.csv")), tmp_path / "list.csv")
    book = load_workbook(tmp_path / "list.xlsx").active
    assert book is not None
    written = [c for row in book.iter_rows() for c in row]
    assert all(c.data_type != "f" for c in written)
    cells += [str(c.value) for c in written]
    assert [cell for cell in cells if runs_as_formula(cell) or controls(cell)] == []


def _year() -> "object":
    from rp_desktop.domain.reports.model import Period

    return Period(date(2025, 8, 1), date(2026, 7, 31))


def _without_dates(pdf: bytes) -> bytes:
    """A PDF without what changes from one drawing to the next (its dates and ids)."""
    return re.sub(
        rb"/CreationDate \(.*?\)|/ID \[.*?\]|uuid:[0-9a-f-]+|<xmp:\w+Date>.*?</xmp:\w+Date>",
        b"",
        pdf,
    )


@pytest.mark.parametrize("control", ["\x01", "\x07", "\x0b", "\x1b", "\x1f", "\x7f", "\x85"])
def test_fault_3_printed_pages_draw_no_control_character(qapp, control: str) -> None:  # type: ignore[no-untyped-def]
    def sheet(extra: str) -> AgreementSheet:
        line = AgreementLine(f"Say sorry{extra}", f"Nou{extra} Xiong", None)
        return AgreementSheet(f"Juniper{extra} Flats", 4, date(2026, 3, 2), (line,), ("Nou",))

    def summary(extra: str) -> MonthlySummary:
        return MonthlySummary(f"Juniper{extra} Flats", "2026-03", {}, {}, {})

    assert _without_dates(agreement_pdf(sheet(control))) == _without_dates(agreement_pdf(sheet("")))
    assert _without_dates(summary_pdf(summary(control))) == _without_dates(summary_pdf(summary("")))
