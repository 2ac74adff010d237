"""What each person said at a meeting: one page per person who came, in the usual speaking order.
By default a page shows the restorative questions for the person's role as the facilitator's
guide, and one box for a short summary of what they said: what a student says should not become
evidence for discipline, so the summary and the agreement are the record. Ticking "Keep the
answers word for word" adds a box under each question. Staff have two short questions of their
own; the facilitator, who asks the questions, has no page."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from rp_desktop.domain.casework.records import AnswerFields
from rp_desktop.domain.casework.restorative import (
    RestorativeQuestion,
    questions_in_case,
    speaking_order,
)
from rp_desktop.domain.records import Participant
from rp_desktop.domain.vocabulary import CategoryKind, Role
from rp_desktop.ui.forms.form_state import Json
from rp_desktop.ui.what_was_said.asking import remove_answers
from rp_desktop.ui.what_was_said.boxes import font, said_box, scroll_to_top_of
from rp_desktop.ui.what_was_said.drafts import AnswersDraft
from rp_desktop.ui.words.labels import label

QUESTION_PIXELS = 18


class AnswersByPerson(QWidget):
    """One page per person at the meeting: their summary, and their role's questions in order
    (with a box each when the answers are kept). What is typed is kept even if someone is
    unticked and ticked again."""

    def __init__(
        self,
        participants: tuple[Participant, ...],
        parent: QWidget | None = None,
        *,
        kind: CategoryKind | None = None,
    ):
        super().__init__(parent)
        self._kind = kind  # the case's category kind: a concern asks no questions of harm
        self._participants = {p.id: p for p in participants}
        self._texts: dict[tuple[int, RestorativeQuestion], QPlainTextEdit] = {}
        self._summaries: dict[int, QPlainTextEdit] = {}
        self._shown: frozenset[int] = frozenset()
        self._make_keep()
        self.people = QListWidget()
        self.people.setAccessibleName(self.tr("People who speak"))
        self.people.setMaximumWidth(200)
        self.pages = QStackedWidget()
        self.empty = QLabel(self.tr("Tick who came to the meeting to record what they said."))
        self.empty.setWordWrap(True)
        self.pages.addWidget(self.empty)
        self.previous = QPushButton(self.tr("← Previous person"))
        self.next = QPushButton(self.tr("Next person →"))
        self.previous.setAccessibleName(self.tr("Previous person"))
        self.next.setAccessibleName(self.tr("Next person"))
        self._lay_out()
        self.people.currentRowChanged.connect(self._show_person)
        self.previous.clicked.connect(lambda: self._step(-1))
        self.next.clicked.connect(lambda: self._step(1))
        self.keep.toggled.connect(lambda _on: self.show_people(self._shown))
        self.keep.clicked.connect(self._keep_clicked)
        self.setMinimumHeight(380)

    def _make_keep(self) -> None:
        self.keep = QCheckBox(self.tr("Keep the answers word for word"))
        self.keep.setAccessibleName(self.tr("Keep the answers word for word"))
        # As wide as its words: a click beside them, in empty space, does not tick it.
        self.keep.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.why = QLabel(
            self.tr(
                "What a student says should not become evidence for discipline: keep a short "
                "summary and the agreement."
            ),
            wordWrap=True,
        )
        self.keep.setAccessibleDescription(self.why.text())

    def _lay_out(self) -> None:
        # Above the page: after a step the next person's name and summary are at the top of
        # the view, with the buttons beside them.
        steps = QHBoxLayout()
        steps.addWidget(self.previous)
        steps.addStretch(1)
        steps.addWidget(self.next)
        right = QVBoxLayout()
        right.addLayout(steps)
        right.addWidget(self.pages, 1)
        both = QHBoxLayout()
        both.addWidget(self.people)
        both.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.keep)
        layout.addWidget(self.why)
        layout.addLayout(both, 1)

    # -- the pages -----------------------------------------------------------------------------
    def show_people(self, ids: frozenset[int]) -> None:
        """The pages of the people at the meeting who speak, the person who caused harm first;
        the page shown stays shown."""
        self._shown = ids
        current = self.people.currentRow()
        present = [p for pid, p in self._participants.items() if pid in ids]
        # Everyone speaks but the facilitator, who asks: in a concern, with no question of
        # harm to guide them, each still has a summary.
        ordered = speaking_order([p for p in present if p.fields.role is not Role.FACILITATOR])
        self.people.clear()
        for edit in (*self._texts.values(), *self._summaries.values()):
            edit.setParent(self)  # keep what was typed when its page goes
            edit.hide()
        while (page := self.pages.widget(1)) is not None:
            self.pages.removeWidget(page)
            page.deleteLater()
        for participant in ordered:
            self.people.addItem(participant.display_name)
            self.pages.addWidget(self._page(participant))
        row = current if 0 <= current < len(ordered) else 0
        self.people.setCurrentRow(row if ordered else -1)
        self.pages.setCurrentIndex(row + 1 if ordered else 0)

    def first_answer(self) -> QPlainTextEdit | None:
        """The shown person's first box: their summary."""
        page = self.pages.currentWidget()
        return page.findChild(QPlainTextEdit) if page is not None else None

    def _page(self, participant: Participant) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        heading = QLabel(f"{participant.display_name} · {label(participant.fields.role)}")
        heading.setFont(font(QUESTION_PIXELS + 4, bold=True))
        column.addWidget(heading)
        summary = self._summary(participant.id)
        caption = QLabel(self.tr("Summary of what they said (a few words)"))
        caption.setBuddy(summary)
        column.addWidget(caption)
        column.addWidget(summary)
        summary.show()
        kept = self.keep.isChecked()
        questions = self._questions(participant)
        if questions:  # none for someone in a concern, or a facilitator
            guide = self.tr("The questions to ask:") if not kept else self.tr("Their answers:")
            column.addWidget(QLabel(guide))
        for question in questions:
            prompt = QLabel(label(question), wordWrap=True)
            prompt.setFont(font(QUESTION_PIXELS, bold=True))
            column.addWidget(prompt)
            edit = self._edit(participant, question)
            column.addWidget(edit)
            edit.setVisible(kept)
        column.addStretch(1)
        return page

    def _summary(self, participant_id: int) -> QPlainTextEdit:
        if participant_id not in self._summaries:
            name = self.tr("Summary of what they said (a few words)")
            self._summaries[participant_id] = said_box(name, 70)
        return self._summaries[participant_id]

    def _edit(self, participant: Participant, question: RestorativeQuestion) -> QPlainTextEdit:
        key = (participant.id, question)
        if key not in self._texts:
            self._texts[key] = said_box(label(question), 80)
        return self._texts[key]

    def _questions(self, participant: Participant) -> tuple[RestorativeQuestion, ...]:
        """The questions of the person's role, then any other answer already on record for
        them (staff answered the questions for those affected before they had their own)."""
        asked = questions_in_case(participant.fields.role, self._kind)
        kept = tuple(
            question
            for (pid, question), edit in self._texts.items()
            if pid == participant.id and question not in asked and edit.toPlainText()
        )
        return asked + kept

    # -- what was said -------------------------------------------------------------------------
    def keep_answers(self) -> bool:
        return self.keep.isChecked()

    def answers(self, ids: frozenset[int]) -> tuple[AnswerFields, ...]:
        """The answers word for word, only when they are kept."""
        if not self.keep.isChecked():
            return ()
        return tuple(
            AnswerFields(pid, question, edit.toPlainText())
            for (pid, question), edit in self._texts.items()
            if pid in ids and edit.toPlainText().strip()
        )

    def summaries(self, ids: frozenset[int]) -> tuple[tuple[int, str], ...]:
        return tuple(
            (pid, edit.toPlainText())
            for pid, edit in self._summaries.items()
            if pid in ids and edit.toPlainText().strip()
        )

    def fill(
        self,
        answers: tuple[AnswerFields, ...],
        summaries: tuple[tuple[int, str], ...] = (),
        *,
        keep: bool = False,
    ) -> None:
        """What a saved meeting holds; its answers show when they were kept."""
        self.keep.setChecked(keep or bool(answers))
        for answer in answers:
            participant = self._participants.get(answer.participant_id)
            if participant is not None:
                self._edit(participant, answer.question).setPlainText(answer.text)
        for participant_id, text in summaries:
            if participant_id in self._participants:
                self._summary(participant_id).setPlainText(text)

    def set_read_only(self, read_only: bool) -> None:
        self.keep.setEnabled(not read_only)
        for edit in (*self._texts.values(), *self._summaries.values()):
            edit.setReadOnly(read_only)

    def _keep_clicked(self, checked: bool) -> None:
        """Unticked with answers typed: they are removed, once the user says so."""
        typed = [edit for edit in self._texts.values() if edit.toPlainText().strip()]
        if checked or not typed:
            return
        if remove_answers(self, len(typed)):
            for edit in typed:
                edit.clear()
        else:
            self.keep.setChecked(True)

    # -- drafts --------------------------------------------------------------------------------
    def draft_state(self) -> dict[str, Json]:
        """Everything typed so far, for the form's draft: a person unticked keeps theirs."""
        return AnswersDraft(
            self.keep.isChecked(),
            {key: edit.toPlainText() for key, edit in self._texts.items()},
            {pid: edit.toPlainText() for pid, edit in self._summaries.items()},
        ).state()

    def restore_draft_state(self, state: Json) -> None:
        draft = AnswersDraft.read(state)
        self.keep.setChecked(draft.keep)
        for (pid, question), text in draft.answers.items():
            if pid in self._participants:  # not someone taken off the case since
                self._edit(self._participants[pid], question).setPlainText(text)
        for pid, text in draft.summaries.items():
            if pid in self._participants:
                self._summary(pid).setPlainText(text)

    # -- moving between people -----------------------------------------------------------------
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
        """Scroll the form so the buttons, the person's name and summary are at the top of its
        view."""
        scroll_to_top_of(self)
