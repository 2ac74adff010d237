"""The students a practice was with (none for a tally): found by typing part of a name, Enter
taking the one match; each shown with a button that takes them out. Enter in the empty box
saves the form, so a chat with one student is: a name, Enter, Enter."""

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from rp_desktop.domain.records import Student
from rp_desktop.ui.forms.form_state import Json
from rp_desktop.ui.forms.student_picker import StudentPicker

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class PracticeStudents(QWidget):
    """The students chosen, in the order they were added.

    Signals:
        changed(): a student was added or taken out.
    """

    changed = Signal()

    def __init__(
        self,
        find: Callable[[str], list[Student]],
        name_of: Callable[[int], str | None],
        enter_when_empty: Callable[[], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._name_of = name_of
        self._enter_when_empty = enter_when_empty
        self._chosen: list[tuple[int, str]] = []
        self.picker = StudentPicker(find, self.tr("Type part of a name or number…"))
        self.picker.search.installEventFilter(self)  # after the picker's: sees Enter first
        self.rows = QGridLayout()
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.rows.setColumnStretch(0, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.picker)
        layout.addLayout(self.rows)
        self.picker.studentChosen.connect(self._add)

    def student_ids(self) -> tuple[int, ...]:
        return tuple(student_id for student_id, _ in self._chosen)

    def names(self) -> list[str]:
        return [name for _, name in self._chosen]

    def set_students(self, chosen: list[tuple[int, str]]) -> None:
        """Show these (id, name) students, as a saved log has them."""
        self._chosen = list(chosen)
        self._show_rows()

    def set_read_only(self, read_only: bool) -> None:
        self.picker.setVisible(not read_only)
        for button in self.findChildren(QPushButton):
            button.setEnabled(not read_only)

    def draft_state(self) -> list[int]:
        return list(self.student_ids())

    def restore_draft_state(self, state: Json) -> None:
        """The students of a draft, by the names the records give them now; a student no longer
        on record is left out."""
        chosen = []
        for student_id in state if isinstance(state, list) else []:
            name = self._name_of(student_id) if isinstance(student_id, int) else None
            if name:
                chosen.append((student_id, name))
        self.set_students(chosen)
        self.changed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.picker.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in ENTER_KEYS
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            and not self.picker.search.text().strip()
        ):
            self._enter_when_empty()
            return True
        return super().eventFilter(watched, event)

    def _add(self, student: Student) -> None:
        if student.id in self.student_ids():
            return  # already in: once each
        self._chosen.append((student.id, student.display_name))
        self._show_rows()
        self.changed.emit()

    def _remove(self, student_id: int) -> None:
        self._chosen = [entry for entry in self._chosen if entry[0] != student_id]
        self._show_rows()
        self.changed.emit()
        self.picker.search.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_rows(self) -> None:
        """The rows built again, so no empty line is left behind a student taken out."""
        while self.rows.count():
            item = self.rows.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.setParent(None)
                widget.deleteLater()
        for line, (student_id, name) in enumerate(self._chosen):
            remove = QPushButton(self.tr("Take out"))
            remove.setAutoDefault(False)
            remove.setAccessibleName(self.tr("Take {name} out").format(name=name))
            remove.clicked.connect(lambda _=False, sid=student_id: self._remove(sid))
            self.rows.addWidget(QLabel(name), line, 0)
            self.rows.addWidget(remove, line, 1)
