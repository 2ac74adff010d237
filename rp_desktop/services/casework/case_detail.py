"""Tier 2 and Tier 3 casework on one case: reading all of it, moving it between tiers, the
counselor's private note, suspension days avoided, closing it.

The other casework actions live in their own modules and are exported from here too, so a
screen can import everything it needs from one place.
"""

from datetime import date

from sqlalchemy.orm import Session

from rp_desktop.db.models import TierChangeRow
from rp_desktop.domain.casework.records import CaseDetail, TierChangeFields
from rp_desktop.domain.casework.validation import (
    validate_closure,
    validate_private_note,
    validate_suspension_days,
    validate_tier_change,
)
from rp_desktop.domain.continuum.kinds import RepairFelt
from rp_desktop.domain.vocabulary import AuditAction, CaseStatus, ClosureReason, Tier
from rp_desktop.services import drafts
from rp_desktop.services.audit import record_event
from rp_desktop.services.casework.agreements import (
    AgreementItemNotFound,
    AgreementNotFound,
    add_follow_up,
    save_agreement,
    set_item_status,
)
from rp_desktop.services.casework.cases import CaseNotFound, case_record, load_case
from rp_desktop.services.casework.categories import (
    CategoryNotFound,
    add_category,
    rename_category,
    set_category_active,
)
from rp_desktop.services.casework.checks import refuse, touch
from rp_desktop.services.casework.due_items import due_items
from rp_desktop.services.casework.meetings import MeetingNotFound, record_meeting, update_meeting
from rp_desktop.services.casework.reading import case_detail
from rp_desktop.services.casework.support_plans import (
    SupportPlanNotFound,
    add_progress_entry,
    get_support_plan,
    save_re_entry_plan,
    save_support_plan,
)
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.students.timeline import student_timeline

__all__ = [
    "AgreementItemNotFound",
    "AgreementNotFound",
    "CaseNotFound",
    "CategoryNotFound",
    "MeetingNotFound",
    "SupportPlanNotFound",
    "add_category",
    "add_follow_up",
    "add_progress_entry",
    "change_tier",
    "close_case",
    "due_items",
    "get_case_detail",
    "get_support_plan",
    "record_meeting",
    "rename_category",
    "save_agreement",
    "save_re_entry_plan",
    "save_support_plan",
    "set_category_active",
    "set_item_status",
    "set_private_note",
    "set_suspension_days_avoided",
    "student_timeline",
    "update_meeting",
]


def get_case_detail(db: Database, case_id: int) -> CaseDetail:
    """Everything about one case: its people, meetings, agreements, follow-up, tier moves,
    plans and the private note."""
    with Session(db.engine) as session:
        return case_detail(session, case_id)


def change_tier(
    db: Database, case_id: int, fields: TierChangeFields, *, replaces_draft: str | None = None
) -> CaseDetail:
    """Move the case to another tier, keeping the move (date, from, to, reason) in its
    history. A move to Tier 3 names the practice; a move to Tier 2 drops it."""
    with Session(db.engine) as session, session.begin():
        drafts.delete_replaced(session, replaces_draft)
        row = load_case(session, case_id)
        refuse(validate_tier_change(fields, case_record(session, row), db.today()))
        assert fields.changed_on is not None  # validated
        move = TierChangeRow(
            case_id=case_id,
            changed_on=fields.changed_on,
            from_tier=row.tier,
            to_tier=fields.to_tier,
            reason=fields.reason,
        )
        session.add(move)
        row.tier = fields.to_tier
        row.tier3_kind = fields.tier3_kind if fields.to_tier == Tier.INTENSIVE else None
        touch(row, db)
        session.flush()
        detail = f"case={case_id} from={int(move.from_tier)} to={int(move.to_tier)}"
        record_event(session, db, AuditAction.CREATE, "tier_change", move.id, detail)
        return case_detail(session, case_id)


def set_private_note(db: Database, case_id: int, text: str) -> CaseDetail:
    """Keep the counselor's private note on the case. The audit trail records only that the
    note changed, never what it says."""
    with Session(db.engine) as session, session.begin():
        row = load_case(session, case_id)
        refuse(validate_private_note(text))
        row.private_note = text
        touch(row, db)
        record_event(session, db, AuditAction.UPDATE, "case", case_id, "field=private_note")
        return case_detail(session, case_id)


def set_suspension_days_avoided(
    db: Database, case_id: int, days: int | None, reason: str = ""
) -> CaseDetail:
    """How many days of suspension the restorative response avoided (None: not typed, so the
    number derived from the case's referrals stands). Where a referral gives a number, typed
    days override it and need the reason; taking the typed days away drops the reason too."""
    with Session(db.engine) as session, session.begin():
        row = load_case(session, case_id)
        derived = case_detail(session, case_id).derived_suspension_days
        refuse(validate_suspension_days(days, reason, derived))
        row.suspension_days_avoided = days
        row.suspension_override_reason = reason.strip() if days is not None else ""
        touch(row, db)
        detail = "field=suspension_days_avoided"
        record_event(session, db, AuditAction.UPDATE, "case", case_id, detail)
        return case_detail(session, case_id)


def close_case(
    db: Database,
    case_id: int,
    reason: ClosureReason,
    closed_on: date | None,
    *,
    repair_felt: RepairFelt | None = None,
    replaces_draft: str | None = None,
) -> CaseDetail:
    """Close the case on `closed_on` for `reason`, with the person harmed's answer on repair
    (a case of harm only; None: not recorded). Closing a closed case again corrects them."""
    with Session(db.engine) as session, session.begin():
        drafts.delete_replaced(session, replaces_draft)
        row = load_case(session, case_id)
        refuse(validate_closure(closed_on, case_record(session, row), db.today(), repair_felt))
        row.status = CaseStatus.CLOSED
        row.closure_reason = reason
        row.closed_on = closed_on
        row.repair_felt = repair_felt
        touch(row, db)
        detail = f"status={CaseStatus.CLOSED.value}"
        record_event(session, db, AuditAction.UPDATE, "case", case_id, detail)
        return case_detail(session, case_id)
