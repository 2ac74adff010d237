"""A meeting on a case, guided: who came, and each person's answers to the restorative questions
for their role, one person at a time, in the usual speaking order (`meeting_answers.py`). Large
enough to use in the room. A new meeting starts from the case: its facilitator, and everyone
on it ticked as there."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSizePolicy,
    QSpinBox,
    QWidget,
)

from rp_desktop.domain.casework.conversation import facilitator_of
from rp_desktop.domain.casework.records import CaseDetail, Meeting, MeetingFields
from rp_desktop.domain.records import Participant
from rp_desktop.domain.validation import LONGEST_CIRCLE_MINUTES, FieldProblem
from rp_desktop.domain.vocabulary import MeetingKind
from rp_desktop.services import people
from rp_desktop.services.casework import meetings
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui.case.meeting_answers import AnswersByPerson
from rp_desktop.ui.forms.form_draft import DraftPlace
from rp_desktop.ui.forms.record_form import RecordForm
from rp_desktop.ui.forms.widgets import choice_combo, current_choice, date_edit, select_data
from rp_desktop.ui.preparation.meeting_when import MeetingWhen
from rp_desktop.ui.what_was_said.problems import answers_problem
from rp_desktop.ui.words.formatting import pydate, qdate
from rp_desktop.ui.words.labels import label


class AttendeeList(QListWidget):
    """The case's people, ticked when they were at the meeting.

    Signals:
        changed(): someone was ticked or unticked.
    """

    changed = Signal()

    def __init__(self, participants: tuple[Participant, ...], parent: QWidget | None = None):
        super().__init__(parent)
        for participant in participants:
            role = label(participant.fields.role)
            item = QListWidgetItem(f"{participant.display_name} · {role}")
            item.setData(Qt.ItemDataRole.UserRole, participant.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.addItem(item)
        self.setMaximumHeight(26 * max(3, min(self.count(), 7)))
        self.itemChanged.connect(self.changed)

    def ids(self) -> frozenset[int]:
        return frozenset(
            self.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.count())
            if self.item(row).checkState() == Qt.CheckState.Checked
        )

    def tick(self, ids: frozenset[int]) -> None:
        for row in range(self.count()):
            item = self.item(row)
            present = item.data(Qt.ItemDataRole.UserRole) in ids
            item.setCheckState(Qt.CheckState.Checked if present else Qt.CheckState.Unchecked)

    def set_read_only(self, read_only: bool) -> None:
        self.setEnabled(not read_only)


class MeetingForm(RecordForm):
    """Record (or open, or edit) a meeting on a case. Signals: see RecordForm."""

    def __init__(
        self,
        db: Database,
        detail: CaseDetail,
        meeting: Meeting | None = None,
        *,
        kind: MeetingKind | None = None,
        mark_held: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        title = label(meeting.fields.kind) if meeting else self.tr("New meeting")
        super().__init__(title, parent)
        self.setMinimumWidth(900)
        self._db = db
        self._case_id = detail.case.id
        self._meeting = meeting
        self._category_kind = detail.case.category_kind
        self._add_fields(detail.case.participants)
        self._fill_choices()
        self._fill(meeting, kind)
        if meeting is None:
            self._from_the_case(detail)
        if mark_held:
            self.when.mark_held(self.held_on, db.today())
        self.attendees.changed.connect(self._people_changed)
        self.draft.keep("answers", self.answers.draft_state, self.answers.restore_draft_state)
        meeting_id = meeting.id if meeting else None
        self.draft.start(DraftPlace(db, "meeting", meeting_id, case_id=self._case_id))
        self.remember_initial()

    def values(self) -> MeetingFields:
        ids = self.attendees.ids()
        minutes = self.duration.value()
        fields = MeetingFields(
            kind=current_choice(self.kind, MeetingKind) or MeetingKind.RESTORATIVE_CONVERSATION,
            held_on=pydate(self.held_on.date()),
            facilitator_id=self.facilitator.currentData(),
            duration_minutes=minutes or None,
            notes=self.notes.toPlainText(),
            attendee_ids=ids,
            answers=self.answers.answers(ids),
            keep_answers=self.answers.keep_answers(),
            summaries=self.answers.summaries(ids),
        )
        return self.when.applied(fields)

    def submit(self, values: MeetingFields) -> int:
        if self._meeting is None:
            saved = meetings.record_meeting(
                self._db, self._case_id, values, replaces_draft=self.draft.key
            )
        else:
            saved = meetings.update_meeting(
                self._db, self._meeting.id, values, replaces_draft=self.draft.key
            )
        self._meeting = saved
        return saved.id

    def _add_fields(self, participants: tuple[Participant, ...]) -> None:
        self.kind: QComboBox = self.add_field(
            "kind", self.tr("&Kind of meeting"), choice_combo(list(MeetingKind))
        )
        self.when = MeetingWhen(self, self._db, self._case_id, participants, self.kind)
        self.when.add_status()
        self.held_on: QDateEdit = self.add_field("held_on", self.tr("&Date"), date_edit())
        self.when.add_rest()
        self.facilitator: QComboBox = self.add_field(
            "facilitator_id", self.tr("&Facilitator"), QComboBox()
        )
        self.duration: QSpinBox = self.add_field(
            "duration_minutes", self.tr("D&uration"), QSpinBox()
        )
        self.attendees: AttendeeList = self.add_field(
            "attendee_ids", self.tr("Who &came"), AttendeeList(participants)
        )
        self.answers: AnswersByPerson = self.add_field(
            "answers",
            self.tr("What &each said"),
            AnswersByPerson(participants, kind=self._category_kind),
        )
        self.notes: QPlainTextEdit = self.add_field("notes", self.tr("&Notes"), QPlainTextEdit())
        self.notes.setMaximumHeight(120)
        # As tall as its most, not the rest of the form: the box stays under its label.
        self.notes.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)

    def _fill_choices(self) -> None:
        self.facilitator.addItem(self.tr("Not recorded"), None)
        for member in people.list_staff(self._db):
            self.facilitator.addItem(member.display_name, member.id)
        self.duration.setRange(0, LONGEST_CIRCLE_MINUTES)
        self.duration.setSuffix(self.tr(" min"))
        self.duration.setSpecialValueText(self.tr("Not recorded"))

    def _fill(self, meeting: Meeting | None, kind: MeetingKind | None) -> None:
        self.when.fill(meeting.fields if meeting else None)
        if meeting is None:
            self.held_on.setDate(qdate(self._db.today()))
            select_data(self.kind, kind or MeetingKind.RESTORATIVE_CONVERSATION)
            return
        fields = meeting.fields
        select_data(self.kind, fields.kind)
        self.held_on.setDate(qdate(fields.held_on or self._db.today()))
        select_data(self.facilitator, fields.facilitator_id)
        self.duration.setValue(fields.duration_minutes or 0)
        self.notes.setPlainText(fields.notes)
        self.attendees.tick(fields.attendee_ids)
        self.answers.fill(fields.answers, fields.summaries, keep=fields.keep_answers)
        self.answers.show_people(fields.attendee_ids)

    def _from_the_case(self, detail: CaseDetail) -> None:
        """A new meeting: the case's facilitator, and the case's people ticked as there."""
        select_data(self.facilitator, facilitator_of(detail.case))
        everyone = frozenset(p.id for p in detail.case.participants)
        self.attendees.tick(everyone)
        self.answers.show_people(everyone)

    def _people_changed(self) -> None:
        self.answers.show_people(self.attendees.ids())

    def show_problems(self, problems: tuple[FieldProblem, ...]) -> None:
        """A summary's problem is said under what each said."""
        super().show_problems(tuple(answers_problem(p) for p in problems))
