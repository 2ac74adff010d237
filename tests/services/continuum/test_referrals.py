"""Referrals in, decisions out: a referral taken in waits in the queue, oldest first; triage
turns it into a quick log, a case with the referred students in their roles, or no action with
the reason, each in one transaction with one audit event that names no one."""

from dataclasses import replace
from datetime import timedelta

import pytest

from rp_desktop.domain.continuum.kinds import PracticeKind, ReferralDecision
from rp_desktop.domain.continuum.referrals import ReferralFields, Triage
from rp_desktop.domain.validation import InvalidInput, Problem
from rp_desktop.domain.vocabulary import CategoryKind, Role, Tier, Tier3Kind
from rp_desktop.services.casework.cases import get_case, list_categories
from rp_desktop.services.continuum.practice import get_practice
from rp_desktop.services.continuum.referrals import (
    ReferralAlreadyDecided,
    ReferralNotFound,
    add_referral,
    get_referral,
    triage_referral,
    update_referral,
    waiting_referrals,
)
from rp_desktop.services.safekeeping.database import Database
from tests.services.conftest import Roster, audit_rows, table_count


def referral(roster: Roster, db: Database, days_ago: int = 0, **changes: object) -> ReferralFields:
    fields = ReferralFields(
        received_on=db.today() - timedelta(days=days_ago),
        referred_by_staff_id=roster.teacher_id,
        what_happened="Pushing in the lunch line; a tray thrown.",
        tried="Moved seats; called home.",
        asks_for="A conversation between the two.",
        suspension_proposed=True,
        suspension_days=3,
        suspension_proposed_by_staff_id=roster.counselor_id,
        student_ids=(roster.liam.id, roster.ana.id),
    )
    return replace(fields, **changes)  # type: ignore[arg-type]


def test_a_referral_waits_in_the_queue_oldest_first(db: Database, roster: Roster) -> None:
    newer = add_referral(db, referral(roster, db, days_ago=1))
    older = add_referral(
        db,
        referral(
            roster,
            db,
            days_ago=4,
            referred_by_staff_id=None,
            referred_by_name="  Pat the bus driver ",
            suspension_proposed=False,
        ),
    )
    waiting, total = waiting_referrals(db)
    assert [r.id for r in waiting] == [older.id, newer.id]
    assert total == 2
    assert waiting_referrals(db, limit=1) == ([older], 2)
    assert newer.referrer_name == "Tom Becker"
    assert newer.proposer_name == "Rosa Delgado"
    assert newer.student_names == ("Ana Muñoz", "Liam O'Brien")
    assert older.referrer_name == "Pat the bus driver"
    assert older.fields.suspension_days is None  # no suspension: no days
    assert older.waiting
    assert older.decision is None
    event = audit_rows(db)[-1]
    assert (event.action, event.entity, event.entity_id) == ("create", "referral", older.id)
    assert event.detail == "students=2 suspension_days=0"


def test_unticking_the_suspension_drops_its_days_and_proposer(db: Database, roster: Roster) -> None:
    saved = add_referral(db, referral(roster, db))
    changed = update_referral(db, saved.id, replace(saved.fields, suspension_proposed=False))
    assert changed.fields.suspension_days is None
    assert changed.fields.suspension_proposed_by_staff_id is None
    assert changed.proposer_name == ""
    assert get_referral(db, saved.id) == changed


def test_bad_input_is_refused_whole(db: Database, roster: Roster) -> None:
    fields = referral(
        roster,
        db,
        received_on=db.today() + timedelta(days=1),
        referred_by_name="Someone else too",
        what_happened="  ",
        suspension_days=181,
        student_ids=(roster.ana.id, roster.ana.id),
    )
    with pytest.raises(InvalidInput) as refused:
        add_referral(db, fields)
    found = {(p.field, p.problem) for p in refused.value.problems}
    assert found == {
        ("received_on", Problem.IN_FUTURE),
        ("referred_by", Problem.TWO_PEOPLE_AT_ONCE),
        ("what_happened", Problem.REQUIRED),
        ("suspension_days", Problem.OUT_OF_RANGE),
        ("student_ids", Problem.SAME_PERSON_TWICE),
    }
    assert table_count(db, "referral") == 0


def test_a_referral_needs_a_referrer_a_student_and_the_days_of_a_proposed_suspension(
    db: Database, roster: Roster
) -> None:
    fields = referral(
        roster, db, referred_by_staff_id=None, suspension_days=None, student_ids=(9999,)
    )
    with pytest.raises(InvalidInput) as refused:
        add_referral(db, fields)
    assert {(p.field, p.problem) for p in refused.value.problems} == {
        ("referred_by", Problem.REQUIRED),
        ("suspension_days", Problem.REQUIRED),
        ("student_ids", Problem.UNKNOWN),
    }
    with pytest.raises(InvalidInput) as refused:
        add_referral(db, referral(roster, db, student_ids=(), suspension_days=0))
    assert {(p.field, p.problem) for p in refused.value.problems} == {
        ("student_ids", Problem.REQUIRED),
        ("suspension_days", Problem.OUT_OF_RANGE),
    }


def test_triage_to_a_quick_log_logs_the_students_today(db: Database, roster: Roster) -> None:
    saved = add_referral(db, referral(roster, db, days_ago=2))
    decided = triage_referral(
        db, saved.id, Triage(ReferralDecision.QUICK_LOG, PracticeKind.RESTORATIVE_CHAT)
    )
    assert decided.decision is ReferralDecision.QUICK_LOG
    assert decided.decided_on == db.today()
    assert decided.practice_log_id is not None
    assert decided.case_id is None
    log = get_practice(db, decided.practice_log_id)
    assert log.fields.kind is PracticeKind.RESTORATIVE_CHAT
    assert log.fields.happened_on == db.today()
    assert set(log.fields.student_ids) == {roster.ana.id, roster.liam.id}
    assert waiting_referrals(db) == ([], 0)
    event = audit_rows(db)[-1]
    assert (event.action, event.entity, event.entity_id) == ("update", "referral", saved.id)
    assert event.detail == f"decision=quick_log practice_log={log.id}"


def test_triage_to_a_tier3_case_opens_it_with_the_students_in_their_roles(
    db: Database, roster: Roster
) -> None:
    saved = add_referral(db, referral(roster, db, days_ago=3))
    triage = Triage(
        ReferralDecision.TIER3_CASE,
        category_id=roster.category_id,
        tier3_kind=Tier3Kind.FORMAL_CONFERENCE,
        roles=((roster.liam.id, Role.PERSON_WHO_CAUSED_HARM), (roster.ana.id, Role.PERSON_HARMED)),
    )
    decided = triage_referral(db, saved.id, triage)
    assert decided.case_id is not None
    case = get_case(db, decided.case_id)
    assert case.fields.tier is Tier.INTENSIVE
    assert case.fields.tier3_kind is Tier3Kind.FORMAL_CONFERENCE
    assert case.fields.occurred_on == saved.fields.received_on
    assert case.fields.description == saved.fields.what_happened
    assert {(p.fields.student_id, p.fields.role) for p in case.participants} == {
        (roster.liam.id, Role.PERSON_WHO_CAUSED_HARM),
        (roster.ana.id, Role.PERSON_HARMED),
    }
    events = [(e.action, e.entity) for e in audit_rows(db)[-2:]]
    assert events == [("create", "case"), ("update", "referral")]
    with pytest.raises(ReferralAlreadyDecided):
        triage_referral(db, saved.id, Triage(ReferralDecision.NO_ACTION, reason="Changed mind"))
    assert get_referral(db, saved.id).decision is ReferralDecision.TIER3_CASE


def test_a_concern_goes_to_a_tier2_case_with_the_neutral_role(db: Database, roster: Roster) -> None:
    saved = add_referral(db, referral(roster, db, student_ids=(roster.zoe.id,)))
    concern = next(c.id for c in list_categories(db) if c.kind is CategoryKind.CONCERN)
    triage = Triage(
        ReferralDecision.TIER2_CASE,
        category_id=concern,
        roles=((roster.zoe.id, Role.STUDENT),),
    )
    case = get_case(db, triage_referral(db, saved.id, triage).case_id or 0)
    assert case.fields.tier is Tier.TARGETED
    assert [p.fields.role for p in case.participants] == [Role.STUDENT]


def test_a_case_decision_lacking_its_parts_writes_nothing(db: Database, roster: Roster) -> None:
    saved = add_referral(db, referral(roster, db))
    triage = Triage(
        ReferralDecision.TIER3_CASE,
        roles=((roster.liam.id, Role.PERSON_HARMED), (roster.ana.id, Role.FACILITATOR)),
    )
    with pytest.raises(InvalidInput) as refused:
        triage_referral(db, saved.id, triage)
    assert {(p.field, p.problem, p.index) for p in refused.value.problems} == {
        ("category_id", Problem.REQUIRED, None),
        ("tier3_kind", Problem.REQUIRED, None),
        ("roles", Problem.NEEDS_ROLE, 0),  # the referral's students by id: ana first
    }
    with pytest.raises(InvalidInput) as refused:
        triage_referral(db, saved.id, Triage(ReferralDecision.QUICK_LOG))
    assert [p.field for p in refused.value.problems] == ["practice_kind"]
    assert table_count(db, "case") == 0
    assert table_count(db, "practice_log") == 0
    assert get_referral(db, saved.id).waiting


def test_no_action_needs_the_reason(db: Database, roster: Roster) -> None:
    saved = add_referral(db, referral(roster, db))
    with pytest.raises(InvalidInput) as refused:
        triage_referral(db, saved.id, Triage(ReferralDecision.NO_ACTION, reason=" "))
    assert [(p.field, p.problem) for p in refused.value.problems] == [("reason", Problem.REQUIRED)]
    reason = "Handled by the teacher already; both students apologised."
    decided = triage_referral(db, saved.id, Triage(ReferralDecision.NO_ACTION, reason=reason))
    assert (decided.decision, decided.decision_reason) == (ReferralDecision.NO_ACTION, reason)
    assert decided.case_id is None
    assert decided.practice_log_id is None
    assert audit_rows(db)[-1].detail == "decision=no_action"
    assert "apologised" not in " ".join(e.detail for e in audit_rows(db))


def test_an_unknown_referral_is_said_so(db: Database, roster: Roster) -> None:
    with pytest.raises(ReferralNotFound):
        get_referral(db, 42)
    with pytest.raises(ReferralNotFound):
        triage_referral(db, 42, Triage(ReferralDecision.NO_ACTION, reason="x"))
