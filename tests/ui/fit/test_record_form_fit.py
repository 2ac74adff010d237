"""A record form opens as tall as its fields need (up to the screen), with the focus in its
first field, Tab through the fields then Save and Cancel, and a field's problem gone once it is
changed."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui.forms.record_form import RecordForm
from rp_desktop.ui.screen_fit import usable_area
from rp_desktop.ui.students.form import StudentForm


class TallForm(RecordForm):
    """Forty fields: more than a 768-pixel screen can show."""

    def __init__(self) -> None:
        super().__init__("Tall")
        self.boxes = [self.add_field(f"f{i}", f"Field {i}", QLineEdit()) for i in range(40)]
        self.remember_initial()

    def values(self) -> list[str]:
        return [box.text() for box in self.boxes]


def test_a_short_form_shows_every_field_without_scrolling(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    form = StudentForm(db)
    qtbot.addWidget(form)
    form.show()
    QApplication.processEvents()
    assert form.scroll_area.verticalScrollBar().maximum() == 0
    assert form.height() < usable_area(form).height()


def test_a_tall_form_takes_the_screen_height_and_scrolls_once(qtbot) -> None:  # type: ignore[no-untyped-def]
    form = TallForm()
    qtbot.addWidget(form)
    form.show()
    qtbot.waitUntil(lambda: form.height() == usable_area(form).height())
    assert form.frameGeometry().bottom() <= form.screen().availableGeometry().bottom()
    assert form.scroll_area.verticalScrollBar().maximum() > 0


def test_focus_starts_in_the_first_field_then_tab_ends_at_save(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    form = StudentForm(db)
    qtbot.addWidget(form)
    form.show()
    form.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.student_number)
    reached = []
    for _ in range(7):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    fields = [form.first_name, form.last_name, form.preferred_name, form.grade, form.homeroom]
    assert reached == [*fields, form.save_button, form.cancel_button]


def test_a_problem_goes_as_soon_as_its_field_is_changed(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    form = StudentForm(db)
    qtbot.addWidget(form)
    form.show()
    form.accept()  # nothing typed: the grade and the names are missing
    assert form.problem_text("grade")
    assert form.problem_text("first_name")
    form.grade.setFocus()
    qtbot.keyClick(form.grade, Qt.Key.Key_Down)
    assert form.problem_text("grade") == ""
    assert form.problem_text("first_name")  # the others stay until they are fixed
    qtbot.keyClicks(form.first_name, "Ana")
    assert form.problem_text("first_name") == ""
    form.remember_initial()  # closed without asking to discard what was typed
    form.close()


def test_adding_a_row_keeps_the_scroll_where_it_was(qtbot) -> None:  # type: ignore[no-untyped-def]
    form = TallForm()
    qtbot.addWidget(form)
    form.show()
    qtbot.waitUntil(lambda: form.height() == usable_area(form).height())  # settled
    bar = form.scroll_area.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    kept = bar.value()
    form.add_field("added", "Added", QLineEdit())
    QApplication.processEvents()  # the new row is shown a moment after it is added
    QApplication.processEvents()
    assert bar.value() == kept
    assert bar.maximum() > kept


def test_a_short_form_grows_with_its_rows_up_to_the_screen(qtbot) -> None:  # type: ignore[no-untyped-def]
    form = TallForm()
    qtbot.addWidget(form)
    for box in form.boxes[1:]:  # one field to begin with
        form.form.removeRow(box.parentWidget())
    form.boxes = form.boxes[:1]
    form.remember_initial()
    form.show()
    QApplication.processEvents()
    first = form.height()
    assert first < usable_area(form).height()
    form.boxes += [form.add_field(f"g{i}", f"More {i}", QLineEdit()) for i in range(5)]
    form.remember_initial()
    QApplication.processEvents()
    assert form.height() > first
    assert form.scroll_area.verticalScrollBar().maximum() == 0
    form.boxes += [form.add_field(f"h{i}", f"Many {i}", QLineEdit()) for i in range(60)]
    form.remember_initial()
    QApplication.processEvents()  # the new rows are shown a moment after they are added
    QApplication.processEvents()
    assert form.height() == usable_area(form).height()
    assert form.scroll_area.verticalScrollBar().maximum() > 0
