"""What is typed in a referral or a triage is kept as a draft, and a draft left by a crash comes
back as the same form holding the same values; saving deletes it."""

from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from rp_desktop.domain.continuum.kinds import ReferralDecision
from rp_desktop.domain.continuum.referrals import ReferralFields, Triage
from rp_desktop.domain.vocabulary import Role
from rp_desktop.services import drafts, people
from rp_desktop.services.continuum import referrals
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui.forms.widgets import select_data
from rp_desktop.ui.referrals.form import ReferralForm
from rp_desktop.ui.referrals.triage import TriageForm
from rp_desktop.ui.window.reopening import DraftGone, reopen_draft
from tests.ui.conftest import School, type_text


def test_a_referral_comes_back_from_its_draft(
    qtbot: QtBot, db: Database, school_db: School
) -> None:
    form = ReferralForm(db)
    qtbot.addWidget(form)
    teacher = next(m for m in people.list_staff(db) if m.last_name == "Lindqvist")
    form.referrer.set_staff(teacher.id)
    for student in school_db.members[1:3]:
        form.students.add(student.id, student.display_name)
    type_text(form.what_happened, "Words in the hallway; a push.")
    form.proposed.setChecked(True)
    form.days.setValue(4)
    select_data(form.proposer, school_db.counselor_id)
    assert form.draft.timer.isActive()
    form.draft.save_now()
    [draft] = drafts.list_drafts(db)
    assert (draft.form, draft.label) == ("referral", "New referral")
    restored = reopen_draft(None, db, 2025, draft)
    qtbot.addWidget(restored)
    assert isinstance(restored, ReferralForm)
    assert restored.values() == form.values()
    assert restored.values().suspension_days == 4
    saved: list[int] = []
    restored.saved.connect(saved.append)
    restored.accept()
    assert drafts.list_drafts(db) == []
    assert referrals.get_referral(db, saved[0]).fields.student_ids == tuple(
        sorted(s.id for s in school_db.members[1:3])
    )


def test_a_triage_comes_back_from_its_draft_until_the_referral_is_decided(
    qtbot: QtBot, db: Database, school_db: School
) -> None:
    referral = referrals.add_referral(
        db,
        ReferralFields(
            received_on=date(2026, 3, 2),
            referred_by_name="Pat Okafor (bus driver)",
            what_happened="Shouting on the bus.",
            student_ids=(school_db.members[0].id,),
        ),
    )
    form = TriageForm(db, referral)
    qtbot.addWidget(form)
    form.decision.buttons[ReferralDecision.TIER2_CASE].setChecked(True)
    select_data(form.roles.combos[0][1], Role.STUDENT)
    type_text(form.reason, "A check-in first.")
    form.draft.save_now()
    [draft] = drafts.list_drafts(db)
    assert draft.form == "triage"
    restored = reopen_draft(None, db, 2025, draft)
    qtbot.addWidget(restored)
    assert isinstance(restored, TriageForm)
    assert restored.values() == form.values()
    assert restored.decision.decision() is ReferralDecision.TIER2_CASE
    decided_elsewhere = Triage(ReferralDecision.NO_ACTION, reason="Settled at home.")
    referrals.triage_referral(db, referral.id, decided_elsewhere)
    with pytest.raises(DraftGone):
        reopen_draft(None, db, 2025, draft)
