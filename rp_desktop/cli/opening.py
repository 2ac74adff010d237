"""What the commands that open a database share: their common options (--db, the passphrase
file, --unencrypted), the passphrase (never from the command line), opening --db with it, and
the growing wait after wrong passphrases."""

import argparse
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rp_desktop.domain.safekeeping.passphrase import Passphrase
    from rp_desktop.services.safekeeping.database import Database

    Commands = argparse._SubParsersAction[argparse.ArgumentParser]

PASSPHRASE_VARIABLE = "RP_DESKTOP_PASSPHRASE"


def add_command(commands: "Commands", name: str, summary: str) -> argparse.ArgumentParser:
    """A new command, with the options every command takes."""
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


def read_passphrase(args: argparse.Namespace) -> "Passphrase | None":
    """The passphrase from --passphrase-file or the environment; never from the command line,
    where other users of the machine could read it."""
    return passphrase_from(args.passphrase_file, PASSPHRASE_VARIABLE)


def passphrase_from(file: Path | None, variable: str) -> "Passphrase | None":
    """A passphrase from `file` (its first line's end trimmed) or else the environment
    `variable`; None when neither gives one."""
    from rp_desktop.domain.safekeeping.passphrase import Passphrase

    if file is not None:
        text = file.read_text(encoding="utf-8").rstrip("\r\n")
        if not text:
            raise ValueError(f"The passphrase file {file} is empty.")
        return Passphrase(text)
    text = os.environ.get(variable, "")
    return Passphrase(text) if text else None


def open_given_database(args: argparse.Namespace) -> "Database":
    """Open --db with the passphrase given; a new database gets only a good one. Every command
    that opens one writes to it (an import, a backup's or an export's audit event), so a
    damaged file is found first, by SQLite's quick check, and refused with nothing changed."""
    from rp_desktop.domain.safekeeping.files import Unreadable
    from rp_desktop.services.safekeeping.errors import DamagedUnchanged, NotADatabase
    from rp_desktop.services.safekeeping.opening import open_database
    from rp_desktop.services.safekeeping.passphrases import require_good_passphrase

    passphrase = read_passphrase(args)
    path = args.db.expanduser()
    try:
        is_new = not path.exists()
    except OSError:  # a folder on the way that may not be looked into: opening says so
        is_new = False
    if passphrase is not None and is_new:
        require_good_passphrase(passphrase)
    if is_new and passphrase is None and not args.unencrypted:
        raise ValueError(
            f"There is no database at {args.db} yet. Give it a passphrase (in "
            f"{PASSPHRASE_VARIABLE} or with --passphrase-file) to create it encrypted, or add "
            "--unencrypted to create it without encryption."
        )
    try:
        db = open_database(
            args.db, passphrase=passphrase, unencrypted=args.unencrypted, verify=True
        )
    except NotADatabase as refused:
        if refused.reason is Unreadable.DAMAGED:
            how = f"rp-desktop restore --db {args.db} FILE"
            raise DamagedUnchanged(refused.path, how) from refused
        raise
    _warn_if_behind(db)
    return db


def _warn_if_behind(db: "Database") -> None:
    """Say it when the database is behind the newest event recorded outside it (it lost its
    recent changes, or an older copy was put in its place). The command still runs: going back
    to a backup is the user's choice, and the window says it again until it has been seen."""
    from rp_desktop.cli.audit_words import behind_sentence
    from rp_desktop.services.audit_sealing import unseen_finding

    found = unseen_finding(db)
    if found is not None:
        print(f"rp-desktop: Warning: {behind_sentence(found)}", file=sys.stderr)


@contextmanager
def waiting_after_wrong_passphrases(
    args: argparse.Namespace, sleep: Callable[[float], None]
) -> Iterator[None]:
    """Run a command on --db after the wait its wrong passphrases in a row call for (the
    window's rule, domain.safekeeping.passphrase.unlock_delay), counting a wrong one given now;
    a command that then runs through with the right passphrase starts the count again."""
    database: Path | None = getattr(args, "db", None)
    if database is None or not hasattr(args, "passphrase_file"):  # the window waits its own way
        yield
        return
    from rp_desktop.domain.safekeeping.passphrase import unlock_delay
    from rp_desktop.services.safekeeping.errors import WrongPassphrase
    from rp_desktop.services.safekeeping.files import WrongPassphrases

    path = database.expanduser().absolute()
    wrong = WrongPassphrases()
    failures = wrong.count(path)
    if (delay := unlock_delay(failures)) > 0:
        print(
            f"rp-desktop: Waiting {delay:g} seconds after {failures} wrong passphrases…",
            file=sys.stderr,
            flush=True,
        )
        sleep(delay)
    try:
        yield
    except WrongPassphrase as refused:
        if refused.path.expanduser().resolve() == path.resolve():
            wrong.add(path)
        raise
    if failures and _opens(path, args):
        wrong.forget(path)


def _opens(path: Path, args: argparse.Namespace) -> bool:
    """Whether the passphrase given opens the encrypted file at `path` (a command can end well
    without reading it: a roster refused before the database was opened)."""
    from rp_desktop.services.safekeeping.errors import DatabaseError
    from rp_desktop.services.safekeeping.files import is_encrypted_file, key_for

    try:
        passphrase = read_passphrase(args)
        if passphrase is None or not is_encrypted_file(path):
            return False
        key_for(path, passphrase)
    except (DatabaseError, OSError, ValueError):
        return False
    return True
