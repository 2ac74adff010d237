"""The sample school's referrals: most opened one of its cases, some became a quick log, some
needed no action (with the reason), a handful wait; about a third proposed a suspension of a
few days, by a dean or an administrator. The same seed writes the same ones."""

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from rp_desktop.db.models import ReferralRow, StaffRow
from rp_desktop.domain.continuum.kinds import ReferralDecision
from rp_desktop.domain.vocabulary import StaffRole
from rp_desktop.services.continuum.referrals import waiting_referrals
from rp_desktop.services.demo import build_demo_school
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.opening import open_database
from tests.conftest import FakeClock
from tests.services.demo.test_demo import SMALL, rows, table


@pytest.fixture(scope="module")
def school(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, int]]:
    """A school of 600 students, read (never changed) by the tests, and its referrals' count."""
    clock = FakeClock(datetime(2026, 3, 10, 15, 0, tzinfo=UTC))
    path = tmp_path_factory.mktemp("referrals") / "school.db"
    with open_database(path, unencrypted=True, clock=clock) as db:
        yield db, build_demo_school(db, students=600, years=2).referrals


def test_referrals_look_like_a_school_year_of_them(school: tuple[Database, int]) -> None:
    db, written = school
    today = db.today()
    with Session(db.engine) as session:
        referrals = list(session.scalars(select(ReferralRow)))
        students = {r.id: len(r.students) for r in referrals}
        roles = {staff.id: staff.role for staff in session.scalars(select(StaffRow))}
    assert written == len(referrals)
    decisions = [r.decision for r in referrals]
    cases = decisions.count(ReferralDecision.TIER2_CASE) + decisions.count(
        ReferralDecision.TIER3_CASE
    )
    assert cases > len(referrals) / 2
    assert decisions.count(ReferralDecision.QUICK_LOG) >= 5
    assert decisions.count(ReferralDecision.NO_ACTION) >= 3
    assert 3 <= decisions.count(None) <= 5
    proposed = [r for r in referrals if r.suspension_proposed]
    assert 0.2 < len(proposed) / len(referrals) < 0.45
    for referral in referrals:
        assert referral.received_on <= today
        assert referral.referred_by_staff_id is not None or referral.referred_by_name
        assert referral.what_happened.strip()
        assert students[referral.id] >= 1
        if referral.suspension_proposed:
            assert referral.suspension_days is not None
            assert 1 <= referral.suspension_days <= 10
            proposer = roles[referral.suspension_proposed_by_staff_id]
            assert proposer in {StaffRole.DEAN, StaffRole.ADMINISTRATOR}
        else:
            assert referral.suspension_days is None
        _decided_as_it_says(referral, today)


def _decided_as_it_says(referral: ReferralRow, today: object) -> None:
    if referral.decision is None:
        assert referral.decided_on is None
        assert (today - referral.received_on).days < 10  # type: ignore[operator]
        return
    assert referral.decided_on is not None
    assert referral.received_on <= referral.decided_on <= today  # type: ignore[operator]
    case = referral.decision in {ReferralDecision.TIER2_CASE, ReferralDecision.TIER3_CASE}
    assert (referral.case_id is not None) == case
    assert (referral.practice_log_id is not None) == (
        referral.decision is ReferralDecision.QUICK_LOG
    )
    assert bool(referral.decision_reason) == (referral.decision is ReferralDecision.NO_ACTION)


def test_a_referral_that_opened_a_case_holds_its_day_story_and_students(
    school: tuple[Database, int],
) -> None:
    db, _ = school
    mismatched = rows(
        db,
        """SELECT r.id FROM referral r JOIN "case" c ON c.id = r.case_id
           WHERE r.received_on != c.occurred_on OR r.what_happened != c.description
              OR (r.decision = 'tier3_case') != (c.tier = 3)
              OR EXISTS (SELECT 1 FROM referral_student s WHERE s.referral_id = r.id
                  AND NOT EXISTS (SELECT 1 FROM case_participant p
                      WHERE p.case_id = c.id AND p.student_id = s.student_id))""",
    )
    assert mismatched == []
    # An alternative to suspension proposed the days its case kept.
    kept = rows(
        db,
        """SELECT r.suspension_days, c.suspension_days_avoided FROM referral r
           JOIN "case" c ON c.id = r.case_id WHERE c.tier3_kind = 'alternative_to_suspension'""",
    )
    assert all(proposed == avoided for proposed, avoided in kept)
    logged = rows(
        db,
        """SELECT l.happened_on = r.decided_on,
                  (SELECT count(*) FROM practice_log_student s WHERE s.log_id = l.id),
                  (SELECT count(*) FROM referral_student s WHERE s.referral_id = r.id)
           FROM referral r JOIN practice_log l ON l.id = r.practice_log_id""",
    )
    assert logged
    assert all(same_day and mine == theirs for same_day, mine, theirs in logged)
    waiting, total = waiting_referrals(db)
    assert total == len(waiting) > 0
    assert [r.fields.received_on for r in waiting] == sorted(r.fields.received_on for r in waiting)


def test_the_same_seed_writes_the_same_referrals(tmp_path: Path, clock: FakeClock) -> None:
    tables = ("referral", "referral_student", "practice_log", "practice_log_student")
    written = []
    for name in ("one.db", "two.db"):
        with open_database(tmp_path / name, unencrypted=True, clock=clock) as db:
            build_demo_school(db, **SMALL, seed=5)
            written.append([table(db, each) for each in tables])
    assert written[0] == written[1]
    assert written[0][0]
