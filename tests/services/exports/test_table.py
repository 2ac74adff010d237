"""Any list or report saved as CSV or XLSX: re-read, compared cell by cell, and audited."""

import csv
import errno
import os
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from rp_desktop.domain.vocabulary import AuditAction, Tier
from rp_desktop.services.exports import safety as export_safety
from rp_desktop.services.exports.table import ExportNotWritten, export_table
from rp_desktop.services.safekeeping.database import Database
from tests.services.conftest import audit_rows
from tests.unprivileged import as_ordinary_user, folder_anyone_can_reach

HEADERS = ("Student", "Note", "Held on", "Minutes", "Tier", "Present")
ROWS = [
    ("Ana Muñoz", "=cmd|' /C calc'!A0", date(2025, 10, 6), 45, Tier.TARGETED, True),
    ("Liam O'Brien", "line one\nline two, with a comma", date(2025, 10, 7), -5, Tier.UNIVERSAL,
     False),
    ("@Zoë", None, None, 2.5, None, None),
]  # fmt: skip


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """The folder exports go to (the database lives in tmp_path itself)."""
    folder = tmp_path / "exports"
    folder.mkdir()
    return folder


def exports(db: Database) -> list[str]:
    return [e.detail for e in audit_rows(db) if e.action is AuditAction.EXPORT]


def test_csv_has_a_bom_excel_line_ends_and_every_cell_back(db: Database, out: Path) -> None:
    target = out / "students.csv"
    assert export_table(db, target, HEADERS, ROWS, what="students list") == 3
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfStudent,Note,")
    assert raw.count(b"\r\n") == 4 + 0  # header and three rows; the note's own line end is \n
    with target.open(encoding="utf-8-sig", newline="") as stream:
        back = list(csv.reader(stream))
    assert back == [
        list(HEADERS),
        ["Ana Muñoz", "'=cmd|' /C calc'!A0", "2025-10-06", "45", "2", "True"],
        ["Liam O'Brien", "line one\nline two, with a comma", "2025-10-07", "-5", "1", "False"],
        ["'@Zoë", "", "", "2.5", "", ""],
    ]
    assert exports(db) == ["students list; 3 rows"]


def test_xlsx_keeps_numbers_and_dates_and_quotes_formulas(db: Database, out: Path) -> None:
    target = out / "report.XLSX"  # the suffix is read without case
    rows = [*ROWS, ("Form\x0cfeed", "ok", datetime(2025, 10, 6, 9, 30, tzinfo=UTC), 0, None, 1)]
    assert export_table(db, target, HEADERS, iter(rows), what="report cases") == 4
    sheet = load_workbook(target).active
    assert sheet is not None
    back = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert back[0] == list(HEADERS)
    assert back[1] == [
        "Ana Muñoz", "'=cmd|' /C calc'!A0", datetime(2025, 10, 6), 45, 2, True,
    ]  # fmt: skip
    assert back[2][1] == "line one\nline two, with a comma"
    assert back[3] == ["'@Zoë", None, None, 2.5, None, None]
    # No control character in a spreadsheet cell; a moment with a time zone as ISO text.
    assert back[4][:3] == ["Formfeed", "ok", "2025-10-06T09:30:00+00:00"]
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    assert exports(db) == ["report cases; 4 rows"]


def test_the_audit_detail_never_holds_a_cell(db: Database, out: Path) -> None:
    export_table(db, out / "a.csv", HEADERS, ROWS, what="students list")
    (event,) = [e for e in audit_rows(db) if e.action is AuditAction.EXPORT]
    assert event.entity == "export"
    assert not any(str(cell) in event.detail for row in ROWS for cell in row if cell)


def test_another_suffix_is_refused_plainly(db: Database, out: Path) -> None:
    with pytest.raises(ValueError, match=r"^report.pdf cannot be written: .*\.csv or \.xlsx\.$"):
        export_table(db, out / "report.pdf", HEADERS, ROWS, what="report")
    assert list(out.iterdir()) == []
    assert exports(db) == []


def test_a_missing_folder_is_said_plainly_and_not_audited(db: Database, out: Path) -> None:
    folder = out / "gone"
    with pytest.raises(ExportNotWritten) as refused:
        export_table(db, folder / "a.csv", HEADERS, ROWS, what="students list")
    assert str(refused.value) == f"The folder {folder} does not exist; choose another folder."
    assert not folder.exists()
    assert exports(db) == []


def test_a_read_only_folder_is_said_plainly(db: Database) -> None:
    """Refused by the operating system, as an ordinary user (`nobody` when the tests run as
    root, who could write there anyway)."""
    with folder_anyone_can_reach() as shared:
        folder = shared / "locked"
        folder.mkdir()
        folder.chmod(0o555)  # read-only for everyone

        def export() -> None:
            assert os.listdir(folder) == []  # it can be reached and read: only writing is refused
            export_table(db, folder / "a.xlsx", HEADERS, ROWS, what="students list")

        outcome = as_ordinary_user(db, export)
        assert outcome.uid != 0
        assert (outcome.error, outcome.message) == (
            "ExportNotWritten",
            f"RP Desktop is not allowed to write in {folder}; choose another folder.",
        )
        assert list(folder.iterdir()) == []  # no temporary file left either
    assert exports(db) == []


@pytest.mark.parametrize(
    ("code", "words"),
    [(errno.EACCES, "is not allowed to write in"), (errno.ENOSPC, "There is not enough room")],
)
@pytest.mark.parametrize("name", ["a.csv", "a.xlsx"])
def test_a_refusing_or_full_disk_leaves_nothing(
    db: Database, out: Path, monkeypatch: pytest.MonkeyPatch, code: int, words: str, name: str
) -> None:
    def refuse(_descriptor: int) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(export_safety.os, "fsync", refuse)
    with pytest.raises(ExportNotWritten) as refused:
        export_table(db, out / name, HEADERS, ROWS, what="students list")
    assert words in str(refused.value)
    assert str(out) in str(refused.value)
    assert list(out.iterdir()) == []
    assert exports(db) == []


def test_an_empty_table_still_has_its_headers(db: Database, out: Path) -> None:
    target = out / "none.csv"
    assert export_table(db, target, HEADERS, [], what="students list") == 0
    assert target.read_text(encoding="utf-8-sig").splitlines() == [",".join(HEADERS)]
    assert exports(db) == ["students list; 0 rows"]
