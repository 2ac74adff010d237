"""The students a caregiver cares for, each with how they are related, and a picker to add
another (a grandmother of two brothers is one caregiver)."""

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from rp_desktop.domain.continuum.caregivers import CaregiverLink
from rp_desktop.domain.continuum.kinds import CaregiverRelationship
from rp_desktop.domain.records import Student
from rp_desktop.ui.forms.student_picker import StudentPicker
from rp_desktop.ui.forms.widgets import choice_combo, current_choice, select_data


class _LinkRow:
    def __init__(self, student_id: int, name: str, relation: CaregiverRelationship) -> None:
        self.student_id = student_id
        self.name = QLabel(name)
        self.relation = choice_combo(list(CaregiverRelationship))
        select_data(self.relation, relation)
        self.remove = QPushButton("✕")
        self.remove.setFixedWidth(32)

    def link(self) -> CaregiverLink:
        relation = current_choice(self.relation, CaregiverRelationship)
        return CaregiverLink(self.student_id, relation or CaregiverRelationship.PARENT)


class StudentLinks(QWidget):
    """Signals: changed(): a student was added or removed, or a relation changed."""

    changed = Signal()

    def __init__(
        self, find_students: Callable[[str], list[Student]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._rows: list[_LinkRow] = []
        self._grid = QGridLayout()
        self._grid.setColumnStretch(0, 1)
        self.none_yet = QLabel(self.tr("No student yet: add the students they care for."))
        self.picker = StudentPicker(find_students, self.tr("Add a student: type a name…"))
        self.picker.studentChosen.connect(self._add_student)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.none_yet)
        layout.addLayout(self._grid)
        layout.addWidget(self.picker)

    def links(self) -> tuple[CaregiverLink, ...]:
        return tuple(row.link() for row in self._rows)

    def names(self) -> list[str]:
        return [row.name.text() for row in self._rows]

    def relation_combo(self, index: int) -> QComboBox:
        return self._rows[index].relation

    def set_links(self, links: list[tuple[CaregiverLink, str]]) -> None:
        for old in self._rows:
            for widget in (old.name, old.relation, old.remove):
                widget.setParent(None)
                widget.deleteLater()
        self._rows = []
        for link, name in links:
            self._append(link.student_id, name, link.relation)
        self.none_yet.setVisible(not self._rows)
        self.changed.emit()

    def set_read_only(self, read_only: bool) -> None:
        self.picker.setVisible(not read_only)
        for row in self._rows:
            row.relation.setEnabled(not read_only)
            row.remove.setVisible(not read_only)

    def _add_student(self, student: Student) -> None:
        if student.id not in [row.student_id for row in self._rows]:
            self._append(student.id, student.display_name, CaregiverRelationship.PARENT)
            self.changed.emit()

    def _append(self, student_id: int, name: str, relation: CaregiverRelationship) -> None:
        row = _LinkRow(student_id, name, relation)
        row.relation.setAccessibleName(self.tr("How they are related to {name}").format(name=name))
        row.remove.setAccessibleName(self.tr("Remove {name}").format(name=name))
        line = len(self._rows)
        self._grid.addWidget(row.name, line, 0)
        self._grid.addWidget(row.relation, line, 1)
        self._grid.addWidget(row.remove, line, 2)
        row.relation.currentIndexChanged.connect(self.changed)
        row.remove.clicked.connect(lambda: self._remove(row))
        self._rows.append(row)
        self.none_yet.hide()

    def _remove(self, row: _LinkRow) -> None:
        kept = [(r.link(), r.name.text()) for r in self._rows if r is not row]
        self.set_links(kept)
