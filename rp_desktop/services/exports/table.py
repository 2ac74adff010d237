"""One table to a file: a list or a report the user sees, saved as CSV or as a spreadsheet.

The Home and Reports screens both save what they show through `export_table`, so every saved
table gets the same care: no control character and no cell a spreadsheet would run as a formula
(export_safety.safe_cell, which cleans first and guards last),
a file that is whole or absent (export_safety.write_atomically), and one audit event that says
what was saved and how many rows, never what the cells held.

CSV is UTF-8 with a byte-order mark, which Excel needs to read accents and non-Latin names
correctly, in Excel's dialect (commas, CRLF line ends, quotes doubled).
"""

import csv
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import IO, Any

from openpyxl import Workbook
from sqlalchemy.orm import Session

from rp_desktop.domain.vocabulary import AuditAction
from rp_desktop.services.audit import record_event
from rp_desktop.services.exports.safety import ExportNotWritten, safe_cell, write_atomically
from rp_desktop.services.safekeeping.database import Database

__all__ = ["ExportNotWritten", "export_table", "record_export", "table_cell"]

SUFFIXES = (".csv", ".xlsx")
SHEET_TITLE = "Export"


def export_table(
    db: Database,
    path: Path,
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    what: str,
) -> int:
    """Write `headers` and `rows` to `path` (.csv or .xlsx by its suffix) and return how many
    rows were written. `what` names the table in the audit trail ("students list", "report
    cases"); it must not hold a name. Raises ValueError for another suffix and ExportNotWritten
    for a folder that is missing, not writable or full; nothing is left behind either way."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ValueError(
            f"{path.name} cannot be written: choose a name that ends in .csv or .xlsx."
        )
    counter = _Counter(rows)
    if suffix == ".csv":
        write_atomically(
            path, lambda stream: write_csv(stream, headers, counter), encoding="utf-8-sig"
        )
    else:
        write_atomically(path, lambda stream: write_xlsx(stream, headers, counter), binary=True)
    record_export(db, f"{what}; {counter.count} rows")
    return counter.count


def record_export(db: Database, detail: str) -> None:
    """One EXPORT event in its own transaction; `detail` holds kinds, periods and counts only."""
    with Session(db.engine) as session, session.begin():
        record_event(session, db, AuditAction.EXPORT, "export", None, detail)


def table_cell(value: object) -> object:
    """`value` as a cell: None is empty, an enum is its stored value, dates are ISO text in a
    CSV (the spreadsheet writer keeps them as dates), and text goes through safe_cell."""
    if value is None:
        return ""
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, str):
        return safe_cell(str(value))
    return value


def write_csv(stream: IO[Any], headers: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    writer = csv.writer(stream, dialect="excel")
    writer.writerow([table_cell(h) for h in headers])
    for row in rows:
        writer.writerow([_csv_text(table_cell(cell)) for cell in row])


def write_xlsx(stream: IO[Any], headers: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    # Write-only mode streams rows to the file instead of holding every cell in memory.
    book = Workbook(write_only=True)
    sheet = book.create_sheet(SHEET_TITLE)
    sheet.append([table_cell(h) for h in headers])
    for row in rows:
        sheet.append([_xlsx_value(table_cell(cell)) for cell in row])
    book.save(stream)


def _xlsx_value(value: object) -> object:
    # A spreadsheet file cannot hold a time zone; the moment is kept as ISO text instead. (Nor
    # control characters: table_cell's safe_cell has removed them, before its formula guard.)
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.isoformat()
    return value


def _csv_text(value: object) -> object:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


class _Counter:
    """Counts the rows as the writer takes them, so an iterator is read only once."""

    def __init__(self, rows: Iterable[Sequence[object]]) -> None:
        self.rows = rows
        self.count = 0

    def __iter__(self) -> Iterator[Sequence[object]]:
        for row in self.rows:
            self.count += 1
            yield row
