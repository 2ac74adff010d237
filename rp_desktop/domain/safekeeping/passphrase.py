"""What makes a passphrase good enough to protect the records: length, not composition rules.

At least 15 characters, or a phrase of several words; nothing from the list of passphrases that
people choose most often, and no short piece repeated. Letters, digits and punctuation are all
welcome and none is required (NIST SP 800-63B's advice).
"""

import re
import unicodedata
from collections.abc import Collection
from enum import StrEnum

MIN_LENGTH = 15
# A phrase of this many words may be a little shorter.
MIN_WORDS = 4
MIN_PHRASE_LENGTH = 12
_WORD = re.compile(r"[^\W\d_]{2,}")
_REPEATED = re.compile(r"(.{1,6}?)\1+", re.DOTALL)


class Passphrase:
    """A passphrase as typed or read from a file. Its text never shows in a repr or a traceback."""

    __slots__ = ("_text",)

    def __init__(self, text: str) -> None:
        # Typed on one keyboard and pasted from another, the same words must give the same key.
        self._text = unicodedata.normalize("NFC", text)

    def reveal(self) -> str:
        return self._text

    def __repr__(self) -> str:
        return "Passphrase(***)"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Passphrase) and other._text == self._text

    def __hash__(self) -> int:
        return hash(self._text)


class PassphraseProblem(StrEnum):
    EMPTY = "empty"
    TOO_SHORT = "too_short"
    COMMON = "common"
    REPEATED = "repeated"
    MISMATCH = "mismatch"


def plain_form(text: str) -> str:
    """The letters and digits of `text`, lower case: how the common list is compared."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in folded if ch.isalnum())


def judge_passphrase(
    text: str, common: Collection[str], confirmation: str | None = None
) -> PassphraseProblem | None:
    """The first thing wrong with `text` as a new passphrase, or None when it will do.

    `common` holds passphrases in plain_form; `confirmation`, when given, must be the same text."""
    stripped = text.strip()
    if not stripped:
        return PassphraseProblem.EMPTY
    words = len(_WORD.findall(stripped))
    long_enough = len(stripped) >= MIN_LENGTH or (
        words >= MIN_WORDS and len(stripped) >= MIN_PHRASE_LENGTH
    )
    if not long_enough:
        return PassphraseProblem.TOO_SHORT
    plain = plain_form(stripped)
    if _REPEATED.fullmatch(plain or stripped):
        return PassphraseProblem.REPEATED
    if plain in common or _letters(plain) in common:
        return PassphraseProblem.COMMON
    if confirmation is not None and unicodedata.normalize("NFC", confirmation) != (
        unicodedata.normalize("NFC", text)
    ):
        return PassphraseProblem.MISMATCH
    return None


def _letters(plain: str) -> str:
    """`plain` without digits: "Password2026" and "password" are the same choice."""
    return "".join(ch for ch in plain if not ch.isdigit()) or plain


def unlock_delay(failures: int) -> float:
    """Seconds to wait before the next unlock attempt after `failures` wrong passphrases in a
    row: none for the first two slips, then doubling from 2 s up to 5 minutes."""
    if failures < 3:
        return 0.0
    return float(min(2 ** (failures - 2), 300))
