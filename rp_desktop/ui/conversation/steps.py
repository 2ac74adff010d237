"""The conversation's second and third steps, built again whenever the people change: what each
person said (the meeting form's pages: a short summary each, the answers to the restorative
questions word for word only when kept), and the agreement's items (the agreement form's lines).
What was typed is carried over, person by person."""

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCheckBox, QPlainTextEdit, QVBoxLayout, QWidget

from rp_desktop.domain.casework.records import AgreementItemFields, AnswerFields
from rp_desktop.domain.records import Participant
from rp_desktop.ui.case.agreement_form import ItemsEditor, Owner
from rp_desktop.ui.case.meeting_answers import AnswersByPerson
from rp_desktop.ui.forms.form_state import Json


class AnswersStep(QWidget):
    """What each person said, one page a person, in speaking order.

    Signals:
        changed(): the pages were built again (new answer boxes to watch).
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._people: tuple[Participant, ...] = ()
        self.pages = AnswersByPerson(())
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.addWidget(self.pages)

    def show_people(self, people: tuple[Participant, ...]) -> None:
        """Pages for `people` (each Participant's id is its key in the window)."""
        if people == self._people:
            return
        typed = self.pages.draft_state()
        old = self.pages
        self._people = people
        self.pages = AnswersByPerson(people)
        self.pages.restore_draft_state(typed)
        self.pages.show_people(frozenset(p.id for p in people))
        self._column.replaceWidget(old, self.pages)
        old.hide()
        old.deleteLater()
        self.changed.emit()

    def answers(self) -> tuple[AnswerFields, ...]:
        """The answers given, each by the key of who gave it (none unless kept)."""
        return self.pages.answers(frozenset(p.id for p in self._people))

    def summaries(self) -> tuple[tuple[int, str], ...]:
        """Each person's summary, by their key."""
        return self.pages.summaries(frozenset(p.id for p in self._people))

    def keep_answers(self) -> bool:
        return self.pages.keep_answers()

    @property
    def keep(self) -> QCheckBox:
        """The tick "Keep the answers word for word" of the pages shown."""
        return self.pages.keep

    def first_answer(self) -> QPlainTextEdit | None:
        return self.pages.first_answer()

    def draft_state(self) -> dict[str, Json]:
        return self.pages.draft_state()

    def restore_draft_state(self, state: Json) -> None:
        self.pages.restore_draft_state(state)

    def set_read_only(self, read_only: bool) -> None:
        self.pages.set_read_only(read_only)


class AgreementStep(QWidget):
    """What each person will do to make things right, and by when. A line left empty is not
    part of the agreement; with every line empty, nothing was agreed.

    Signals:
        changed(): a line was added or taken out, or the lines were built again.
    """

    changed = Signal()

    def __init__(self, today: QDate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self._owners: list[tuple[str, Owner]] = []
        self.items = self._editor([])
        self.items.add_item()
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.addWidget(self.items)

    def show_owners(self, owners: list[tuple[str, Owner]]) -> None:
        """Who may own an item: the people (by key) and the staff."""
        if owners == self._owners:
            return
        typed = self.items.draft_state()
        old = self.items
        self._owners = owners
        self.items = self._editor(owners)
        self.items.restore_draft_state(typed)
        self._column.replaceWidget(old, self.items)
        old.hide()
        old.deleteLater()
        self.changed.emit()

    def lines(self) -> list[tuple[int, AgreementItemFields]]:
        """The lines filled in, each with its place among all the lines."""
        return [
            (place, item)
            for place, item in enumerate(self.items.items())
            if item.description.strip()
            or item.owner_participant_id is not None
            or item.owner_staff_id is not None
        ]

    def show_problem(self, place: int, text: str) -> None:
        self.items.show_problem(place, text)

    def clear_problems(self) -> None:
        self.items.clear_problems()

    def draft_state(self) -> list[dict[str, Json]]:
        return self.items.draft_state()

    def restore_draft_state(self, state: Json) -> None:
        self.items.restore_draft_state(state)

    def set_read_only(self, read_only: bool) -> None:
        self.items.set_read_only(read_only)

    def _editor(self, owners: list[tuple[str, Owner]]) -> ItemsEditor:
        editor = ItemsEditor(owners, self._today)
        editor.changed.connect(self.changed)
        return editor
