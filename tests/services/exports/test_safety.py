"""Exports: no cell a spreadsheet would run as a formula, and a file that is whole or absent."""

import csv
import errno
import io
import os
import re
import stat
import subprocess
import sys
import unicodedata
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from rp_desktop.services.exports import safety as export_safety
from rp_desktop.services.exports.safety import ExportNotWritten, safe_cell, write_atomically
from rp_desktop.services.exports.table import write_csv, write_xlsx

PROJECT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ('=HYPERLINK("http://example.invalid","x")', '\'=HYPERLINK("http://example.invalid","x")'),
        ("+1 555 0100", "'+1 555 0100"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("-", "'-"),
        ("Ana Muñoz", "Ana Muñoz"),
        ("Talked it through = resolved", "Talked it through = resolved"),
        ("", ""),
        ("'=already quoted", "'=already quoted"),
        ("-3", "-3"),  # text that is only a number cannot be a formula
        ("+4.5", "+4.5"),
        ("-.5", "-.5"),
        ("-3e5", "'-3e5"),  # not plain digits: quoted, to be safe
        ("-1 ", "'-1 "),
    ],
)
def test_text_a_spreadsheet_would_run_is_quoted(value: str, written: str) -> None:
    assert safe_cell(value) == written


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ('\x01=HYPERLINK("http://e.vil/x","a")', '\'=HYPERLINK("http://e.vil/x","a")'),
        ("\x0c+1 555 0100", "'+1 555 0100"),  # a form feed: a spreadsheet file cannot hold it
        ("\x7f\x85@SUM(A1)", "'@SUM(A1)"),
        (" =1+1", "' =1+1"),  # a spreadsheet may trim the space on opening
        ("\u00a0-2+3", "'\u00a0-2+3"),
        ("\u200b=1+1", "'\u200b=1+1"),  # invisible characters in front hide nothing
        ("\u202e\ufeff@x", "'\u202e\ufeff@x"),
        ("\n=1+1", "'\n=1+1"),
        (" -3", " -3"),  # still only a number
        ("Ana\x01 Muñoz", "Ana Muñoz"),
        ("line one\r\nline\ttwo", "line one\r\nline\ttwo"),  # a note's own line ends and tabs
    ],
)
def test_control_characters_go_before_the_formula_guard_looks(value: str, written: str) -> None:
    assert safe_cell(value) == written


# Characters a formula can hide behind: controls (C0, C1), spaces, invisible format characters.
_HIDING = st.sampled_from(
    [*map(chr, range(0x20)), "\x7f", "\x85", "\x9f", " ", "\u00a0", "\u3000", "\u200b",
     "\u200e", "\u202e", "\u2066", "\ufeff", "\u00ad"]
)  # fmt: skip
_TRIGGER = st.sampled_from(["=", "+", "-", "@"])
HOSTILE_TEXT = st.one_of(
    st.text(),
    st.builds(
        lambda hiding, trigger, rest: "".join(hiding) + trigger + rest,
        st.lists(_HIDING, max_size=4),
        _TRIGGER,
        st.text(max_size=20),
    ),
)


def runs_in_a_spreadsheet(cell: str) -> bool:
    """The oracle, written apart from safe_cell: a cell a spreadsheet could read as a formula
    starts with a tab or a carriage return, or, past spaces and invisible characters, with
    = + - @ and is not a plain number."""
    if cell.startswith(("\t", "\r")):
        return True
    rest = cell
    while rest and (rest[0].isspace() or unicodedata.category(rest[0]) in ("Cc", "Cf")):
        rest = rest[1:]
    plain_number = re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", rest) is not None
    return rest[:1] in ("=", "+", "-", "@") and not plain_number


def control_characters(cell: str) -> set[str]:
    return {ch for ch in cell if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r"}


@settings(max_examples=400)
@given(HOSTILE_TEXT)
def test_no_cleaned_cell_ever_starts_a_formula(text: str) -> None:
    cell = safe_cell(text)
    assert not runs_in_a_spreadsheet(cell)
    assert not control_characters(cell)
    # Nothing else is lost: the cell is the text without its controls, perhaps quoted.
    kept = "".join(ch for ch in text if not control_characters(ch))
    assert cell in (kept, "'" + kept)


@settings(max_examples=60, deadline=None)
@given(st.lists(HOSTILE_TEXT, min_size=1, max_size=8))
def test_no_cell_of_a_written_workbook_or_csv_is_a_formula(texts: list[str]) -> None:
    workbook = io.BytesIO()
    write_xlsx(workbook, ["Text"], [[text] for text in texts])
    workbook.seek(0)
    sheet = load_workbook(workbook).active
    assert sheet is not None
    cells = [row[0] for row in sheet.iter_rows(min_row=2)]
    assert len(cells) == len(texts)
    for cell in cells:
        assert cell.data_type != "f"
        assert not runs_in_a_spreadsheet("" if cell.value is None else str(cell.value))
    text_file = io.StringIO(newline="")
    write_csv(text_file, ["Text"], [[text] for text in texts])
    back = list(csv.reader(io.StringIO(text_file.getvalue(), newline="")))[1:]
    assert [row[0] for row in back] == [safe_cell(text) for text in texts]
    assert not any(runs_in_a_spreadsheet(row[0]) for row in back)


@pytest.mark.parametrize("value", [-3, 4.5, -0.25, Decimal("-12.50"), True, None])
def test_real_numbers_and_other_values_are_left_alone(value: object) -> None:
    assert safe_cell(value) is value


def test_a_csv_round_trip_keeps_every_value_and_quotes_only_formulas(tmp_path: Path) -> None:
    rows = [
        ["Student", "Note", "Minutes"],
        ["Ana Muñoz", "=cmd|' /C notepad'!A1", 45],
        ["Liam O'Brien", "line one\nline two, with a comma", -5],
        ["@Zoë", "+Talked at lunch", 0],
    ]
    target = tmp_path / "export.csv"

    def write(stream: IO[Any]) -> None:
        csv.writer(stream).writerows([[safe_cell(cell) for cell in row] for row in rows])

    write_atomically(target, write)
    with target.open(encoding="utf-8", newline="") as stream:
        back = list(csv.reader(stream))
    assert back == [
        ["Student", "Note", "Minutes"],
        ["Ana Muñoz", "'=cmd|' /C notepad'!A1", "45"],
        ["Liam O'Brien", "line one\nline two, with a comma", "-5"],
        ["'@Zoë", "'+Talked at lunch", "0"],
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.csv"]


def test_a_binary_export_and_replacing_an_earlier_one(tmp_path: Path) -> None:
    target = tmp_path / "export.xlsx"
    target.write_bytes(b"the old export")
    write_atomically(target, lambda stream: stream.write(b"PK\x03\x04 new"), binary=True)
    assert target.read_bytes() == b"PK\x03\x04 new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600  # confidential: the owner's only
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.xlsx"]


def failing_half_way(stream: IO[Any]) -> None:
    stream.write("Student,Note\r\n" * 1000)
    raise ValueError("a row could not be read")


def test_a_failure_mid_write_leaves_no_file_and_no_temporary_file(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="could not be read"):
        write_atomically(tmp_path / "export.csv", failing_half_way)
    assert list(tmp_path.iterdir()) == []


def test_a_failure_mid_write_leaves_the_earlier_export_as_it_was(tmp_path: Path) -> None:
    target = tmp_path / "export.csv"
    target.write_text("the earlier export\n", encoding="utf-8")
    with pytest.raises(ValueError, match="could not be read"):
        write_atomically(target, failing_half_way)
    assert target.read_text(encoding="utf-8") == "the earlier export\n"
    assert [p.name for p in tmp_path.iterdir()] == ["export.csv"]


def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    folder = tmp_path / "Exports 2026"
    with pytest.raises(ExportNotWritten) as refused:
        write_atomically(folder / "export.csv", lambda stream: stream.write("x"))
    assert str(refused.value) == f"The folder {folder} does not exist; choose another folder."
    assert refused.value.errno == errno.ENOENT
    assert not folder.exists()


def refuse_with(code: int) -> Callable[..., object]:
    def refuse(*_args: object, **_kwargs: object) -> object:
        raise OSError(code, os.strerror(code))

    return refuse


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.EACCES, "is not allowed to write in"),
        (errno.EROFS, "is not allowed to write in"),
        (errno.ENOSPC, "There is not enough room in"),
        (errno.EIO, "export.csv could not be written in"),
    ],
)
def test_a_folder_that_refuses_is_said_plainly(
    code: int, words: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Tests may run as root, whom no folder refuses: the operating system's answer is faked.
    monkeypatch.setattr(export_safety.os, "fsync", refuse_with(code))
    with pytest.raises(ExportNotWritten) as refused:
        write_atomically(tmp_path / "export.csv", lambda stream: stream.write("x"))
    sentence = str(refused.value)
    assert words in sentence
    assert str(tmp_path) in sentence
    assert sentence.endswith(".")
    assert "Errno" not in sentence
    assert list(tmp_path.iterdir()) == []


def test_a_folder_in_the_way_of_the_file(tmp_path: Path) -> None:
    (tmp_path / "export.csv").mkdir()
    with pytest.raises(ExportNotWritten, match="is a folder; choose another name"):
        write_atomically(tmp_path / "export.csv", lambda stream: stream.write("x"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.csv"]


def test_a_real_file_size_limit_leaves_nothing_behind(tmp_path: Path) -> None:
    script = (
        "import resource, signal, sys\n"
        "from pathlib import Path\n"
        "from rp_desktop.services.exports.safety import write_atomically\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, resource.RLIM_INFINITY))\n"
        "try:\n"
        "    write_atomically(Path(sys.argv[1]), lambda s: s.write('Student,Note\\r\\n' * 9000))\n"
        "except OSError as error:\n"
        "    print(error)\n"
    )
    target = tmp_path / "export.csv"
    finished = subprocess.run(
        [sys.executable, "-c", script, str(target)],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert finished.stdout.strip() == (
        f"There is not enough room in {tmp_path} to write export.csv; "
        "free some space or choose another folder."
    )
    assert list(tmp_path.iterdir()) == []


def test_the_command_line_prints_the_sentence_once() -> None:
    """rp-desktop prints an OSError as "{strerror}." when it has no file name."""
    error = ExportNotWritten(errno.ENOSPC, "There is not enough room in /x to write a.csv", Path())
    assert error.filename is None
    assert f"{error.strerror}." == str(error) == "There is not enough room in /x to write a.csv."
