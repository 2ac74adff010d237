"""Printing leaves a trace: every printed agreement is an audit event (ids only)."""

from sqlalchemy.orm import Session

from rp_desktop.domain.vocabulary import AuditAction
from rp_desktop.services.audit import record_event
from rp_desktop.services.safekeeping.database import Database


def record_agreement_printed(db: Database, agreement_id: int) -> None:
    with Session(db.engine) as session, session.begin():
        record_event(session, db, AuditAction.PRINT, "agreement", agreement_id)
