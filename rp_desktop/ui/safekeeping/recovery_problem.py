"""What the recovery screen is shown for: a file that is there but cannot be read, or an
encrypted one that several passphrases in a row did not open. Light to import: the screen can be
the first one."""

from enum import Enum
from pathlib import Path

from rp_desktop.domain.safekeeping.files import Unreadable
from rp_desktop.services.safekeeping.errors import DatabaseError, NotADatabase


class PassphraseKeepsFailing(DatabaseError):
    """Several passphrases in a row did not open an encrypted file: a forgotten passphrase, or
    a damaged file, which cannot be told apart."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(f"The passphrases typed did not open {path.name}.")


class Recovery(Enum):
    TRY_AGAIN = "try again"


RECOVERABLE = (Unreadable.DAMAGED, Unreadable.NOT_SQLITE, Unreadable.EMPTY)


def recovery_helps(problem: DatabaseError) -> bool:
    """True for a file that is there but cannot be read; other problems (in use, a newer
    version, a folder that cannot be written) are explained in a plain message instead."""
    if isinstance(problem, PassphraseKeepsFailing):
        return True
    return isinstance(problem, NotADatabase) and problem.reason in RECOVERABLE


def unreadable(problem: DatabaseError) -> Unreadable | None:
    """Why the file cannot be read; None when the passphrases typed did not open it."""
    if isinstance(problem, PassphraseKeepsFailing):
        return None
    return problem.reason if isinstance(problem, NotADatabase) else Unreadable.DAMAGED
