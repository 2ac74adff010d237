"""The circle library shipped in resources/circle_library: every prompts*.toml and
templates*.toml there, their digest (to tell when an update brought new files), and the files
read into a `ShippedLibrary`."""

import hashlib
from functools import cache
from importlib.resources import files

from rp_desktop.domain.shipped_library import LibraryResourceError, ShippedLibrary, parse_library
from rp_desktop.domain.vocabulary import CircleKind

RESOURCES = files("rp_desktop") / "resources" / "circle_library"
PROMPT_FILES, TEMPLATE_FILES = "prompts", "templates"
ShippedFiles = dict[str, bytes]  # file name -> its bytes


def shipped_files() -> ShippedFiles:
    """The library files by name: prompts.toml, then prompts-*.toml by name, then the same
    for templates (a kind's first file is the one without a suffix)."""
    names = [
        entry.name
        for entry in RESOURCES.iterdir()
        if entry.name.endswith(".toml") and _kind(entry.name) is not None
    ]
    return {name: RESOURCES.joinpath(name).read_bytes() for name in sorted(names, key=_order)}


def files_digest(shipped: ShippedFiles) -> str:
    """A digest of the files' names and bytes: it changes whenever any file does."""
    digest = hashlib.sha256()
    for name, data in shipped.items():
        digest.update(f"{name}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


def parse_shipped(shipped: ShippedFiles) -> ShippedLibrary:
    """The files read together: every file's prompts, then every file's templates."""
    import tomllib  # only when the library changed: a start with nothing to do skips it

    documents: dict[str, list[object]] = {PROMPT_FILES: [], TEMPLATE_FILES: []}
    entry = {PROMPT_FILES: "prompt", TEMPLATE_FILES: "template"}
    for name in sorted(shipped, key=_order):
        data, kind = shipped[name], _kind(name)
        if kind is None:
            continue
        try:
            documents[kind] += tomllib.loads(data.decode("utf-8")).get(entry[kind], [])
        except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
            raise LibraryResourceError(f"{name} is not readable TOML: {error}") from error
    return parse_library(
        {"prompt": documents[PROMPT_FILES]}, {"template": documents[TEMPLATE_FILES]}
    )


def read_shipped_library() -> ShippedLibrary:
    return parse_shipped(shipped_files())


@cache
def shipped_kinds() -> dict[str, CircleKind]:
    """Template key -> the kind of circle it is for, as the shipped files say (a Spanish twin
    has its original's kind); read once."""
    return read_shipped_library().kinds()


def _order(name: str) -> tuple[bool, str]:
    return (_kind(name) == TEMPLATE_FILES, name.removesuffix(".toml"))


def _kind(name: str) -> str | None:
    stem = name.removesuffix(".toml")
    for kind in (PROMPT_FILES, TEMPLATE_FILES):
        if stem == kind or stem.startswith(f"{kind}-"):
            return kind
    return None
