"""A small synthetic building: two staff, two groups and four students with names that need
folding to be found."""

from dataclasses import dataclass

import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from rp_desktop.db.models import AuditEventRow, GroupMemberRow, GroupRow, StaffRow
from rp_desktop.domain.records import Student, StudentFields
from rp_desktop.domain.vocabulary import GroupKind, StaffRole
from rp_desktop.services.casework.cases import list_categories
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.students.records import add_student


@dataclass(frozen=True)
class Roster:
    counselor_id: int  # Rosa Delgado
    teacher_id: int  # Tom Becker
    advisory_id: int  # Advisory 7B, kept by Tom Becker, with ana, liam and lukasz
    homeroom_id: int  # Room 12 Homeroom, nobody in it
    ana: Student  # Ana Muñoz, grade 7
    liam: Student  # Liam O'Brien, grade 7
    lukasz: Student  # Łukasz Wiśniewski, grade 8
    zoe: Student  # Zoë Adeyemi, pre-K
    category_id: int  # the first default category
    other_category_id: int


@pytest.fixture
def roster(db: Database) -> Roster:
    with Session(db.engine) as session, session.begin():
        rosa = StaffRow(first_name="Rosa", last_name="Delgado", role=StaffRole.COUNSELOR)
        tom = StaffRow(first_name="Tom", last_name="Becker", role=StaffRole.TEACHER)
        session.add_all([rosa, tom])
        session.flush()
        advisory = GroupRow(name="Advisory 7B", kind=GroupKind.ADVISORY, school_year=2025)
        advisory.staff_id = tom.id
        homeroom = GroupRow(name="Room 12 Homeroom", kind=GroupKind.CLASS, school_year=2025)
        session.add_all([advisory, homeroom])
        session.flush()
        ids = (rosa.id, tom.id, advisory.id, homeroom.id)
    ana = add_student(db, StudentFields("S-1001", "Ana", "Muñoz", "", 7, "7B"))
    liam = add_student(db, StudentFields("S-1002", "Liam", "O'Brien", "", 7, "7B"))
    lukasz = add_student(db, StudentFields("S-1003", "Łukasz", "Wiśniewski", "Luke", 8, "8A"))
    zoe = add_student(db, StudentFields("S-1004", "Zoë", "Adeyemi", "", -1, "PK"))
    with Session(db.engine) as session, session.begin():
        session.add_all(
            GroupMemberRow(group_id=ids[2], student_id=s.id) for s in (ana, liam, lukasz)
        )
    categories = list_categories(db)
    return Roster(*ids, ana, liam, lukasz, zoe, categories[0].id, categories[1].id)


def audit_rows(db: Database) -> list[AuditEventRow]:
    with Session(db.engine, expire_on_commit=False) as session:
        return list(session.scalars(select(AuditEventRow).order_by(AuditEventRow.id)))


def table_count(db: Database, table: str) -> int:
    with db.engine.connect() as connection:
        return int(connection.execute(text(f'SELECT count(*) FROM "{table}"')).scalar_one())
