"""The circle form fills in what it can: the group's usual keeper (until the user chooses one),
everyone present; groups sorted as people read them and found by typing; a click anywhere on a
name ticks it."""

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QStyle
from sqlalchemy.orm import Session

from rp_desktop.db.models import GroupMemberRow, GroupRow
from rp_desktop.domain.records import StudentFields
from rp_desktop.domain.vocabulary import GroupKind
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.students import records as students
from rp_desktop.ui.circles.form import CircleForm
from rp_desktop.ui.forms.widgets import select_data
from rp_desktop.ui.window.main_window import MainWindow
from tests.ui.circles.test_circles_tab import open_new_form
from tests.ui.conftest import School, type_text
from tests.ui.tasks.test_tier1_circle import assert_every_name_in_sight


def test_the_keeper_follows_the_group_until_one_is_chosen(
    window: MainWindow, school_db: School
) -> None:
    form = open_new_form(window)
    assert form.keeper.currentText() == "Not recorded"
    select_data(form.group, school_db.advisory_id)
    assert form.keeper.currentText() == "Gunnar Lindqvist (Teacher)"  # its usual keeper
    form.group.setCurrentIndex(0)  # no group: no usual keeper either
    assert form.keeper.currentText() == "Not recorded"
    select_data(form.keeper, school_db.counselor_id)  # the user's own choice stays
    select_data(form.group, school_db.advisory_id)
    assert form.keeper.currentData() == school_db.counselor_id
    assert form.values().keeper_id == school_db.counselor_id


def test_groups_read_in_order_and_are_found_by_typing(
    qtbot, db: Database, school_db: School
) -> None:
    with Session(db.engine) as session, session.begin():
        for name in ("Advisory 10-A", "Advisory 9-A", "Advisory 11-C"):
            session.add(GroupRow(name=name, kind=GroupKind.ADVISORY, school_year=2025))
    window = MainWindow(db, school_db.info)
    qtbot.addWidget(window)
    form = open_new_form(window)
    names = [form.group.itemText(i) for i in range(1, form.group.count())]
    assert names == ["Advisory 7-Blue", "Advisory 9-A", "Advisory 10-A", "Advisory 11-C"]
    assert form.group.isEditable(), "the group can be found by typing part of its name"


def test_a_click_on_a_name_ticks_it_and_on_its_box_only_once(
    qtbot, window: MainWindow, school_db: School
) -> None:
    form: CircleForm = open_new_form(window)
    form.show()
    qtbot.waitExposed(form)
    select_data(form.group, school_db.advisory_id)
    names = form.attendance.students
    rect = names.visualItemRect(names.item(1))
    qtbot.mouseClick(names.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert names.item(1).checkState() == Qt.CheckState.Unchecked
    assert form.attendance.count.text() == "3 of 4 present"
    box = names.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth)
    on_box = QPoint(rect.left() + 3 + box // 2, rect.center().y())
    qtbot.mouseClick(names.viewport(), Qt.MouseButton.LeftButton, pos=on_box)
    assert names.item(1).checkState() == Qt.CheckState.Checked
    assert form.attendance.count.text() == "4 of 4 present"


def test_a_class_of_thirty_is_seen_whole_on_a_720_pixel_screen(
    qtbot, db: Database, window: MainWindow
) -> None:
    firsts = ("Ama", "Bjørn", "Chiamaka", "Dang", "Esperanza", "Fionnuala")
    lasts = ("Nakamura-Oyelaran", "Szczepańska", "Ó Briain", "Wojciechowski", "Yamamoto")
    members = [
        students.add_student(db, StudentFields(f"11{n:04d}", first, last, "", 11, "11-C"))
        for n, (first, last) in enumerate((f, la) for la in lasts for f in firsts)
    ]
    with Session(db.engine) as session, session.begin():
        group = GroupRow(name="Advisory 11-C", kind=GroupKind.ADVISORY, school_year=2025)
        session.add(group)
        session.flush()
        session.add_all(GroupMemberRow(group_id=group.id, student_id=s.id) for s in members)
        group_id = group.id
    form = open_new_form(window)
    form.show()
    form.resize(form.minimumWidth(), 720 - 40)
    qtbot.waitExposed(form)
    select_data(form.group, group_id)
    QApplication.processEvents()
    assert form.attendance.count.text() == "30 of 30 present"
    # The staff and other adults below the notes make the form scroll at first, until it has
    # grown to the screen: wait for the scroll area to settle, then look.
    area = form.scroll_area
    qtbot.waitUntil(lambda: form.body.width() <= area.viewport().width())
    assert_every_name_in_sight(form)


def test_with_no_group_the_empty_list_says_what_to_do(
    qtbot, window: MainWindow, school_db: School
) -> None:
    form = open_new_form(window)
    form.show()
    qtbot.waitExposed(form)
    names = form.attendance.students
    assert names.count() == 0
    assert names.placeholder.startswith("Choose a group to list its students")
    empty = names.viewport().grab().toImage()
    select_data(form.group, school_db.advisory_id)
    form.group.setCurrentIndex(0)
    assert names.count() == 0
    assert names.viewport().grab().toImage() == empty, "the words come back when it empties"
    names.placeholder = ""
    assert names.viewport().grab().toImage() != empty, "the words are drawn on the list"


def test_a_student_from_outside_the_group_is_added_only_once_chosen(
    qtbot, db: Database, window: MainWindow, school_db: School
) -> None:
    for number, first in (("700201", "Yusuf"), ("700202", "Yuki")):
        students.add_student(db, StudentFields(number, first, "Okonjo", "", 7, "7-Red"))
    form = open_new_form(window)
    form.show()
    qtbot.waitExposed(form)
    select_data(form.group, school_db.advisory_id)
    picker = form.attendance.picker
    type_text(picker.search, "okonjo")  # two match: Enter waits for a choice
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert form.attendance.count.text() == "4 of 4 present"
    assert form.isVisible()
    type_text(picker.search, " yuki")
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert form.attendance.count.text() == "5 of 5 present"
    assert names_of(form)[-1] == "Yuki Okonjo"


def names_of(form: CircleForm) -> list[str]:
    names = form.attendance.students
    return [names.item(row).text() for row in range(names.count())]
