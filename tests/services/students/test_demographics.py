"""Which demographic fields are in use, one student's values, setting them outright, and the
sample school's values."""

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from rp_desktop.domain.roster.demographics import DemographicField
from rp_desktop.services.demo import build_demo_school
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.opening import open_database
from rp_desktop.services.students.demographics import (
    fields_in_use,
    kept_values,
    values_for_student,
    write_values,
)
from tests.conftest import FakeClock
from tests.services.conftest import Roster, table_count

D = DemographicField


def set_values(db: Database, values: dict[int, dict[DemographicField, str]]) -> int:
    with Session(db.engine) as session, session.begin():
        return write_values(session, values)


def test_an_empty_database_has_no_fields_in_use(db: Database, roster: Roster) -> None:
    assert fields_in_use(db) == []
    assert values_for_student(db, roster.ana.id) == {}


def test_fields_in_use_are_those_any_student_has_in_field_order(
    db: Database, roster: Roster
) -> None:
    set_values(db, {roster.ana.id: {D.ENGLISH_LEARNER: "Yes"}})
    set_values(db, {roster.liam.id: {D.GENDER: "Male", D.ENGLISH_LEARNER: "No"}})
    assert fields_in_use(db) == [D.GENDER, D.ENGLISH_LEARNER]


def test_a_student_s_values_come_back_in_field_order(db: Database, roster: Roster) -> None:
    written = set_values(
        db,
        {
            roster.ana.id: {D.ECONOMICALLY_DISADVANTAGED: "Yes", D.GENDER: "Female"},
            roster.liam.id: {D.GENDER: "Male"},
        },
    )
    assert written == 3
    values = values_for_student(db, roster.ana.id)
    assert values == {D.GENDER: "Female", D.ECONOMICALLY_DISADVANTAGED: "Yes"}
    assert list(values) == [D.GENDER, D.ECONOMICALLY_DISADVANTAGED]
    assert values_for_student(db, roster.zoe.id) == {}


def test_setting_a_value_replaces_it_and_an_empty_one_forgets_it(
    db: Database, roster: Roster
) -> None:
    set_values(db, {roster.ana.id: {D.GENDER: "Female", D.SPECIAL_EDUCATION: "Yes"}})
    written = set_values(db, {roster.ana.id: {D.GENDER: "Nonbinary", D.SPECIAL_EDUCATION: ""}})
    assert written == 1
    assert values_for_student(db, roster.ana.id) == {D.GENDER: "Nonbinary"}
    with Session(db.engine) as session:
        assert kept_values(session) == {roster.ana.id: {D.GENDER: "Nonbinary"}}


def test_a_field_this_version_does_not_know_is_left_out(db: Database, roster: Roster) -> None:
    # A later version may add fields; this one neither shows nor fails on them.
    with db.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO student_demographic (student_id, field, value) "
                "VALUES (:student, 'homeless', 'Yes'), (:student, 'gender', 'Male')"
            ),
            {"student": roster.liam.id},
        )
    assert fields_in_use(db) == [D.GENDER]
    assert values_for_student(db, roster.liam.id) == {D.GENDER: "Male"}
    with Session(db.engine) as session:
        assert kept_values(session) == {roster.liam.id: {D.GENDER: "Male"}}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """A sample building big enough for shares to mean something, read and never changed."""
    clock = FakeClock(datetime(2026, 3, 10, 15, 0, tzinfo=UTC))
    path = tmp_path_factory.mktemp("demo") / "school.db"
    with open_database(path, unencrypted=True, clock=clock) as db:
        build_demo_school(db, students=2000, years=1)
        yield db


def shares(db: Database, field: DemographicField, among: str = "") -> dict[str, float]:
    """Each value's share of the active students (`among` narrows them)."""
    sql = (
        "SELECT d.value, count(*) FROM student_demographic d JOIN student s ON s.id = d.student_id"
        f" WHERE s.active AND d.field = :field {among} GROUP BY d.value"
    )
    with db.engine.connect() as connection:
        counts = dict(connection.execute(text(sql), {"field": field.value}).all())
    total = sum(counts.values())
    return {value: count / total for value, count in counts.items()}


def test_every_demo_student_has_every_field(demo: Database) -> None:
    with demo.engine.connect() as connection:
        students = connection.execute(text("SELECT count(*) FROM student")).scalar_one()
        per_field = connection.execute(
            text("SELECT field, count(*) FROM student_demographic GROUP BY field ORDER BY field")
        ).all()
    assert fields_in_use(demo) == list(DemographicField)
    assert per_field == sorted((field.value, students) for field in DemographicField)
    for field in (D.SPECIAL_EDUCATION, D.ENGLISH_LEARNER, D.ECONOMICALLY_DISADVANTAGED):
        assert set(shares(demo, field)) == {"Yes", "No"}


def test_demo_shares_are_plausible(demo: Database) -> None:
    gender = shares(demo, D.GENDER)
    assert set(gender) == {"Female", "Male", "Nonbinary"}
    assert 0.45 < gender["Female"] < 0.55
    assert gender["Nonbinary"] < 0.03
    assert 0.08 < shares(demo, D.SPECIAL_EDUCATION)["Yes"] < 0.2
    assert 0.05 < shares(demo, D.ENGLISH_LEARNER)["Yes"] < 0.2
    assert 0.35 < shares(demo, D.ECONOMICALLY_DISADVANTAGED)["Yes"] < 0.5
    race = shares(demo, D.RACE_ETHNICITY)
    assert len(race) == 7
    assert max(race.values()) < 0.6


def test_students_with_an_iep_are_mildly_more_often_in_cases(demo: Database) -> None:
    in_cases = (
        "AND s.id IN (SELECT student_id FROM case_participant "
        "WHERE role = 'person_who_caused_harm')"
    )
    risk = shares(demo, D.SPECIAL_EDUCATION, in_cases)["Yes"]
    ratio = risk / shares(demo, D.SPECIAL_EDUCATION)["Yes"]
    assert 1.15 < ratio < 2.5
    english = shares(demo, D.ENGLISH_LEARNER, in_cases)["Yes"]
    assert 0.6 < english / shares(demo, D.ENGLISH_LEARNER)["Yes"] < 1.6


def test_the_same_seed_gives_the_same_values(
    db: Database, tmp_path: Path, clock: FakeClock
) -> None:
    build_demo_school(db, students=40, years=1, seed=5)
    with open_database(tmp_path / "again.db", unencrypted=True, clock=clock) as again:
        build_demo_school(again, students=40, years=1, seed=5)
        with Session(db.engine) as first, Session(again.engine) as second:
            assert kept_values(first) == kept_values(second)
            assert len(kept_values(first)) == table_count(db, "student")
