"""Characters that do not belong in a name, a student number or a spreadsheet cell.

Control characters (Unicode category Cc, such as U+0001 or a form feed) cannot be seen, and a
spreadsheet file cannot even hold most of them. Format characters (category Cf: zero-width
spaces U+200B, direction marks U+200E/F, bidi embeddings and overrides U+202A-E, isolates
U+2066-9, a byte-order mark U+FEFF inside text, a soft hyphen) cannot be seen either, but they
make two names or two student numbers that look the same compare different, or make one look
like another ("Nour\u202eabc" shows its end reversed).

One exception keeps real names whole: the zero-width joiner and non-joiner (U+200D, U+200C)
are part of how Persian, Arabic-script and Indic names are spelled, and of emoji such as the
rainbow flag, so they are allowed between two letters (or a letter and a combining mark) of
scripts beyond the Latin, Greek and Cyrillic ones, or between two parts of an emoji; beside a
Latin letter, or anywhere in a student number, they are refused like the rest.
"""

import re
import unicodedata

# Kept in a cell: tab, line feed and carriage return (a note's own line ends).
_CELL_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_JOINERS = "\u200c\u200d"
_FIRST_JOINING_SCRIPT = "\u0590"  # Hebrew onwards: Arabic, Syriac, Thaana, the Indic scripts
_EMOJI = ("So", "Sk")  # pictographs and skin tones, joined into one emoji ("🏳️‍🌈")
_NOT_JOINING = frozenset({"LATIN", "GREEK", "CYRILLIC", "FULLWIDTH", "COMBINING", "MODIFIER"})


def invisible_character(text: str, *, joiners_in_words: bool = True) -> str | None:
    """The first control or format character in `text` that does not belong there, or None.
    With `joiners_in_words`, a zero-width joiner or non-joiner between two letters of a
    script that spells with them is allowed (see the module's text)."""
    if text.isprintable():  # no Cc nor Cf: most text, told in one pass in C
        return None
    for index, character in enumerate(text):
        if unicodedata.category(character) not in ("Cc", "Cf"):
            continue
        if joiners_in_words and character in _JOINERS and _inside_a_word(text, index):
            continue
        return character
    return None


def code_point(character: str) -> str:
    """'U+202E': how a problem names a character that cannot be shown."""
    return f"U+{ord(character):04X}"


def without_controls(text: str) -> str:
    """`text` without the control characters a spreadsheet cell or a printed page cannot
    show; tabs and line ends are kept."""
    return _CELL_CONTROLS.sub("", text)


def _inside_a_word(text: str, index: int) -> bool:
    if index == 0 or index == len(text) - 1:
        return False
    return _joining_letter(text[index - 1]) and _joining_letter(text[index + 1])


def _joining_letter(character: str) -> bool:
    category = unicodedata.category(character)
    if character < _FIRST_JOINING_SCRIPT or (category[0] not in "LM" and category not in _EMOJI):
        return False
    script = unicodedata.name(character, "").split(" ")[0]
    return script not in _NOT_JOINING  # e.g. Vietnamese letters above U+1E00 are Latin
