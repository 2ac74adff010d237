"""Signs that a cell's text was damaged on its way here: read in the wrong encoding, with
characters lost to an earlier conversion, or holding invisible control or format characters."""

import re

from rp_desktop.domain.characters import invisible_character
from rp_desktop.domain.roster.fields import NAME_FIELDS, ColumnField, RosterField
from rp_desktop.domain.roster.problems import RosterIssue

# Text that went through the wrong encoding somewhere. UTF-8 read as Windows-1252 turns "é"
# into "Ã©" and "ł" into "Å‚": a lead letter, then characters that stood for continuation bytes.
_CP1252_80_9F = bytes(range(0x80, 0xA0)).decode("cp1252", errors="ignore")
_CONTINUATION = "\u0080-\u00bf" + _CP1252_80_9F
# After a capital, quotes, dashes and a no-break space are plausible ("JOSÉ’S", "JOSÉ–LUIS").
_NOT_AFTER_A_CAPITAL = "\u0080-\u009f\u00a1-\u00bf" + "".join(
    ch for ch in _CP1252_80_9F if ch not in "‘’“”•–—"
)
_UTF8_SEEN_AS_CP1252 = re.compile(
    f"[ÂÃ][{_CONTINUATION}]|[Ä-ß][{_NOT_AFTER_A_CAPITAL}]"
    f"|[à-ï][{_CONTINUATION}]{{2}}|[ð-ô][{_CONTINUATION}]{{3}}"
)
# Read as Windows-1252, other encodings give runs of accented letters (Cyrillic, Greek, Arabic
# code pages), symbols inside words (Mac Roman, DOS, Central European) or capitals after small
# letters ("JosŽ"). Names in Windows-1252 itself have none of these.
_LETTER_RUN = re.compile("[À-ÖØ-öø-ÿ]{3,}")
_ODD_SYMBOLS = "€‚ƒ„…†‡ˆ‰‹›•˜™¢£¤¥¦§¨©«¬®¯±²³µ¶¸¹»¼½¾¿¡×÷Ÿ"
_SYMBOL_BY_LETTER = re.compile(f"[^\\W\\d_][{_ODD_SYMBOLS}]|[{_ODD_SYMBOLS}][^\\W\\d_]")
_CAPITAL_AFTER_SMALL = re.compile("[a-zß-ÿ][ŠŒŽ]")
_DASH_INSIDE_WORD = re.compile("[^\\W\\d_][–—][a-zß-ÿ]")
_LEGACY_SIGNS = (_LETTER_RUN, _SYMBOL_BY_LETTER, _CAPITAL_AFTER_SMALL, _DASH_INSIDE_WORD)
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_QUESTION_MARK_IN_WORD = re.compile(r"[^\W\d_]\?[^\W\d_]")


def looks_garbled(text: str, *, legacy_text: bool) -> bool:
    """Whether `text` shows signs of having been read in the wrong encoding. `legacy_text` says
    it was decoded as Windows-1252, where more signs are telling."""
    if _UTF8_SEEN_AS_CP1252.search(text):
        return True
    return legacy_text and any(sign.search(text) for sign in _LEGACY_SIGNS)


def text_issue(field: ColumnField, text: str, legacy_text: bool) -> RosterIssue | None:
    """What is wrong with a cell's text as text, whatever the field: None when nothing is."""
    if _CONTROL.search(text):
        return RosterIssue.UNPRINTABLE
    if "\ufffd" in text or (field in NAME_FIELDS and _QUESTION_MARK_IN_WORD.search(text)):
        return RosterIssue.LOST_CHARACTERS
    if looks_garbled(text, legacy_text=legacy_text):
        return RosterIssue.GARBLED_TEXT  # before invisible: "í" read wrongly holds a soft hyphen
    if not text.isprintable() and invisible_in(field, text):
        return RosterIssue.INVISIBLE
    return None


def invisible_in(field: ColumnField, text: str) -> str:
    """The first invisible format character (Unicode Cf) in a cell, or "": it would make two
    names or numbers that look alike differ. A zero-width joiner inside a word of a script
    that spells with one is allowed, except in a student number (domain.characters)."""
    joiners = field != RosterField.STUDENT_NUMBER
    return invisible_character(text, joiners_in_words=joiners) or ""
