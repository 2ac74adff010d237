"""A second place for backups, off this laptop: a folder the counselor chose (a USB drive, a
district network share) that receives a verified copy of each backup, with its manifest, under
`<folder>/RP Desktop backups/<identity>/`, thinned by the same rules as the backups folder.

The second place is often not there (the drive is in a drawer, the laptop is at home): that is
said, never raised, and the backup on this laptop stands whatever happens here. The copy is
checked by reading it back and comparing its SHA-256 with the backup's; a copy half made is
removed. Nothing here reads any setting: the folder is given."""

import errno
import os
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from rp_desktop.services.safekeeping.backup_files import (
    Manifest,
    file_sha256,
    thin,
    write_manifest,
)

SUBFOLDER = "RP Desktop backups"
_CHUNK = 1 << 20
_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
_NOT_WRITABLE = {errno.EACCES, errno.EPERM, errno.EROFS}
_GONE = {errno.ENOENT, errno.ENODEV, errno.ENXIO, errno.EIO, errno.ESTALE, errno.EHOSTDOWN}


class Missed(StrEnum):
    """Why the copy to the second place was not made."""

    NOT_CONNECTED = "not_connected"  # the folder is not there (a drive out, a share away)
    FULL = "full"
    NOT_WRITABLE = "not_writable"
    NOT_VERIFIED = "not_verified"  # the copy read back differently, or another failure


@dataclass(frozen=True, slots=True)
class SecondCopy:
    place: Path  # the folder chosen
    path: Path | None  # the copy, when it was made
    missed: Missed | None  # why not, when it was not


class CopyDiffers(OSError):
    """The copy read back is not the backup."""


def second_place_folder(place: Path, identity: str) -> Path:
    return place / SUBFOLDER / identity


def copy_to_second_place(
    backup: Path, manifest: Manifest, place: Path, now: datetime
) -> SecondCopy:
    """Copy `backup` (verified, with its manifest) into the second place `place`, then thin
    the copies there. Never raises for the second place's sake: says why it was not made."""
    if not place.is_dir():
        return SecondCopy(place, None, Missed.NOT_CONNECTED)
    folder = second_place_folder(place, manifest.database_identity)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        copy = copy_verified(backup, folder / backup.name, manifest.sha256)
        write_manifest(copy, manifest)
        thin(folder, now, None)
    except OSError as error:
        return SecondCopy(place, None, _why(error))
    return SecondCopy(place, copy, None)


def copy_verified(source: Path, target: Path, sha256: str) -> Path:
    """Copy `source` to `target` (0600) through a partial file that takes its name only once
    its bytes, read back, have the SHA-256 `sha256`. Raises OSError; leaves nothing half made."""
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        _copy_bytes(source, partial)
        if file_sha256(partial) != sha256:
            raise CopyDiffers(errno.EIO, "the copy does not read back the same")
        if target.exists():
            raise FileExistsError(errno.EEXIST, "A file is already there", str(target))
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return target


def _copy_bytes(source: Path, target: Path) -> None:
    handle = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with source.open("rb") as reading:
            while chunk := reading.read(_CHUNK):
                _write_all(handle, chunk)
        os.fsync(handle)
    finally:
        os.close(handle)


def _write_all(handle: int, chunk: bytes) -> None:
    view = memoryview(chunk)
    while view:
        view = view[os.write(handle, view) :]


def _why(error: OSError) -> Missed:
    if isinstance(error, CopyDiffers):
        return Missed.NOT_VERIFIED
    if error.errno in _FULL:
        return Missed.FULL
    if error.errno in _NOT_WRITABLE:
        return Missed.NOT_WRITABLE
    if error.errno in _GONE:
        return Missed.NOT_CONNECTED
    return Missed.NOT_VERIFIED
