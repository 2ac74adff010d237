"""The school's own categories of harm, concern and observation: adding, renaming, retiring.

The default categories come from the first migration. A category is never deleted (cases keep
it); a retired one is no longer offered for new cases. Names are unique, however they are
capitalised or accented.
"""

from sqlalchemy import select
from sqlalchemy.orm import Session

from rp_desktop.db.models import CaseCategoryRow
from rp_desktop.domain.casework.validation import validate_category_name
from rp_desktop.domain.records import Category
from rp_desktop.domain.search import fold
from rp_desktop.domain.validation import FieldProblem, Problem
from rp_desktop.domain.vocabulary import AuditAction, CategoryKind
from rp_desktop.services.audit import record_event
from rp_desktop.services.casework.cases import refresh_search_keys_for_category
from rp_desktop.services.casework.checks import refuse
from rp_desktop.services.safekeeping.database import Database


class CategoryNotFound(LookupError):
    def __init__(self, category_id: int) -> None:
        super().__init__(f"There is no category with id {category_id}.")


def add_category(db: Database, name: str, kind: CategoryKind) -> Category:
    with Session(db.engine) as session, session.begin():
        name = name.strip()
        _check_name(session, name, category_id=None)
        row = CaseCategoryRow(name=name, kind=kind, active=True)
        session.add(row)
        session.flush()
        record_event(session, db, AuditAction.CREATE, "case_category", row.id)
        return _record(row)


def rename_category(db: Database, category_id: int, name: str) -> Category:
    """Rename a category; its cases are found by the new name from now on."""
    with Session(db.engine) as session, session.begin():
        row = _load(session, category_id)
        name = name.strip()
        _check_name(session, name, category_id=category_id)
        row.name = name
        session.flush()
        refresh_search_keys_for_category(session, category_id)
        record_event(session, db, AuditAction.UPDATE, "case_category", row.id)
        return _record(row)


def set_category_active(db: Database, category_id: int, active: bool) -> Category:
    """Retire a category (or bring it back); cases already in it keep it."""
    with Session(db.engine) as session, session.begin():
        row = _load(session, category_id)
        row.active = active
        action = AuditAction.REACTIVATE if active else AuditAction.DEACTIVATE
        record_event(session, db, action, "case_category", row.id)
        return _record(row)


def _check_name(session: Session, name: str, category_id: int | None) -> None:
    problems = validate_category_name(name)
    if not problems:
        wanted = fold(name)
        for other_id, other_name in session.execute(
            select(CaseCategoryRow.id, CaseCategoryRow.name)
        ):
            if other_id != category_id and fold(other_name) == wanted:
                problems.append(FieldProblem("name", Problem.NAME_TAKEN))
                break
    refuse(problems)


def _record(row: CaseCategoryRow) -> Category:
    return Category(row.id, row.name, row.kind, row.active)


def _load(session: Session, category_id: int) -> CaseCategoryRow:
    row = session.get(CaseCategoryRow, category_id)
    if row is None:
        raise CategoryNotFound(category_id)
    return row
