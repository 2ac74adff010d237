"""Drafts offered back after RP Desktop closed with forms still open (a crash, a kill, a power
cut): the list, and each form built again with what was typed in it.

The forms are imported when a draft is reopened, not when the app starts."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Protocol, TypeVar

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTime
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rp_desktop.domain.casework.records import CaseDetail
from rp_desktop.services import drafts
from rp_desktop.services.drafts import Draft
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui import dialogs
from rp_desktop.ui.crash import log_failure
from rp_desktop.ui.words.formatting import format_date

if TYPE_CHECKING:  # the forms load when a draft is reopened, not at start-up
    from rp_desktop.ui.forms.record_form import RecordForm


def _tr(text: str) -> str:
    return QCoreApplication.translate("Drafts", text)


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
    "circle": _circle,
    "prompt": _prompt,
    "meeting": _meeting,
    "agreement": _agreement,
    "support_plan": _support_plan,
    "progress": _progress,
    **{kind: _case_step(kind) for kind in ("re_entry", "follow_up", "tier_change", "close_case")},
}


def saved_words(moment: datetime) -> str:
    """When a draft was last saved, in the user's time and locale: "3/10/2026 at 2:41 PM"."""
    local = moment.astimezone()
    time = QLocale().toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)
    return _tr("{day} at {time}").format(day=format_date(local.date()), time=time)


class DraftsDialog(QDialog):
    """The forms that were open when RP Desktop last closed without saving them. Restore
    (all are chosen at first), Discard (asks first) or Later (they are offered again)."""

    def __init__(self, db: Database, found: list[Draft], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.chosen: list[Draft] = []
        self.setWindowTitle(self.tr("Forms not saved"))
        self.setMinimumWidth(560)
        heading = QLabel(self.tr("RP Desktop closed before these forms were saved"))
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        heading.setFont(font)
        heading.setWordWrap(True)
        explanation = QLabel(
            self.tr(
                "What was typed in them was kept. Restore opens each chosen form as it was, "
                "ready to finish and save. Discard throws away what it held. Later keeps them "
                "for the next time RP Desktop starts."
            ),
            wordWrap=True,
        )
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Forms not saved"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        for draft in found:
            item = QListWidgetItem(
                self.tr("{form} — last typed {when}").format(
                    form=draft.label or self.tr("A form"), when=saved_words(draft.saved_at)
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, draft)
            self.list.addItem(item)
        self.list.selectAll()
        self.buttons = QDialogButtonBox()
        self.restore_button = self.buttons.addButton(
            self.tr("Restore"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.discard_button = self.buttons.addButton(
            self.tr("Discard…"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.later_button = self.buttons.addButton(
            self.tr("Later"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.restore_button.setDefault(True)
        self.restore_button.clicked.connect(self.restore_selected)
        self.discard_button.clicked.connect(self.discard_selected)
        self.later_button.clicked.connect(self.reject)
        self.list.itemSelectionChanged.connect(self._sync_buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(explanation)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)

    @classmethod
    def ask(cls, db: Database, found: list[Draft], parent: QWidget | None = None) -> list[Draft]:
        """The drafts the user chose to restore (none for Later)."""
        dialog = cls(db, found, parent)
        dialog.exec()
        return dialog.chosen

    def selected(self) -> list[Draft]:
        return [item.data(Qt.ItemDataRole.UserRole) for item in self.list.selectedItems()]

    def restore_selected(self) -> None:
        self.chosen = self.selected()
        if self.chosen:
            self.accept()

    def discard_selected(self) -> None:
        chosen = self.list.selectedItems()
        if not chosen or not dialogs.confirm(
            self,
            self.tr("Discard what was typed?"),
            self.tr("What was typed in the chosen forms will be lost. Discard it?"),
            self.tr("Discard"),
            self.tr("Keep it"),
        ):
            return
        for item in chosen:
            try:
                drafts.delete_draft(self._db, item.data(Qt.ItemDataRole.UserRole).key)
            except Exception as error:
                log_failure("discarding a draft", error)
                continue
            self.list.takeItem(self.list.row(item))
        if not self.list.count():
            self.reject()

    def _sync_buttons(self) -> None:
        chosen = bool(self.list.selectedItems())
        self.restore_button.setEnabled(chosen)
        self.discard_button.setEnabled(chosen)


def offer_drafts(
    parent: QWidget,
    db: Database,
    school_year: int,
    *,
    open_case: Callable[[int], QWidget],
    changed: Callable[[], None],
) -> list[RecordForm]:
    """At start-up: when forms were left unsaved, offer them back, and open those chosen (a
    casework form over its case's window). `changed` is called when one of them is saved."""
    try:
        found = drafts.list_drafts(db)
    except Exception as error:
        log_failure("reading drafts", error)
        return []
    if not found:
        return []
    opened = []
    for draft in DraftsDialog.ask(db, found, parent):
        try:
            where = draft.fields.get("where")
            case_id = where.get("case_id") if isinstance(where, dict) else None
            owner = open_case(case_id) if isinstance(case_id, int) else parent
            form = reopen_draft(owner, db, school_year, draft)
        except LookupError:
            dialogs.show_error(parent, _tr("A form could not be restored"), _gone_text())
            continue
        form.saved.connect(lambda _id: changed())
        form.open()
        opened.append(form)
    return opened


def _gone_text() -> str:
    return _tr(
        "A form could not be restored: the record it was for is no longer there. "
        "What was typed in it is kept until you discard it."
    )
