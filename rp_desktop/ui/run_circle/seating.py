"""Who sits in the circle, in which order: a group seated as soon as it is chosen (with its usual
keeper), students, staff and others added one by one, reordered by dragging, with the keeper's
seat and the seat that starts; and those of the group who are not here today."""

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
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

from rp_desktop.domain.records import Group, StaffMember, Student
from rp_desktop.ui.forms.student_picker import StudentPicker
from rp_desktop.ui.forms.widgets import searchable_if_long
from rp_desktop.ui.run_circle.setting_up.attendee import Attendee, role_counts, seat_line
from rp_desktop.ui.run_circle.setting_up.not_here import Away, NotHereList, count_text

__all__ = ["Attendee", "SeatingList"]  # Attendee is known by this module's name too


class SeatingList(QWidget):
    """The seats in ring order (clockwise from the top).

    Signals:
        changed(): the seats, those not here, the keeper or the start changed.

    Keys in the seats: Delete takes the chosen seat away (asking nothing); Alt+N marks the
    chosen person not here today.
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
        self.remove.setToolTip(self.tr("Take the chosen seat away (Delete)"))
        self.not_here = QPushButton(self.tr("Not here"))
        self.not_here.setToolTip(
            self.tr("The chosen person is not here today: the circle will not count them (Alt+N)")
        )
        self.away = NotHereList()
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

    def not_here_today(self) -> list[Attendee]:
        """Those marked not here, in the order they were marked."""
        return [away.attendee for away in self.away.everyone()]

    def absent_student_ids(self) -> frozenset[int]:
        return frozenset(a.student_id for a in self.not_here_today() if a.student_id is not None)

    def role_counts(self) -> dict[str, int]:
        """How many seats hold each role, with "keeper": 1 when someone keeps."""
        return role_counts(self.attendees(), keeps=self.keeper_index() is not None)

    # -- changing who sits where ----------------------------------------------------------------
    def seat(self, attendee: Attendee, at: int | None = None) -> bool:
        """Seat someone at the end of the ring (or at seat index `at`); False if they are
        already seated."""
        if any(a.who == attendee.who for a in self.attendees()):
            return False
        self.away.take(attendee.who)  # seated again: here after all
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
        self.away.clear()
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
        layout.addLayout(line(self.up, self.down, self.make_keeper, self.make_start))
        layout.addLayout(line(self.not_here, self.remove))
        layout.addWidget(self.away)

    def _connect(self) -> None:
        self.group.currentIndexChanged.connect(self._seat_chosen_group)
        self.group.activated.connect(self._seat_chosen_group)
        self.picker.studentChosen.connect(lambda s: self.seat(Attendee.student(s)))
        self.add_staff.clicked.connect(self._seat_chosen_staff)
        self.add_other.clicked.connect(self._seat_other)
        self.other.returnPressed.connect(self._seat_other)
        self.remove.clicked.connect(self._remove_current)
        self.not_here.clicked.connect(self._mark_not_here)
        keys = QShortcut(QKeySequence(self.tr("Alt+N")), self)
        keys.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        keys.activated.connect(self._mark_not_here)
        self.away.backRequested.connect(self._seat_again)
        self.seats.installEventFilter(self)
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

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Delete in the seats takes the chosen seat away, asking nothing."""
        if watched is self.seats and event.type() is QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Delete and not event.modifiers():
                self._remove_current()
                return True
        return super().eventFilter(watched, event)

    def _mark_not_here(self) -> None:
        """The chosen person leaves the ring for the "not here today" list; the next seat is
        chosen, so a keeper can go down the ring."""
        row = self.seats.currentRow()
        if row < 0:
            return
        attendee = self.seats.takeItem(row).data(Qt.ItemDataRole.UserRole)
        after = self.attendees()[row].who if row < self.seats.count() else None
        self.away.add(Away(attendee, row, after))
        self.seats.setCurrentRow(min(row, self.seats.count() - 1))
        self._refresh()

    def _seat_again(self, away: Away) -> None:
        before = self._index_of(away.before)
        self.seat(away.attendee, at=min(away.row, self.seats.count()) if before is None else before)
        self.seats.setCurrentRow(self._index_of(away.attendee.who) or 0)

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
            line = seat_line(
                row + 1, attendee, keeps=attendee.who == self._keeper,
                starts=attendee.who == self._start,
            )  # fmt: skip
            self.seats.item(row).setText(line)
        self.count.setText(count_text(self.seats.count(), self.away.people.count()))
        self.changed.emit()
