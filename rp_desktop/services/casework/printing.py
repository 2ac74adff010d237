"""Printing an agreement for signing: the PDF the screen drew is written whole or not at all,
readable by its owner only, and every printed agreement, on paper or as a file, is an audit
event (ids only)."""

import os
from pathlib import Path

from sqlalchemy.orm import Session

from rp_desktop.domain.vocabulary import AuditAction
from rp_desktop.services.audit import record_event
from rp_desktop.services.exports.pdf import write_pdf
from rp_desktop.services.safekeeping.database import Database


def save_printed_agreement(db: Database, agreement_id: int, path: Path, pdf: bytes) -> None:
    """Write the agreement's PDF to `path` (see exports.pdf.write_pdf for what can fail; the
    file is made readable by its owner only) and record that it was printed."""
    write_pdf(path, pdf)
    record_printed(db, agreement_id)


def record_printed(db: Database, agreement_id: int) -> None:
    """Note in the audit trail that the agreement was printed (its id, never what it says)."""
    with Session(db.engine) as session, session.begin():
        record_event(session, db, AuditAction.PRINT, "agreement", agreement_id)


def keep_private(path: Path) -> bool:
    """Make a file someone else wrote (a printer's "print to file") readable by its owner only,
    where the system allows it; False when it could not be done."""
    try:
        os.chmod(path, 0o600)
    except OSError:
        return False
    return True
