"""Picking records worth showing in screenshots and documentation: the busiest case, the
student with the most history. Read-only."""

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from rp_desktop.db.models import Agreement, AgreementItem, Case, CaseParticipant, Meeting
from rp_desktop.domain.vocabulary import Tier
from rp_desktop.services.safekeeping.database import Database


def busiest_case(db: Database, tier: Tier) -> int | None:
    """The case of `tier` with the most meetings and agreement items, newest on a tie."""
    meetings = (
        select(func.count()).where(Meeting.case_id == Case.id).correlate(Case).scalar_subquery()
    )
    items = (
        select(func.count())
        .select_from(AgreementItem)
        .join(Agreement, Agreement.id == AgreementItem.agreement_id)
        .where(Agreement.case_id == Case.id)
        .correlate(Case)
        .scalar_subquery()
    )
    stmt = (
        select(Case.id)
        .where(Case.tier == tier)
        .order_by((meetings + items).desc(), Case.id.desc())
        .limit(1)
    )
    with Session(db.engine) as session:
        return session.scalar(stmt)


def most_involved_student(db: Database) -> int | None:
    """The student who takes part in the most cases."""
    stmt = (
        select(CaseParticipant.student_id)
        .where(CaseParticipant.student_id.is_not(None))
        .group_by(CaseParticipant.student_id)
        .order_by(func.count().desc(), CaseParticipant.student_id)
        .limit(1)
    )
    with Session(db.engine) as session:
        return session.scalar(stmt)
