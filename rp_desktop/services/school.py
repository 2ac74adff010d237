"""The school itself: its name and current school year, kept in the database."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from rp_desktop.db.models import SchoolSettingRow
from rp_desktop.domain.records import SchoolInfo
from rp_desktop.domain.validation import FieldProblem, InvalidInput, Problem
from rp_desktop.domain.vocabulary import AuditAction
from rp_desktop.services.audit import record_event
from rp_desktop.services.safekeeping.database import Database

NAME_KEY = "school_name"
YEAR_KEY = "school_year"


def school_info(db: Database) -> SchoolInfo | None:
    """The school's name and year, or None while the school has not been set up."""
    with Session(db.engine) as session:
        settings = dict(session.execute(select(SchoolSettingRow.key, SchoolSettingRow.value)).all())
    if NAME_KEY not in settings:
        return None
    return SchoolInfo(settings[NAME_KEY], int(settings[YEAR_KEY]))


def set_up_school(db: Database, name: str, school_year: int) -> SchoolInfo:
    name = name.strip()
    problems = []
    if not name:
        problems.append(FieldProblem("school_name", Problem.REQUIRED))
    elif len(name) > 200:
        problems.append(FieldProblem("school_name", Problem.TOO_LONG, 200))
    if not 2000 <= school_year <= 2100:
        problems.append(FieldProblem("school_year", Problem.OUT_OF_RANGE))
    if problems:
        raise InvalidInput(problems)
    with Session(db.engine) as session, session.begin():
        session.merge(SchoolSettingRow(key=NAME_KEY, value=name))
        session.merge(SchoolSettingRow(key=YEAR_KEY, value=str(school_year)))
        record_event(session, db, AuditAction.UPDATE, "school_setting", None)
    return SchoolInfo(name, school_year)
