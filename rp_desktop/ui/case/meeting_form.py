"""A meeting on a case, guided: who came, and each person's answers to the restorative questions
for their role, one person at a time, in the usual speaking order. Large enough to use in the
room."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from rp_desktop.domain.casework.records import AnswerFields, CaseDetail, Meeting, MeetingFields
from rp_desktop.domain.casework.restorative import (
    RestorativeQuestion,
    questions_for,
    speaking_order,
)
from rp_desktop.domain.records import Participant
from rp_desktop.domain.validation import LONGEST_CIRCLE_MINUTES
from rp_desktop.domain.vocabulary import MeetingKind
from rp_desktop.services import people
from rp_desktop.services.casework import meetings
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui.forms.form_draft import DraftPlace
from rp_desktop.ui.forms.form_state import Json
from rp_desktop.ui.forms.record_form import RecordForm
from rp_desktop.ui.forms.widgets import choice_combo, current_choice, date_edit, select_data
from rp_desktop.ui.words.formatting import pydate, qdate
from rp_desktop.ui.words.labels import label

ANSWER_PIXELS = 16
QUESTION_PIXELS = 18


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


class AnswersByPerson(QWidget):
    """One page per person at the meeting, with their role's questions in order; what is typed
    is kept even if someone is unticked and ticked again."""

    def __init__(self, participants: tuple[Participant, ...], parent: QWidget | None = None):
        super().__init__(parent)
        self._participants = {p.id: p for p in participants}
        self._texts: dict[tuple[int, RestorativeQuestion], QPlainTextEdit] = {}
        self.people = QListWidget()
        self.people.setMaximumWidth(260)
        self.pages = QStackedWidget()
        self.empty = QLabel(self.tr("Tick who came to the meeting to record their answers."))
        self.empty.setWordWrap(True)
        self.pages.addWidget(self.empty)
        self.previous = QPushButton(self.tr("← Previous person"))
        self.next = QPushButton(self.tr("Next person →"))
        steps = QHBoxLayout()
        steps.addWidget(self.previous)
        steps.addStretch(1)
        steps.addWidget(self.next)
        right = QVBoxLayout()
        right.addWidget(self.pages, 1)
        right.addLayout(steps)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.people)
        layout.addLayout(right, 1)
        self.people.currentRowChanged.connect(self._show_person)
        self.previous.clicked.connect(lambda: self._step(-1))
        self.next.clicked.connect(lambda: self._step(1))
        self.setMinimumHeight(380)

    def show_people(self, ids: frozenset[int]) -> None:
        """The pages of the people at the meeting, the person who caused harm first."""
        ordered = speaking_order([p for pid, p in self._participants.items() if pid in ids])
        self.people.clear()
        for edit in self._texts.values():  # keep what was typed when its page goes
            edit.setParent(self)
            edit.hide()
        while (page := self.pages.widget(1)) is not None:
            self.pages.removeWidget(page)
            page.deleteLater()
        for participant in ordered:
            self.people.addItem(participant.display_name)
            self.pages.addWidget(self._page(participant))
        self.people.setCurrentRow(0 if ordered else -1)
        self.pages.setCurrentIndex(1 if ordered else 0)

    def answers(self, ids: frozenset[int]) -> tuple[AnswerFields, ...]:
        return tuple(
            AnswerFields(pid, question, edit.toPlainText())
            for (pid, question), edit in self._texts.items()
            if pid in ids and edit.toPlainText().strip()
        )

    def fill(self, answers: tuple[AnswerFields, ...]) -> None:
        for answer in answers:
            participant = self._participants.get(answer.participant_id)
            if participant is not None:
                self._edit(participant, answer.question).setPlainText(answer.text)

    def set_read_only(self, read_only: bool) -> None:
        for edit in self._texts.values():
            edit.setReadOnly(read_only)

    def draft_state(self) -> list[dict[str, Json]]:
        """Every answer typed so far, for the form's draft: a person unticked keeps theirs."""
        return [
            {"participant": pid, "question": question.value, "text": edit.toPlainText()}
            for (pid, question), edit in self._texts.items()
            if edit.toPlainText()
        ]

    def restore_draft_state(self, state: Json) -> None:
        for entry in state if isinstance(state, list) else []:
            try:
                participant = self._participants[entry["participant"]]
                question = RestorativeQuestion(entry["question"])
                text = str(entry["text"])
            except (KeyError, TypeError, ValueError):
                continue  # someone taken off the case since, or a question not asked now
            self._edit(participant, question).setPlainText(text)

    def _page(self, participant: Participant) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        heading = QLabel(f"{participant.display_name} · {label(participant.fields.role)}")
        heading.setFont(_font(QUESTION_PIXELS + 4, bold=True))
        column.addWidget(heading)
        role = participant.fields.role
        for question in questions_for(role) if role is not None else ():
            prompt = QLabel(label(question), wordWrap=True)
            prompt.setFont(_font(QUESTION_PIXELS, bold=True))
            column.addWidget(prompt)
            edit = self._edit(participant, question)
            column.addWidget(edit)
            edit.show()
        column.addStretch(1)
        return page

    def _edit(self, participant: Participant, question: RestorativeQuestion) -> QPlainTextEdit:
        key = (participant.id, question)
        if key not in self._texts:
            edit = QPlainTextEdit()
            edit.setFont(_font(ANSWER_PIXELS))
            edit.setAccessibleName(label(question))
            edit.setMaximumHeight(90)
            self._texts[key] = edit
        return self._texts[key]

    def _show_person(self, row: int) -> None:
        self.pages.setCurrentIndex(row + 1 if row >= 0 else 0)
        self.previous.setEnabled(row > 0)
        self.next.setEnabled(0 <= row < self.people.count() - 1)

    def _step(self, step: int) -> None:
        row = self.people.currentRow() + step
        if 0 <= row < self.people.count():
            self.people.setCurrentRow(row)


class MeetingForm(RecordForm):
    """Record (or open, or edit) a meeting on a case. Signals: see RecordForm."""

    def __init__(
        self,
        db: Database,
        detail: CaseDetail,
        meeting: Meeting | None = None,
        *,
        kind: MeetingKind | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = label(meeting.fields.kind) if meeting else self.tr("New meeting")
        super().__init__(title, parent)
        self.setMinimumSize(900, 700)
        self._db = db
        self._case_id = detail.case.id
        self._meeting = meeting
        participants = detail.case.participants
        self.kind: QComboBox = self.add_field(
            "kind", self.tr("&Kind of meeting"), choice_combo(list(MeetingKind))
        )
        self.held_on: QDateEdit = self.add_field("held_on", self.tr("&Date"), date_edit())
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
            "answers", self.tr("&Answers"), AnswersByPerson(participants)
        )
        self.notes: QPlainTextEdit = self.add_field("notes", self.tr("&Notes"), QPlainTextEdit())
        self.notes.setMaximumHeight(120)
        self._fill_choices()
        self._fill(meeting, kind)
        self.attendees.changed.connect(self._people_changed)
        self.draft.keep("answers", self.answers.draft_state, self.answers.restore_draft_state)
        meeting_id = meeting.id if meeting else None
        self.draft.start(DraftPlace(db, "meeting", meeting_id, case_id=self._case_id))
        self.remember_initial()

    def values(self) -> MeetingFields:
        ids = self.attendees.ids()
        minutes = self.duration.value()
        return MeetingFields(
            kind=current_choice(self.kind, MeetingKind) or MeetingKind.RESTORATIVE_CONVERSATION,
            held_on=pydate(self.held_on.date()),
            facilitator_id=self.facilitator.currentData(),
            duration_minutes=minutes or None,
            notes=self.notes.toPlainText(),
            attendee_ids=ids,
            answers=self.answers.answers(ids),
        )

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

    def _fill_choices(self) -> None:
        self.facilitator.addItem(self.tr("Not recorded"), None)
        for member in people.list_staff(self._db):
            self.facilitator.addItem(member.display_name, member.id)
        self.duration.setRange(0, LONGEST_CIRCLE_MINUTES)
        self.duration.setSuffix(self.tr(" min"))
        self.duration.setSpecialValueText(self.tr("Not recorded"))

    def _fill(self, meeting: Meeting | None, kind: MeetingKind | None) -> None:
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
        self.answers.fill(fields.answers)
        self.answers.show_people(fields.attendee_ids)

    def _people_changed(self) -> None:
        self.answers.show_people(self.attendees.ids())


def _font(pixels: int, *, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(pixels)
    font.setBold(bold)
    return font
