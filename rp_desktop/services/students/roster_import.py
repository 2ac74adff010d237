"""Importing a roster exported from a student information system.

The bytes are decoded, or refused when their encoding cannot be told (never imported as
mojibake); the table is read with the csv module; every row is judged before anything is
written. Then, in one transaction, students are added or updated by student number and, for a
full roster, those missing from the file are marked inactive (never deleted). Demographic
columns the file has replace the values kept; those it lacks leave them alone. A refusal changes
nothing and lists the problems row by row, without students' names.
"""

import codecs
import csv
import io
from dataclasses import dataclass
from itertools import islice

from sqlalchemy.orm import Session

from rp_desktop.domain.roster import (
    RosterChanges,
    RosterIssue,
    RosterProblem,
    RosterRefused,
    RosterResult,
    RosterRow,
    RosterSource,
    check_rows,
    find_columns,
    header_score,
    roster_changes,
)
from rp_desktop.domain.vocabulary import AuditAction
from rp_desktop.services.audit import record_event
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.students.demographics import kept_values
from rp_desktop.services.students.roster_writing import apply_roster_changes, existing_students

__all__ = [
    "Decoded",
    "RosterFile",
    "RosterRefused",
    "decode_roster",
    "import_roster",
    "preview_roster",
    "read_roster",
]

DELIMITERS = ",;\t"
HEADER_SEARCH_ROWS = 10  # a title line or two may stand above the header row
SNIFF_BYTES = 4096
SAMPLE_CHARS = 64_000

# (byte order mark, codec, what the preview calls it, the problem if it does not decode)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32", RosterIssue.NOT_TEXT),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32", RosterIssue.NOT_TEXT),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8 with BOM", RosterIssue.DAMAGED_UTF8),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16", RosterIssue.DAMAGED_UTF16),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16", RosterIssue.DAMAGED_UTF16),
)
_WORKBOOKS = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")  # xlsx and ods; xls
_OTHER_FILES = (b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"SQLite format 3\x00")


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    legacy: bool  # decoded as Windows-1252, where garbled text has more signs


@dataclass(frozen=True, slots=True)
class RosterFile:
    """A file whose every row can be imported."""

    rows: tuple[RosterRow, ...]
    source: RosterSource


def preview_roster(db: Database, data: bytes, *, full_roster: bool) -> RosterChanges:
    """What importing `data` would change; nothing is written. Raises RosterRefused."""
    roster = read_roster(data)
    with Session(db.engine) as session:
        existing = existing_students(session)
        kept = kept_values(session) if roster.source.columns.demographics else {}
    return roster_changes(
        roster.rows, existing, roster.source, full_roster=full_roster, demographics=kept
    )


def import_roster(db: Database, data: bytes, *, full_roster: bool) -> RosterResult:
    """Import `data` in one transaction with one audit event (counts only). Raises
    RosterRefused, having changed nothing, when any row cannot be imported."""
    roster = read_roster(data)
    with Session(db.engine) as session, session.begin():
        existing = existing_students(session)
        kept = kept_values(session) if roster.source.columns.demographics else {}
        changes = roster_changes(
            roster.rows, existing, roster.source, full_roster=full_roster, demographics=kept
        )
        apply_roster_changes(session, changes, db.now())
        record_event(session, db, AuditAction.IMPORT, "student", None, _counts(changes))
    return RosterResult(changes)


def read_roster(data: bytes) -> RosterFile:
    """The file's students, or RosterRefused with every problem found."""
    decoded = decode_roster(data)
    delimiter, header_index = _layout(decoded.text)
    records, broken = _records(decoded.text, delimiter)
    if broken and header_index >= len(records):
        raise RosterRefused(broken)  # reading stopped before the header row: say where
    header = records[header_index] if header_index < len(records) else []
    columns, problems = find_columns(header)
    if problems:
        refused = _refused(RosterIssue.NOT_A_TABLE) if len(header) < 2 else problems + broken
        raise RosterRefused(refused)
    body = enumerate(records[header_index + 1 :], start=header_index + 2)
    rows, problems = check_rows(columns, body, legacy_text=decoded.legacy)
    problems += broken
    if not rows and not problems:
        problems = _refused(RosterIssue.NO_STUDENTS)
    if problems:
        raise RosterRefused(problems)
    source = RosterSource(decoded.encoding, delimiter, columns, header_index + 1)
    return RosterFile(tuple(rows), source)


def decode_roster(data: bytes) -> Decoded:
    """The text of `data`: by its byte order mark, else UTF-16 if it looks like it, else strict
    UTF-8, else Windows-1252. Raises RosterRefused when none of these fits cleanly."""
    if not data.strip():
        raise RosterRefused(_refused(RosterIssue.EMPTY_FILE))
    if data.startswith(_WORKBOOKS):
        raise RosterRefused(_refused(RosterIssue.SPREADSHEET_FILE))
    if data.startswith(_OTHER_FILES):
        raise RosterRefused(_refused(RosterIssue.NOT_TEXT))
    decoded = _decode(data)
    if not decoded.text.strip("\ufeff \t\r\n"):
        raise RosterRefused(_refused(RosterIssue.EMPTY_FILE))
    if "\x00" in decoded.text:
        raise RosterRefused(_refused(RosterIssue.NOT_TEXT))
    return decoded


def _decode(data: bytes) -> Decoded:
    for bom, codec, name, issue in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(codec).lstrip("\ufeff"), name, legacy=False)
            except UnicodeDecodeError as error:
                row = _line_at(data, error.start) if codec.startswith("utf-8") else None
                raise RosterRefused(_refused(issue, row)) from None
    if b"\x00" in data[:SNIFF_BYTES]:
        return _utf16_without_bom(data)
    try:
        return Decoded(data.decode("utf-8"), "UTF-8", legacy=False)
    except UnicodeDecodeError as error:
        if _mostly_utf8(data):
            row = _line_at(data, error.start)
            raise RosterRefused(_refused(RosterIssue.DAMAGED_UTF8, row)) from None
    try:
        return Decoded(data.decode("cp1252"), "Windows-1252", legacy=True)
    except UnicodeDecodeError as error:
        row = _line_at(data, error.start)
        raise RosterRefused(_refused(RosterIssue.UNKNOWN_ENCODING, row)) from None


def _mostly_utf8(data: bytes) -> bool:
    """Whether text that is not valid UTF-8 still has more good UTF-8 characters beyond ASCII
    than broken ones: UTF-8 damaged here and there (a multi-byte sequence cut short), not
    another encoding."""
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd") - data.count("\ufffd".encode())
    beyond_ascii = sum(1 for ch in text if ch > "\x7f") - text.count("\ufffd")
    return beyond_ascii >= broken


def _utf16_without_bom(data: bytes) -> Decoded:
    """UTF-16 without a byte order mark: ASCII characters leave a zero byte on every other
    position, on the odd ones for little-endian. Anything else with zero bytes is not text."""
    head = data[:SNIFF_BYTES]
    half = max(1, len(head) // 2)
    even, odd = head[0::2].count(0) / half, head[1::2].count(0) / half
    if max(even, odd) < 0.3 or min(even, odd) > 0.05:
        raise RosterRefused(_refused(RosterIssue.NOT_TEXT))
    try:
        text = data.decode("utf-16-le" if odd > even else "utf-16-be")
    except UnicodeDecodeError:
        raise RosterRefused(_refused(RosterIssue.DAMAGED_UTF16)) from None
    sample = text[:SNIFF_BYTES]
    printable = sum(1 for ch in sample if ch.isprintable() or ch in "\t\r\n")
    if printable < 0.95 * len(sample):
        raise RosterRefused(_refused(RosterIssue.NOT_TEXT))
    return Decoded(text, "UTF-16", legacy=False)


def _line_at(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _refused(issue: RosterIssue, row: int | None = None) -> list[RosterProblem]:
    return [RosterProblem(issue, row)]


def _layout(text: str) -> tuple[str, int]:
    """The separator and the header row: the pair whose row names the most known columns; the
    csv module's Sniffer settles ties (and files where no row names any)."""
    sample = text[:SAMPLE_CHARS]
    sniffed = _sniffed(sample)
    best: tuple[int, bool, str, int] = (-1, False, sniffed, 0)
    for delimiter in sorted(DELIMITERS, key=lambda d: d != sniffed):
        for index, cells in enumerate(_first_rows(sample, delimiter)):
            score = (header_score(cells), len(cells) > 1)
            if score > best[:2]:
                best = (*score, delimiter, index)
    return best[2], best[3]


def _sniffed(sample: str) -> str:
    lines = "\n".join(sample.splitlines()[:20])
    try:
        return csv.Sniffer().sniff(lines, delimiters=DELIMITERS).delimiter
    except csv.Error:
        return ","


def _first_rows(sample: str, delimiter: str) -> list[list[str]]:
    reader = csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter)
    try:
        return list(islice(reader, HEADER_SEARCH_ROWS))
    except csv.Error:
        return []


def _records(text: str, delimiter: str) -> tuple[list[list[str]], list[RosterProblem]]:
    """Every row; reading stops at quotation marks that do not pair up, or at a cell longer
    than the csv module reads (csv.field_size_limit, 131,072 characters): a problem each."""
    records: list[list[str]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        for cells in reader:
            records.append(cells)
    except csv.Error as error:
        row = len(records) + 1
        if str(error).startswith(_FIELD_TOO_LARGE):
            limit = csv.field_size_limit()
            return records, [RosterProblem(RosterIssue.CELL_TOO_LONG, row, limit=limit)]
        return records, _refused(RosterIssue.BROKEN_QUOTES, row)
    return records, []


_FIELD_TOO_LARGE = "field larger than field limit"  # how the csv module says a cell is too long


def _counts(changes: RosterChanges) -> str:
    """The audit event's detail: counts only, never a name."""
    return (
        f"roster import: added {changes.added}, updated {changes.updated}, "
        f"unchanged {changes.unchanged}, marked inactive {changes.marked_inactive}"
        + (", full roster" if changes.full_roster else "")
    )
