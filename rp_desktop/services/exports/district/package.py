"""The district package: the school's numbers as totals a district may see, de-identified.

Aggregates only, from the reports service (export_package_reports says which), with small
counts suppressed (export_package_tables), written as one CSV per table and a README.txt that
says what each file holds and how many cells were suppressed. There is no name, no student
number, no typed text in it; the school's name appears in README.txt only. Written all or
nothing, like the record export, and refused in a folder that holds an export unless `replace`.
"""

from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from rp_desktop.domain import school_year
from rp_desktop.domain.progress import Progress, no_progress
from rp_desktop.domain.reports.model import Period
from rp_desktop.services.exports.district.readme import package_readme
from rp_desktop.services.exports.district.reports import package_tables
from rp_desktop.services.exports.district.tables import PackageTable
from rp_desktop.services.exports.folder import README, FolderFile, write_export_folder
from rp_desktop.services.exports.names import EXPORT_NAMES
from rp_desktop.services.exports.safety import ExportNotWritten
from rp_desktop.services.exports.table import record_export, write_csv
from rp_desktop.services.reports.reporting import data_span
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.school import school_info

__all__ = [
    "ExportNotWritten",
    "PackageSummary",
    "PackagedFile",
    "package_period",
    "write_district_package",
]

DEFAULT_THRESHOLD = 10


@dataclass(frozen=True, slots=True)
class PackagedFile:
    name: str
    rows: int
    suppressed: int


@dataclass(frozen=True, slots=True)
class PackageSummary:
    """What the package holds: each CSV file with its rows and suppressed cells."""

    folder: Path
    period: Period
    threshold: int
    files: tuple[PackagedFile, ...]
    empty: bool = False  # no record falls in the period: every count is 0

    @property
    def suppressed(self) -> int:
        return sum(file.suppressed for file in self.files)


def package_period(db: Database) -> Period:
    """Every day with a record; for a database without any, the current school year."""
    span = data_span(db)
    if span is not None:
        return span
    year = school_year.school_year_of(db.today())
    return Period(school_year.first_day(year), school_year.last_day(year))


def write_district_package(
    db: Database,
    folder: Path,
    period: Period,
    threshold: int = DEFAULT_THRESHOLD,
    *,
    replace: bool = False,
    progress: Progress = no_progress,
) -> PackageSummary:
    """Write the package for `period` into `folder`, counts under `threshold` suppressed (it is
    also the smallest group of students shown). Raises ValueError for a threshold under 2 and
    ExportNotWritten (FolderHoldsExport for a folder that holds an export, without `replace`).
    `progress` hears of each count taken, then of each file; Cancelled raised from it leaves the
    folder as it was."""
    if threshold < 2:
        raise ValueError("The threshold must be 2 or more: a threshold of 1 hides nothing.")
    folder = Path(folder)
    tables = package_tables(db, period, threshold, progress)
    info = school_info(db)
    span = data_span(db)
    empty = span is None or span.last < period.first or period.last < span.first
    readme = package_readme(info.name if info else "", period, threshold, tables, empty=empty)
    files = [FolderFile(table.name, _writer(table)) for table in tables]
    files.append(FolderFile(README, lambda stream: stream.write(readme), encoding="utf-8"))
    write_export_folder(folder, files, EXPORT_NAMES, replace=replace, progress=progress)
    summary = PackageSummary(
        folder,
        period,
        threshold,
        tuple(PackagedFile(t.name, len(t.rows), t.suppressed) for t in tables),
        empty,
    )
    record_export(
        db,
        f"district package; {period.first.isoformat()} to {period.last.isoformat()}; "
        f"threshold {threshold}; {len(tables)} files, {summary.suppressed} cells suppressed",
    )
    return summary


def _writer(table: PackageTable) -> Any:
    def write(stream: IO[Any]) -> None:
        write_csv(stream, [header for header, _ in table.columns], table.rows)

    return write
