"""Keeping the database safe from the command line: `check` (integrity and the audit trail,
without changing anything), `backup` and `restore`."""

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from rp_desktop.cli.opening import add_command, open_given_database, read_passphrase
from rp_desktop.cli.restore import add_restore_command

if TYPE_CHECKING:
    from rp_desktop.cli.opening import Commands
    from rp_desktop.domain.safekeeping.findings import CheckReport


def add_safekeeping_commands(commands: "Commands") -> None:
    check = add_command(commands, "check", "check a database's integrity without changing it")
    check.set_defaults(run=_check)

    backup = add_command(commands, "backup", "make a verified backup, encrypted like the database")
    backup.add_argument(
        "--out", type=Path, metavar="FILE", help="where to write it (default: the backups folder)"
    )
    backup.set_defaults(run=_backup)

    add_restore_command(commands)


def _check(args: argparse.Namespace) -> int:
    from rp_desktop.cli.audit_words import seal_words
    from rp_desktop.services.safekeeping.checking import check_database

    report = check_database(args.db, read_passphrase(args))
    if report.integrity_problems or report.broken_references or report.cipher_problems:
        _say_damaged(args, report)
    _say_altered(report)
    if not report.ok:
        return 1
    counts = ", ".join(
        f"{count:,} {table.replace('_', ' ')}" for table, count in report.counts.items()
    )
    state = "current" if report.current else "older; it is brought up to date when opened"
    events = "1 event" if report.audit_events == 1 else f"{report.audit_events:,} events"
    print(
        f"{args.db}: ok. Schema {report.revision} ({state}). Integrity ok. Rows: {counts}. "
        f"Audit trail: {events}, chain intact, {seal_words(report)}."
    )
    return 0


def _say_damaged(args: argparse.Namespace, report: "CheckReport") -> None:
    print(
        f"rp-desktop: The database {args.db} is damaged: "
        f"{len(report.integrity_problems)} integrity problem(s) and "
        f"{report.broken_references} broken reference(s).",
        file=sys.stderr,
    )
    if args.debug:
        for problem in report.integrity_problems:
            print(f"  {problem}", file=sys.stderr)


def _say_altered(report: "CheckReport") -> None:
    from rp_desktop.cli.audit_words import audit_problems

    for sentence in audit_problems(report):
        print(f"rp-desktop: {sentence}", file=sys.stderr)


def _backup(args: argparse.Namespace) -> int:
    """A verified backup into the backups folder, or to --out; its audit event is written
    only once the copy is verified, and nothing at all when --out cannot be written."""
    from rp_desktop.services.safekeeping.backups import BackupReason, make_backup
    from rp_desktop.services.safekeeping.errors import BackupFailed

    if args.out is not None:
        _require_new_file(args.out)
    with open_given_database(args) as db:
        try:
            made = make_backup(db, BackupReason.COMMAND_LINE, out=args.out)
        except BackupFailed as failed:
            print(f"rp-desktop: The backup was not made: {failed}.", file=sys.stderr)
            return 1
    print(f"Backed up {args.db} to {made.path}: {_row_summary(made.counts)}.")
    return 0


def _require_new_file(out: Path) -> None:
    if not out.parent.is_dir():
        raise ValueError(
            f"The folder {out.parent} does not exist; create it first, or choose another "
            "place for the backup. Nothing was written."
        )
    if out.exists():
        raise ValueError(f"There is already a file at {out}; choose a new name.")


def _row_summary(counts: dict[str, int]) -> str:
    shown = ("student", "staff", "community_circle", "case", "audit_event")
    parts = [f"{counts[t]:,} {t.replace('_', ' ')}" for t in shown if t in counts]
    return f"{sum(counts.values()):,} rows ({', '.join(parts)})"
