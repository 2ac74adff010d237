"""The sample school's families: most current students have one or two caregivers with a
plausible mix of relations and home languages, some cases name caregivers on record as family
members (found by the case search under their names), Tier 2 and 3 cases log contacts with
families, nothing is dated after today, and the same seed gives the same rows."""

from pathlib import Path

from rp_desktop.domain.records import ListQuery
from rp_desktop.domain.vocabulary import Tier
from rp_desktop.services.casework import cases
from rp_desktop.services.demo import DemoSummary, build_demo_school
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.opening import open_database
from tests.conftest import FakeClock
from tests.services.demo.test_demo import SMALL, count, rows, table

FAMILY_TABLES = ("caregiver", "caregiver_student", "caregiver_contact", "case_participant")


def test_most_students_have_caregivers_with_a_plausible_mix(db: Database) -> None:
    summary: DemoSummary = build_demo_school(db, students=200, years=2)
    assert summary.caregivers == count(db, "SELECT count(*) FROM caregiver")
    assert summary.caregiver_contacts == count(db, "SELECT count(*) FROM caregiver_contact")
    cared_for = count(
        db,
        "SELECT count(DISTINCT l.student_id) FROM caregiver_student l"
        " JOIN student s ON s.id = l.student_id WHERE s.active",
    )
    assert 0.75 * summary.active_students <= cared_for <= summary.active_students
    shared = rows(
        db,
        "SELECT l.caregiver_id, count(*), count(DISTINCT s.last_name) FROM caregiver_student l"
        " JOIN student s ON s.id = l.student_id GROUP BY 1 HAVING count(*) > 1",
    )
    assert shared  # brothers and sisters share their caregivers
    assert {names for _id, _n, names in shared} == {1}  # and their family name
    most = count(
        db, "SELECT max(n) FROM (SELECT count(*) n FROM caregiver_student GROUP BY student_id)"
    )
    assert most == 2
    relations = dict(rows(db, "SELECT relation, count(*) FROM caregiver_student GROUP BY 1"))
    assert relations["parent"] > sum(relations.values()) / 2
    assert {"guardian", "grandparent"} <= set(relations)
    languages = dict(rows(db, "SELECT home_language, count(*) FROM caregiver GROUP BY 1"))
    spanish = languages.get("es", 0) / summary.caregivers
    assert 0.06 <= spanish <= 0.3
    assert len(languages) >= 3
    assert count(db, "SELECT count(*) FROM caregiver WHERE interpreter_needed") > 0
    assert (
        count(
            db, "SELECT count(*) FROM caregiver WHERE interpreter_needed AND home_language = 'en'"
        )
        == 0
    )


def test_cases_name_caregivers_and_log_contacts_with_families(db: Database) -> None:
    build_demo_school(db, **SMALL)
    on_cases = rows(
        db,
        "SELECT p.case_id, c.last_name FROM case_participant p"
        " JOIN caregiver c ON c.id = p.caregiver_id WHERE p.role = 'family_member'",
    )
    assert on_cases
    case_id, last_name = on_cases[0]
    tier = rows(db, f'SELECT tier FROM "case" WHERE id = {case_id}')[0][0]
    found = cases.list_cases(db, Tier(tier), ListQuery(text=str(last_name)), limit=500).rows
    assert case_id in [c.id for c in found]
    contacts = rows(
        db,
        "SELECT c.tier, k.kind, k.outcome, k.contacted_on, x.occurred_on FROM caregiver_contact k"
        ' JOIN "case" c ON c.id = k.case_id JOIN "case" x ON x.id = k.case_id',
    )
    assert contacts
    assert {tier for tier, *_ in contacts} <= {Tier.TARGETED, Tier.INTENSIVE}
    assert {kind for _, kind, *_ in contacts} >= {"call", "letter"}
    today = db.today().isoformat()
    for _tier, kind, outcome, on, occurred in contacts:
        assert str(occurred) <= str(on) <= today
        assert (kind, outcome) != ("call", "met")


def test_the_same_seed_gives_the_same_families(
    db: Database, tmp_path: Path, clock: FakeClock
) -> None:
    build_demo_school(db, **SMALL, seed=5)
    with open_database(tmp_path / "again.db", unencrypted=True, clock=clock) as again:
        build_demo_school(again, **SMALL, seed=5)
        for name in FAMILY_TABLES:
            assert table(db, name) == table(again, name), name
    assert table(db, "caregiver")
