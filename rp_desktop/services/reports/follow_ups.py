"""Follow-up of agreement items due in the period: one query gives each item its first linked
follow-up and the first follow-up on its case (linked to no item) since the agreement;
domain.reports.follow_ups says whether that was on time. Items without a due day are not in
this report."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from rp_desktop.db.models import AgreementItemRow, AgreementRow, CaseParticipantRow, FollowUpRow
from rp_desktop.domain.reports.follow_ups import ItemFollowUp, Timeliness, timeliness
from rp_desktop.domain.reports.keys import measure_key
from rp_desktop.domain.reports.model import Period
from rp_desktop.domain.reports.months import month_key
from rp_desktop.services.reports.counts import Cells
from rp_desktop.services.reports.grouping import Grouping


@dataclass(frozen=True, slots=True)
class ItemTimeliness:
    """One agreement item due in the period and how its follow-up stands: the report's series."""

    item_id: int
    case_id: int
    due_on: date
    timeliness: Timeliness

    @property
    def series(self) -> str:
        return measure_key(self.timeliness.value)


def timeliness_of_items(session: Session, period: Period, today: date) -> list[ItemTimeliness]:
    """Items due in the period, each with how its follow-up stands on `today`."""
    first_linked = (
        select(
            FollowUpRow.agreement_item_id.label("item_id"), func.min(FollowUpRow.on).label("first")
        )
        .where(FollowUpRow.agreement_item_id.is_not(None))
        .group_by(FollowUpRow.agreement_item_id)
        .subquery()
    )
    on_case = aliased(FollowUpRow)
    rows = session.execute(
        select(
            AgreementItemRow.id,
            AgreementRow.case_id,
            AgreementItemRow.due_on,
            AgreementItemRow.status,
            func.min(first_linked.c.first),
            func.min(on_case.on),
        )
        .join(AgreementRow, AgreementRow.id == AgreementItemRow.agreement_id)
        .outerjoin(first_linked, first_linked.c.item_id == AgreementItemRow.id)
        .outerjoin(
            on_case,
            (on_case.case_id == AgreementRow.case_id)
            & on_case.agreement_item_id.is_(None)
            & (on_case.on >= AgreementRow.made_on),
        )
        .where(AgreementItemRow.due_on.between(period.first, period.last))
        .group_by(AgreementItemRow.id)
    )
    return [
        ItemTimeliness(
            item_id, case_id, due, timeliness(ItemFollowUp(due, status, linked, case), today)
        )
        for item_id, case_id, due, status, linked, case in rows
    ]


def item_categories(session: Session, period: Period, grouping: Grouping) -> dict[int, set[str]]:
    """The categories of each item due in the period: those of its case's students."""
    stmt, value = grouping.attach(
        select(AgreementItemRow.id)
        .join(AgreementRow, AgreementRow.id == AgreementItemRow.agreement_id)
        .join(
            CaseParticipantRow,
            (CaseParticipantRow.case_id == AgreementRow.case_id)
            & CaseParticipantRow.student_id.is_not(None),
        )
        .where(AgreementItemRow.due_on.between(period.first, period.last)),
        CaseParticipantRow.student_id,
    )
    categories: dict[int, set[str]] = defaultdict(set)
    for item_id, raw in session.execute(stmt.add_columns(value).distinct()):
        categories[item_id].add(grouping.key(raw))
    return categories


def follow_up_cells(
    session: Session, period: Period, today: date, grouping: Grouping | None
) -> Cells:
    """Items per category (month due, or group) and timeliness."""
    items = timeliness_of_items(session, period, today)
    categories = item_categories(session, period, grouping) if grouping else {}
    cells: Cells = defaultdict(int)
    for item in items:
        for category in _categories_of(item, categories, grouping):
            cells[category, item.series] = (cells[category, item.series] or 0) + 1
    return dict(cells)


def items_in_cell(
    session: Session,
    period: Period,
    today: date,
    grouping: Grouping | None,
    category: str,
    series: str,
) -> list[ItemTimeliness]:
    items = timeliness_of_items(session, period, today)
    categories = item_categories(session, period, grouping) if grouping else {}
    return [
        item
        for item in items
        if item.series == series and category in _categories_of(item, categories, grouping)
    ]


def _categories_of(
    item: ItemTimeliness, categories: dict[int, set[str]], grouping: Grouping | None
) -> set[str]:
    if grouping is None:
        return {month_key(item.due_on)}
    return categories.get(item.item_id, set())
