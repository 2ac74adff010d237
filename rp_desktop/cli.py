"""The command line: the window, and the admin and automation commands school IT relies on.

Errors are one plain sentence on stderr (a traceback only with --debug); exit 0 on success,
1 on failure, 2 on a usage error. Qt is imported only by the commands that need it.
"""

import argparse
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from rp_desktop import __version__
from rp_desktop.cli_export import add_export_command

if TYPE_CHECKING:
    from datetime import datetime

    from rp_desktop.domain.roster import RosterChanges
    from rp_desktop.domain.safekeeping.passphrase import Passphrase
    from rp_desktop.services.safekeeping.database import Database

PASSPHRASE_VARIABLE = "RP_DESKTOP_PASSPHRASE"

# The views `screenshot` draws; a test keeps this equal to the ui's own lists.
VIEWS = (
    "home",
    "tier1",
    "tier2",
    "tier3",
    "students",
    "circle",
    "reports",
    "circle-console",
    "projector",
    "case",
    "timeline",
    "unlock",
    "new-database",
    "locked",
    "backups",
    "recovery",
    "audit",
    "check",
    "retention",
)


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        result: int = args.run(args)
    except KeyboardInterrupt:
        return 1
    except Exception as error:
        if args.debug:
            raise
        print(f"rp-desktop: {_sentence(error)}", file=sys.stderr)
        return 1
    return result


def _sentence(error: Exception) -> str:
    """The error as one plain sentence. Our own errors already are one; others are only named,
    since their text could quote data."""
    from rp_desktop.domain.validation import InvalidInput
    from rp_desktop.services.safekeeping.errors import DatabaseError
    from rp_desktop.services.safekeeping.opening import disk_full_from

    if (full := disk_full_from(error)) is not None:
        return str(full)
    if isinstance(error, OSError) and error.strerror:
        return f"{error.strerror}: {error.filename}." if error.filename else f"{error.strerror}."
    if isinstance(error, DatabaseError | InvalidInput | ValueError) and str(error).strip():
        return str(error).strip().splitlines()[0]
    name = type(error).__name__
    return f"something unexpected went wrong ({name}); run with --debug for details."


def _parser() -> argparse.ArgumentParser:
    # No abbreviated options: "--passphrase SECRET" must not be taken for --passphrase-file and
    # the secret then quoted back as a file name.
    parser = argparse.ArgumentParser(
        prog="rp-desktop",
        allow_abbrev=False,
        description="Records and circles for restorative practices, kept on this computer.",
    )
    parser.add_argument("--version", action="version", version=f"rp-desktop {__version__}")
    parser.add_argument("--db", type=Path, help="the database file (default: your data folder)")
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    parser.set_defaults(run=_open_window)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    demo = _command(commands, "demo-data", "fill a new database with a made-up school")
    demo.add_argument("--students", type=_positive, default=2000)
    demo.add_argument("--years", type=_positive, default=10)
    demo.add_argument("--seed", type=int, default=7)
    demo.add_argument("--grades", type=_grades, default=range(9, 13), help="e.g. 9-12 or K-5")
    demo.set_defaults(run=_demo_data)

    shot = _command(commands, "screenshot", "save a picture of a view, drawn offscreen")
    shot.add_argument("--view", choices=VIEWS, required=True)
    shot.add_argument("--out", type=Path, required=True)
    shot.add_argument("--size", type=_size, default=(1920, 1080), help="WxH, e.g. 1920x1080")
    shot.set_defaults(run=_screenshot)

    roster = _command(commands, "import-roster", "add and update students from a CSV roster")
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

    check = _command(commands, "check", "check a database's integrity without changing it")
    check.set_defaults(run=_check)

    backup = _command(commands, "backup", "make a verified backup, encrypted like the database")
    backup.add_argument(
        "--out", type=Path, metavar="FILE", help="where to write it (default: the backups folder)"
    )
    backup.set_defaults(run=_backup)

    restore = _command(
        commands, "restore", "put a backup in place of the database (backing it up first)"
    )
    restore.add_argument("file", type=Path, nargs="?", metavar="FILE", help="the backup")
    restore.add_argument("--from", type=Path, dest="from_file", metavar="FILE", help="the same")
    restore.set_defaults(run=_restore)

    add_export_command(
        _command(commands, "export", "write the records, or the district package"), _open
    )
    return parser


def _command(
    commands: "argparse._SubParsersAction[argparse.ArgumentParser]", name: str, summary: str
) -> argparse.ArgumentParser:
    command = commands.add_parser(name, help=summary, description=summary, allow_abbrev=False)
    # SUPPRESS keeps a --db given before the command from being overwritten by the default.
    command.add_argument("--db", type=Path, required=True, default=argparse.SUPPRESS)
    command.add_argument("--debug", action="store_true", default=argparse.SUPPRESS)
    command.add_argument(
        "--passphrase-file",
        type=Path,
        metavar="FILE",
        help=f"read the database passphrase from FILE (or set {PASSPHRASE_VARIABLE})",
    )
    command.add_argument(
        "--unencrypted",
        action="store_true",
        help="create a new database without encryption (not recommended)",
    )
    return command


def _passphrase(args: argparse.Namespace) -> "Passphrase | None":
    """The passphrase from --passphrase-file or the environment; never from the command line,
    where other users of the machine could read it."""
    from rp_desktop.domain.safekeeping.passphrase import Passphrase

    if args.passphrase_file is not None:
        text = args.passphrase_file.read_text(encoding="utf-8").rstrip("\r\n")
        if not text:
            raise ValueError(f"The passphrase file {args.passphrase_file} is empty.")
        return Passphrase(text)
    text = os.environ.get(PASSPHRASE_VARIABLE, "")
    return Passphrase(text) if text else None


def _open(args: argparse.Namespace) -> "Database":
    """Open --db with the passphrase given; a new database gets only a good one."""
    from rp_desktop.services.safekeeping.opening import open_database
    from rp_desktop.services.safekeeping.passphrases import require_good_passphrase

    passphrase = _passphrase(args)
    path = args.db.expanduser()
    is_new = not path.exists()
    if passphrase is not None and is_new:
        require_good_passphrase(passphrase)
    if is_new and passphrase is None and not args.unencrypted:
        raise ValueError(
            f"There is no database at {args.db} yet. Give it a passphrase (in "
            f"{PASSPHRASE_VARIABLE} or with --passphrase-file) to create it encrypted, or add "
            "--unencrypted to create it without encryption."
        )
    return open_database(args.db, passphrase=passphrase, unencrypted=args.unencrypted)


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def _grades(text: str) -> range:
    names = {"PK": -1, "PREK": -1, "K": 0}
    try:
        low, _, high = text.upper().partition("-")
        first = names.get(low) if low in names else int(low)
        last = names.get(high) if high in names else int(high or low)
    except ValueError:
        raise argparse.ArgumentTypeError("write grades like 9-12 or K-5") from None
    if first is None or last is None or not -1 <= first <= last <= 12:
        raise argparse.ArgumentTypeError("grades run from PK or K to 12, lowest first")
    return range(first, last + 1)


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError("write the size like 1920x1080") from None
    if not (200 <= width <= 8000 and 200 <= height <= 8000):
        raise argparse.ArgumentTypeError("width and height must be between 200 and 8000")
    return width, height


def _open_window(args: argparse.Namespace) -> int:
    from rp_desktop.app import main as run_app

    result = run_app(args.db)
    return result if isinstance(result, int) else 0


def _demo_data(args: argparse.Namespace) -> int:
    from rp_desktop.services.demo import build_demo_school

    started = time.perf_counter()
    with _open(args) as db:
        summary = build_demo_school(
            db, students=args.students, years=args.years, seed=args.seed, grades=args.grades
        )
    print(
        f"Made a sample school in {args.db} in {time.perf_counter() - started:.1f} s: "
        f"{summary.active_students:,} students enrolled ({summary.students:,} in all), "
        f"{summary.staff:,} staff, {summary.groups:,} groups, {summary.circles:,} circles, "
        f"{summary.cases:,} cases, {summary.meetings:,} meetings, "
        f"{summary.agreements:,} agreements, {summary.follow_ups:,} follow-ups."
    )
    return 0


def _screenshot(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from rp_desktop.ui.screenshots.views import save_screenshot

    save_screenshot(args.db, args.view, args.out, args.size, _passphrase(args))
    print(f"Saved {args.view} to {args.out}")
    return 0


def _import_roster(args: argparse.Namespace) -> int:
    from rp_desktop.domain.roster import RosterRefused
    from rp_desktop.ui.words.roster import describe_located, refusal_summary

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
    with _open(args) as db:
        if args.dry_run:
            return preview_roster(db, data, full_roster=args.full_roster)
        return import_roster(db, data, full_roster=args.full_roster).changes


def _check(args: argparse.Namespace) -> int:
    from rp_desktop.domain.safekeeping.audit import BreakKind
    from rp_desktop.services.safekeeping.checking import check_database

    report = check_database(args.db, _passphrase(args))
    damaged = report.integrity_problems or report.broken_references or report.cipher_problems
    if damaged:
        print(
            f"rp-desktop: The database {args.db} is damaged: "
            f"{len(report.integrity_problems)} integrity problem(s) and "
            f"{report.broken_references} broken reference(s).",
            file=sys.stderr,
        )
        if args.debug:
            for problem in report.integrity_problems:
                print(f"  {problem}", file=sys.stderr)
    if report.audit_break is not None:
        how = {
            BreakKind.CHANGED: "changed",
            BreakKind.REMOVED_BEFORE: "an event before it was removed",
            BreakKind.INSERTED: "inserted",
        }[report.audit_break.kind]
        print(
            f"rp-desktop: The audit trail was altered at event "
            f"{report.audit_break.event_id:,} ({how}).",
            file=sys.stderr,
        )
    if not report.ok:
        return 1
    counts = ", ".join(
        f"{count:,} {table.replace('_', ' ')}" for table, count in report.counts.items()
    )
    state = "current" if report.current else "older; it is brought up to date when opened"
    events = "1 event" if report.audit_events == 1 else f"{report.audit_events:,} events"
    print(
        f"{args.db}: ok. Schema {report.revision} ({state}). Integrity ok. Rows: {counts}. "
        f"Audit trail: {events}, chain intact."
    )
    return 0


def _backup(args: argparse.Namespace) -> int:
    from rp_desktop.services.safekeeping.backups import BackupReason, make_backup
    from rp_desktop.services.safekeeping.errors import BackupFailed

    if args.out is not None and args.out.exists():
        raise ValueError(f"There is already a file at {args.out}; choose a new name.")
    with _open(args) as db:
        try:
            made = make_backup(db, BackupReason.COMMAND_LINE, out=args.out)
        except BackupFailed as failed:
            print(f"rp-desktop: The backup was not made: {failed}.", file=sys.stderr)
            return 1
    print(f"Backed up {args.db} to {made.path}: {_row_summary(made.counts)}.")
    return 0


def _restore(args: argparse.Namespace) -> int:
    """Restore into an open database (its current state backed up first); a database that
    cannot be opened is set aside, never deleted, and the backup put in its place."""
    from rp_desktop.domain.safekeeping.files import Unreadable
    from rp_desktop.services.safekeeping.backups import restore_backup, restore_in_place
    from rp_desktop.services.safekeeping.errors import BackupFailed, NotADatabase

    source = args.file or args.from_file
    if source is None or (args.file and args.from_file):
        raise ValueError("Name one backup to restore: rp-desktop restore --db PATH FILE.")
    if not source.is_file():
        raise ValueError(f"There is no backup file at {source}.")
    try:
        with _open(args) as db:
            done = restore_backup(db, source)
    except NotADatabase as error:
        if error.reason not in (Unreadable.DAMAGED, Unreadable.EMPTY, Unreadable.NOT_SQLITE):
            raise
        aside = restore_in_place(args.db.expanduser(), source, _passphrase(args), _now())
        print(
            f"The database {args.db} could not be opened; it was kept, renamed to {aside.name}. "
            f"Restored {source} in its place."
        )
        return 0
    except BackupFailed as failed:
        print(f"rp-desktop: Nothing was restored: {failed}.", file=sys.stderr)
        return 1
    print(
        f"Backed up the current state to {done.before.path}. "
        f"Restored {source} into {args.db}: {_row_summary(done.counts)}."
    )
    return 0


def _now() -> "datetime":
    from datetime import UTC, datetime

    return datetime.now(UTC)


def _row_summary(counts: dict[str, int]) -> str:
    shown = ("student", "staff", "community_circle", "case", "audit_event")
    parts = [f"{counts[t]:,} {t.replace('_', ' ')}" for t in shown if t in counts]
    return f"{sum(counts.values()):,} rows ({', '.join(parts)})"
