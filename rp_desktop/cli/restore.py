"""`rp-desktop restore`: a backup put in place of the database (its state backed up first), in
place of a damaged one (kept, renamed), or where there is no database yet (a lost laptop)."""

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from rp_desktop.cli.opening import (
    PASSPHRASE_VARIABLE,
    add_command,
    open_given_database,
    passphrase_from,
    read_passphrase,
)

if TYPE_CHECKING:
    from datetime import datetime

    from rp_desktop.cli.opening import Commands
    from rp_desktop.domain.safekeeping.passphrase import Passphrase
    from rp_desktop.services.safekeeping.backup_files import Unfit


def add_restore_command(commands: "Commands") -> None:
    restore = add_command(
        commands,
        "restore",
        "put a backup in place of the database (backing it up first), or restore it where "
        "there is no database yet",
    )
    restore.description = RESTORE_HELP
    restore.formatter_class = argparse.RawDescriptionHelpFormatter
    restore.add_argument("file", type=Path, nargs="?", metavar="FILE", help="the backup")
    restore.add_argument("--from", type=Path, dest="from_file", metavar="FILE", help="the same")
    restore.add_argument(
        "--backup-passphrase-file",
        type=Path,
        metavar="FILE",
        help="read the passphrase the backup was made under from FILE, when it is not the "
        f"database's (or set {BACKUP_PASSPHRASE_VARIABLE})",
    )
    restore.set_defaults(run=_restore)


BACKUP_PASSPHRASE_VARIABLE = "RP_DESKTOP_BACKUP_PASSPHRASE"
RESTORE_HELP = f"""Put a backup in place of the database.

Into a database that opens: its current state is backed up first, and a backup of a
different database is refused. A database that is damaged is kept, renamed, never deleted,
and the backup put in its place. Where there is no database (a lost laptop), the backup is
copied there once it is checked, and opened with the passphrase it was made under.

Passphrases: the database's in {PASSPHRASE_VARIABLE} or --passphrase-file. A backup made
under an earlier passphrase: that one in {BACKUP_PASSPHRASE_VARIABLE} or
--backup-passphrase-file; it is re-encrypted under the database's passphrase. Onto a path
where there is no database, the backup's passphrase is the one that opens it (either way
of giving it); given both, the new database is encrypted under the database passphrase.
An unencrypted backup restores unencrypted."""


def _restore(args: argparse.Namespace) -> int:
    """Restore into an open database (its current state backed up first); a database that
    cannot be opened, or is damaged, is set aside, never deleted, and the backup put in its
    place; where there is none, the backup is put there."""
    from rp_desktop.domain.safekeeping.files import Unreadable
    from rp_desktop.services.safekeeping.errors import BackupFailed, NotADatabase

    source = _backup_to_restore(args)
    if not args.db.expanduser().exists():
        return _restore_to_new(args, source)
    try:
        return _restore_into_open(args, source)
    except NotADatabase as error:
        if error.reason not in (Unreadable.DAMAGED, Unreadable.EMPTY, Unreadable.NOT_SQLITE):
            raise
        return _restore_in_place(args, source)
    except BackupFailed as failed:
        print(f"rp-desktop: Nothing was restored: {failed}.", file=sys.stderr)
        return 1


def _restore_into_open(args: argparse.Namespace, source: Path) -> int:
    """The database opens: restore into it. Opening runs SQLite's quick check for the command
    line, so a damaged one is refused there (DamagedUnchanged, a NotADatabase), unchanged."""
    from rp_desktop.services.safekeeping.backup_files import RestoreRefused
    from rp_desktop.services.safekeeping.restoring import restore_backup

    with open_given_database(args) as db:
        try:
            done = restore_backup(
                db,
                source,
                backup_passphrase=read_backup_passphrase(args),
                passphrase=read_passphrase(args),
            )
        except RestoreRefused as refused:
            print(f"rp-desktop: {_refusal(refused.reason, args, source)}", file=sys.stderr)
            return 1
    print(
        f"Backed up the current state to {done.before.path}. "
        f"Restored {source} into {args.db}: {_rows(done.counts)}."
    )
    return 0


def _refusal(reason: "Unfit", args: argparse.Namespace, source: Path) -> str:
    """Why the backup was refused, with what to do about it on the command line."""
    from rp_desktop.services.safekeeping.backup_files import RestoreRefused, Unfit

    if reason is Unfit.OTHER_DATABASE:
        return (
            f"{source} is a backup of a different database, not of {args.db}, so it was not "
            f"restored into it; to restore it, give a new path: rp-desktop restore --db "
            f"NEW.db --from {source}."
        )
    if reason is Unfit.UNREADABLE:
        return (
            f"{source} does not open with the database's passphrase: if it was made under an "
            f"earlier one, give that in {BACKUP_PASSPHRASE_VARIABLE} or with "
            "--backup-passphrase-file; otherwise its first page is damaged."
        )
    return str(RestoreRefused(reason))


def _backup_to_restore(args: argparse.Namespace) -> Path:
    """The one backup named, as FILE or --from FILE."""
    source: Path | None = args.file or args.from_file
    if source is None or (args.file and args.from_file):
        raise ValueError("Name one backup to restore: rp-desktop restore --db PATH FILE.")
    if not source.is_file():
        raise ValueError(f"There is no backup file at {source}.")
    return source


def read_backup_passphrase(args: argparse.Namespace) -> "Passphrase | None":
    """The passphrase a backup was made under, when given: --backup-passphrase-file or the
    environment (never the command line)."""
    return passphrase_from(args.backup_passphrase_file, BACKUP_PASSPHRASE_VARIABLE)


def _restore_to_new(args: argparse.Namespace, source: Path) -> int:
    """No database at --db: the backup is checked and put there, opened with its passphrase."""
    from rp_desktop.services.safekeeping.errors import PassphraseNeeded
    from rp_desktop.services.safekeeping.passphrases import require_good_passphrase
    from rp_desktop.services.safekeeping.restoring import restore_to_new

    passphrase, backup_passphrase = read_passphrase(args), read_backup_passphrase(args)
    if passphrase is not None and backup_passphrase is not None:
        require_good_passphrase(passphrase)  # the new database's own
    try:
        done = restore_to_new(args.db, source, passphrase, backup_passphrase=backup_passphrase)
    except PassphraseNeeded:
        raise ValueError(
            f"{source} is encrypted: give the passphrase it was made under in "
            f"{PASSPHRASE_VARIABLE} or with --passphrase-file. Nothing was restored."
        ) from None
    with done.database as db:
        how = "encrypted" if db.encrypted else "unencrypted, as the backup was"
    print(
        f"There was no database at {args.db}; restored {source} there ({how}): "
        f"{_rows(done.counts)}."
    )
    return 0


def _restore_in_place(args: argparse.Namespace, source: Path) -> int:
    """The database cannot be opened or is damaged: keep it under a new name and put the backup
    in its place."""
    from rp_desktop.services.safekeeping.restoring import restore_in_place

    aside = restore_in_place(
        args.db.expanduser(),
        source,
        read_passphrase(args),
        _now(),
        backup_passphrase=read_backup_passphrase(args),
    )
    print(
        f"The database {args.db} is damaged or could not be opened; it was kept, renamed to "
        f"{aside.name}. Restored {source} in its place."
    )
    return 0


def _now() -> "datetime":
    from datetime import UTC, datetime

    return datetime.now(UTC)


def _rows(counts: dict[str, int]) -> str:
    shown = ("student", "staff", "community_circle", "case", "audit_event")
    parts = [f"{counts[t]:,} {t.replace('_', ' ')}" for t in shown if t in counts]
    return f"{sum(counts.values()):,} rows ({', '.join(parts)})"
