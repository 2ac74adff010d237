"""Who sits in the circle, in which order: a group seated as soon as it is chosen (with its usual
keeper), students, staff and others added one by one, reordered by dragging, with the keeper's
seat and the seat that starts."""

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rp_desktop.domain.circle.wall import Sitter
from rp_desktop.domain.records import Group, StaffMember, Student
from rp_desktop.ui.forms.student_picker import StudentPicker
from rp_desktop.ui.forms.widgets import searchable_if_long


@dataclass(frozen=True)
class Attendee:
    """Someone in the circle as the laptop knows them. Only `sitter` parts reach the wall."""

    name: str  # the full name, for the keeper's own screen
    sitter: Sitter
    student_id: int | None = None
    staff_id: int | None = None

    @classmethod
    def student(cls, student: Student) -> "Attendee":
        sitter = Sitter(student.first_name, student.last_name, student.preferred_name)
        return cls(student.display_name, sitter, student_id=student.id)

    @classmethod
    def staff(cls, member: StaffMember) -> "Attendee":
        sitter = Sitter(member.first_name, member.last_name)
        return cls(member.display_name, sitter, staff_id=member.id)

    @classmethod
    def other(cls, name: str) -> "Attendee":
        """Someone outside the roster (a parent): the wall shows their first word only."""
        words = name.split()
        return cls(name, Sitter(words[0] if words else "?"))

    @property
    def who(self) -> tuple[str, int | str]:
        if self.student_id is not None:
            return ("student", self.student_id)
        if self.staff_id is not None:
            return ("staff", self.staff_id)
        return ("other", self.name.casefold())


class SeatingList(QWidget):
    """The seats in ring order (clockwise from the top).

    Signals:
        changed(): someone was seated, moved or removed, or the keeper or start changed.
    """

    changed = Signal()

    def __init__(
        self,
        find_students: Callable[[str], list[Student]],
        members_of: Callable[[int], list[Student]],
        groups: list[Group],
        staff: list[StaffMember],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._members_of = members_of
        self._keepers = {g.id: g.keeper_id for g in groups}
        self._staff = {member.id: member for member in staff}
        self._make_ways_to_seat(find_students, groups, staff)
        self._make_seats()
        self._keeper: tuple[str, int | str] | None = None
        self._start: tuple[str, int | str] | None = None
        # Who choosing a group seated, while nobody has changed the seats since: choosing
        # another group then seats it instead.
        self._seated_by_choice: list[tuple[str, int | str]] = []
        self._lay_out()
        self._connect()
        self._refresh()

    def _make_ways_to_seat(
        self,
        find_students: Callable[[str], list[Student]],
        groups: list[Group],
        staff: list[StaffMember],
    ) -> None:
        """A group at once (in the order people read: 9-A before 10-A), a student found by
        name, a staff member, or someone else. Long drop-downs narrow as one types."""
        self.group = QComboBox()
        self.group.setAccessibleName(self.tr("Group to seat"))
        self.group.addItem(self.tr("Type or choose a group…"), None)
        for group in groups:
            text = self.tr("{name} ({count})").format(name=group.name, count=group.member_count)
            self.group.addItem(text, group.id)
        searchable_if_long(self.group)
        self.group.setToolTip(self.tr("Choosing a group seats its students and its keeper"))
        self.picker = StudentPicker(find_students, self.tr("Add a student: type a name…"))
        self.staff = QComboBox()
        self.staff.setAccessibleName(self.tr("Staff member to seat"))
        self.staff.addItem(self.tr("Choose a staff member…"), None)
        for member in staff:
            self.staff.addItem(member.display_name, member)
        searchable_if_long(self.staff)
        self.add_staff = QPushButton(self.tr("Seat"))
        self.other = QLineEdit(placeholderText=self.tr("Someone else (a parent, a guest): name"))
        self.add_other = QPushButton(self.tr("Seat"))

    def _make_seats(self) -> None:
        """The seats in order, what can be done to the chosen one, and how many there are."""
        self.seats = QListWidget()
        self.seats.setAccessibleName(self.tr("Seats in order"))
        self.seats.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.seats.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.remove = QPushButton(self.tr("Remove"))
        self.up = QPushButton(self.tr("Move up"))
        self.down = QPushButton(self.tr("Move down"))
        self.make_keeper = QPushButton(self.tr("Keeper sits here"))
        self.make_start = QPushButton(self.tr("Start here"))
        self.count = QLabel()

    # -- what the setup reads -----------------------------------------------------------------
    def attendees(self) -> list[Attendee]:
        return [
            self.seats.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self.seats.count())
        ]

    def keeper_index(self) -> int | None:
        return self._index_of(self._keeper)

    def start_index(self) -> int | None:
        return self._index_of(self._start)

    # -- changing who sits where ----------------------------------------------------------------
    def seat(self, attendee: Attendee, at: int | None = None) -> bool:
        """Seat someone at the end of the ring (or at seat index `at`); False if they are
        already seated."""
        if any(a.who == attendee.who for a in self.attendees()):
            return False
        item = QListWidgetItem()
        item.setData(Qt.ItemDataRole.UserRole, attendee)
        self.seats.insertItem(self.seats.count() if at is None else at, item)
        if attendee.staff_id is not None and self._keeper is None:
            self._keeper = self._start = attendee.who  # a staff member usually keeps
        self._refresh()
        return True

    def seat_group(self, group_id: int) -> int:
        """Seat a group's students in alphabetical order, and, when no keeper is chosen yet,
        the group's usual keeper in the first seat, keeping; returns how many were added."""
        added = sum(self.seat(Attendee.student(s)) for s in self._members_of(group_id))
        keeper = self._staff.get(self._keepers.get(group_id) or -1)
        if self._keeper is None and keeper is not None:
            added += self.seat(Attendee.staff(keeper), at=0)
        return added

    def clear(self) -> None:
        self.seats.clear()
        self._keeper = self._start = None
        self._seated_by_choice = []
        self._refresh()

    def set_keeper(self, attendee: Attendee) -> None:
        self._keeper = self._start = attendee.who
        self._refresh()

    # -- private -----------------------------------------------------------------------------
    def _lay_out(self) -> None:
        def line(*widgets: QWidget) -> QHBoxLayout:
            row = QHBoxLayout()
            for widget in widgets:
                row.addWidget(widget, 1 if isinstance(widget, QComboBox | QLineEdit) else 0)
            return row

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.group)
        layout.addWidget(self.picker)
        layout.addLayout(line(self.staff, self.add_staff))
        layout.addLayout(line(self.other, self.add_other))
        layout.addWidget(self.count)
        layout.addWidget(self.seats, 1)
        layout.addLayout(line(self.up, self.down, self.make_keeper, self.make_start, self.remove))

    def _connect(self) -> None:
        self.group.currentIndexChanged.connect(self._seat_chosen_group)
        self.group.activated.connect(self._seat_chosen_group)
        self.picker.studentChosen.connect(lambda s: self.seat(Attendee.student(s)))
        self.add_staff.clicked.connect(self._seat_chosen_staff)
        self.add_other.clicked.connect(self._seat_other)
        self.other.returnPressed.connect(self._seat_other)
        self.remove.clicked.connect(self._remove_current)
        self.up.clicked.connect(lambda: self._shift(-1))
        self.down.clicked.connect(lambda: self._shift(1))
        self.make_keeper.clicked.connect(lambda: self._mark("keeper"))
        self.make_start.clicked.connect(lambda: self._mark("start"))
        self.seats.model().rowsMoved.connect(self._refresh)

    def _seat_chosen_group(self) -> None:
        """Seat the group chosen; it takes the place of the one chosen before, unless the
        seats were changed since (then both sit)."""
        group_id = self.group.currentData()
        if group_id is None:
            return
        if self._seated_by_choice and self._whos() == self._seated_by_choice:
            self.clear()
        self.seat_group(group_id)
        self._seated_by_choice = self._whos()

    def _whos(self) -> list[tuple[str, int | str]]:
        return [attendee.who for attendee in self.attendees()]

    def _seat_chosen_staff(self) -> None:
        member = self.staff.currentData()
        if member is not None:
            self.seat(Attendee.staff(member))

    def _seat_other(self) -> None:
        name = self.other.text().strip()
        if name and self.seat(Attendee.other(name)):
            self.other.clear()

    def _remove_current(self) -> None:
        row = self.seats.currentRow()
        if row >= 0:
            self.seats.takeItem(row)
            self._refresh()

    def _shift(self, step: int) -> None:
        row = self.seats.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.seats.count():
            return
        item = self.seats.takeItem(row)
        self.seats.insertItem(target, item)
        self.seats.setCurrentRow(target)
        self._refresh()

    def _mark(self, which: str) -> None:
        item = self.seats.currentItem()
        if item is None:
            return
        who = item.data(Qt.ItemDataRole.UserRole).who
        if which == "keeper":
            self._keeper = who
        else:
            self._start = who
        self._refresh()

    def _index_of(self, who: tuple[str, int | str] | None) -> int | None:
        return next((i for i, a in enumerate(self.attendees()) if a.who == who), None)

    def _refresh(self) -> None:
        for row, attendee in enumerate(self.attendees()):
            notes = []
            if attendee.who == self._keeper:
                notes.append(self.tr("keeper"))
            if attendee.who == self._start:
                notes.append(self.tr("starts each round"))
            extra = f"  ({', '.join(notes)})" if notes else ""
            self.seats.item(row).setText(f"{row + 1}. {attendee.name}{extra}")
        self.count.setText(
            self.tr("{n} seated. Drag to change the order.").format(n=self.seats.count())
            if self.seats.count()
            else self.tr("Nobody seated yet: type a group's name above, or add people one by one.")
        )
        self.changed.emit()
