"""Choosing a passphrase: the rules of domain.passphrase with the built-in list of common ones;
and changing the passphrase of an encrypted database.

The new-school screen judges a passphrase as it is typed, before the rest of the application has
loaded: only changing one needs the database, and imports it then."""

from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING

from rp_desktop.domain.safekeeping.passphrase import (
    Passphrase,
    PassphraseProblem,
    judge_passphrase,
    plain_form,
)
from rp_desktop.domain.vocabulary import AuditAction

if TYPE_CHECKING:
    from rp_desktop.services.safekeeping.database import Database

COMMON_LIST = files("rp_desktop") / "resources" / "passphrases" / "common.txt"

_SENTENCES = {
    PassphraseProblem.EMPTY: "The passphrase is empty.",
    PassphraseProblem.TOO_SHORT: (
        "The passphrase is too short: use at least 15 characters, or four or more words."
    ),
    PassphraseProblem.COMMON: (
        "That passphrase is one of the most commonly chosen, so it is easy to guess; "
        "choose another."
    ),
    PassphraseProblem.REPEATED: (
        "The passphrase repeats the same few characters; choose something less predictable."
    ),
    PassphraseProblem.MISMATCH: "The two passphrases are not the same.",
}


class WeakPassphrase(ValueError):
    def __init__(self, problem: PassphraseProblem) -> None:
        self.problem = problem
        super().__init__(_SENTENCES[problem])


@cache
def common_passphrases() -> frozenset[str]:
    lines = COMMON_LIST.read_text(encoding="utf-8").splitlines()
    return frozenset(plain_form(line) for line in lines if line.strip() and line[0] != "#")


def passphrase_problem(text: str, confirmation: str | None = None) -> PassphraseProblem | None:
    return judge_passphrase(text, common_passphrases(), confirmation)


def require_good_passphrase(passphrase: Passphrase) -> None:
    """Raise WeakPassphrase when `passphrase` may not protect a new database."""
    problem = passphrase_problem(passphrase.reveal())
    if problem is not None:
        raise WeakPassphrase(problem)


def change_passphrase(db: "Database", current: Passphrase, new: Passphrase) -> None:
    """Re-encrypt the database under `new`, and say so in the audit trail.

    Raises WeakPassphrase (before anything is tried) when `new` would not do, and
    WrongPassphrase, changing nothing, when `current` is not the passphrase. The event says only
    that the passphrase changed: no passphrase, no detail."""
    from sqlalchemy.orm import Session

    from rp_desktop.services.audit import record_event
    from rp_desktop.services.audit_sealing import reseal_database

    if not db.encrypted:
        raise ValueError("a plain database has no passphrase to change")
    require_good_passphrase(new)
    old_key = db.key
    db.change_passphrase(current, new)
    reseal_database(db, old_key)  # the audit seals, under the new key
    with Session(db.engine) as session, session.begin():
        record_event(session, db, AuditAction.CHANGE_PASSPHRASE, "database", None)
