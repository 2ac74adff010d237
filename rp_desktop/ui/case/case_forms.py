"""Every form a case's window opens on its case, built when it is asked for: each form's module
is imported then, not when the window opens."""

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from rp_desktop.domain.casework.records import CaseDetail
from rp_desktop.domain.casework.support_plans import SupportPlan
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui.forms.record_form import RecordForm


def case_form(db: Database, detail: CaseDetail, parent: QWidget) -> RecordForm:
    """The case's own details, to edit."""
    from rp_desktop.ui.case.form import CaseForm

    case = detail.case
    return CaseForm(db, case.fields.tier, case, parent=parent)


def meeting_form(
    db: Database,
    detail: CaseDetail,
    meeting_id: int | None,
    parent: QWidget,
    *,
    mark_held: bool = False,
) -> RecordForm:
    """A new meeting on the case (`meeting_id` None), or the one with `meeting_id`; with
    `mark_held`, a planned one being marked held."""
    from rp_desktop.ui.case.meeting_form import MeetingForm

    if meeting_id is None:
        return MeetingForm(db, detail, parent=parent)
    meeting = next(m for m in detail.meetings if m.id == meeting_id)
    return MeetingForm(db, detail, meeting, mark_held=mark_held, parent=parent)


def agreement_form(
    db: Database, detail: CaseDetail, agreement_id: int | None, parent: QWidget
) -> RecordForm:
    """A new agreement on the case, or the one with `agreement_id`."""
    from rp_desktop.ui.case.agreement_form import AgreementForm

    agreement = next((a for a in detail.agreements if a.id == agreement_id), None)
    return AgreementForm(db, detail, agreement, parent=parent)


def step_form(
    db: Database, detail: CaseDetail, which: str, plan: SupportPlan | None, parent: QWidget
) -> RecordForm:
    """One step on the case: "follow_up", "tier", "close", "re_entry", "support_plan" (a new
    one, or `plan`) or "progress" on `plan`."""
    from rp_desktop.ui.case import step_forms
    from rp_desktop.ui.case.support_plan_forms import ProgressForm, ReEntryForm, SupportPlanForm

    makers: dict[str, Callable[[], RecordForm]] = {
        "follow_up": lambda: step_forms.FollowUpForm(db, detail, parent),
        "tier": lambda: step_forms.TierChangeForm(db, detail, parent),
        "close": lambda: step_forms.CloseCaseForm(db, detail, parent),
        "re_entry": lambda: ReEntryForm(db, detail, parent),
        "support_plan": lambda: SupportPlanForm(db, detail, plan, parent),
        "progress": lambda: ProgressForm(db, plan, parent),  # type: ignore[arg-type]
    }
    return makers[which]()
