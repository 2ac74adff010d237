"""Writing exports safely: cells a spreadsheet cannot run as formulas, and files that are
either whole or not there.

A cell that starts with = + - @, a tab or a carriage return is read by Excel, LibreOffice and
Google Sheets as a formula, which can fetch a web address or run a command when the file is
opened (OWASP, "CSV Injection"). Such text gets a leading apostrophe, which spreadsheets show
as text. Real numbers are left as they are, and so is text that is only a number ("-3").

`safe_cell` is the one way text reaches a cell, on every export path (a list or report as CSV
or XLSX, the record export, the district package). It cleans first and guards last, so that no
cleaning step can uncover a formula after the guard has looked: control characters a cell
cannot show are removed (a pasted "\x01=HYPERLINK(...)" would otherwise lose its \x01 in the
spreadsheet writer and become a live formula), and the guard then looks past any leading
spaces and invisible characters, which a spreadsheet may trim on opening.

An export is written to a temporary file in the same folder, flushed to the disk and then moved
over the target in one step, so a failure or a crash never leaves half a file under the name
the user chose, nor replaces an earlier export with a broken one. The file is made readable by
its owner only (mkstemp's 0600), as a file of confidential records should be.
"""

import errno
import os
import re
import tempfile
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any, TypeVar, overload

from rp_desktop.db.backup import fsync_folder
from rp_desktop.domain.characters import without_controls

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
_NO_ROOM = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}
_NOT_ALLOWED = {errno.EACCES, errno.EPERM, errno.EROFS}

T = TypeVar("T")


@overload
def safe_cell(value: str) -> str: ...
@overload
def safe_cell(value: T) -> T: ...
def safe_cell(value: object) -> object:
    """`value` as it may go into a spreadsheet cell: text without control characters (tabs and
    line ends aside), with a leading apostrophe when a spreadsheet would run what is left as a
    formula; anything else, numbers included, is unchanged."""
    if not isinstance(value, str):
        return value
    # Most cells are printable text that starts with a letter or a digit: done in two checks.
    text = value if value.isprintable() else plain_text(value)
    if text[:1].isalnum():
        return text
    return "'" + text if runs_as_formula(text) else text


def plain_text(text: str) -> str:
    """`text` without control characters (tabs and line ends aside): how a cell or a line of
    an export's README.txt holds text someone typed or pasted."""
    return without_controls(text)


def runs_as_formula(text: str) -> bool:
    """Whether a spreadsheet could read `text` as a formula: it starts with a tab or a carriage
    return, or, past any leading spaces and invisible characters, with = + - or @ (text that
    is only a number, such as "-3", aside)."""
    if text.startswith(("\t", "\r")):
        return True
    rest = _past_blanks(text)
    return rest.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(rest)


def _past_blanks(text: str) -> str:
    """`text` from its first character that is neither a space (a no-break space included) nor
    invisible (Unicode categories Cc and Cf)."""
    for index, character in enumerate(text):
        if not character.isspace() and unicodedata.category(character) not in ("Cc", "Cf"):
            return text[index:]
    return ""


class ExportNotWritten(OSError):
    """Why an export could not be written, in one plain sentence (its `str`); `errno` and
    `filename` are kept for whoever needs them."""

    def __init__(self, code: int | None, sentence: str, path: Path) -> None:
        # strerror without the full stop: the command line prints it as "{strerror}."
        super().__init__(code, sentence)
        self.sentence = sentence + "."
        self.path = path

    def __str__(self) -> str:
        return self.sentence


def write_atomically(
    path: Path,
    write: Callable[[IO[Any]], None],
    *,
    binary: bool = False,
    encoding: str = "utf-8",
    newline: str | None = "",
) -> None:
    """Create or replace `path` with what `write` writes to the file it is given (text, or bytes
    when `binary`), all or nothing. Raises ExportNotWritten for a folder that is missing, not
    writable or full; any error from `write` itself comes through unchanged. Either way no
    temporary file is left behind and an earlier file at `path` is untouched."""
    path = Path(path)
    folder = path.parent
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".part")
    except OSError as error:
        raise _plain(error, path) from error
    try:
        mode = "wb" if binary else "w"
        options: dict[str, Any] = {} if binary else {"encoding": encoding, "newline": newline}
        with open(handle, mode, **options) as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError) and not isinstance(error, ExportNotWritten):
            raise _plain(error, path) from error
        raise
    fsync_folder(folder)


def _plain(error: OSError, path: Path) -> ExportNotWritten:
    folder = path.parent
    if error.errno == errno.ENOENT and not folder.is_dir():
        sentence = f"The folder {folder} does not exist; choose another folder"
    elif error.errno in _NOT_ALLOWED:
        sentence = f"RP Desktop is not allowed to write in {folder}; choose another folder"
    elif error.errno in _NO_ROOM:
        sentence = (
            f"There is not enough room in {folder} to write {path.name}; free some space "
            "or choose another folder"
        )
    elif error.errno == errno.EISDIR or path.is_dir():
        sentence = f"{path} is a folder; choose another name for the file"
    else:
        reason = error.strerror or type(error).__name__
        sentence = f"{path.name} could not be written in {folder} ({reason})"
    return ExportNotWritten(error.errno, sentence, path)
