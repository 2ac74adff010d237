"""Saving a PDF the screens drew (the monthly summary for a principal): the file is whole or not
there, and the audit trail says what was saved, never what it holds."""

from pathlib import Path
from typing import IO, Any

from rp_desktop.services.exports.safety import ExportNotWritten, write_atomically
from rp_desktop.services.exports.table import record_export
from rp_desktop.services.safekeeping.database import Database

__all__ = ["ExportNotWritten", "save_pdf", "write_pdf"]


def save_pdf(db: Database, path: Path, data: bytes, what: str) -> None:
    """Write `data` (a whole PDF) to `path` atomically (see write_pdf) and record one EXPORT
    event whose detail is `what` ("monthly summary 2026-03"; never a name)."""
    write_pdf(path, data)
    record_export(db, what)


def write_pdf(path: Path, data: bytes) -> None:
    """Write `data` (a whole PDF) to `path`, all or nothing. Raises ValueError for a name that
    does not end in .pdf and ExportNotWritten for a folder that is missing, not writable or
    full; nothing is left behind either way."""
    path = Path(path)
    if path.suffix.lower() != ".pdf":
        raise ValueError(f"{path.name} cannot be written: choose a name that ends in .pdf.")
    if not data.startswith(b"%PDF"):
        raise ValueError("What was drawn is not a PDF, so it was not saved.")

    def write(stream: IO[Any]) -> None:
        stream.write(data)

    write_atomically(path, write, binary=True)
