"""The school's own record export: one CSV per kind of record, ids that join across files, and a
README.txt that says what each file and column holds.

It is identified (names, student numbers, caregivers' phone numbers and emails, notes as typed):
the school's full copy of its own records, for its own use, never to share. A case's private
note is never in it, and the answers to the restorative questions, word for word
(meeting_answers.csv), only when asked for: a child's "what happened" in writing should not
travel further than it must. What goes in, for a period, is described in
export_record_queries; a folder that already holds an export is refused
unless `replace` is given (export_folder)."""

import csv
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import time
from functools import partial
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Boolean, Connection, String, Time

from rp_desktop.domain.progress import Progress, no_progress
from rp_desktop.domain.reports.model import Period
from rp_desktop.services.exports.folder import README, FolderFile, write_export_folder
from rp_desktop.services.exports.names import EXPORT_NAMES
from rp_desktop.services.exports.records.files import ANSWERS_FILE, RECORD_FILES, RecordFile
from rp_desktop.services.exports.records.queries import Rows
from rp_desktop.services.exports.safety import ExportNotWritten, plain_text, safe_cell
from rp_desktop.services.exports.table import record_export
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.school import school_info

__all__ = [
    "ANSWERS_FILE",
    "ExportNotWritten",
    "ExportSummary",
    "ExportedFile",
    "export_records",
    "period_words",
    "record_files",
]


@dataclass(frozen=True, slots=True)
class ExportedFile:
    name: str
    rows: int


@dataclass(frozen=True, slots=True)
class ExportSummary:
    """What an export wrote: the folder, the period (None: every date) and each CSV file with
    its rows (README.txt is written too, and not listed)."""

    folder: Path
    period: Period | None
    files: tuple[ExportedFile, ...]
    with_answers: bool = False

    @property
    def rows(self) -> int:
        return sum(file.rows for file in self.files)


def period_words(period: Period | None) -> str:
    if period is None:
        return "every date"
    return f"{period.first.isoformat()} to {period.last.isoformat()}"


def record_files(with_answers: bool) -> tuple[RecordFile, ...]:
    """The files an export writes: meeting_answers.csv only `with_answers`."""
    return tuple(f for f in RECORD_FILES if with_answers or f.name != ANSWERS_FILE)


def export_records(
    db: Database,
    folder: Path,
    period: Period | None = None,
    *,
    with_answers: bool = False,
    replace: bool = False,
    progress: Progress = no_progress,
) -> ExportSummary:
    """Write every record of `period` (every date when None) into `folder`, one CSV per kind
    of record and a README.txt, all or nothing; the answers to the restorative questions word
    for word only `with_answers`. `progress` hears of each file and each batch of rows.
    Raises ExportNotWritten (FolderHoldsExport when the folder holds an earlier export and not
    `replace`), or Cancelled from `progress`: the folder is left as it was."""
    folder = Path(folder)
    counts: dict[str, int] = {}
    school = school_info(db)
    chosen = record_files(with_answers)
    total = len(chosen) + 1  # and the README
    with db.engine.connect() as connection:
        files = [
            FolderFile(
                file.name,
                _writer(connection, file, period, counts, partial(progress, n, total, file.name)),
            )
            for n, file in enumerate(chosen)
        ]
        about = partial(readme, school.name if school else "", period, counts, with_answers)
        files.append(FolderFile(README, lambda stream: stream.write(about()), encoding="utf-8"))
        write_export_folder(folder, files, EXPORT_NAMES, replace=replace, progress=progress)
    written = tuple(ExportedFile(f.name, counts[f.name]) for f in chosen)
    summary = ExportSummary(folder, period, written, with_answers)
    answers = "answers word for word included" if with_answers else "answers left out"
    record_export(
        db,
        f"records; {period_words(period)}; {len(written)} files, {summary.rows} rows; {answers}",
    )
    return summary


def _writer(
    connection: Connection,
    file: RecordFile,
    period: Period | None,
    counts: dict[str, int],
    batch_done: Callable[[], None],
) -> Callable[[IO[Any]], None]:
    def write(stream: IO[Any]) -> None:
        query = file.query(period)
        writer = csv.writer(stream, dialect="excel")
        writer.writerow(file.headers)
        counts[file.name] = 0
        for batch in connection.execute(query).partitions(BATCH):
            writer.writerows(_cleaned(batch, _cleaners(query)))
            counts[file.name] += len(batch)
            batch_done()  # a year's attendance is some 40 batches: Cancel is heard within one

    return write


BATCH = 5000
Cleaner = Callable[[Any], object]


def _cleaners(query: Rows) -> list[tuple[int, Cleaner]]:
    """What each column needs before it goes in a cell, decided once from its type rather
    than for every cell (a school year has some 200,000 attendance rows): text through
    safe_cell, yes/no as 1/0, times of day as HH:MM (as the README says). Numbers, dates (str()
    is ISO) and stored enum values go as they are."""
    cleaners: list[tuple[int, Cleaner]] = []
    for index, column in enumerate(query.selected_columns):
        if isinstance(column.type, String):
            cleaners.append((index, safe_cell))
        elif isinstance(column.type, Boolean):
            cleaners.append((index, _yes_no))
        elif isinstance(column.type, Time):
            cleaners.append((index, _hours_minutes))
    return cleaners


def _yes_no(value: object) -> object:
    return "" if value is None else int(bool(value))


def _hours_minutes(value: object) -> object:
    return value.strftime("%H:%M") if isinstance(value, time) else ""


def _cleaned(
    rows: Sequence[Sequence[Any]], cleaners: list[tuple[int, Cleaner]]
) -> Iterator[Sequence[Any]]:
    if not cleaners:
        yield from rows
        return
    for row in rows:
        cells = list(row)
        for index, clean in cleaners:
            cells[index] = clean(cells[index])
        yield cells


def readme(
    school: str, period: Period | None, counts: dict[str, int], with_answers: bool = False
) -> str:
    lines = [
        "RP Desktop: record export",
        "",
        f"School: {plain_text(school)}" if school else "School: (not set up)",
        f"Period: {period_words(period)}",
        "",
        "CONFIDENTIAL. These files hold students' names, student numbers and notes as typed,",
        "and caregivers' names, phone numbers and email addresses (caregivers.csv). They are",
        "the school's own copy of its records: keep them as safely as the records themselves,",
        "and never share them. For numbers to share with a district, use the district package",
        "instead (aggregates only, small counts suppressed, no names and nothing typed).",
        "",
        "Each file is CSV (UTF-8 with a byte-order mark, comma-separated) and starts with a",
        "header row. Ids join the files: a column ending in _id holds the id of a row in the",
        "file named beside it. Dates are written YYYY-MM-DD and times of day HH:MM; an empty",
        "cell means none or not recorded. Text that a spreadsheet would read as a formula",
        "(starting with = + - or @, even after spaces or invisible characters) is written with",
        "a leading apostrophe, and control characters pasted into text are left out. Coded",
        "columns hold the values listed below.",
        "A counselor's private note on a case is never exported.",
        *_answers_words(with_answers),
    ]
    for file in record_files(with_answers):
        lines += ["", f"{file.name} ({counts.get(file.name, 0)} rows)", f"  {file.about}"]
        lines += [
            f"  {header}: {about}" if about else f"  {header}" for header, about in file.columns
        ]
    return "\n".join(lines) + "\n"


def _answers_words(with_answers: bool) -> list[str]:
    if with_answers:
        return [
            "The answers to the restorative questions are included word for word",
            f"({ANSWERS_FILE}), because the export was asked for them. They are what a child",
            "said to repair harm, not an admission: never use them in discipline.",
        ]
    return [
        "The answers to the restorative questions are left out: each person's words stay in",
        "RP Desktop. The agreement (agreements.csv) is the record of what was decided.",
    ]
