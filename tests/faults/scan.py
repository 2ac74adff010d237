"""Looking for people's names where they must not be: in files on disk and in captured logs.

A name is looked for as typed, decomposed (NFD, as some Mac file systems and keyboards give
it), folded the way search keys are (lower case, no accents), and each of those in UTF-8 and
both UTF-16 byte orders (Windows writes settings and logs in UTF-16). Reusable for any file the
app writes: the database and its logs, backups, log files, settings, temporary files."""

import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

from rp_desktop.domain.search import fold

ENCODINGS = ("utf-8", "utf-16-le", "utf-16-be")


def spellings(name: str) -> set[str]:
    return {name, unicodedata.normalize("NFD", name), fold(name), name.casefold()}


def needles(names: Iterable[str]) -> dict[bytes, str]:
    """Each byte string to look for, and how to describe a find (never more than the name)."""
    found: dict[bytes, str] = {}
    for name in names:
        for spelling in spellings(name):
            for encoding in ENCODINGS:
                found[spelling.encode(encoding)] = f"{spelling!r} in {encoding}"
    return found


def files_in(paths: Iterable[Path]) -> Iterator[Path]:
    """The files of `paths`, folders searched through; a path that is not there is skipped
    (a write-ahead log comes and goes)."""
    for path in paths:
        if path.is_dir():
            yield from (p for p in sorted(path.rglob("*")) if p.is_file())
        elif path.is_file():
            yield path


def names_in(data: bytes, names: Iterable[str]) -> list[str]:
    return [described for needle, described in needles(names).items() if needle in data]


def assert_no_names(paths: Iterable[Path], names: Iterable[str]) -> list[Path]:
    """Fail naming each file (and spelling) where one of `names` can be read; return the files
    searched, so a caller can check the ones it expected were there."""
    names = list(names)
    searched, finds = [], []
    for path in files_in(paths):
        searched.append(path)
        finds += [f"{path}: {what}" for what in names_in(path.read_bytes(), names)]
    assert not finds, "a name can be read in:\n" + "\n".join(finds)
    return searched


def assert_text_has_no_names(text: str, names: Iterable[str], source: str = "the log") -> None:
    finds = names_in(text.encode("utf-8"), names)
    assert not finds, f"a name can be read in {source}: " + ", ".join(finds)
