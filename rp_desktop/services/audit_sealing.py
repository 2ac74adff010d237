"""What opening and checking do with the audit trail beyond reading it: comparing its newest
event with the head kept outside the database (audit_head.py), sealing the events made before
seals existed (once, after their hash chain is checked), and carrying the seals over to a new
key when the passphrase changes."""

from contextlib import closing
from dataclasses import replace
from pathlib import Path
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from rp_desktop.db.audit_trail import audit_events, newest_seal, reseal, seal_key
from rp_desktop.db.cipher import Key
from rp_desktop.db.models import AuditEventRow
from rp_desktop.db.read_only import database_identity, open_read_only
from rp_desktop.domain.safekeeping.audit import GENESIS, first_broken_link
from rp_desktop.domain.safekeeping.audit_seal import (
    Head,
    HeadFinding,
    compare_with_head,
    event_seal,
)
from rp_desktop.domain.safekeeping.findings import CheckReport
from rp_desktop.domain.vocabulary import AuditAction
from rp_desktop.services import audit_head
from rp_desktop.services.audit import ChainState, record_event, verify_chain
from rp_desktop.services.audit_witness import behind_its_backups
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.errors import translated


def trail_checked(db: Database) -> Database:
    """`db`, just opened, once `check_trail_on_open` has run; closed (its lock released) if that
    fails, with the failure said in plain words."""
    try:
        with translated(db.path):
            check_trail_on_open(db)
    except BaseException:
        db.close()
        raise
    return db


def check_trail_on_open(db: Database) -> HeadFinding | None:
    """What opening does with the trail, once the schema is current: compare its newest event
    with the head recorded outside the database, before anything is written (a database found
    behind keeps that finding until the user has seen it); then seal the events made before
    seals existed, once. Returns the finding the user has not seen yet, if there is one."""
    recorded = audit_head.recorded_for(db.identity, db.path)
    found = _compare(db, recorded.head) if recorded is not None else _against_backups(db)
    if found is not None:
        audit_head.keep_finding(db.identity, db.path, found)
    _seal_old_events(db, never_sealed=recorded is None or recorded.head.seal is None)
    if found is None and recorded is not None:
        found = recorded.behind
    return found


def _against_backups(db: Database) -> HeadFinding | None:
    """With no head kept for this file on this laptop, the backups' manifests witness."""
    with db.engine.connect() as connection:
        return behind_its_backups(connection.connection.driver_connection, db.identity)


def _compare(db: Database, head: Head) -> HeadFinding | None:
    with db.engine.connect() as connection:
        newest = connection.execute(
            select(AuditEventRow.id, AuditEventRow.seal).order_by(AuditEventRow.id.desc()).limit(1)
        ).first()
        at_head = connection.scalar(
            select(AuditEventRow.seal).where(AuditEventRow.id == head.event_id)
        )
    return compare_with_head(
        None if newest is None else Head(newest.id, newest.seal), head, at_head
    )


def _seal_old_events(db: Database, *, never_sealed: bool) -> None:
    """Seal the events made before seals (revision 0008), after checking that their hash chain
    holds, and only up to where it first breaks (the break stays reported). Only a trail that
    has never been sealed is: one whose seals were stripped stays unsealed, and says so."""
    with Session(db.engine) as session, session.begin():
        first = session.execute(
            select(AuditEventRow.seal).order_by(AuditEventRow.id).limit(1)
        ).first()
        if first is None or first.seal is not None or not never_sealed:
            return
        if session.scalar(select(AuditEventRow.id).where(AuditEventRow.seal.is_not(None)).limit(1)):
            return
        driver: Any = session.connection().connection.driver_connection
        seals = _seals_up_to_the_break(driver, seal_key(db.key))
        if not seals:
            return
        session.execute(update(AuditEventRow), seals)
        detail = f"audit trail sealed: {len(seals)} events"
        record_event(session, db, AuditAction.UPDATE, "database", None, detail)


def _seals_up_to_the_break(driver: Any, key: bytes) -> list[dict[str, object]]:
    broken = first_broken_link(audit_events(driver))
    last = None if broken is None else broken.event_id
    seals: list[dict[str, object]] = []
    previous = GENESIS
    for event in audit_events(driver):
        if event.id == last or event.entry is None:
            break
        previous = event_seal(key, previous, event.id, event.entry)
        seals.append({"id": event.id, "seal": previous})
    return seals


def reseal_database(db: Database, old_key: Key | None) -> int:
    """Seal `db`'s trail again under its present key, where it verifies under `old_key` (the
    key before a passphrase change); returns how many events were."""
    with db.engine.connect() as connection:
        driver: Any = connection.connection.driver_connection
        return reseal(driver, old_key, db.key)


def judged_against_head(report: CheckReport, key: Key | None) -> CheckReport:
    """`report` with what the head recorded outside the database says: a finding kept from an
    opening the user has not seen yet, or else a comparison made now. A copy of the database
    elsewhere (a backup) is not compared: it is older by nature."""
    recorded = audit_head.recorded_for(report.identity, report.path)
    if report.seals is None:
        return report
    if recorded is None:  # no head kept for this file here: the backups' manifests witness
        with closing(open_read_only(report.path, key)) as connection:
            return replace(report, behind=behind_its_backups(connection, report.identity))
    if recorded.behind is not None:
        return replace(report, behind=recorded.behind)
    newest = report.seals.newest
    if newest is not None and newest.event_id == recorded.head.event_id:
        at_head = newest.seal
    else:
        with closing(open_read_only(report.path, key)) as connection:
            row = connection.execute(
                "SELECT seal FROM audit_event WHERE id = ?", (recorded.head.event_id,)
            ).fetchone()
        at_head = None if row is None else row[0]
    return replace(report, behind=compare_with_head(newest, recorded.head, at_head))


def unseen_finding(db: Database) -> HeadFinding | None:
    """The finding kept from opening `db` (it was behind its head) that the user has not seen
    yet; None when there is none."""
    recorded = audit_head.recorded_for(db.identity, db.path)
    return None if recorded is None else recorded.behind


def finding_seen(db: Database) -> None:
    """The user has seen the finding and goes on with the database as it is: its newest event
    becomes the head, and the finding is not shown again."""
    restored(db)


def restored(db: Database) -> None:
    """A backup was restored into `db` (or the user chose to go on with it as it is): going
    back was the user's choice, so its newest event becomes the head, and any finding is
    dropped."""
    with db.engine.connect() as connection:
        newest = connection.execute(
            select(AuditEventRow.id, AuditEventRow.seal).order_by(AuditEventRow.id.desc()).limit(1)
        ).first()
    audit_head.reset_head(
        db.identity, db.path, None if newest is None else Head(newest.id, newest.seal)
    )


def restored_file(db_path: Path, key: Key | None) -> None:
    """A backup was put in place of the database at `db_path` without opening it (it could not
    be opened): the head follows the restored file, as for `restored`."""
    with closing(open_read_only(db_path, key)) as connection:
        identity = database_identity(connection) or ""
        newest = connection.execute(
            "SELECT id FROM audit_event ORDER BY id DESC LIMIT 1"
        ).fetchone()
        seal = newest_seal(connection)
    audit_head.reset_head(identity, db_path, None if newest is None else Head(newest[0], seal))


def chain_state(db: Database) -> ChainState:
    """The trail's hash chain and seals (`verify_chain`), and whether the database is behind
    the head recorded outside it: what the audit trail's window says."""
    state = verify_chain(db)
    recorded = audit_head.recorded_for(db.identity, db.path)
    if recorded is None:
        return state
    return replace(state, behind=recorded.behind or _compare(db, recorded.head))
