"""The sample school's outcomes: concerns in neutral roles with no answers to the questions of
harm, no observation filed as a case, and the person harmed's answer on closed cases of harm."""

import random
from collections import Counter
from pathlib import Path

import pytest

from rp_desktop.domain.casework.roles import HARM_ONLY_ROLES
from rp_desktop.domain.continuum.kinds import RepairFelt
from rp_desktop.domain.records import Category
from rp_desktop.domain.vocabulary import CategoryKind, Role, Tier
from rp_desktop.services.demo import DemoSummary, build_demo_school
from rp_desktop.services.demo.casework.cases import Categories
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.opening import open_database
from tests.conftest import FakeClock
from tests.services.demo.test_demo import SMALL, count, rows

ROLES_BY_KIND = """SELECT k.kind, p.role, count(*) FROM case_participant p
    JOIN "case" c ON c.id = p.case_id JOIN case_category k ON k.id = c.category_id
    GROUP BY k.kind, p.role"""


@pytest.fixture
def summary(db: Database) -> DemoSummary:
    return build_demo_school(db, **SMALL, seed=5)


def test_concerns_take_neutral_roles_and_harm_the_harm_roles(
    db: Database, summary: DemoSummary
) -> None:
    found = {(str(kind), Role(str(role))): n for kind, role, n in rows(db, ROLES_BY_KIND)}
    concern = {role for kind, role in found if kind == "concern"}
    harm = {role for kind, role in found if kind == "harm"}
    assert Role.STUDENT in concern, "no concern in the sample"
    assert not concern & HARM_ONLY_ROLES
    assert {Role.PERSON_HARMED, Role.PERSON_WHO_CAUSED_HARM} <= harm
    assert Role.STUDENT not in harm
    twice = """SELECT count(*) FROM (SELECT 1 FROM case_participant GROUP BY case_id,
        coalesce(student_id, -1), coalesce(staff_id, -1), other_name, role HAVING count(*) > 1)"""
    assert count(db, twice) == 0


def test_a_concern_keeps_no_answers_to_the_questions_of_harm(
    db: Database, summary: DemoSummary
) -> None:
    on_concerns = """SELECT count(*) FROM meeting_answer x JOIN meeting m ON m.id = x.meeting_id
        JOIN "case" c ON c.id = m.case_id JOIN case_category k ON k.id = c.category_id
        WHERE k.kind = 'concern'"""
    assert count(db, on_concerns) == 0
    assert summary.meeting_answers == count(db, "SELECT count(*) FROM meeting_answer")


def test_no_observation_is_filed_as_a_case(db: Database, summary: DemoSummary) -> None:
    observed = """SELECT count(*) FROM "case" c JOIN case_category k ON k.id = c.category_id
        WHERE k.kind IN ('positive', 'neutral')"""
    assert count(db, observed) == 0


def test_closed_cases_of_harm_say_whether_the_harm_was_repaired(
    db: Database, summary: DemoSummary
) -> None:
    found = rows(
        db,
        """SELECT c.repair_felt, c.status = 'closed' AND k.kind = 'harm' AND EXISTS (
                  SELECT 1 FROM case_participant p
                  WHERE p.case_id = c.id AND p.role = 'person_harmed')
           FROM "case" c JOIN case_category k ON k.id = c.category_id""",
    )
    asked = Counter(RepairFelt(str(felt)) for felt, askable in found if askable)
    assert all(felt is None for felt, askable in found if not askable)
    assert None not in asked
    assert sum(asked.values()) >= 5, "too few closed cases of harm to judge"
    assert asked[RepairFelt.YES] + asked[RepairFelt.PARTLY] > sum(asked.values()) / 2


def test_the_same_seed_gives_the_same_outcomes(
    db: Database, summary: DemoSummary, tmp_path: Path, clock: FakeClock
) -> None:
    outcomes = """SELECT c.id, c.repair_felt, group_concat(p.role, ',') FROM "case" c
        JOIN case_participant p ON p.case_id = c.id GROUP BY c.id ORDER BY c.id"""
    with open_database(tmp_path / "again.db", unencrypted=True, clock=clock) as again:
        build_demo_school(again, **SMALL, seed=5)
        assert rows(again, outcomes) == rows(db, outcomes)


def test_a_school_s_own_categories_never_make_an_observation_a_case() -> None:
    own = [
        Category(1, "Kindness seen at recess", CategoryKind.POSITIVE, True),
        Category(2, "Asked to talk", CategoryKind.NEUTRAL, True),
        Category(3, "Lunch-line trouble", CategoryKind.HARM, True),
        Category(4, "Worried about sleep", CategoryKind.CONCERN, True),
    ]
    drawn = Categories(own)
    rng = random.Random(7)
    picked = {drawn.pick(rng, tier).kind for tier in (Tier.TARGETED, Tier.INTENSIVE) * 200}
    assert picked <= {CategoryKind.HARM, CategoryKind.CONCERN}
    assert CategoryKind.HARM in picked
    with pytest.raises(ValueError, match="no case categories"):
        Categories(own[:2])
