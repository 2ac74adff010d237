"""The school's categories: the defaults from the first migration, adding, renaming (cases are
found by the new name), retiring; names unique however they are written."""

from datetime import date

import pytest

from rp_desktop.domain.records import CaseFields, ListQuery, ParticipantFields
from rp_desktop.domain.validation import FieldProblem, InvalidInput, Problem
from rp_desktop.domain.vocabulary import AuditAction, CategoryKind, Role, Tier
from rp_desktop.services.casework.case_detail import (
    CategoryNotFound,
    add_category,
    rename_category,
    set_category_active,
)
from rp_desktop.services.casework.cases import get_case, list_cases, list_categories, open_case
from rp_desktop.services.safekeeping.database import Database
from tests.services.conftest import Roster, audit_rows


def test_the_defaults_are_there(db: Database) -> None:
    categories = list_categories(db)
    assert len(categories) == 17
    assert categories[0].name == "Conflict between students"


def test_add_a_category(db: Database) -> None:
    added = add_category(db, "  Kindness noticed in the lunchroom ", CategoryKind.POSITIVE)
    assert added.name == "Kindness noticed in the lunchroom"
    assert (added.kind, added.active) == (CategoryKind.POSITIVE, True)
    assert list_categories(db)[-1] == added
    event = audit_rows(db)[-1]
    assert (event.action, event.entity, event.entity_id, event.detail) == (
        AuditAction.CREATE,
        "case_category",
        added.id,
        "",
    )


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("", FieldProblem("name", Problem.REQUIRED)),
        ("   ", FieldProblem("name", Problem.REQUIRED)),
        ("x" * 101, FieldProblem("name", Problem.TOO_LONG, 100)),
        ("Physical harm", FieldProblem("name", Problem.NAME_TAKEN)),
        ("  PHYSICAL  HARM ", FieldProblem("name", Problem.NAME_TAKEN)),
        ("Conflíct between students", FieldProblem("name", Problem.NAME_TAKEN)),
    ],
)
def test_names_are_given_and_unique(db: Database, name: str, problem: FieldProblem) -> None:
    with pytest.raises(InvalidInput) as info:
        add_category(db, name, CategoryKind.HARM)
    assert info.value.problems == (problem,)
    assert len(list_categories(db, include_inactive=True)) == 17


def test_rename_and_cases_are_found_by_the_new_name(db: Database, roster: Roster) -> None:
    case = open_case(
        db,
        CaseFields(
            Tier.TARGETED,
            date(2026, 3, 2),
            roster.category_id,
            "Words at lunch.",
            participants=(ParticipantFields(Role.PERSON_HARMED, student_id=roster.ana.id),),
        ),
    )
    renamed = rename_category(db, roster.category_id, "Disagreement between students")
    assert renamed.name == "Disagreement between students"
    assert get_case(db, case.id).category_name == "Disagreement between students"
    found = list_cases(db, Tier.TARGETED, ListQuery(text="disagreement"))
    assert [row.id for row in found.rows] == [case.id]
    assert list_cases(db, Tier.TARGETED, ListQuery(text="conflict")).total == 0
    # Changing only the capitals of its own name is fine; taking another's is not.
    assert (
        rename_category(db, roster.category_id, "DISAGREEMENT between students").id
        == case.fields.category_id
    )
    with pytest.raises(InvalidInput) as info:
        rename_category(db, roster.category_id, "Physical harm")
    assert info.value.problems == (FieldProblem("name", Problem.NAME_TAKEN),)


def test_retire_and_bring_back(db: Database) -> None:
    first = list_categories(db)[0]
    retired = set_category_active(db, first.id, False)
    assert not retired.active
    assert first.id not in {c.id for c in list_categories(db)}
    assert first.id in {c.id for c in list_categories(db, include_inactive=True)}
    assert set_category_active(db, first.id, True).active
    assert [e.action for e in audit_rows(db)[-2:]] == [
        AuditAction.DEACTIVATE,
        AuditAction.REACTIVATE,
    ]


def test_an_unknown_category(db: Database) -> None:
    with pytest.raises(CategoryNotFound):
        rename_category(db, 9999, "Anything")
    with pytest.raises(CategoryNotFound):
        set_category_active(db, 9999, False)
