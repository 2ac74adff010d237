"""Printing an agreement for signing: the PDF the screen drew is written whole or not at all, and
every printed agreement is an audit event (ids only)."""

from pathlib import Path

from sqlalchemy.orm import Session

from rp_desktop.domain.vocabulary import AuditAction
from rp_desktop.services.audit import record_event
from rp_desktop.services.exports.pdf import write_pdf
from rp_desktop.services.safekeeping.database import Database


def save_printed_agreement(db: Database, agreement_id: int, path: Path, pdf: bytes) -> None:
    """Write the agreement's PDF to `path` (see exports.pdf.write_pdf for what can fail) and
    record that it was printed."""
    write_pdf(path, pdf)
    with Session(db.engine) as session, session.begin():
        record_event(session, db, AuditAction.PRINT, "agreement", agreement_id)
