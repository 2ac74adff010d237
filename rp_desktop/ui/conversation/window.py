"""New conversation: a restorative conversation (or a small conference) in one window, in three
steps. Who (students found by name, each with a role; the counselor facilitating) and what
happened in a sentence; then person by person, in speaking order, the restorative questions as a
guide and a short summary of what each said (the answers word for word only when the
facilitator ticks "Keep the answers word for word"); then, if something was agreed, the
agreement. Finish saves the case, its meeting with everyone there, the summaries (and kept
answers) and the agreement in one transaction, and the case's window opens on it.

A draft is kept as in every form: a crash loses nothing typed."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from rp_desktop.domain.casework.conversation import ConversationFields
from rp_desktop.domain.casework.records import AgreementFields, MeetingFields
from rp_desktop.domain.records import CaseFields, Participant, ParticipantFields
from rp_desktop.domain.validation import FieldProblem
from rp_desktop.domain.vocabulary import MeetingKind, Role, Tier
from rp_desktop.services import people as staff_records
from rp_desktop.services.casework.conversation import record_conversation
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.students import records as students
from rp_desktop.ui.conversation import choices
from rp_desktop.ui.conversation.people import ConversationPeople
from rp_desktop.ui.conversation.places import Places, place_problems
from rp_desktop.ui.conversation.steps import AgreementStep, AnswersStep
from rp_desktop.ui.forms.form_draft import DraftPlace
from rp_desktop.ui.forms.record_form import RecordForm
from rp_desktop.ui.forms.widgets import current_choice, date_edit
from rp_desktop.ui.words.formatting import pydate, qdate
from rp_desktop.ui.words.labels import label

FACILITATOR_KEY = 0  # the students' keys start at 1
# The fields of each step, by name; a problem takes the window to the step of its field.
STEPS = (
    (
        "participants",
        "description",
        "category_id",
        "kind",
        "occurred_on",
        "held_on",
        "facilitator_id",
    ),
    ("answers", "attendee_ids"),
    ("items",),
)


class ConversationWindow(RecordForm):
    """Record a restorative conversation from nothing. Signals: RecordForm's `saved(int)` gives
    the new case's id."""

    def __init__(self, db: Database, *, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("New conversation"), parent)
        self.setMinimumWidth(940)
        self._db = db
        self._staff = staff_records.list_staff(db)
        self._step = 0
        self.heading = QLabel()
        self.heading.setFont(_bold(18))
        self.form.insertRow(0, self.heading)
        self._add_who_and_what()
        self.answers: AnswersStep = self.add_field(
            "answers", self.tr("What &each said"), AnswersStep()
        )
        self.items: AgreementStep = self.add_field(
            "items", self.tr("&Agreement"), AgreementStep(qdate(db.today()))
        )
        self._add_step_buttons()
        self.people.changed.connect(self._people_changed)
        self.facilitator.currentIndexChanged.connect(self._people_changed)
        self._people_changed()
        for name, kept in (("participants", self.people), ("answers", self.answers)):
            self.draft.keep(name, kept.draft_state, kept.restore_draft_state)
        self.draft.keep("items", self.items.draft_state, self.items.restore_draft_state)
        self.draft.start(DraftPlace(db, "conversation"))
        self.remember_initial()
        self.show_step(0)

    # -- building ----------------------------------------------------------------------------
    def _add_who_and_what(self) -> None:
        db = self._db
        self.people: ConversationPeople = self.add_field(
            "participants",
            self.tr("&Students"),
            ConversationPeople(lambda text: students.find_students(db, text), self._name_of),
        )
        self.description: QLineEdit = self.add_field(
            "description", self.tr("&What happened"), QLineEdit()
        )
        self.description.setPlaceholderText(self.tr("In one sentence, in plain words."))
        self.category: QComboBox = self.add_field(
            "category_id", self.tr("&Category"), choices.category_combo(db)
        )
        self.kind: QComboBox = self.add_field("kind", self.tr("&Kind"), choices.kind_combo())
        self.occurred_on: QDateEdit = self.add_field(
            "occurred_on", self.tr("&Date it happened"), date_edit()
        )
        self.held_on: QDateEdit = self.add_field(
            "held_on", self.tr("Date of the &talk"), date_edit()
        )
        self.facilitator: QComboBox = self.add_field(
            "facilitator_id", self.tr("&Facilitator"), choices.facilitator_combo(self._staff)
        )
        for day in (self.occurred_on, self.held_on):
            day.setDate(qdate(db.today()))

    def _add_step_buttons(self) -> None:
        # Buttons made here (the box's own lose their Python wrappers once the window has
        # run a while); Finish after Back and Next.
        self.buttons.removeButton(self.save_button)
        self.save_button.deleteLater()
        self.back = QPushButton(self.tr("← Back"))
        self.next = QPushButton(self.tr("Next →"))
        self.save_button = QPushButton(self.tr("Finish"))
        for button in (self.back, self.next, self.save_button):
            self.buttons.addButton(button, self.buttons.ButtonRole.ActionRole)
        self.save_button.clicked.connect(self.accept)
        self.save_button.setToolTip(self.tr("Save everything and open the case (Ctrl+S)"))
        self.back.setAccessibleName(self.tr("Back to the step before"))
        self.next.setAccessibleName(self.tr("Next step"))
        self.save_button.setAccessibleName(self.tr("Finish"))
        self.back.clicked.connect(lambda: self.show_step(self._step - 1))
        self.next.clicked.connect(lambda: self.show_step(self._step + 1))

    # -- the steps ---------------------------------------------------------------------------
    def show_step(self, step: int) -> None:
        """Show step 0 (who and what), 1 (the questions) or 2 (the agreement)."""
        self._step = max(0, min(step, len(STEPS) - 1))
        for index, names in enumerate(STEPS):
            for name in names:
                holder = self.fields[name].parentWidget() if name in self.fields else None
                if holder is not None:
                    self.form.setRowVisible(holder, index == self._step)
        self.heading.setText(self._heading())
        self.back.setEnabled(self._step > 0)
        self.next.setVisible(self._step < len(STEPS) - 1)
        self.next.setDefault(self._step < len(STEPS) - 1)
        self.save_button.setDefault(self._step == len(STEPS) - 1)
        self.save_button.setVisible(self._step > 0 and not self.read_only)
        self._focus_step()

    def _heading(self) -> str:
        words = (
            self.tr("Who was there, and what happened"),
            self.tr("What each person said, in speaking order"),
            self.tr("What was agreed at this talk, if anything (leave it empty to finish)"),
        )
        return self.tr("Step {step} of 3 · {words}").format(
            step=self._step + 1, words=words[self._step]
        )

    def _focus_step(self) -> None:
        first: QWidget | None
        if self._step == 0:
            first = self.people.picker.search
        elif self._step == 1:
            first = self.answers.first_answer()
        else:
            first = self.items.items.findChild(QLineEdit)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._focus_step()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in the student search takes a student; it does not move to the next step."""
        focus = QApplication.focusWidget()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            focus is not None and self.people.picker.isAncestorOf(focus)
        ):
            event.accept()
            return
        super().keyPressEvent(event)

    # -- the people ----------------------------------------------------------------------------
    def _name_of(self, student_id: int) -> str | None:
        try:
            return students.get_student(self._db, student_id).display_name
        except students.StudentNotFound:
            return None

    def _participants(self) -> tuple[Participant, ...]:
        """Everyone in the conversation, each with their key as id: the students in the order
        they were added, then the facilitator."""
        found = [Participant(key, fields, name) for key, fields, name in self.people.people()]
        staff_id = self.facilitator.currentData()
        if staff_id is not None:
            fields = ParticipantFields(Role.FACILITATOR, staff_id=staff_id)
            found.append(Participant(FACILITATOR_KEY, fields, self.facilitator.currentText()))
        return tuple(found)

    def _people_changed(self) -> None:
        everyone = self._participants()
        self.answers.show_people(everyone)
        owners = [
            (f"{p.display_name} ({label(p.fields.role)})", ("participant", p.id)) for p in everyone
        ]
        taken = {p.fields.staff_id for p in everyone}
        owners += [(m.display_name, ("staff", m.id)) for m in self._staff if m.id not in taken]
        self.items.show_owners(owners)

    # -- saving --------------------------------------------------------------------------------
    def values(self) -> ConversationFields:
        everyone = self._participants()
        places = Places(everyone, [place for place, _ in self.items.lines()])
        held_on = pydate(self.held_on.date())
        case = CaseFields(
            tier=Tier.TARGETED,
            occurred_on=pydate(self.occurred_on.date()),
            category_id=self._category_id(),
            description=self.description.text(),
            participants=tuple(p.fields for p in everyone),
        )
        meeting = MeetingFields(
            kind=current_choice(self.kind, MeetingKind) or MeetingKind.RESTORATIVE_CONVERSATION,
            held_on=held_on,
            facilitator_id=self.facilitator.currentData(),
            attendee_ids=frozenset(range(len(everyone))),
            answers=places.answers(self.answers.answers()),
            keep_answers=self.answers.keep_answers(),
            summaries=places.summaries(self.answers.summaries()),
        )
        lines = places.items([item for _, item in self.items.lines()])
        agreement = AgreementFields(held_on, items=lines) if lines else None
        return ConversationFields(case, meeting, agreement)

    def _category_id(self) -> int | None:
        """The category chosen, or typed whole in the narrowed list without a pick."""
        found = self.category.findText(self.category.currentText().strip())
        return self.category.currentData() or (
            self.category.itemData(found) if found >= 0 else None
        )

    def submit(self, values: ConversationFields) -> int:
        saved = record_conversation(self._db, values, replaces_draft=self.draft.key)
        return saved.case_id

    def show_problems(self, problems: tuple[FieldProblem, ...]) -> None:
        shown = place_problems(problems, Places(self._participants(), self._line_places()))
        first = next((p.field for p in shown.general), None)
        step = next((i for i, names in enumerate(STEPS) if first in names), 0)
        if shown.people:
            step = 0
        elif shown.items and first is None:
            step = 2
        self.show_step(step)
        super().show_problems(shown.general)
        self.people.clear_problems()
        for index, text in shown.people:
            self.people.show_problem(index, text)
        self.items.clear_problems()
        for place, text in shown.items:
            self.items.show_problem(place, text)

    def _line_places(self) -> list[int]:
        return [place for place, _ in self.items.lines()]


def _bold(pixels: int) -> QFont:
    font = QFont()
    font.setPixelSize(pixels)
    font.setBold(True)
    return font
