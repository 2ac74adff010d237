"""Referrals in, decisions out: take a referral in, change it, list the ones waiting, and triage
one into a quick practice log, a Tier 2 or Tier 3 case, or no action with the reason. Each is
one transaction with one audit event on the referral carrying ids and counts, never a name or
what was said (the log or case a triage makes leaves its own creation event beside it).

A decided referral stays decided: reopening one is not offered (the log or case it made is
worked on, or removed, in its own place)."""

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from rp_desktop.db.models import PracticeLogRow, ReferralRow, ReferralStudentRow, StudentRow
from rp_desktop.domain.continuum.kinds import ReferralDecision
from rp_desktop.domain.continuum.practice import PracticeFields
from rp_desktop.domain.continuum.referrals import (
    Referral,
    ReferralFields,
    Triage,
    tidied,
    validate_referral,
    validate_triage,
)
from rp_desktop.domain.records import CaseFields, ParticipantFields
from rp_desktop.domain.validation import FieldProblem, Problem
from rp_desktop.domain.vocabulary import AuditAction
from rp_desktop.services import drafts
from rp_desktop.services.audit import record_event
from rp_desktop.services.casework.cases import add_case
from rp_desktop.services.casework.checks import refuse, unknown_staff
from rp_desktop.services.continuum.practice import add_practice_row
from rp_desktop.services.continuum.referral_reading import referral_record, student_ids_of
from rp_desktop.services.safekeeping.database import Database

ENTITY = "referral"


class ReferralNotFound(LookupError):
    """No referral has this id (it was removed meanwhile)."""


class ReferralAlreadyDecided(Exception):
    """Triage was asked of a referral already decided (in another window, say): nothing was
    written."""


def add_referral(
    db: Database, fields: ReferralFields, *, replaces_draft: str | None = None
) -> Referral:
    """Take a referral in; it waits in the queue. InvalidInput (nothing written) when a rule is
    broken."""
    with Session(db.engine) as session, session.begin():
        drafts.delete_replaced(session, replaces_draft)
        fields = _checked(session, db, fields)
        now = db.now()
        row = ReferralRow(created_at=now, updated_at=now)
        _fill(row, fields)
        session.add(row)
        session.flush()
        record_event(session, db, AuditAction.CREATE, ENTITY, row.id, _detail(fields))
        return referral_record(session, row)


def update_referral(
    db: Database, referral_id: int, fields: ReferralFields, *, replaces_draft: str | None = None
) -> Referral:
    """Correct what a referral says (its decision stays as it is)."""
    with Session(db.engine) as session, session.begin():
        drafts.delete_replaced(session, replaces_draft)
        row = _row(session, referral_id)
        fields = _checked(session, db, fields)
        _fill(row, fields)
        row.updated_at = db.now()
        session.flush()
        record_event(session, db, AuditAction.UPDATE, ENTITY, row.id, _detail(fields))
        return referral_record(session, row)


def get_referral(db: Database, referral_id: int) -> Referral:
    with Session(db.engine) as session:
        return referral_record(session, _row(session, referral_id))


def waiting_referrals(db: Database, limit: int | None = None) -> tuple[list[Referral], int]:
    """The referrals waiting for a decision, oldest first (the first `limit`), and how many
    wait in all."""
    waiting = ReferralRow.decision.is_(None)
    stmt = (
        select(ReferralRow)
        .where(waiting)
        .order_by(ReferralRow.received_on, ReferralRow.id)
        .limit(limit)
    )
    with Session(db.engine) as session:
        total = session.scalar(select(func.count()).select_from(ReferralRow).where(waiting))
        return [referral_record(session, row) for row in session.scalars(stmt)], total or 0


def triage_referral(
    db: Database, referral_id: int, triage: Triage, *, replaces_draft: str | None = None
) -> Referral:
    """Decide on a waiting referral, in one transaction: a quick log of the referral's
    students today, a case opened with them in the roles chosen (what happened is its
    description), or no action with the reason."""
    with Session(db.engine) as session, session.begin():
        drafts.delete_replaced(session, replaces_draft)
        row = _row(session, referral_id)
        if row.decision is not None:
            raise ReferralAlreadyDecided(referral_id)
        refuse(validate_triage(triage, student_ids_of(row)))
        if triage.decision is ReferralDecision.QUICK_LOG:
            row.practice_log_id = _quick_log(session, db, row, triage).id
        elif triage.tier is not None:
            row.case_id = _open_case(session, db, row, triage)
        row.decision = triage.decision
        row.decided_on = db.today()
        row.decision_reason = triage.reason.strip()
        row.updated_at = db.now()
        session.flush()
        record_event(session, db, AuditAction.UPDATE, ENTITY, row.id, _triage_detail(row))
        return referral_record(session, row)


def _quick_log(session: Session, db: Database, row: ReferralRow, triage: Triage) -> PracticeLogRow:
    assert triage.practice_kind is not None  # validated
    fields = PracticeFields(
        kind=triage.practice_kind,
        happened_on=db.today(),
        student_ids=student_ids_of(row),
    )
    return add_practice_row(session, db, fields)


def _open_case(session: Session, db: Database, row: ReferralRow, triage: Triage) -> int:
    assert triage.tier is not None  # a case decision
    roles = dict(triage.roles)
    fields = CaseFields(
        tier=triage.tier,
        occurred_on=row.received_on,
        category_id=triage.category_id,
        description=row.what_happened,
        tier3_kind=triage.tier3_kind,
        participants=tuple(
            ParticipantFields(roles[student_id], student_id=student_id)
            for student_id in student_ids_of(row)
        ),
    )
    return add_case(session, db, fields).id


def _checked(session: Session, db: Database, fields: ReferralFields) -> ReferralFields:
    fields = tidied(fields)
    problems = validate_referral(fields, db.today())
    problems += unknown_staff(session, "referred_by", fields.referred_by_staff_id)
    problems += unknown_staff(
        session, "suspension_proposed_by", fields.suspension_proposed_by_staff_id
    )
    if fields.student_ids:
        known = set(
            session.scalars(select(StudentRow.id).where(StudentRow.id.in_(fields.student_ids)))
        )
        if known != set(fields.student_ids):
            problems.append(FieldProblem("student_ids", Problem.UNKNOWN))
    refuse(problems)
    return fields


def _fill(row: ReferralRow, fields: ReferralFields) -> None:
    assert fields.received_on is not None  # validated
    row.received_on = fields.received_on
    row.referred_by_staff_id = fields.referred_by_staff_id
    row.referred_by_name = fields.referred_by_name
    row.what_happened = fields.what_happened
    row.tried = fields.tried
    row.asks_for = fields.asks_for
    row.suspension_proposed = fields.suspension_proposed
    row.suspension_days = fields.suspension_days
    row.suspension_proposed_by_staff_id = fields.suspension_proposed_by_staff_id
    row.students = [ReferralStudentRow(student_id=sid) for sid in fields.student_ids]


def _row(session: Session, referral_id: int) -> ReferralRow:
    row = session.get(ReferralRow, referral_id)
    if row is None:
        raise ReferralNotFound(referral_id)
    return row


def _detail(fields: ReferralFields) -> str:
    days = fields.suspension_days if fields.suspension_proposed else 0
    return f"students={len(fields.student_ids)} suspension_days={days or 0}"


def _triage_detail(row: ReferralRow) -> str:
    assert row.decision is not None
    detail = f"decision={row.decision.value}"
    if row.case_id is not None:
        detail += f" case={row.case_id}"
    if row.practice_log_id is not None:
        detail += f" practice_log={row.practice_log_id}"
    return detail
