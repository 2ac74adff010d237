"""Task: log a Tier 1 circle held today with one advisory, two absent (target: 6 moves).

From the Tier 1 tab of the real main window: New, the group found by typing part of its name
and Enter, the two absent students unticked with a click on their names, Save. Date (today),
keeper (the group's usual keeper) and everyone else present come from the form."""

from datetime import date

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget
from sqlalchemy.orm import Session

from rp_desktop.db.models import GroupMemberRow, GroupRow, StaffRow
from rp_desktop.domain.records import SchoolInfo, Student, StudentFields
from rp_desktop.domain.vocabulary import GroupKind, StaffRole
from rp_desktop.services import school
from rp_desktop.services.circles import records as circles
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.students import records as students
from rp_desktop.ui.circles.attendance import TickColumns
from rp_desktop.ui.circles.form import CircleForm
from rp_desktop.ui.window.main_window import MainWindow
from tests.ui.tasks.moves import Moves

FIRST = ("Adaeze", "Bao", "Catalina", "Dmitri", "Efua", "Farhan", "Giedre", "Hoku")
LAST = ("Oyelaran", "Thorsdottir", "Villanueva")  # 8 × 3 = 24 names, a whole advisory
SCREEN = (1280, 720)


class Advisory:
    def __init__(self, info: SchoolInfo, group_id: int, keeper_id: int, members: list[Student]):
        self.info, self.group_id, self.keeper_id, self.members = info, group_id, keeper_id, members


@pytest.fixture
def advisory(db: Database) -> Advisory:
    """A school with a dozen advisories; "Advisory 10-B" has 24 students and a usual keeper."""
    info = school.set_up_school(db, "Lakeshore Secondary", 2025)
    members = [
        students.add_student(db, StudentFields(f"10{n:04d}", first, last, "", 10, "10-B"))
        for n, (first, last) in enumerate((f, la) for la in LAST for f in FIRST)
    ]
    with Session(db.engine) as session, session.begin():
        keeper = StaffRow(first_name="Ingrid", last_name="Achterberg", role=StaffRole.TEACHER)
        session.add_all(
            [keeper, StaffRow(first_name="Tomasz", last_name="Wrona", role=StaffRole.COUNSELOR)]
        )
        session.flush()
        for grade in (9, 10, 11):
            for room in "ABCD":
                session.add(
                    GroupRow(
                        name=f"Advisory {grade}-{room}",
                        kind=GroupKind.ADVISORY,
                        school_year=2025,
                        staff_id=keeper.id if (grade, room) == (10, "B") else None,
                    )
                )
        session.flush()
        group_id = session.query(GroupRow.id).filter_by(name="Advisory 10-B").scalar()
        session.add_all(GroupMemberRow(group_id=group_id, student_id=s.id) for s in members)
        keeper_id = keeper.id
    return Advisory(info, group_id, keeper_id, members)


def open_form(qtbot) -> CircleForm:  # type: ignore[no-untyped-def]
    """The form New opened (as a window of its own)."""

    def shown() -> list[CircleForm]:
        windows = QApplication.topLevelWidgets()
        return [w for w in windows if isinstance(w, CircleForm) and w.isVisible()]

    qtbot.waitUntil(lambda: len(shown()) == 1, timeout=3000)
    form = shown()[0]
    qtbot.waitExposed(form)
    # The screen's size: a form opens as tall as its fields, no taller than a 720-pixel screen.
    inner = form.findChild(QScrollArea).widget()
    form.resize(form.width(), min(SCREEN[1] - 40, inner.sizeHint().height() + 80))
    QApplication.processEvents()
    return form


def row_of(names: TickColumns, student: Student) -> int:
    rows = [names.item(r).data(Qt.ItemDataRole.UserRole) for r in range(names.count())]
    return rows.index(student.id)


def in_sight(form: CircleForm, widget: QWidget, rect: QRect | None = None) -> bool:
    """Whether `rect` of `widget` (all of it by default) is seen in the form, unscrolled."""
    area = form.findChild(QScrollArea).viewport()
    seen = QRect(area.mapToGlobal(QPoint(0, 0)), area.size())
    part = rect or widget.rect()
    return seen.contains(QRect(widget.mapToGlobal(part.topLeft()), part.size()))


def assert_every_name_in_sight(form: CircleForm) -> None:
    """The whole class is seen without scrolling the form or the list, and so are the box
    to add a student from outside the group and the start of Notes."""
    names = form.attendance.students
    for row in range(names.count()):
        rect = names.visualItemRect(names.item(row))
        assert names.viewport().rect().contains(rect), f"row {row} is hidden in the list"
        assert in_sight(form, names.viewport(), rect), f"row {row} is below the fold"
    assert in_sight(form, form.attendance.picker.search)
    assert in_sight(form, form.notes, QRect(0, 0, form.notes.width(), 40))


def test_tier1_circle(qtbot, db: Database, advisory: Advisory) -> None:
    window = MainWindow(db, advisory.info)
    qtbot.addWidget(window)
    window.resize(*SCREEN)
    window.show()
    window.show_view("tier1")
    qtbot.waitExposed(window)
    absent = [advisory.members[3], advisory.members[17]]
    moves = Moves(qtbot)

    moves.click(window.tier1.new_button)
    form = open_form(qtbot)
    moves.type("10-b")  # the group box has the focus, its words selected
    moves.key(Qt.Key.Key_Return)
    assert form.isVisible(), "Enter took the group and did not save the form"
    assert form.group.currentText() == "Advisory 10-B"
    assert form.attendance.count.text() == "24 of 24 present"
    assert_every_name_in_sight(form)
    for student in absent:
        moves.click_row(form.attendance.students, row_of(form.attendance.students, student))
    assert form.attendance.count.text() == "22 of 24 present"
    moves.click(form.save_button)

    assert not form.isVisible()
    moves.assert_within("tier1_circle")
    newest = window.tier1.model.record(0)
    saved = circles.get_circle(db, newest.id)
    assert saved is not None
    assert saved.fields.group_id == advisory.group_id
    assert saved.fields.keeper_id == advisory.keeper_id
    assert saved.fields.held_on == db.today() == date(2026, 3, 10)
    everyone = {s.id for s in advisory.members}
    assert set(saved.fields.attendee_ids) == everyone - {s.id for s in absent}
