"""Picking records worth showing in screenshots and documentation: the busiest case, the
student with the most history. Read-only."""

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from rp_desktop.db.models import (
    AgreementItemRow,
    AgreementRow,
    CaseParticipantRow,
    CaseRow,
    MeetingRow,
)
from rp_desktop.domain.continuum.kinds import MeetingStatus
from rp_desktop.domain.vocabulary import Tier
from rp_desktop.services.safekeeping.database import Database


def busiest_case(db: Database, tier: Tier) -> int | None:
    """The case of `tier` with the most meetings held and agreement items, newest on a tie."""
    meetings = (
        select(func.count())
        .where(MeetingRow.case_id == CaseRow.id, MeetingRow.status == MeetingStatus.HELD)
        .correlate(CaseRow)
        .scalar_subquery()
    )
    items = (
        select(func.count())
        .select_from(AgreementItemRow)
        .join(AgreementRow, AgreementRow.id == AgreementItemRow.agreement_id)
        .where(AgreementRow.case_id == CaseRow.id)
        .correlate(CaseRow)
        .scalar_subquery()
    )
    stmt = (
        select(CaseRow.id)
        .where(CaseRow.tier == tier)
        .order_by((meetings + items).desc(), CaseRow.id.desc())
        .limit(1)
    )
    with Session(db.engine) as session:
        return session.scalar(stmt)


def most_involved_student(db: Database) -> int | None:
    """The student who takes part in the most cases."""
    stmt = (
        select(CaseParticipantRow.student_id)
        .where(CaseParticipantRow.student_id.is_not(None))
        .group_by(CaseParticipantRow.student_id)
        .order_by(func.count().desc(), CaseParticipantRow.student_id)
        .limit(1)
    )
    with Session(db.engine) as session:
        return session.scalar(stmt)
