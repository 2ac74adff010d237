"""Letters to families in their home language: which language each recipient's letter is
written in, and what a meeting invitation says.

Each recipient gets their own letter. It is written in the caregiver's home language when the
app has texts for that language; otherwise it is written in English, and it carries a line
offering an interpreter. A caregiver marked as needing an interpreter gets that line whatever
language the letter is in. The language wanted is kept on the letter ("es") even when the text
falls back to English, so the counselor sees who still needs the letter read to them."""

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date, time

ENGLISH = "en"


@dataclass(frozen=True, slots=True)
class Recipient:
    """Someone a letter goes to: a caregiver on record (`caregiver_id`) or a family member
    named on the case only."""

    name: str
    home_language: str = ENGLISH
    interpreter_needed: bool = False
    caregiver_id: int | None = None


@dataclass(frozen=True, slots=True)
class LetterLanguage:
    """The language of one recipient's letter. `wanted` is their home language; `written_in`
    is the language the text is in (the same when the app has it, else English);
    `interpreter_line` says the letter offers an interpreter."""

    wanted: str
    written_in: str
    interpreter_line: bool

    @property
    def fell_back(self) -> bool:
        """The letter could not be written in the recipient's language."""
        return base_language(self.wanted) != base_language(self.written_in)


@dataclass(frozen=True, slots=True)
class Letter:
    recipient: Recipient
    language: LetterLanguage


@dataclass(frozen=True, slots=True)
class Invitation:
    """What a meeting invitation says, before it is put in words: about whom (a first name
    only), when, where, and who invites."""

    school: str
    student_first_name: str
    on: date
    starts_at: time | None
    place: str
    facilitator: str


def base_language(code: str) -> str:
    """The language of a code without its region or script: "pt_BR" → "pt", "zh-Hant" → "zh"."""
    return code.strip().replace("-", "_").split("_")[0].casefold()


def letter_language(
    home_language: str, interpreter_needed: bool, available: Collection[str]
) -> LetterLanguage:
    """The language one recipient's letter is written in, from the languages the app has
    texts for (`available`; English always)."""
    wanted = home_language.strip() or ENGLISH
    have = {base_language(code) for code in available} | {ENGLISH}
    written_in = base_language(wanted) if base_language(wanted) in have else ENGLISH
    fell_back = written_in != base_language(wanted)
    return LetterLanguage(wanted, written_in, interpreter_needed or fell_back)


def letters_for(recipients: Iterable[Recipient], available: Collection[str]) -> list[Letter]:
    """One letter per recipient, each in its own language."""
    return [
        Letter(r, letter_language(r.home_language, r.interpreter_needed, available))
        for r in recipients
    ]
