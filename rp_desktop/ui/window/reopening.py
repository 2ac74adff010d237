"""Each form that keeps a draft, built again for its record (or a new one) and filled with what
was typed in it; Restore in the drafts dialog (`drafts.py`) uses this.

The forms are imported when a draft is reopened, not when the app starts."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Protocol, TypeVar

from PySide6.QtWidgets import QWidget

from rp_desktop.domain.casework.records import CaseDetail
from rp_desktop.services.drafts import Draft
from rp_desktop.services.safekeeping.database import Database

if TYPE_CHECKING:  # the forms load when a draft is reopened, not at start-up
    from rp_desktop.ui.forms.record_form import RecordForm


class DraftGone(LookupError):
    """The draft's record is no longer there, or its form is not one this version has."""


def reopen_draft(
    parent: QWidget | None, db: Database, school_year: int, draft: Draft
) -> RecordForm:
    """The form the draft was typed in, built again for its record (or a new one) and filled
    with the draft. Not shown yet. Raises DraftGone when its record no longer exists."""
    build = _BUILDERS.get(draft.form)
    if build is None:
        raise DraftGone(draft.form)
    where = draft.fields.get("where")
    where = where if isinstance(where, dict) else {}
    try:
        form = build(_Reopening(parent, db, school_year, draft.record_id, where))
    except LookupError as error:
        raise DraftGone(draft.form) from error
    form.draft.restore(draft)
    return form


class _Reopening:
    """What a form needs to be built again: the database, the record and where it belongs."""

    def __init__(
        self,
        parent: QWidget | None,
        db: Database,
        school_year: int,
        record_id: int | None,
        where: dict[str, object],
    ) -> None:
        self.parent = parent
        self.db = db
        self.school_year = school_year
        self.record_id = record_id
        self.where = where

    def number(self, name: str) -> int:
        value = self.where.get(name)
        if not isinstance(value, int):
            raise DraftGone(name)
        return value

    def detail(self) -> CaseDetail:
        from rp_desktop.services.casework import case_detail as casework

        return casework.get_case_detail(self.db, self.number("case_id"))


def _student(r: _Reopening) -> RecordForm:
    from rp_desktop.services.students import records as students
    from rp_desktop.ui.students.form import StudentForm

    student = students.get_student(r.db, r.record_id) if r.record_id else None
    return StudentForm(r.db, student, parent=r.parent)


def _case(r: _Reopening) -> RecordForm:
    from rp_desktop.domain.vocabulary import Tier
    from rp_desktop.services.casework import cases
    from rp_desktop.ui.case.form import CaseForm

    case = cases.get_case(r.db, r.record_id) if r.record_id else None
    tier = case.fields.tier if case else Tier(r.number("tier"))
    return CaseForm.for_draft(r.db, tier, case, parent=r.parent)


def _circle(r: _Reopening) -> RecordForm:
    from rp_desktop.services.circles import records as circles
    from rp_desktop.ui.circles.form import CircleForm

    circle = circles.get_circle(r.db, r.record_id) if r.record_id else None
    return CircleForm(r.db, circle, school_year=r.school_year, parent=r.parent)


def _conversation(r: _Reopening) -> RecordForm:
    from rp_desktop.ui.conversation.window import ConversationWindow

    return ConversationWindow(r.db, parent=r.parent)


def _prompt(r: _Reopening) -> RecordForm:
    from rp_desktop.services.circles import library
    from rp_desktop.ui.run_circle.prompts import PromptForm

    prompt = library.get_prompt(r.db, r.record_id) if r.record_id else None
    return PromptForm(r.db, prompt, r.parent)


def _meeting(r: _Reopening) -> RecordForm:
    from rp_desktop.ui.case.meeting_form import MeetingForm

    detail = r.detail()
    meeting = _one(detail.meetings, r.record_id)
    return MeetingForm(r.db, detail, meeting, parent=r.parent)


def _preparation(r: _Reopening) -> RecordForm:
    from rp_desktop.ui.preparation.form import PreparationForm

    return PreparationForm(r.db, r.detail(), r.record_id, r.parent)


def _agreement(r: _Reopening) -> RecordForm:
    from rp_desktop.ui.case.agreement_form import AgreementForm

    detail = r.detail()
    return AgreementForm(r.db, detail, _one(detail.agreements, r.record_id), r.parent)


def _support_plan(r: _Reopening) -> RecordForm:
    from rp_desktop.ui.case.support_plan_forms import SupportPlanForm

    detail = r.detail()
    return SupportPlanForm(r.db, detail, _one(detail.support_plans, r.record_id), r.parent)


def _progress(r: _Reopening) -> RecordForm:
    from rp_desktop.services.casework import support_plans
    from rp_desktop.ui.case.support_plan_forms import ProgressForm

    support_plan = support_plans.get_support_plan(r.db, r.number("plan_id"))
    return ProgressForm(r.db, support_plan, r.parent)


def _referral(r: _Reopening) -> RecordForm:
    from rp_desktop.services.continuum import referrals
    from rp_desktop.ui.referrals.form import ReferralForm

    referral = referrals.get_referral(r.db, r.record_id) if r.record_id else None
    return ReferralForm(r.db, referral, parent=r.parent)


def _triage(r: _Reopening) -> RecordForm:
    from rp_desktop.services.continuum import referrals
    from rp_desktop.ui.referrals.triage import TriageForm

    if r.record_id is None:
        raise DraftGone("triage")
    referral = referrals.get_referral(r.db, r.record_id)
    if not referral.waiting:
        raise DraftGone("decided")  # decided meanwhile: the draft has nothing left to do
    return TriageForm(r.db, referral, r.parent)


def _practice(r: _Reopening) -> RecordForm:
    from rp_desktop.services.continuum import practice
    from rp_desktop.ui.practice.dialog import LogPracticeDialog

    log = practice.get_practice(r.db, r.record_id) if r.record_id else None
    return LogPracticeDialog(r.db, log, parent=r.parent)


def _case_step(kind: str) -> Callable[[_Reopening], RecordForm]:
    def build(r: _Reopening) -> RecordForm:
        from rp_desktop.ui.case import step_forms, support_plan_forms

        makers: dict[str, Callable[[Database, CaseDetail, QWidget | None], RecordForm]] = {
            "re_entry": support_plan_forms.ReEntryForm,
            "follow_up": step_forms.FollowUpForm,
            "tier_change": step_forms.TierChangeForm,
            "close_case": step_forms.CloseCaseForm,
        }
        return makers[kind](r.db, r.detail(), r.parent)

    return build


def _family(kind: str) -> Callable[[_Reopening], RecordForm]:
    def build(r: _Reopening) -> RecordForm:
        from rp_desktop.ui.families import reopen

        maker = reopen.caregiver_form if kind == "caregiver" else reopen.contact_form
        return maker(r.db, r.record_id, r.where, r.parent)

    return build


class _Record(Protocol):
    @property
    def id(self) -> int: ...


R = TypeVar("R", bound=_Record)


def _one(records: Iterable[R], record_id: int | None) -> R | None:
    """The record with `record_id` among `records`; None for a new one."""
    if record_id is None:
        return None
    found = next((record for record in records if record.id == record_id), None)
    if found is None:
        raise DraftGone(str(record_id))
    return found


_BUILDERS: dict[str, Callable[[_Reopening], RecordForm]] = {
    "student": _student,
    "case": _case,
    "conversation": _conversation,
    "circle": _circle,
    "prompt": _prompt,
    "meeting": _meeting,
    "preparation": _preparation,
    "agreement": _agreement,
    "support_plan": _support_plan,
    "progress": _progress,
    "referral": _referral,
    "triage": _triage,
    "practice": _practice,
    **{kind: _case_step(kind) for kind in ("re_entry", "follow_up", "tier_change", "close_case")},
    **{kind: _family(kind) for kind in ("caregiver", "family_contact")},
}
