"""`rp-desktop export`: the school's own record export, or with --deidentified the district
package (aggregates only, small counts suppressed), written into a folder.

    rp-desktop export --db PATH --out DIR [--deidentified] [--school-year YYYY] [--threshold N]
                      [--with-answers] [--replace]

--school-year 2025 means August 1 2025 to July 31 2026; without it, every date. DIR is made
(0700, readable by its owner only) when it does not exist yet; a missing parent is refused, by
name, rather than made. A folder that already holds an export is refused unless --replace is
given, so two exports never mix. The answers to the restorative questions, word for word
(meeting_answers.csv), are left out of the records unless --with-answers is given; the district
package never has them. The services are imported only when the command runs, as for
every command.
"""

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from rp_desktop.cli.opening import add_command, open_given_database

if TYPE_CHECKING:
    from rp_desktop.cli.opening import Commands
    from rp_desktop.domain.reports.model import Period
    from rp_desktop.services.safekeeping.database import Database

DEFAULT_THRESHOLD = 10


def add_export_command(commands: "Commands") -> None:
    """The `export` command and its options; it opens --db as other commands do (passphrase
    from the environment or --passphrase-file)."""
    command = add_command(commands, "export", "write the records, or the district package")
    command.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="DIR",
        help="the folder to write into; made if it does not exist (its parent must)",
    )
    command.add_argument(
        "--deidentified",
        action="store_true",
        help="write the district package (totals only, small counts suppressed) instead of "
        "every record",
    )
    command.add_argument(
        "--school-year",
        type=_school_year,
        metavar="YYYY",
        help="only the school year that starts in August YYYY (default: every date)",
    )
    command.add_argument(
        "--threshold",
        type=_threshold,
        metavar="N",
        help=f"with --deidentified: the smallest count shown (default {DEFAULT_THRESHOLD})",
    )
    command.add_argument(
        "--with-answers",
        action="store_true",
        help="include the answers to the restorative questions, word for word "
        "(meeting_answers.csv); left out by default, never in the district package",
    )
    command.add_argument("--replace", action="store_true", help="replace an earlier export in DIR")
    command.set_defaults(run=lambda args: run_export(args, command))


def run_export(args: argparse.Namespace, command: argparse.ArgumentParser) -> int:
    from rp_desktop.services.exports.folder import FolderHoldsExport

    if args.threshold is not None and not args.deidentified:
        command.error("--threshold applies only to the district package (--deidentified)")
    if args.with_answers and args.deidentified:
        command.error(
            "--with-answers applies only to the records: the district package never has them"
        )
    if not args.db.expanduser().is_file():
        raise ValueError(f"There is no database at {args.db}.")
    try:
        with open_given_database(args) as db:
            said = _into_folder(db, args)
    except FolderHoldsExport as taken:
        print(
            f"rp-desktop: The folder {args.out} already holds an export ({taken.names[0]}, ...); "
            "choose an empty folder, or add --replace to replace it.",
            file=sys.stderr,
        )
        return 1
    print(said)
    return 0


def _into_folder(db: "Database", args: argparse.Namespace) -> str:
    """The export, into --out, made (0700, never its parents) once the database is open; a
    folder made here and left empty by a failed export is removed again."""
    from rp_desktop.services.exports.folder import make_export_folder, remove_if_empty

    made = make_export_folder(args.out)
    try:
        return _package(db, args) if args.deidentified else _records(db, args)
    except BaseException:
        if made:
            remove_if_empty(args.out)
        raise


def _records(db: "Database", args: argparse.Namespace) -> str:
    from rp_desktop.services.exports.records.export import export_records, period_words

    done = export_records(
        db, args.out, _period(args), with_answers=args.with_answers, replace=args.replace
    )
    answers = (
        "The answers to the restorative questions are in, word for word."
        if done.with_answers
        else "The answers to the restorative questions were left out (add --with-answers)."
    )
    return (
        f"Wrote every record of {period_words(done.period)} to {done.folder}: "
        f"{len(done.files)} CSV files, {done.rows:,} rows, and README.txt. They hold names "
        f"and notes: keep them confidential. {answers}"
    )


def _package(db: "Database", args: argparse.Namespace) -> str:
    from rp_desktop.services.exports.district.package import package_period, write_district_package
    from rp_desktop.services.exports.records.export import period_words

    period = _period(args) or package_period(db)
    threshold = DEFAULT_THRESHOLD if args.threshold is None else args.threshold
    done = write_district_package(db, args.out, period, threshold, replace=args.replace)
    return (
        f"Wrote the district package for {period_words(period)} to {done.folder}: "
        f"{len(done.files)} CSV files and README.txt, counts under {threshold} suppressed "
        f"({done.suppressed:,} cells)."
    ) + (" No record falls in this period: every count is 0." if done.empty else "")


def _period(args: argparse.Namespace) -> "Period | None":
    from rp_desktop.domain.reports.model import Period
    from rp_desktop.domain.school_year import first_day, last_day

    if args.school_year is None:
        return None
    return Period(first_day(args.school_year), last_day(args.school_year))


def _school_year(text: str) -> int:
    try:
        year = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            "write the year the school year starts in, e.g. 2025"
        ) from None
    if not 2000 <= year <= 2100:
        raise argparse.ArgumentTypeError("the school year must be between 2000 and 2100")
    return year


def _threshold(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError("the threshold is a whole number, e.g. 10") from None
    if value < 2:
        raise argparse.ArgumentTypeError("must be 2 or more (1 would suppress nothing)")
    return value
