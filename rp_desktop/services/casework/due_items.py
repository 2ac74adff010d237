"""Which agreement items are due this week, and which are overdue, across all open cases."""

from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from rp_desktop.db.models import AgreementItemRow, AgreementRow, CaseRow
from rp_desktop.domain.casework.records import DueItem
from rp_desktop.domain.vocabulary import AgreementStatus, CaseStatus
from rp_desktop.services.casework.reading import owner_name
from rp_desktop.services.safekeeping.database import Database

# Open items with a due date, on cases not closed, the earliest due first.
_OPEN_ITEMS = (
    select(AgreementItemRow, CaseRow.id, CaseRow.tier)
    .join(AgreementRow, AgreementRow.id == AgreementItemRow.agreement_id)
    .join(CaseRow, CaseRow.id == AgreementRow.case_id)
    .where(
        AgreementItemRow.status == AgreementStatus.OPEN,
        AgreementItemRow.due_on.is_not(None),
        CaseRow.status != CaseStatus.CLOSED,
    )
    .order_by(AgreementItemRow.due_on, AgreementItemRow.id)
)


def due_items(
    db: Database, today: date, within_days: int = 7
) -> tuple[list[DueItem], list[DueItem]]:
    """Open items of cases not closed: those due from `today` to `within_days` days later
    (both days included), and those overdue (due before `today`). Each list by due date, the
    earliest first."""
    stmt = _OPEN_ITEMS.where(AgreementItemRow.due_on <= today + timedelta(days=within_days))
    with Session(db.engine) as session:
        items = [
            DueItem(
                item_id=item.id,
                case_id=case_id,
                tier=tier,
                description=item.description,
                owner_name=owner_name(session, item.owner_participant_id, item.owner_staff_id),
                due_on=item.due_on,
                status=item.status,
            )
            for item, case_id, tier in session.execute(stmt)
            if item.due_on is not None
        ]
    return (
        [item for item in items if item.due_on >= today],
        [item for item in items if item.due_on < today],
    )
