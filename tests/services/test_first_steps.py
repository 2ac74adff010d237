"""A new school's first steps: each ticked by its fact in the database, hidden for good when
asked; staff added and a group made for each homeroom, each leaving one audit event."""

from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from rp_desktop.db.models import AuditEventRow, GroupMemberRow, GroupRow, StudentRow
from rp_desktop.domain.first_steps import FirstSteps, StaffFields, Step
from rp_desktop.domain.records import CircleFields, StudentFields
from rp_desktop.domain.validation import InvalidInput, Problem
from rp_desktop.domain.vocabulary import CircleStatus, GroupKind, StaffRole
from rp_desktop.services import school
from rp_desktop.services.circles import records as circles
from rp_desktop.services.first_steps import (
    add_staff,
    first_steps,
    hide_first_steps,
    make_homeroom_groups,
)
from rp_desktop.services.people import list_groups, list_staff
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.students.records import add_student


def events(db: Database, entity: str) -> list[tuple[str, int | None]]:
    with Session(db.engine) as session:
        rows = session.execute(
            select(AuditEventRow.action, AuditEventRow.entity_id)
            .where(AuditEventRow.entity == entity)
            .order_by(AuditEventRow.id)
        )
        return [(str(action), entity_id) for action, entity_id in rows]


def test_a_new_school_has_every_step_to_do(db: Database) -> None:
    school.set_up_school(db, "Juniper Ridge Middle", 2025)
    steps = first_steps(db)
    assert steps == FirstSteps(False, False, False, False, hidden=False)
    assert steps.shown
    assert not steps.all_done
    assert [steps.done(step) for step in Step] == [False] * 4


def test_each_step_is_ticked_by_its_fact(db: Database) -> None:
    school.set_up_school(db, "Juniper Ridge Middle", 2025)
    add_student(db, StudentFields("900001", "Ilse", "Marchetti", "", 7, "7-A"))
    assert first_steps(db).roster
    add_staff(db, StaffFields("Rowan", "Teague", StaffRole.COUNSELOR))
    assert first_steps(db).staff
    assert make_homeroom_groups(db, 2025) == 1
    assert first_steps(db).groups
    assert not first_steps(db).circle
    circles.record_circle(
        db, CircleFields(held_on=date(2026, 3, 12), status=CircleStatus.PLANNED, purpose="Hi")
    )
    steps = first_steps(db)
    assert steps.all_done
    assert not steps.shown  # the whole list goes once every step is done


def test_hiding_the_list_is_kept_in_the_database(db: Database) -> None:
    school.set_up_school(db, "Juniper Ridge Middle", 2025)
    hide_first_steps(db)
    steps = first_steps(db)
    assert steps.hidden
    assert not steps.shown
    assert not steps.all_done
    assert events(db, "school_setting")[-1] == ("update", None)


def test_a_staff_member_is_added_with_their_role(db: Database) -> None:
    staff_id = add_staff(db, StaffFields("  Rowan ", "Teague", StaffRole.DEAN))
    [member] = list_staff(db)
    assert (member.id, member.first_name, member.last_name, member.role) == (
        staff_id,
        "Rowan",
        "Teague",
        StaffRole.DEAN,
    )
    assert events(db, "staff") == [("create", staff_id)]


@pytest.mark.parametrize(
    ("first", "last", "field", "problem"),
    [
        ("", "Teague", "first_name", Problem.REQUIRED),
        ("Rowan", "   ", "last_name", Problem.REQUIRED),
        ("R" * 101, "Teague", "first_name", Problem.TOO_LONG),
        ("Ro\u200bwan", "Teague", "first_name", Problem.INVISIBLE_CHARACTER),
    ],
)
def test_a_staff_name_that_breaks_a_rule_is_refused_and_nothing_written(
    db: Database, first: str, last: str, field: str, problem: Problem
) -> None:
    with pytest.raises(InvalidInput) as refused:
        add_staff(db, StaffFields(first, last, StaffRole.TEACHER))
    assert [(p.field, p.problem) for p in refused.value.problems] == [(field, problem)]
    assert list_staff(db) == []
    assert events(db, "staff") == []


def test_a_group_is_made_for_each_homeroom_with_its_active_students(db: Database) -> None:
    school.set_up_school(db, "Juniper Ridge Middle", 2025)
    made = [
        add_student(db, StudentFields(number, first, "Vandersloot", "", 7, homeroom))
        for number, first, homeroom in (
            ("1", "Ada", "7-A"),
            ("2", "Bo", "7-B"),
            ("3", "Cy", "7-A"),
            ("4", "Di", ""),  # no homeroom: in no group
            ("5", "Ez", "7-B"),
        )
    ]
    with Session(db.engine) as session, session.begin():
        session.get_one(StudentRow, made[4].id).active = False  # left the school
    assert make_homeroom_groups(db, 2025) == 2
    groups = list_groups(db, 2025)
    assert [(g.name, g.kind, g.member_count) for g in groups] == [
        ("Homeroom 7-A", GroupKind.ADVISORY, 2),
        ("Homeroom 7-B", GroupKind.ADVISORY, 1),
    ]
    with Session(db.engine) as session:
        members = session.execute(
            select(GroupRow.name, GroupMemberRow.student_id)
            .join(GroupMemberRow)
            .order_by(GroupRow.name, GroupMemberRow.student_id)
        ).all()
    assert [tuple(m) for m in members] == [
        ("Homeroom 7-A", made[0].id),
        ("Homeroom 7-A", made[2].id),
        ("Homeroom 7-B", made[1].id),
    ]
    assert [action for action, _id in events(db, "student_group")] == ["create", "create"]
    # Again: the year has those groups already, so none is made twice.
    assert make_homeroom_groups(db, 2025) == 0
    assert len(list_groups(db, 2025)) == 2
    assert make_homeroom_groups(db, 2026) == 2  # a new school year gets its own
