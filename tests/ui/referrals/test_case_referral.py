"""A case opened from a referral says who referred it, when and what they asked for; its Tier 3
tab shows the days of suspension derived from the referral, and Override asks for the days and
the reason, saying so beside them when the reason is missing."""

from datetime import date

from pytestqt.qtbot import QtBot

from rp_desktop.domain.continuum.kinds import ReferralDecision
from rp_desktop.domain.continuum.referrals import ReferralFields, Triage
from rp_desktop.domain.vocabulary import Role, Tier3Kind
from rp_desktop.services import people
from rp_desktop.services.casework import case_detail as casework
from rp_desktop.services.continuum import referrals
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui.case.case_window import CaseWindow
from tests.ui.conftest import School, type_text
from tests.ui.tasks.moves import Moves


def case_window(qtbot: QtBot, db: Database, school: School, *, days: int | None) -> CaseWindow:
    teacher = next(m for m in people.list_staff(db) if m.last_name == "Lindqvist")
    referral = referrals.add_referral(
        db,
        ReferralFields(
            received_on=date(2026, 3, 2),
            referred_by_staff_id=teacher.id,
            what_happened="A fight in the gym.",
            asks_for="Something other than a suspension, please.",
            suspension_proposed=days is not None,
            suspension_days=days,
            student_ids=(school.members[2].id,),
        ),
    )
    triage = Triage(
        ReferralDecision.TIER3_CASE,
        category_id=1,
        tier3_kind=Tier3Kind.ALTERNATIVE_TO_SUSPENSION,
        roles=((school.members[2].id, Role.PERSON_WHO_CAUSED_HARM),),
    )
    case_id = referrals.triage_referral(db, referral.id, triage).case_id
    assert case_id is not None
    window = CaseWindow(db, case_id, school_name=school.info.name)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.tabs.setCurrentWidget(window.tier3)
    return window


def test_the_case_names_its_referrer_and_what_they_asked(
    qtbot: QtBot, db: Database, school_db: School
) -> None:
    window = case_window(qtbot, db, school_db, days=None)
    assert window.referred.isVisible()
    assert window.referred.text() == (
        "Referred by G. Lindqvist on 2026-03-02 — asked for: Something other than a "
        "suspension, please."
    )
    box = window.tier3.suspension
    assert box.derived.text() == "Days of suspension this case avoided:"
    assert box.days.isVisible()
    assert not box.reason.isVisible()  # no referral's number: typed days need no reason


def test_an_override_of_the_derived_days_needs_its_reason(
    qtbot: QtBot, db: Database, school_db: School
) -> None:
    window = case_window(qtbot, db, school_db, days=3)
    box = window.tier3.suspension
    assert box.derived.text() == "Derived from the referral: 3 days."
    assert not box.days.isVisible()
    moves = Moves(qtbot)
    moves.click(box.override)
    assert box.days.isVisible()
    assert box.reason.isVisible()
    box.days.selectAll()
    type_text(box.days, "5")
    moves.click(box.save)
    assert box.problem.text() == "Say why these days replace the ones the referral gives."
    assert casework.get_case_detail(db, window.detail.case.id).suspension_days_avoided is None
    moves.click(box.reason)
    type_text(box.reason, "The dean's letter says five.")
    moves.click(box.save)
    assert box.derived.text() == (
        "Derived from the referral: 3 days. Overridden: 5 days, because: The dean's letter "
        "says five."
    )
    assert not box.problem.isVisible()
    assert box.use_derived.isVisible()
    moves.click(box.use_derived)
    assert box.derived.text() == "Derived from the referral: 3 days."
    detail = casework.get_case_detail(db, window.detail.case.id)
    assert (detail.suspension_days_avoided, detail.suspension_override_reason) == (None, "")
