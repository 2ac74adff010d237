"""The school's own settings: its name and current school year, kept in the database."""

from pathlib import Path

import pytest

from rp_desktop.domain.records import SchoolInfo
from rp_desktop.domain.validation import FieldProblem, InvalidInput, Problem
from rp_desktop.domain.vocabulary import AuditAction
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.opening import open_database
from rp_desktop.services.school import school_info, set_up_school
from tests.conftest import FakeClock
from tests.services.conftest import audit_rows, table_count


def test_a_new_database_has_no_school_yet(db: Database) -> None:
    assert school_info(db) is None


def test_set_up_and_read_back(db: Database) -> None:
    info = set_up_school(db, "  Escuela Secundaria Benito Juárez ", 2025)
    assert info == SchoolInfo("Escuela Secundaria Benito Juárez", 2025)
    assert school_info(db) == info


def test_the_school_survives_reopening(db_path: Path, clock: FakeClock) -> None:
    with open_database(db_path, unencrypted=True, clock=clock) as db:
        set_up_school(db, "Oak Hill Middle School", 2025)
    with open_database(db_path, unencrypted=True, clock=clock) as db:
        assert school_info(db) == SchoolInfo("Oak Hill Middle School", 2025)


def test_setting_up_again_changes_it(db: Database) -> None:
    set_up_school(db, "Oak Hill Middle School", 2025)
    set_up_school(db, "Oak Hill Middle School", 2026)
    assert school_info(db) == SchoolInfo("Oak Hill Middle School", 2026)
    assert table_count(db, "school_setting") == 3  # the name, the year, the database's identity


def test_each_set_up_is_audited_without_the_name(db: Database) -> None:
    set_up_school(db, "Oak Hill Middle School", 2025)
    set_up_school(db, "Oak Hill Middle School", 2026)
    events = audit_rows(db)
    assert [(e.action, e.entity, e.entity_id) for e in events] == [
        (AuditAction.UPDATE, "school_setting", None),
    ] * 2
    assert all("Oak Hill" not in e.detail for e in events)


@pytest.mark.parametrize(
    ("name", "year", "problems"),
    [
        ("", 2025, [FieldProblem("school_name", Problem.REQUIRED)]),
        ("   ", 2025, [FieldProblem("school_name", Problem.REQUIRED)]),
        ("x" * 201, 2025, [FieldProblem("school_name", Problem.TOO_LONG, 200)]),
        ("Oak Hill", 1999, [FieldProblem("school_year", Problem.OUT_OF_RANGE)]),
        ("Oak Hill", 2101, [FieldProblem("school_year", Problem.OUT_OF_RANGE)]),
        (
            "",
            0,
            [
                FieldProblem("school_name", Problem.REQUIRED),
                FieldProblem("school_year", Problem.OUT_OF_RANGE),
            ],
        ),
    ],
)
def test_refused_input_writes_nothing(
    db: Database, name: str, year: int, problems: list[FieldProblem]
) -> None:
    with pytest.raises(InvalidInput) as info:
        set_up_school(db, name, year)
    assert list(info.value.problems) == problems
    assert school_info(db) is None
    assert table_count(db, "school_setting") == 1  # the database's identity only
    assert table_count(db, "audit_event") == 0


@pytest.mark.parametrize("year", [2000, 2100])
def test_year_limits_are_allowed(db: Database, year: int) -> None:
    assert set_up_school(db, "x" * 200, year) == SchoolInfo("x" * 200, year)
