"""Writing a whole export (several files and a README) into a folder, all or nothing.

Every file is first written into a fresh hidden folder inside the target folder, on the same
disk, so that moving the files into place is a rename that cannot run out of room. Files of an
earlier export that are in the way are set aside in that hidden folder first, and put back if
anything fails; on success they are deleted, and so is the hidden folder. A failure therefore
leaves the folder as it was: no half-written file, no mix of two exports.

A folder that already holds an export (either kind: the record export and the district package
share README.txt and must never be mixed) is refused unless `replace` is given; then every file
of either kind is replaced or removed, and other files in the folder are left alone. An export
is known by its README.txt, which starts with README_MARK: files that merely share an export's
names ("students.csv", a README.txt of the user's own) were not written by RP Desktop and are
never replaced, with or without `replace`.
"""

import contextlib
import errno
import os
import shutil
import tempfile
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from rp_desktop.db.backup import fsync_folder
from rp_desktop.domain.progress import Progress, no_progress
from rp_desktop.services.exports.safety import ExportNotWritten
from rp_desktop.services.exports.safety import _plain as plain_error

STAGING_PREFIX = ".rp-export-"
README = "README.txt"
README_MARK = "RP Desktop: "  # how every export's README.txt starts


class FolderHoldsExport(ExportNotWritten):
    """The folder already holds an export's files and `replace` was not given. `names` are the
    files in the way."""

    def __init__(self, folder: Path, names: Sequence[str]) -> None:
        super().__init__(
            errno.EEXIST,
            f"The folder {folder} already holds an export ({_listed(names)}); choose an empty "
            "folder, "
            "or replace the earlier export",
            folder,
        )
        self.names = tuple(names)


class FolderHoldsOtherFiles(ExportNotWritten):
    """The folder holds files with an export's names that RP Desktop did not write."""

    def __init__(self, folder: Path, names: Sequence[str]) -> None:
        super().__init__(
            errno.EEXIST,
            f"The folder {folder} already holds files of its own with the names this export "
            f"uses ({_listed(names)}); choose an empty folder",
            folder,
        )
        self.names = tuple(names)


def _listed(names: Sequence[str]) -> str:
    return ", ".join(names[:3]) + (", ..." if len(names) > 3 else "")


@dataclass(frozen=True, slots=True)
class FolderFile:
    """One file of an export: its name and what writes it (text, UTF-8 unless `encoding`)."""

    name: str
    write: Callable[[IO[Any]], object]
    encoding: str = "utf-8-sig"


def make_export_folder(folder: Path) -> bool:
    """Create `folder` for an export when it does not exist yet, readable by its owner only
    (0700), and say whether it was made; its parent is never made. Raises ExportNotWritten
    when the parent is missing (naming it), or the folder cannot be made."""
    folder = Path(folder)
    if folder.is_dir():
        return False
    if folder.exists():
        raise ExportNotWritten(
            errno.ENOTDIR, f"{folder} is a file, not a folder; choose a folder", folder
        )
    parent = folder.parent
    if not parent.is_dir():
        raise ExportNotWritten(
            errno.ENOENT,
            f"The folder {parent} does not exist, so {folder.name} cannot be made in it; "
            "make it first, or choose another folder",
            folder,
        )
    try:
        folder.mkdir(mode=0o700)
    except FileExistsError:
        return False  # made meanwhile: writing into it says what is wrong, if anything
    except OSError as error:
        raise plain_error(error, folder) from error  # a sentence about the parent
    return True


def remove_if_empty(folder: Path) -> None:
    """Remove a folder make_export_folder made, when an export then failed: it is empty, since
    a failed export leaves nothing behind."""
    with contextlib.suppress(OSError):
        Path(folder).rmdir()


def files_in_the_way(folder: Path, known_names: Collection[str]) -> list[str]:
    """The export files (by name) already in `folder`, README.txt last; none for a missing
    folder."""
    found = [name for name in known_names if (Path(folder) / name).exists()]
    return sorted(found, key=lambda name: (name == README, name))


def holds_export(folder: Path) -> bool:
    """Whether `folder` holds an export RP Desktop wrote (its README.txt says so)."""
    try:
        with (Path(folder) / README).open("rb") as stream:
            start = stream.read(64)
    except OSError:
        return False
    return start.removeprefix(b"\xef\xbb\xbf").startswith(README_MARK.encode("utf-8"))


def write_export_folder(
    folder: Path,
    files: Sequence[FolderFile],
    known_names: Collection[str],
    *,
    replace: bool = False,
    progress: Progress = no_progress,
) -> None:
    """Write `files` into `folder`, all or none. `known_names` are every file name either kind
    of export writes: those already present are refused, or replaced with `replace`.
    `progress` hears of each file before it is written (and may stop the export by raising
    Cancelled, as may a writer); moving the files into place cannot be stopped.

    Raises FolderHoldsExport, FolderHoldsOtherFiles, or ExportNotWritten for a folder that is
    missing, not writable or full; any other error from a writer comes through unchanged.
    Either way the folder is left as it was."""
    folder = Path(folder)
    in_the_way = _in_the_way(folder, known_names, replace=replace)
    writing = files[0].name if files else "README.txt"  # the file an error is about
    try:
        staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=folder))
    except OSError as error:
        raise plain_error(error, folder / writing) from error
    try:
        for number, file in enumerate(files):
            writing = file.name
            progress(number, len(files), file.name)
            _write_one(staging / file.name, file)
        progress(len(files), len(files), cancellable=False)
        _move_into_place(folder, staging, [f.name for f in files], in_the_way)
    except OSError as error:
        if isinstance(error, ExportNotWritten):
            raise
        raise plain_error(error, folder / writing) from error
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    fsync_folder(folder)


def _in_the_way(folder: Path, known_names: Collection[str], *, replace: bool) -> list[str]:
    """The files of an earlier export to replace; raises when they may not be."""
    in_the_way = files_in_the_way(folder, known_names)
    if in_the_way and not holds_export(folder):
        raise FolderHoldsOtherFiles(folder, in_the_way)
    if in_the_way and not replace:
        raise FolderHoldsExport(folder, in_the_way)
    return in_the_way


def _write_one(path: Path, file: FolderFile) -> None:
    # The owner's only, as export_safety makes single files: the record export is confidential.
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with open(descriptor, "w", encoding=file.encoding, newline="") as stream:
        file.write(stream)
        stream.flush()
        os.fsync(stream.fileno())


def _move_into_place(
    folder: Path, staging: Path, names: Sequence[str], in_the_way: Sequence[str]
) -> None:
    """Set the earlier export aside, move the new files in; undo both if any move fails."""
    aside = staging / ".earlier"
    aside.mkdir()
    set_aside: list[str] = []
    placed: list[str] = []
    try:
        for name in in_the_way:
            os.replace(folder / name, aside / name)
            set_aside.append(name)
        for name in names:
            os.replace(staging / name, folder / name)
            placed.append(name)
    except BaseException:
        for name in placed:
            (folder / name).unlink(missing_ok=True)
        for name in set_aside:
            os.replace(aside / name, folder / name)
        raise
