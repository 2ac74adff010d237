"""Someone arriving late to a circle is chosen with the same picker: several matches wait for a
choice (Enter and OK take nobody), the one moved to is taken, and someone else goes by name."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from rp_desktop.domain.records import Student
from rp_desktop.ui.run_circle.arrivals import ArrivalDialog
from tests.ui.conftest import type_text

MILLERS = [
    Student(1, "2599486", "Ethan", "Miller", "", 12, "12-403", True),
    Student(2, "2550233", "Ethan", "Miller", "", 10, "10-201", True),
    Student(3, "2660807", "Ethan", "Miller", "", 9, "9-103", True),
]


def _arrival(qtbot) -> ArrivalDialog:  # type: ignore[no-untyped-def]
    dialog = ArrivalDialog(lambda text: MILLERS if "mil" in text.lower() else [])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_enter_or_ok_with_three_ethan_millers_takes_nobody(qtbot) -> None:
    dialog = _arrival(qtbot)
    type_text(dialog.picker.search, "ethan mil")
    rows = [dialog.picker.matches.item(r).text() for r in range(3)]
    assert rows[1] == "Ethan Miller · grade 10 · 2550233 · homeroom 10-201"
    qtbot.keyClick(dialog.picker.search, Qt.Key.Key_Return)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.attendee is None
    assert dialog.picker.note.text() == "3 students match — choose one with ↓ or the mouse"


def test_the_ethan_miller_moved_to_is_the_one_who_arrives(qtbot) -> None:
    dialog = _arrival(qtbot)
    type_text(dialog.picker.search, "ethan mil")
    qtbot.keyClick(dialog.picker.search, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.picker.search, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.picker.search, Qt.Key.Key_Return)
    assert dialog.attendee is not None
    assert dialog.attendee.student_id == 2
    assert not dialog.isVisible()


def test_someone_else_arrives_by_name(qtbot) -> None:
    dialog = _arrival(qtbot)
    type_text(dialog.other, "Delfina Ibarra-Soto")
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.attendee is not None
    assert dialog.attendee.name == "Delfina Ibarra-Soto"
    assert dialog.attendee.student_id is None
