"""Tier 3: individual support plans and their progress entries, and a case's re-entry
plan."""

from sqlalchemy.orm import Session

from rp_desktop.db.models import ProgressEntryRow, ReEntryPlanRow, SupportPlanRow
from rp_desktop.domain.casework.support_plans import (
    ProgressEntryFields,
    ReEntryPlanFields,
    SupportPlan,
    SupportPlanFields,
)
from rp_desktop.domain.casework.validation import (
    validate_progress_entry,
    validate_re_entry_plan,
    validate_support_plan,
)
from rp_desktop.domain.validation import FieldProblem, Problem
from rp_desktop.domain.vocabulary import AuditAction
from rp_desktop.services import drafts
from rp_desktop.services.audit import record_event
from rp_desktop.services.casework.cases import case_record, load_case
from rp_desktop.services.casework.checks import refuse, touch, unknown_staff, unknown_student
from rp_desktop.services.casework.reading import re_entry_record, support_plan_record
from rp_desktop.services.safekeeping.database import Database


class SupportPlanNotFound(LookupError):
    def __init__(self, plan_id: int) -> None:
        super().__init__(f"There is no support plan with id {plan_id}.")


def get_support_plan(db: Database, plan_id: int) -> SupportPlan:
    with Session(db.engine) as session:
        return support_plan_record(session, _load(session, plan_id))


def save_support_plan(
    db: Database,
    fields: SupportPlanFields,
    plan_id: int | None = None,
    case_id: int | None = None,
    *,
    replaces_draft: str | None = None,
) -> SupportPlan:
    """Make a support plan (on a case, or on its own), or revise the one with `plan_id`.
    Revising with a `case_id` moves the plan to that case; without one, it stays where it is.
    A plan on a case is for a student who is a participant of that case."""
    with Session(db.engine) as session, session.begin():
        drafts.delete_replaced(session, replaces_draft)
        row = _load(session, plan_id) if plan_id is not None else None
        case_id = case_id if case_id is not None else (row.case_id if row else None)
        _check_support_plan(session, db, fields, case_id)
        now = db.now()
        if row is None:
            row = SupportPlanRow(created_at=now)
            session.add(row)
        _fill(row, fields, case_id)
        row.updated_at = now
        session.flush()
        action = AuditAction.CREATE if plan_id is None else AuditAction.UPDATE
        record_event(session, db, action, "support_plan", row.id)
        return support_plan_record(session, row)


def add_progress_entry(
    db: Database, plan_id: int, fields: ProgressEntryFields, *, replaces_draft: str | None = None
) -> SupportPlan:
    """Add a progress check to the plan; returns the plan with all its entries, oldest first."""
    with Session(db.engine) as session, session.begin():
        drafts.delete_replaced(session, replaces_draft)
        plan = _load(session, plan_id)
        refuse(validate_progress_entry(fields, plan.start_on, db.today()))
        assert fields.on is not None  # validated
        entry = ProgressEntryRow(on=fields.on, rating=fields.rating, note=fields.note)
        plan.progress.append(entry)
        plan.updated_at = db.now()
        session.flush()
        detail = f"plan={plan_id}"
        record_event(session, db, AuditAction.CREATE, "progress_entry", entry.id, detail)
        session.refresh(plan, ["progress"])  # in date order, however the entry was added
        return support_plan_record(session, plan)


def save_re_entry_plan(
    db: Database, case_id: int, fields: ReEntryPlanFields, *, replaces_draft: str | None = None
) -> ReEntryPlanFields:
    """Write the case's re-entry plan (there is one per case), replacing what was there: the
    day the student returned is entered, changed or taken back (None) here too."""
    with Session(db.engine) as session, session.begin():
        drafts.delete_replaced(session, replaces_draft)
        case_row = load_case(session, case_id)
        refuse(validate_re_entry_plan(fields, case_record(session, case_row), db.today()))
        row = session.get(ReEntryPlanRow, case_id)
        action = AuditAction.UPDATE if row else AuditAction.CREATE
        if row is None:
            row = ReEntryPlanRow(case_id=case_id)
            session.add(row)
        row.supports = fields.supports
        row.needs = fields.needs
        row.responsibilities = fields.responsibilities
        row.returned_on = fields.returned_on
        touch(case_row, db)
        session.flush()
        record_event(session, db, action, "re_entry_plan", case_id)
        return re_entry_record(row)


def _check_support_plan(
    session: Session, db: Database, fields: SupportPlanFields, case_id: int | None
) -> None:
    problems = validate_support_plan(fields)
    problems += unknown_student(session, "student_id", fields.student_id)
    problems += unknown_staff(session, "owner_staff_id", fields.owner_staff_id)
    if case_id is not None:
        case = case_record(session, load_case(session, case_id))
        students = {p.fields.student_id for p in case.participants}
        if fields.student_id is not None and fields.student_id not in students:
            problems.append(FieldProblem("student_id", Problem.NOT_IN_CASE))
    refuse(problems)


def _fill(row: SupportPlanRow, fields: SupportPlanFields, case_id: int | None) -> None:
    assert fields.student_id is not None  # validated
    assert fields.start_on is not None
    row.case_id = case_id
    row.student_id = fields.student_id
    row.goal = fields.goal
    row.strategies = fields.strategies
    row.owner_staff_id = fields.owner_staff_id
    row.start_on = fields.start_on
    row.review_on = fields.review_on
    row.frequency = fields.frequency
    row.active = fields.active


def _load(session: Session, plan_id: int) -> SupportPlanRow:
    row = session.get(SupportPlanRow, plan_id)
    if row is None:
        raise SupportPlanNotFound(plan_id)
    return row
