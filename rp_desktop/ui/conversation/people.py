"""Who is in the conversation: students found by typing part of a name, each with a role chosen
in one click (the person who caused harm, the person harmed, or a supporter or witness). No
role is assumed: the counselor says who was harmed and who caused it."""

from collections.abc import Callable
from itertools import count

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from rp_desktop.domain.records import ParticipantFields, Student
from rp_desktop.domain.vocabulary import Role
from rp_desktop.ui.forms.form_state import Json
from rp_desktop.ui.forms.student_picker import StudentPicker
from rp_desktop.ui.words.labels import label

# The roles a student may have in a conversation, in the order they are offered.
ROLES = (Role.PERSON_WHO_CAUSED_HARM, Role.PERSON_HARMED, Role.SUPPORTER, Role.WITNESS)


class _Row:
    """One student: name, a role in one click, a way to take them out, a problem line."""

    def __init__(self, key: int, student_id: int, name: str, texts: dict[Role, str]) -> None:
        self.key = key
        self.student_id = student_id
        self.name = QLabel(name)
        self.choices = QWidget()
        self.roles = QButtonGroup(self.choices)
        self.buttons: dict[Role, QRadioButton] = {}
        line = QHBoxLayout(self.choices)
        line.setContentsMargins(0, 0, 0, 0)
        for role in ROLES:
            button = QRadioButton(texts[role])
            button.setAccessibleName(f"{name}: {label(role)}")
            self.roles.addButton(button)
            self.buttons[role] = button
            line.addWidget(button)
        self.remove = QPushButton("✕")
        self.remove.setFixedWidth(32)
        self.problem = QLabel(wordWrap=True)
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.hide()

    @property
    def role(self) -> Role | None:
        return next((role for role, b in self.buttons.items() if b.isChecked()), None)

    def set_role(self, role: Role | None) -> None:
        if role in self.buttons:
            self.buttons[role].setChecked(True)

    def widgets(self) -> tuple[QWidget, ...]:
        return (self.name, self.choices, self.remove, self.problem)


class ConversationPeople(QWidget):
    """The students of the conversation and their roles. Each keeps a key of its own for as
    long as the window is open (the answers typed for them are kept by it).

    Signals:
        changed(): someone was added or taken out, or a role was chosen.
    """

    changed = Signal()

    def __init__(
        self,
        find: Callable[[str], list[Student]],
        name_of: Callable[[int], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._name_of = name_of
        self._keys = count(1)
        self._rows: list[_Row] = []
        self.picker = StudentPicker(find, self.tr("Add a student: type part of a name…"))
        self.none_yet = QLabel(
            self.tr("Add the students, then choose each one's part in what happened.")
        )
        self.none_yet.setWordWrap(True)
        self._grid = QGridLayout()
        self._grid.setColumnStretch(0, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.picker)
        layout.addWidget(self.none_yet)
        layout.addLayout(self._grid)
        self.picker.studentChosen.connect(self._add)

    def people(self) -> list[tuple[int, ParticipantFields, str]]:
        """Each student as (key, fields, name), in the order they were added."""
        return [
            (row.key, ParticipantFields(row.role, student_id=row.student_id), row.name.text())
            for row in self._rows
        ]

    def show_problem(self, index: int, text: str) -> None:
        if 0 <= index < len(self._rows):
            self._rows[index].problem.setText(text)
            self._rows[index].problem.show()

    def clear_problems(self) -> None:
        for row in self._rows:
            row.problem.clear()
            row.problem.hide()

    def set_read_only(self, read_only: bool) -> None:
        self.picker.setVisible(not read_only)
        for row in self._rows:
            for widget in (*row.buttons.values(), row.remove):
                widget.setEnabled(not read_only)

    def draft_state(self) -> list[dict[str, Json]]:
        return [
            {"key": row.key, "student_id": row.student_id, "role": row.role and row.role.value}
            for row in self._rows
        ]

    def restore_draft_state(self, state: Json) -> None:
        """The students of a draft, by the names the records give them now; a student no longer
        on record is left out."""
        for entry in state if isinstance(state, list) else []:
            try:
                key, student_id = int(entry["key"]), int(entry["student_id"])
                role = Role(entry["role"]) if entry.get("role") else None
            except (KeyError, TypeError, ValueError, AttributeError):
                continue
            name = self._name_of(student_id)
            if name:
                self._append(key, student_id, name, role)
                self._keys = count(max(key + 1, next(self._keys)))
        self.changed.emit()

    def _add(self, student: Student) -> None:
        if any(row.student_id == student.id for row in self._rows):
            return  # already in: one row a student
        self._append(next(self._keys), student.id, student.display_name, None)
        self.changed.emit()

    def _append(self, key: int, student_id: int, name: str, role: Role | None) -> None:
        texts = {
            Role.PERSON_WHO_CAUSED_HARM: self.tr("Caused harm"),
            Role.PERSON_HARMED: self.tr("Was harmed"),
            Role.SUPPORTER: self.tr("Supporter"),
            Role.WITNESS: self.tr("Witness"),
        }
        row = _Row(key, student_id, name, texts)
        row.set_role(role)
        row.remove.setAccessibleName(self.tr("Take {name} out").format(name=name))
        line = len(self._rows) * 2
        self._grid.addWidget(row.name, line, 0)
        self._grid.addWidget(row.choices, line, 1)
        self._grid.addWidget(row.remove, line, 2, Qt.AlignmentFlag.AlignRight)
        self._grid.addWidget(row.problem, line + 1, 0, 1, 3)
        row.roles.buttonToggled.connect(lambda _b, on: self._role_chosen(row, on))
        row.remove.clicked.connect(lambda: self._remove(row))
        self._rows.append(row)
        self.none_yet.hide()

    def _role_chosen(self, row: _Row, on: bool) -> None:
        if on:
            row.problem.hide()  # the problem was the missing role
            self.changed.emit()

    def _remove(self, row: _Row) -> None:
        """Take a student out; the grid is built again so no empty line is left behind."""
        kept = [(r.key, r.student_id, r.name.text(), r.role) for r in self._rows if r is not row]
        for old in self._rows:
            for widget in old.widgets():
                widget.setParent(None)
                widget.deleteLater()
        self._rows = []
        for entry in kept:
            self._append(*entry)
        self.none_yet.setVisible(not self._rows)
        self.changed.emit()
