"""The answers to the restorative questions at a meeting: one page per person who came, with
their role's questions in order, in the usual speaking order. Staff have two short questions of
their own; the facilitator, who asks the questions, has no page."""

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from rp_desktop.domain.casework.records import AnswerFields
from rp_desktop.domain.casework.restorative import (
    RestorativeQuestion,
    questions_for,
    speaking_order,
)
from rp_desktop.domain.records import Participant
from rp_desktop.ui.forms.form_state import Json
from rp_desktop.ui.words.labels import label

ANSWER_PIXELS = 16
QUESTION_PIXELS = 18


class AnswersByPerson(QWidget):
    """One page per person at the meeting, with their role's questions in order; what is typed
    is kept even if someone is unticked and ticked again."""

    def __init__(self, participants: tuple[Participant, ...], parent: QWidget | None = None):
        super().__init__(parent)
        self._participants = {p.id: p for p in participants}
        self._texts: dict[tuple[int, RestorativeQuestion], QPlainTextEdit] = {}
        self.people = QListWidget()
        self.people.setAccessibleName(self.tr("People who answer"))
        self.people.setMaximumWidth(200)
        self.pages = QStackedWidget()
        self.empty = QLabel(self.tr("Tick who came to the meeting to record their answers."))
        self.empty.setWordWrap(True)
        self.pages.addWidget(self.empty)
        self.previous = QPushButton(self.tr("← Previous person"))
        self.next = QPushButton(self.tr("Next person →"))
        self.previous.setAccessibleName(self.tr("Previous person"))
        self.next.setAccessibleName(self.tr("Next person"))
        # Above the questions: after a step the next person's name and first questions are
        # at the top of the view, with the buttons beside them.
        steps = QHBoxLayout()
        steps.addWidget(self.previous)
        steps.addStretch(1)
        steps.addWidget(self.next)
        right = QVBoxLayout()
        right.addLayout(steps)
        right.addWidget(self.pages, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.people)
        layout.addLayout(right, 1)
        self.people.currentRowChanged.connect(self._show_person)
        self.previous.clicked.connect(lambda: self._step(-1))
        self.next.clicked.connect(lambda: self._step(1))
        self.setMinimumHeight(380)

    def show_people(self, ids: frozenset[int]) -> None:
        """The pages of the people at the meeting who answer questions, the person who caused
        harm first."""
        present = [p for pid, p in self._participants.items() if pid in ids]
        ordered = speaking_order([p for p in present if self._questions(p)])
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

    def first_answer(self) -> QPlainTextEdit | None:
        """The shown person's first answer box."""
        page = self.pages.currentWidget()
        return page.findChild(QPlainTextEdit) if page is not None else None

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
        for question in self._questions(participant):
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
            edit.setTabChangesFocus(True)  # Tab goes on to the next question
            edit.setMaximumHeight(80)
            self._texts[key] = edit
        return self._texts[key]

    def _questions(self, participant: Participant) -> tuple[RestorativeQuestion, ...]:
        """The questions of the person's role, then any other answer already on record for
        them (staff answered the questions for those affected before they had their own)."""
        role = participant.fields.role
        asked = questions_for(role) if role is not None else ()
        kept = tuple(
            question
            for (pid, question), edit in self._texts.items()
            if pid == participant.id and question not in asked and edit.toPlainText()
        )
        return asked + kept

    def _show_person(self, row: int) -> None:
        self.pages.setCurrentIndex(row + 1 if row >= 0 else 0)
        self.previous.setEnabled(row > 0)
        self.next.setEnabled(0 <= row < self.people.count() - 1)

    def _step(self, step: int) -> None:
        row = self.people.currentRow() + step
        if 0 <= row < self.people.count():
            self.people.setCurrentRow(row)
            self._to_top()
            first = self.first_answer()
            if first is not None:
                first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _to_top(self) -> None:
        """Scroll the form so the buttons, the person's name and first questions are at the
        top of its view."""
        area = self.parentWidget()
        while area is not None and not isinstance(area, QScrollArea):
            area = area.parentWidget()
        inner = area.widget() if area is not None else None
        if area is None or inner is None:
            return
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        area.verticalScrollBar().setValue(self.mapTo(inner, QPoint(0, 0)).y())


def _font(pixels: int, *, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(pixels)
    font.setBold(bold)
    return font
