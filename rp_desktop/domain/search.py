"""Accent- and case-insensitive search keys, so "munoz" finds "Muñoz" and "obrien" finds "O'Brien".

Records keep a folded `search_key`; a query is folded the same way and matched term by term.
"""

import re
import unicodedata

# Letters that Unicode does not decompose into a base letter plus a mark (after case folding).
_UNDECOMPOSED = str.maketrans(
    {"ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe", "ı": "i"}
)
# Apostrophes vanish ("O'Brien" -> "obrien"); dashes and dots separate words.
_PUNCTUATION = str.maketrans(
    {
        "'": None,
        "’": None,
        "‘": None,
        "`": None,
        "ʼ": None,
        "-": " ",
        "‐": " ",
        "–": " ",
        "—": " ",
        ".": " ",
        ",": " ",
    }
)
LIKE_ESCAPE = "\\"


def fold(text: str) -> str:
    """Lower-case `text`, drop accents and apostrophes, and collapse white space.

    Case folding and compatibility decomposition come first, so that capitals, full-width
    forms and ligatures meet the tables below in their plain lower-case shape."""
    # Decompose before and after folding case: "𝕬" only becomes a letter with a case once
    # decomposed, and folding can itself leave decomposable letters behind.
    compatible = unicodedata.normalize("NFKD", text)
    decomposed = unicodedata.normalize("NFKD", compatible.casefold())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.translate(_UNDECOMPOSED).translate(_PUNCTUATION).split())


def search_key(*parts: str | None) -> str:
    """One folded string holding every part a record can be found by."""
    return " ".join(fold(part) for part in parts if part)


def like_patterns(query: str) -> list[str]:
    """LIKE patterns (escaped with LIKE_ESCAPE), one per word of `query`; all must match."""
    return [f"%{_escape_like(term)}%" for term in fold(query).split()]


def _escape_like(term: str) -> str:
    for special in (LIKE_ESCAPE, "%", "_"):
        term = term.replace(special, LIKE_ESCAPE + special)
    return term


_DIGITS = re.compile(r"(\d+)")


def natural_key(text: str) -> tuple[tuple[int, int | str], ...]:
    """A sort key that orders numbers inside names as people do: "Advisory 9-A" before
    "Advisory 10-A", "Room 2" before "Room 12". Letters compare folded (accents and case
    ignored); each part is tagged so that a number and a word never meet in a comparison."""
    parts: list[tuple[int, int | str]] = []
    for index, part in enumerate(_DIGITS.split(fold(text))):
        if index % 2:
            parts.append((0, int(part)))
        elif part:
            parts.append((1, part))
    return tuple(parts)
