"""`rp-desktop import-roster`: add and update students from the school's CSV roster."""

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from rp_desktop.cli.opening import add_command, open_given_database

if TYPE_CHECKING:
    from rp_desktop.cli.opening import Commands
    from rp_desktop.domain.roster import RosterChanges


def add_roster_command(commands: "Commands") -> None:
    roster = add_command(commands, "import-roster", "add and update students from a CSV roster")
    roster.add_argument("file", type=Path, metavar="FILE", help="a CSV export of the roster")
    roster.add_argument(
        "--dry-run", action="store_true", help="say what would change, and change nothing"
    )
    roster.add_argument(
        "--full-roster",
        action="store_true",
        help="the file lists every enrolled student: mark those it leaves out inactive",
    )
    roster.set_defaults(run=_import_roster)


def _import_roster(args: argparse.Namespace) -> int:
    from rp_desktop.domain.roster import RosterRefused
    from rp_desktop.ui.words.roster import describe_located, matched_but_zeros, refusal_summary

    data = args.file.read_bytes()
    try:
        changes = _roster_changes(args, data)
    except RosterRefused as refused:
        print(f"rp-desktop: {refusal_summary(refused.problems)}", file=sys.stderr)
        for problem in refused.problems:
            print(f"  {describe_located(problem)}", file=sys.stderr)
        return 1
    done = "Would import" if args.dry_run else "Imported"
    print(
        f"{done} {args.file} ({changes.source.encoding}): {changes.added:,} added, "
        f"{changes.updated:,} updated, {changes.unchanged:,} unchanged, "
        f"{changes.marked_inactive:,} marked inactive."
        + (" Nothing was changed (dry run)." if args.dry_run else "")
    )
    if zeros := matched_but_zeros(changes.rows_matched_but_zeros):
        print(zeros)
    return 0


def _roster_changes(args: argparse.Namespace, data: bytes) -> "RosterChanges":
    from rp_desktop.domain.roster import roster_changes
    from rp_desktop.services.students.roster_import import (
        import_roster,
        preview_roster,
        read_roster,
    )

    roster = read_roster(data)  # a refused file leaves even a new database path untouched
    if args.dry_run and not args.db.expanduser().exists():
        return roster_changes(roster.rows, [], roster.source, full_roster=args.full_roster)
    with open_given_database(args) as db:
        if args.dry_run:
            return preview_roster(db, data, full_roster=args.full_roster)
        return import_roster(db, data, full_roster=args.full_roster).changes
