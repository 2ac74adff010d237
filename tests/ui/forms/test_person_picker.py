"""The person picker: the matches are seen as they are typed, readable, and a person is taken
only when they are the one match, the one moved to, or the one clicked (issue 13, Build 1)."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QScrollArea, QVBoxLayout, QWidget

from rp_desktop.domain.records import StaffMember, Student
from rp_desktop.domain.search import fold
from rp_desktop.domain.vocabulary import StaffRole
from rp_desktop.ui.forms.student_picker import StaffPicker, StudentPicker
from tests.ui.conftest import type_text

SURNAMES = ("Okafor", "Lindgren", "Abernathy", "Baptiste", "Castellanos", "Dvořák", "Eze")


def _school() -> list[Student]:
    """Eight Ethans (two of them Ethan Okafor, in different homerooms) and one Priyanka."""
    ethans = [
        Student(i + 1, f"81{i:04d}", "Ethan", name, "", 6 + i % 3, f"{6 + i % 3}-Red", True)
        for i, name in enumerate(SURNAMES)
    ]
    ethans.append(Student(8, "819999", "Ethan", "Okafor", "", 8, "8-Green", True))
    return [*ethans, Student(9, "820001", "Priyanka", "Venkataraman", "", 7, "7-Blue", True)]


def _find(text: str) -> list[Student]:
    words = fold(text).split()
    return [
        s
        for s in _school()
        if all(w in fold(f"{s.first_name} {s.last_name} {s.student_number}") for w in words)
    ]


@pytest.fixture
def picked(qtbot) -> tuple[StudentPicker, list[Student], QDialog]:  # type: ignore[no-untyped-def]
    """A picker in a dialog whose Save is the default button, as in a record form."""
    dialog = QDialog()
    qtbot.addWidget(dialog)
    picker = StudentPicker(_find, "Add a student: type a name or number…")
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save)
    buttons.accepted.connect(dialog.accept)
    layout = QVBoxLayout(dialog)
    layout.addWidget(picker)
    layout.addWidget(buttons)
    dialog.resize(640, 480)
    dialog.show()
    qtbot.waitExposed(dialog)
    picker.search.setFocus()
    chosen: list[Student] = []
    picker.studentChosen.connect(chosen.append)
    return picker, chosen, dialog


def _rows_in_sight(picker: StudentPicker) -> int:
    view = picker.matches
    inside = view.viewport().rect()
    return sum(inside.contains(view.visualItemRect(view.item(row))) for row in range(view.count()))


def test_fault_picker_drawn_zero_pixels_tall_now_shows_all_eight_matches(picked) -> None:
    picker, chosen, _dialog = picked
    type_text(picker.search, "ethan")
    view = picker.matches
    assert view.count() == 8
    assert view.isVisible()
    assert view.height() >= 8 * view.fontMetrics().height()
    assert _rows_in_sight(picker) == 8, "every one of the eight matches is in sight"
    assert chosen == []


def test_enter_with_eight_matches_adds_nobody_and_says_why(qtbot, picked) -> None:
    picker, chosen, dialog = picked
    type_text(picker.search, "ethan")
    assert picker.highlighted() is None, "nothing is highlighted before the user moves"
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert chosen == []
    assert dialog.isVisible(), "Enter in the box did not press the dialog's Save"
    assert picker.note.isVisible()
    assert picker.note.text() == "8 students match — choose one with ↓ or the mouse"
    assert picker.search.text() == "ethan", "what was typed stays"


def test_rows_are_readable_with_grade_and_number_and_never_cut(picked) -> None:
    picker, _chosen, _dialog = picked
    type_text(picker.search, "ethan")
    view = picker.matches
    metrics = view.fontMetrics()
    for row in range(view.count()):
        item = view.item(row)
        rect = view.visualItemRect(item)
        assert rect.height() >= metrics.height(), f"row {row} is shorter than its text"
        assert metrics.horizontalAdvance(item.text()) <= rect.width(), f"{item.text()} is cut"
    assert view.item(1).text() == "Ethan Lindgren · grade 7 · 810001"


def test_two_with_the_same_name_are_told_apart_by_homeroom(picked) -> None:
    picker, _chosen, _dialog = picked
    type_text(picker.search, "okafor")
    texts = sorted(picker.matches.item(row).text() for row in range(picker.matches.count()))
    assert texts == [
        "Ethan Okafor · grade 6 · 810000 · homeroom 6-Red",
        "Ethan Okafor · grade 8 · 819999 · homeroom 8-Green",
    ]


def test_down_moves_the_highlight_and_enter_takes_that_one(qtbot, picked) -> None:
    picker, chosen, _dialog = picked
    type_text(picker.search, "ethan")
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Up):
        qtbot.keyClick(picker.search, key)
    assert picker.highlighted() is picker.matches.item(1)
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert [s.last_name for s in chosen] == ["Lindgren"]
    assert picker.search.text() == ""
    assert not picker.matches.isVisible()


def test_enter_with_exactly_one_match_takes_it(qtbot, picked) -> None:
    picker, chosen, dialog = picked
    type_text(picker.search, "priy")
    assert picker.highlighted() is picker.matches.item(0), "the one match is shown highlighted"
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert [s.last_name for s in chosen] == ["Venkataraman"]
    assert dialog.isVisible()


def test_a_click_on_a_row_takes_that_student(qtbot, picked) -> None:
    picker, chosen, _dialog = picked
    type_text(picker.search, "ethan")
    view = picker.matches
    point = view.visualItemRect(view.item(5)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert [s.last_name for s in chosen] == ["Dvořák"]


def test_no_match_says_so_and_enter_adds_nobody(qtbot, picked) -> None:
    picker, chosen, _dialog = picked
    type_text(picker.search, "zzyzx")
    assert not picker.matches.isVisible()
    assert picker.note.text().startswith("No student matches")
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert chosen == []


def test_staff_are_chosen_the_same_way_each_with_their_role(qtbot) -> None:
    staff = [
        StaffMember(1, "Marisol", "Quintero", StaffRole.COUNSELOR, True),
        StaffMember(2, "Mariam", "Haddad", StaffRole.TEACHER, True),
    ]
    picker = StaffPicker(staff, "Add staff: type a name…")
    qtbot.addWidget(picker)
    picker.show()
    chosen: list[StaffMember] = []
    picker.chosen.connect(chosen.append)
    type_text(picker.search, "mari")
    rows = [picker.matches.item(row).text() for row in range(picker.matches.count())]
    assert rows == ["Marisol Quintero · Counselor", "Mariam Haddad · Teacher"]
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert chosen == []
    type_text(picker.search, " quint")
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert chosen == [staff[0]]


def test_esc_empties_the_box_before_it_closes_anything(qtbot, picked) -> None:
    picker, chosen, dialog = picked
    type_text(picker.search, "ethan")
    qtbot.keyClick(picker.search, Qt.Key.Key_Escape)
    assert picker.search.text() == ""
    assert not picker.matches.isVisible()
    assert dialog.isVisible()
    assert chosen == []


def test_twenty_matches_ask_for_more_of_the_name(qtbot) -> None:
    many = [Student(i, f"9{i:05d}", "Ava", f"Surname{i}", "", 9, "9-A", True) for i in range(20)]
    picker = StudentPicker(lambda _text: many, "Add a student…")
    qtbot.addWidget(picker)
    picker.show()
    type_text(picker.search, "ava")
    assert picker.note.text() == "20 or more students match: type more of the name"


def test_matches_at_the_foot_of_a_form_are_scrolled_into_sight(qtbot) -> None:
    area = QScrollArea()
    qtbot.addWidget(area)
    body = QWidget()
    column = QVBoxLayout(body)
    column.addSpacing(600)  # the fields above the picker
    picker = StudentPicker(_find, "Add a student…")
    column.addWidget(picker)
    area.setWidget(body)
    area.setWidgetResizable(True)
    area.resize(500, 400)
    area.show()
    qtbot.waitExposed(area)
    area.ensureWidgetVisible(picker.search)
    type_text(picker.search, "ethan")

    def in_sight() -> None:
        view = area.viewport()
        top_left = picker.matches.mapTo(view, picker.matches.rect().topLeft())
        bottom = picker.matches.mapTo(view, picker.matches.rect().bottomLeft())
        assert view.rect().contains(top_left)
        assert view.rect().contains(bottom)

    qtbot.waitUntil(lambda: body.height() > 600 + picker.matches.height(), timeout=2000)
    qtbot.waitUntil(in_sight, timeout=2000)
