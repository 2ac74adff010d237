"""Every change leaves an audit event that names records by id, never people by name, and the
events form an unbroken hash chain."""

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from rp_desktop.db.models import AuditEventRow
from rp_desktop.domain.records import (
    CaseFields,
    CircleFields,
    ParticipantFields,
    StudentFields,
)
from rp_desktop.domain.safekeeping.audit import GENESIS, AuditEntry, chain_hash
from rp_desktop.domain.validation import InvalidInput
from rp_desktop.domain.vocabulary import AuditAction, Role, Tier
from rp_desktop.services.casework.cases import open_case, update_case
from rp_desktop.services.circles.records import record_circle, update_circle
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.school import set_up_school
from rp_desktop.services.students.records import add_student, set_student_active, update_student
from tests.conftest import FakeClock
from tests.services.conftest import Roster, audit_rows

SECRET_NAMES = ("Xanthippe", "Quillfeather", "Oyelaran", "Thaddeus", "Wraxford", "Gwendolyn")


def chain_breaks(events: list[AuditEventRow]) -> list[int]:
    """Ids of events whose stored links or hashes do not recompute."""
    broken, link = [], GENESIS
    for event in events:
        entry = AuditEntry(
            event.at, event.actor, event.action, event.entity, event.entity_id, event.detail
        )
        if event.previous_hash != link or event.hash != chain_hash(link, entry):
            broken.append(event.id)
        link = event.hash
    return broken


def whole_table_text(db: Database) -> str:
    with db.engine.connect() as connection:
        return repr(connection.execute(text("SELECT * FROM audit_event")).all())


@pytest.fixture
def history(db: Database, roster: Roster, clock: FakeClock) -> dict[str, int]:
    """A morning's work, each step a little later than the one before."""

    def tick() -> None:
        clock.advance(minutes=3, microseconds=1234)

    made: dict[str, int] = {}
    fields = StudentFields("S-7001", "Xanthippe", "Quillfeather", "", 6, "6C")
    made["student"] = add_student(db, fields).id
    tick()
    update_student(
        db, made["student"], StudentFields("S-7001", "Xanthippe", "Quillfeather-Oyelaran", "", 6)
    )
    tick()
    set_student_active(db, made["student"], False)
    tick()
    set_student_active(db, made["student"], True)
    tick()
    circle = CircleFields(
        held_on=date(2026, 3, 9),
        group_id=roster.advisory_id,
        attendee_ids=frozenset({made["student"]}),
        purpose="Thaddeus joins the advisory",
    )
    made["circle"] = record_circle(db, circle).id
    tick()
    update_circle(db, made["circle"], circle)
    tick()
    case = CaseFields(
        tier=Tier.TARGETED,
        occurred_on=date(2026, 3, 9),
        category_id=roster.category_id,
        description="Gwendolyn Wraxford was upset after the circle.",
        participants=(
            ParticipantFields(Role.PERSON_HARMED, student_id=made["student"]),
            ParticipantFields(Role.FAMILY_MEMBER, other_name="Gwendolyn Wraxford"),
        ),
    )
    made["case"] = open_case(db, case).id
    tick()
    update_case(db, made["case"], case)
    tick()
    set_up_school(db, "Thaddeus Wraxford Academy", 2025)
    return made


def test_every_change_writes_one_event_with_ids(
    db: Database, roster: Roster, history: dict[str, int]
) -> None:
    roster_students = [roster.ana.id, roster.liam.id, roster.lukasz.id, roster.zoe.id]
    events = [(e.action, e.entity, e.entity_id) for e in audit_rows(db)]
    assert events == [(AuditAction.CREATE, "student", s) for s in roster_students] + [
        (AuditAction.CREATE, "student", history["student"]),
        (AuditAction.UPDATE, "student", history["student"]),
        (AuditAction.DEACTIVATE, "student", history["student"]),
        (AuditAction.REACTIVATE, "student", history["student"]),
        (AuditAction.CREATE, "community_circle", history["circle"]),
        (AuditAction.UPDATE, "community_circle", history["circle"]),
        (AuditAction.CREATE, "case", history["case"]),
        (AuditAction.UPDATE, "case", history["case"]),
        (AuditAction.UPDATE, "school_setting", None),
    ]


def test_events_name_no_one(db: Database, history: dict[str, int]) -> None:
    table = whole_table_text(db)
    assert str(history["student"]) in table  # the check below is looking at real rows
    for name in SECRET_NAMES:
        assert name.casefold() not in table.casefold()


def test_events_record_who_and_when(db: Database, clock: FakeClock) -> None:
    add_student(db, StudentFields("S-1", "Ana", "Muñoz", grade=5))
    (event,) = audit_rows(db)
    assert event.actor == db.actor
    assert event.at == clock.now
    assert event.at.tzinfo is not None


def test_the_chain_verifies(db: Database, history: dict[str, int]) -> None:
    events = audit_rows(db)
    assert len(events) == 13
    assert events[0].previous_hash == GENESIS
    assert chain_breaks(events) == []
    assert len({e.hash for e in events}) == len(events)


def test_the_chain_verifies_with_a_clock_away_from_utc(db: Database, clock: FakeClock) -> None:
    clock.now = datetime(2026, 3, 10, 20, 30, 15, 123456, tzinfo=timezone(timedelta(hours=5.5)))
    add_student(db, StudentFields("S-1", "Ana", "Muñoz", grade=5))
    clock.now = datetime(2026, 3, 9, 22, 0, tzinfo=timezone(timedelta(hours=-7)))
    add_student(db, StudentFields("S-2", "Liam", "O'Brien", grade=5))
    events = audit_rows(db)
    assert [e.at for e in events] == [
        datetime(2026, 3, 10, 15, 0, 15, 123456, tzinfo=UTC),
        datetime(2026, 3, 10, 5, 0, tzinfo=UTC),
    ]
    assert chain_breaks(events) == []


def test_an_edited_event_breaks_the_chain(db: Database, history: dict[str, int]) -> None:
    events = audit_rows(db)
    target = events[5].id
    with Session(db.engine) as session, session.begin():
        edited = session.get(AuditEventRow, target)
        assert edited is not None
        edited.entity_id = 999
    assert chain_breaks(audit_rows(db)) == [target]


def test_a_removed_event_breaks_the_chain(db: Database, history: dict[str, int]) -> None:
    events = audit_rows(db)
    with db.engine.begin() as connection:
        connection.execute(text("DELETE FROM audit_event WHERE id = :id"), {"id": events[3].id})
    assert chain_breaks(audit_rows(db)) == [events[4].id]


def test_refused_input_leaves_no_event(db: Database) -> None:
    with pytest.raises(InvalidInput):
        add_student(db, StudentFields("", "Xanthippe", "Quillfeather", grade=5))
    assert audit_rows(db) == []
