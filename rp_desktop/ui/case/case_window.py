"""One case, everything done on it: its people, its story, meetings with the restorative
questions, the agreement and whether it is kept, follow-up, Tier 3 plans, and the counselor's
private note. Opened from the Tier 2 and Tier 3 lists."""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from rp_desktop.domain.casework.records import CaseDetail
from rp_desktop.domain.casework.support_plans import SupportPlan
from rp_desktop.domain.vocabulary import AgreementStatus, CaseStatus, Tier
from rp_desktop.services.casework import agreements
from rp_desktop.services.casework import case_detail as casework
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.retention import removal
from rp_desktop.ui import dialogs
from rp_desktop.ui.case import case_forms, printing
from rp_desktop.ui.case.panels import AgreementPanel, FollowUpPanel, private_page, story_page
from rp_desktop.ui.case.tier3_panel import Tier3Panel, referral_line
from rp_desktop.ui.families.contacts_panel import ContactsPanel
from rp_desktop.ui.forms.record_form import RecordForm
from rp_desktop.ui.preparation.meetings_panel import MeetingsPanel
from rp_desktop.ui.preparation.panel import PreparationPanel
from rp_desktop.ui.screen_fit import fit_to_screen
from rp_desktop.ui.words.formatting import format_date
from rp_desktop.ui.words.labels import label


class CaseWindow(QWidget):
    """A window on one case. It re-reads the case after every change.

    Signals:
        changed(): something on the case was saved (lists may need a reload).
    """

    changed = Signal()

    def __init__(
        self,
        db: Database,
        case_id: int,
        *,
        school_name: str,
        open_student: Callable[[int], object] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self._db = db
        self._case_id = case_id
        self._school = school_name
        self._open_student = open_student
        self.detail: CaseDetail = casework.get_case_detail(db, case_id)
        self._make_heading()
        self._make_pages()
        self.buttons = {
            key: QPushButton(text)
            for key, text in (
                ("edit", self.tr("Edit the case…")),
                ("tier", self.tr("Move to another tier…")),
                ("close", self.tr("Close the case…")),
                ("note", self.tr("Save my note")),
            )
        }
        self.tabs = QTabWidget()
        self._lay_out()
        self._connect()
        fit_to_screen(self, QSize(1100, 760), "case")
        self.show_detail(self.detail)

    def _make_heading(self) -> None:
        """The case's title, its facts in one line, and the retention hold."""
        self.title = QLabel()
        self.title.setFont(_font(20, bold=True))
        self.facts = QLabel(wordWrap=True)
        self.referred = QLabel(wordWrap=True)  # who referred it, when, and what they asked for
        self.hold = QCheckBox(self.tr("Keep this case (hold): never removed by retention"))
        self.hold.setToolTip(
            self.tr(
                "For a case under a legal or district hold. Removing old records never "
                "removes it, however long ago it closed."
            )
        )

    def _make_pages(self) -> None:
        """The people beside the tabs, and what each tab shows."""
        self.people = QListWidget()
        self.people.setMaximumWidth(320)
        self.story = QPlainTextEdit(readOnly=True)
        self.meetings = MeetingsPanel(self._db)
        self.preparation = PreparationPanel(self._db)
        self.agreement = AgreementPanel()
        self.follow_up = FollowUpPanel()
        self.tier3 = Tier3Panel()
        self.family = ContactsPanel(self._db, self._school)
        self.note = QPlainTextEdit()

    def reload(self) -> None:
        self.show_detail(casework.get_case_detail(self._db, self._case_id))

    def show_detail(self, detail: CaseDetail) -> None:
        self.detail = detail
        case = detail.case
        fields = case.fields
        self.setWindowTitle(self.tr("Case {number}").format(number=case.id))  # never a name
        self.title.setText(
            self.tr("{tier} case {number} · {category}").format(
                tier=label(fields.tier), number=case.id, category=case.category_name
            )
        )
        facts = [format_date(fields.occurred_on), fields.place, label(fields.status)]
        if fields.closure_reason is not None:
            facts.append(label(fields.closure_reason))
        if fields.tier3_kind is not None:
            facts.append(label(fields.tier3_kind))
        if case.repair_felt is not None:
            felt = label(case.repair_felt)
            facts.append(self.tr("Person harmed feels repaired: {answer}").format(answer=felt))
        self.facts.setText(" · ".join(text for text in facts if text))
        self.referred.setText(referral_line(detail))
        self.referred.setVisible(bool(detail.referrals))
        closed = fields.status is CaseStatus.CLOSED  # closing again corrects the day and answers
        close = self.tr("Change the closing…") if closed else self.tr("Close the case…")
        self.buttons["close"].setText(close)
        self._show_hold()
        self.people.clear()
        for participant in case.participants:
            item = QListWidgetItem(f"{participant.display_name} — {label(participant.fields.role)}")
            item.setData(Qt.ItemDataRole.UserRole, participant.fields.student_id)
            self.people.addItem(item)
        self.story.setPlainText(fields.description)
        for panel in (self.meetings, self.preparation, self.agreement, self.follow_up, self.tier3):
            panel.show_detail(detail)
        self.family.show_detail(detail)
        self.tabs.setTabVisible(self.tabs.indexOf(self.tier3), fields.tier == Tier.INTENSIVE)
        if not self.note.document().isModified():
            self.note.setPlainText(detail.private_note)
            self.note.document().setModified(False)

    # -- what the buttons do ----------------------------------------------------------------
    def new_meeting(self) -> RecordForm:
        return self._open(case_forms.meeting_form(self._db, self.detail, None, self))

    def open_meeting(self, meeting_id: int) -> RecordForm:
        return self._open(case_forms.meeting_form(self._db, self.detail, meeting_id, self))

    def mark_held(self, meeting_id: int) -> RecordForm:
        form = case_forms.meeting_form(self._db, self.detail, meeting_id, self, mark_held=True)
        return self._open(form)

    def edit_agreement(self, agreement_id: int | None = None) -> RecordForm:
        return self._open(case_forms.agreement_form(self._db, self.detail, agreement_id, self))

    def edit_details(self) -> RecordForm:
        return self._open(case_forms.case_form(self._db, self.detail, self))

    def print_agreement(self, agreement_id: int) -> bool:
        return printing.print_agreement(self, self._db, self._school, self.detail, agreement_id)

    def save_agreement_pdf(self, agreement_id: int) -> Path | None:
        return printing.save_agreement_pdf(self, self._db, self._school, self.detail, agreement_id)

    def set_item_status(self, item_id: int, status: AgreementStatus) -> None:
        agreements.set_item_status(self._db, item_id, status)
        self._saved()

    def save_note(self) -> None:
        casework.set_private_note(self._db, self._case_id, self.note.toPlainText())
        self.note.document().setModified(False)
        self._saved()

    def step_form(self, which: str, plan: SupportPlan | None = None) -> RecordForm:
        return self._open(case_forms.step_form(self._db, self.detail, which, plan, self))

    def set_hold(self, hold: bool) -> None:
        removal.set_hold(self._db, self._case_id, hold)
        self._saved()

    # -- private -----------------------------------------------------------------------------
    def _show_hold(self) -> None:
        # The hold is not part of the case's detail: it is the retention service's to read.
        self.hold.blockSignals(True)
        self.hold.setChecked(removal.is_on_hold(self._db, self._case_id))
        self.hold.blockSignals(False)

    def _open(self, form: RecordForm) -> RecordForm:
        form.saved.connect(lambda _id: self._saved())
        form.open()
        return form

    def _saved(self) -> None:
        self.reload()
        self.changed.emit()

    def _person_chosen(self, item: QListWidgetItem) -> None:
        student_id = item.data(Qt.ItemDataRole.UserRole)
        if student_id is not None and self._open_student is not None:
            self._open_student(student_id)

    def _set_days(self, typed: tuple[int | None, str]) -> None:
        if self.tier3.suspension.save_days(self._db, self._case_id, typed):
            self._saved()

    def _lay_out(self) -> None:
        for widget, text in (
            (
                story_page(self.story, [self.buttons[k] for k in ("edit", "tier", "close")]),
                self.tr("What happened"),
            ),
            (self.preparation, self.tr("Preparation")),
            (self.meetings, self.tr("Meetings")),
            (self.agreement, self.tr("Agreement")),
            (self.follow_up, self.tr("Follow-up")),
            (self.tier3, self.tr("Tier 3")),
            (self.family, self.tr("Family contacts")),
            (private_page(self.note, self.buttons["note"]), self.tr("My private note")),
        ):
            self.tabs.addTab(widget, text)
        side = QVBoxLayout()
        side.addWidget(QLabel(self.tr("People (double-click a student for their timeline)")))
        side.addWidget(self.people)
        body = QHBoxLayout()
        body.addLayout(side)
        body.addWidget(self.tabs, 1)
        layout = QVBoxLayout(self)
        status = QHBoxLayout()
        status.addWidget(self.facts, 1)
        status.addWidget(self.hold)
        layout.addWidget(self.title)
        layout.addLayout(status)
        layout.addWidget(self.referred)
        layout.addLayout(body, 1)

    def _connect(self) -> None:
        self.buttons["edit"].clicked.connect(self.edit_details)
        self.buttons["tier"].clicked.connect(lambda: self.step_form("tier"))
        self.buttons["close"].clicked.connect(lambda: self.step_form("close"))
        self.buttons["note"].clicked.connect(self.save_note)
        self.hold.toggled.connect(self.set_hold)
        self.people.itemDoubleClicked.connect(self._person_chosen)
        self.meetings.newRequested.connect(self.new_meeting)
        self.meetings.openRequested.connect(self.open_meeting)
        self.meetings.markHeldRequested.connect(self.mark_held)
        for saving in (self.meetings, self.preparation):
            saving.saved.connect(self._saved)
        self.agreement.newRequested.connect(self.edit_agreement)
        self.agreement.editRequested.connect(self.edit_agreement)
        self.agreement.printRequested.connect(self.print_agreement)
        self.agreement.pdfRequested.connect(self.save_agreement_pdf)
        self.agreement.statusRequested.connect(self.set_item_status)
        self.follow_up.newRequested.connect(lambda: self.step_form("follow_up"))
        self.tier3.reEntryRequested.connect(lambda: self.step_form("re_entry"))
        self.tier3.supportPlanRequested.connect(lambda p: self.step_form("support_plan", p))
        self.tier3.progressRequested.connect(lambda p: self.step_form("progress", p))
        self.tier3.suspensionDaysChanged.connect(self._set_days)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.note.document().isModified() and not dialogs.confirm_discard(self):
            event.ignore()
            return
        super().closeEvent(event)


def _font(pixels: int, *, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(pixels)
    font.setBold(bold)
    return font
