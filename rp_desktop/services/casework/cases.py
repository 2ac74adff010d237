"""Tier 2 and Tier 3 cases: the lists, opening a case with its people in their roles, editing it."""

from dataclasses import replace
from datetime import date

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from rp_desktop.db.models import (
    CaregiverRow,
    CaseCategoryRow,
    CaseParticipantRow,
    CaseRow,
    StaffRow,
    StudentRow,
)
from rp_desktop.domain.casework.roles import Unchanged, repair_felt_kept
from rp_desktop.domain.casework.validation import repair_felt_problems
from rp_desktop.domain.continuum.kinds import RepairFelt
from rp_desktop.domain.records import (
    Case,
    CaseFields,
    CaseListItem,
    Category,
    ListQuery,
    Page,
    Participant,
)
from rp_desktop.domain.validation import FieldProblem, InvalidInput, Problem, validate_case
from rp_desktop.domain.vocabulary import AuditAction, CaseStatus, CategoryKind, Tier
from rp_desktop.services import drafts
from rp_desktop.services.audit import record_event
from rp_desktop.services.casework.case_people import (
    participant_fields,
    participant_names,
    people_by_case,
    replace_participants,
)
from rp_desktop.services.listing import DEFAULT_PAGE, fetch_page, in_date_range, matching, ordered
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.search_keys import case_key

SORT_COLUMNS = {
    "id": CaseRow.id,
    "occurred_on": CaseRow.occurred_on,
    "category": CaseCategoryRow.name,
    "place": CaseRow.place,
    "status": CaseRow.status,
    "tier3_kind": CaseRow.tier3_kind,
}


class CaseNotFound(LookupError):
    def __init__(self, case_id: int) -> None:
        super().__init__(f"There is no case with id {case_id}.")


def list_categories(db: Database, *, include_inactive: bool = False) -> list[Category]:
    stmt = select(CaseCategoryRow).order_by(CaseCategoryRow.id)
    if not include_inactive:
        stmt = stmt.where(CaseCategoryRow.active)
    with Session(db.engine) as session:
        return [Category(c.id, c.name, c.kind, c.active) for c in session.scalars(stmt)]


def list_cases(
    db: Database, tier: Tier, query: ListQuery, offset: int = 0, limit: int = DEFAULT_PAGE
) -> Page[CaseListItem]:
    """Cases of one tier matching the search, status and dates; newest first by default."""
    conditions = _list_conditions(tier, query)
    if not query.sort:
        query = replace(query, sort="occurred_on", descending=True)
    rows_stmt = ordered(
        select(CaseRow, CaseCategoryRow.name).join(
            CaseCategoryRow, CaseCategoryRow.id == CaseRow.category_id
        ),
        query,
        SORT_COLUMNS,
        "occurred_on",
        CaseRow.id,
    )
    with Session(db.engine) as session:
        rows, total = fetch_page(session, rows_stmt, conditions, CaseRow, offset, limit)
        people = people_by_case(session, [case.id for case, _ in rows])
        return Page(
            tuple(_list_item(case, category, people[case.id]) for case, category in rows), total
        )


def _list_conditions(tier: Tier, query: ListQuery) -> list[ColumnElement[bool]]:
    conditions = [
        CaseRow.tier == tier,
        *matching(CaseRow.search_key, query.text),
        *in_date_range(CaseRow.occurred_on, query),
    ]
    if query.status:
        conditions.append(CaseRow.status == query.status)
    return conditions


def _list_item(case: CaseRow, category: str, people: list[str]) -> CaseListItem:
    return CaseListItem(
        id=case.id,
        tier=case.tier,
        occurred_on=case.occurred_on,
        category_name=category,
        place=case.place,
        status=case.status,
        tier3_kind=case.tier3_kind,
        people=", ".join(people),
    )


def get_case(db: Database, case_id: int) -> Case:
    with Session(db.engine) as session:
        return _to_record(session, _load(session, case_id))


def open_case(db: Database, fields: CaseFields, *, replaces_draft: str | None = None) -> Case:
    with Session(db.engine) as session, session.begin():
        drafts.delete_replaced(session, replaces_draft)
        return _to_record(session, add_case(session, db, fields))


def add_case(session: Session, db: Database, fields: CaseFields) -> CaseRow:
    """Open a case inside the caller's transaction (its participants get their ids, in the
    order given), or raise InvalidInput."""
    fields = _checked(session, db, fields, kept_category=None)
    now = db.now()
    row = CaseRow(created_at=now, updated_at=now)
    session.add(row)  # before filling: the search key reads the participants back by id
    _fill(session, row, fields, db.today())
    record_event(session, db, AuditAction.CREATE, "case", row.id)
    return row


def update_case(
    db: Database,
    case_id: int,
    fields: CaseFields,
    *,
    repair_felt: RepairFelt | Unchanged | None = Unchanged.KEPT,
    replaces_draft: str | None = None,
) -> Case:
    """Change the case. The person harmed's answer on repair is kept unless given; only a
    closed case of harm with a person harmed keeps one."""
    with Session(db.engine) as session, session.begin():
        drafts.delete_replaced(session, replaces_draft)
        row = _load(session, case_id)
        fields = _checked(session, db, replace(fields, tier=row.tier), row.category_id)
        kind = category_kind(session, fields.category_id)
        roles = [person.role for person in fields.participants]
        felt = row.repair_felt if repair_felt is Unchanged.KEPT else repair_felt
        if felt is not row.repair_felt and (problems := repair_felt_problems(felt, kind, roles)):
            raise InvalidInput(problems)
        _fill(session, row, fields, db.today())
        row.repair_felt = repair_felt_kept(felt, kind, roles, fields.status)
        row.updated_at = db.now()
        session.flush()
        record_event(session, db, AuditAction.UPDATE, "case", row.id)
        return _to_record(session, row)


def load_case(session: Session, case_id: int) -> CaseRow:
    """The case's row inside the caller's transaction, or CaseNotFound."""
    return _load(session, case_id)


def case_record(session: Session, row: CaseRow) -> Case:
    """The case as the domain record `get_case` returns, read inside the caller's session."""
    return _to_record(session, row)


def refresh_search_keys_for_category(session: Session, category_id: int) -> None:
    """After a category is renamed, let its cases be found by the new name."""
    for row in session.scalars(select(CaseRow).where(CaseRow.category_id == category_id)):
        row.search_key = _search_key(session, row)


def refresh_search_keys_for_student(session: Session, student_id: int) -> None:
    """After a student's name changes, let their cases be found by the new name."""
    _refresh_search_keys(session, CaseParticipantRow.student_id == student_id)


def refresh_search_keys_for_caregiver(session: Session, caregiver_id: int) -> None:
    """After a caregiver's name changes, let the cases they take part in be found by it."""
    _refresh_search_keys(session, CaseParticipantRow.caregiver_id == caregiver_id)


def _refresh_search_keys(session: Session, taking_part: ColumnElement[bool]) -> None:
    case_ids = session.scalars(select(CaseParticipantRow.case_id).where(taking_part)).all()
    for case_id in set(case_ids):
        row = _load(session, case_id)
        row.search_key = _search_key(session, row)


def _checked(
    session: Session, db: Database, fields: CaseFields, kept_category: int | None
) -> CaseFields:
    """The fields, tidied, or InvalidInput listing every problem found. `kept_category` is the
    category the case had (None for a new case): an observation's category is kept, never
    newly chosen, and the people's roles must fit the category's kind."""
    if fields.tier != Tier.INTENSIVE:
        fields = replace(fields, tier3_kind=None)
    if fields.closure_reason is not None and fields.status != CaseStatus.CLOSED:
        fields = replace(fields, closure_reason=None)
    kind = category_kind(session, fields.category_id)
    changed = fields.category_id != kept_category
    problems = validate_case(fields, db.today(), kind, category_changed=changed)
    problems += unknown_references(session, fields)
    if problems:
        raise InvalidInput(problems)
    return fields


def category_kind(session: Session, category_id: int | None) -> CategoryKind | None:
    """The kind of the category with `category_id`; None when there is none (yet)."""
    category = session.get(CaseCategoryRow, category_id) if category_id is not None else None
    return category.kind if category is not None else None


def unknown_references(session: Session, fields: CaseFields) -> list[FieldProblem]:
    """The case's category, students and staff that are not on record (any more)."""
    problems = []
    if fields.category_id is not None and session.get(CaseCategoryRow, fields.category_id) is None:
        problems.append(FieldProblem("category_id", Problem.UNKNOWN))
    for index, person in enumerate(fields.participants):
        missing_student = person.student_id is not None and not session.get(
            StudentRow, person.student_id
        )
        missing_staff = person.staff_id is not None and not session.get(StaffRow, person.staff_id)
        missing_caregiver = person.caregiver_id is not None and not session.get(
            CaregiverRow, person.caregiver_id
        )
        if missing_student or missing_staff or missing_caregiver:
            problems.append(FieldProblem("participants", Problem.UNKNOWN, index=index))
    return problems


def _fill(session: Session, row: CaseRow, fields: CaseFields, today: date) -> None:
    """The row as `fields` say. A case closed through the case form is closed `today`, unless
    it already had a day."""
    assert fields.occurred_on is not None  # validated
    assert fields.category_id is not None
    row.tier = fields.tier
    row.occurred_on = fields.occurred_on
    row.category_id = fields.category_id
    row.place = fields.place
    row.description = fields.description
    row.status = fields.status
    row.closed_on = (row.closed_on or today) if fields.status is CaseStatus.CLOSED else None
    row.closure_reason = fields.closure_reason
    row.tier3_kind = fields.tier3_kind
    replace_participants(row, fields.participants)
    session.flush()
    row.search_key = _search_key(session, row)


def _search_key(session: Session, row: CaseRow) -> str:
    category = session.get(CaseCategoryRow, row.category_id)
    names = people_by_case(session, [row.id])[row.id]
    return case_key(category.name if category else "", row.place, row.description, names)


def _to_record(session: Session, row: CaseRow) -> Case:
    names = participant_names(session, row.participants)
    fields = CaseFields(
        tier=row.tier,
        occurred_on=row.occurred_on,
        category_id=row.category_id,
        description=row.description,
        place=row.place,
        status=row.status,
        closure_reason=row.closure_reason,
        tier3_kind=row.tier3_kind,
        participants=tuple(participant_fields(p) for p in row.participants),
    )
    return Case(
        id=row.id,
        fields=fields,
        category_name=row.category.name,
        participants=tuple(
            Participant(p.id, participant_fields(p), name)
            for p, name in zip(row.participants, names, strict=True)
        ),
        created_at=row.created_at,
        updated_at=row.updated_at,
        category_kind=row.category.kind,
        repair_felt=row.repair_felt,
    )


def _load(session: Session, case_id: int) -> CaseRow:
    row = session.get(CaseRow, case_id)
    if row is None:
        raise CaseNotFound(case_id)
    return row
