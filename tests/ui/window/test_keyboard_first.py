"""Keyboard first in every window: Tab leaves a text box (Ctrl+Tab types a tab), the focused
control has a ring that can be seen, Esc and Ctrl+W close the windows the main window opens and
any dialog, Ctrl+1 to Ctrl+7 switch the tabs, and F1 lists every shortcut."""

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from rp_desktop.domain.records import CaseFields, ParticipantFields
from rp_desktop.domain.vocabulary import Role, Tier, Tier3Kind
from rp_desktop.services.casework import cases
from rp_desktop.ui import dialogs
from rp_desktop.ui.case.form import CaseForm
from rp_desktop.ui.focus_ring import RING_PX, FocusRing, contrast
from rp_desktop.ui.keyboard import keyboard_first
from rp_desktop.ui.practice.words import practice_keys
from rp_desktop.ui.run_circle.console_parts import KEYS
from rp_desktop.ui.window.main_window import VIEWS, MainWindow
from rp_desktop.ui.window.shortcuts_dialog import ShortcutsDialog
from tests.ui.conftest import School, type_text

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def active(qtbot, window: QWidget) -> QWidget:  # type: ignore[no-untyped-def]
    """`window` on screen and active, so that its shortcuts work."""
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


@pytest.fixture
def main(qtbot, window: MainWindow) -> MainWindow:  # type: ignore[no-untyped-def]
    active(qtbot, window)
    return window


def new_case_form(qtbot, main: MainWindow) -> CaseForm:  # type: ignore[no-untyped-def]
    main.show_view("tier2")
    main.tier2.new_record()
    forms = main.tier2.findChildren(CaseForm)
    assert len(forms) == 1
    form = forms[0]
    active(qtbot, form)
    return form


def test_tab_leaves_what_happened_and_ctrl_tab_types_a_tab(
    qtbot, main: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dialogs, "confirm_discard", lambda parent: True)
    form = new_case_form(qtbot, main)
    box = form.description
    box.setFocus(Qt.FocusReason.MouseFocusReason)  # where a click in the box puts it
    qtbot.waitUntil(box.hasFocus)
    type_text(box, "Pushed in line")
    qtbot.keyClick(box, Qt.Key.Key_Tab)
    after = QApplication.focusWidget()
    assert after is not box
    assert after is not None
    assert form.isAncestorOf(after)  # still in the form: the next control
    assert box.toPlainText() == "Pushed in line"  # no tab typed
    qtbot.keyClick(after, Qt.Key.Key_Backtab, SHIFT)
    assert QApplication.focusWidget() is box
    qtbot.keyClick(box, Qt.Key.Key_Tab, CTRL)
    assert box.toPlainText() == "Pushed in line\t"
    assert QApplication.focusWidget() is box
    form.reject()


CASE_FORMS = (
    "meeting",
    "agreement",
    "details",
    "follow_up",
    "tier",
    "close",
    "re_entry",
    "support_plan",
    "preparation",
)


def first_preparation(window):  # type: ignore[no-untyped-def]
    """The first person's preparation, as the Preparation tab opens it."""
    window.preparation.table.selectRow(0)
    return window.preparation.edit_chosen()


def test_tab_leaves_every_text_box_of_a_cases_forms(
    qtbot, main: MainWindow, db, school_db: School, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every box where words are typed on a case (what happened, notes, the plans' supports
    and needs, why it closed...), in the forms as they open."""
    monkeypatch.setattr(dialogs, "confirm_discard", lambda parent: True)
    window = main.windows.case(open_case(db, school_db, Tier.INTENSIVE))
    tried = 0
    for which in CASE_FORMS:
        form = {
            "meeting": window.new_meeting,  # type: ignore[attr-defined]
            "agreement": window.edit_agreement,  # type: ignore[attr-defined]
            "details": window.edit_details,  # type: ignore[attr-defined]
            "preparation": lambda: first_preparation(window),
        }.get(which, lambda which=which: window.step_form(which))()  # type: ignore[attr-defined]
        active(qtbot, form)
        boxes = [
            box
            for box in form.findChildren(QPlainTextEdit) + form.findChildren(QTextEdit)
            if box.isVisible() and not box.isReadOnly()
        ]
        for box in boxes:
            box.setFocus()
            qtbot.waitUntil(box.hasFocus)
            type_text(box, "Said sorry")
            qtbot.keyClick(box, Qt.Key.Key_Tab)
            assert QApplication.focusWidget() is not box, which
            assert "\t" not in box.toPlainText(), which
            tried += 1
        form.reject()
    assert tried >= 9  # the re-entry plan alone has three


def test_ctrl_tab_types_nothing_in_a_box_that_is_read_only(qtbot) -> None:  # type: ignore[no-untyped-def]
    keyboard_first()
    holder = QWidget()
    qtbot.addWidget(holder)
    story = QPlainTextEdit("Read only", holder, readOnly=True)
    QLineEdit(holder)
    active(qtbot, holder)
    story.setFocus()
    qtbot.keyClick(story, Qt.Key.Key_Tab, CTRL)
    assert story.toPlainText() == "Read only"
    qtbot.keyClick(story, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not story


@pytest.fixture
def controls(qtbot) -> tuple[QWidget, dict[str, QWidget]]:  # type: ignore[no-untyped-def]
    """A form with one of each control a form has."""
    keyboard_first()
    form = QWidget()
    qtbot.addWidget(form)
    combo = QComboBox()
    combo.addItems(["Hallway", "Cafeteria"])
    made: dict[str, QWidget] = {
        "combo": combo,
        "check box": QCheckBox("Parent contacted"),
        "button": QPushButton("Save"),
        "line edit": QLineEdit("Library"),
        "date edit": QDateEdit(),
    }
    layout = QFormLayout(form)
    for name, control in made.items():
        control.setAccessibleName(name)
        layout.addRow(name, control)
    form.resize(400, 240)
    active(qtbot, form)
    return form, made


@pytest.mark.parametrize("which", ["combo", "check box", "button", "line edit", "date edit"])
def test_the_focused_control_has_a_ring_that_stands_out(
    qtbot, controls: tuple[QWidget, dict[str, QWidget]], which: str
) -> None:
    form, made = controls
    control = made[which]
    control.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(control.hasFocus)
    rings = [ring for ring in form.findChildren(FocusRing) if ring.isVisible()]
    assert len(rings) == 1
    ring = rings[0]
    assert ring.widget() is control
    around = ring.geometry()
    assert around.contains(control.geometry())
    assert around.width() - control.width() >= 2 * RING_PX
    background = form.palette().color(QPalette.ColorRole.Window)
    assert contrast(ring.colour(), background) >= 3.0
    # And it is drawn: the pixel just left of the control's middle is the ring's colour.
    picture = form.grab().toImage()
    dpr = picture.devicePixelRatio()
    edge = control.geometry().topLeft() + QPoint(-1, control.height() // 2)
    drawn = QColor(picture.pixel(round(edge.x() * dpr), round(edge.y() * dpr)))
    assert contrast(drawn, background) >= 3.0
    for other in made.values():
        if other is not control:
            other.setFocus()
            assert ring.widget() is other  # it follows the focus


def test_the_ring_goes_with_the_window_it_was_in_and_comes_back_in_another(qtbot) -> None:  # type: ignore[no-untyped-def]
    keyboard_first()
    first = QWidget()
    QLineEdit(first)
    active(qtbot, first)
    first.findChild(QLineEdit).setFocus()
    assert first.findChild(FocusRing) is not None
    first.close()
    first.deleteLater()
    qtbot.waitUntil(lambda: not QApplication.topLevelWidgets().count(first))
    second = QWidget()
    qtbot.addWidget(second)
    field = QLineEdit(second)
    active(qtbot, second)
    field.setFocus()
    ring = second.findChild(FocusRing)
    assert ring is not None
    assert ring.widget() is field


def test_the_ring_shows_around_a_field_flush_with_its_holder_and_follows_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A form's field sits in a holder with no margin (room for a problem under it): a ring
    drawn in the holder would be cut off, so it is drawn where there is room."""
    keyboard_first()
    form = QWidget()
    qtbot.addWidget(form)
    rows = QFormLayout(form)
    holder = QWidget()
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, 0, 0)
    when = QDateEdit()
    column.addWidget(when)
    rows.addRow("Date it happened", holder)
    form.resize(400, 200)
    active(qtbot, form)
    when.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(when.hasFocus)
    ring = form.findChild(FocusRing)
    assert ring is not None
    assert ring.isVisible()
    assert ring.parentWidget() is form  # not the holder, which has no room around the field

    def drawn_left_of(control: QWidget) -> QColor:
        picture = form.grab().toImage()
        middle = control.mapTo(form, QPoint(-1, control.height() // 2))
        return QColor(picture.pixel(middle.x(), middle.y()))

    background = form.palette().color(QPalette.ColorRole.Window)
    assert contrast(drawn_left_of(when), background) >= 3.0
    rows.insertRow(0, "Place", QLineEdit())  # the holder moves down; the ring goes with it
    qtbot.waitUntil(lambda: ring.geometry().center() == holder.geometry().center())
    assert contrast(drawn_left_of(when), background) >= 3.0


def test_a_window_deleted_with_the_focus_in_it_takes_its_ring_along(qtbot) -> None:  # type: ignore[no-untyped-def]
    keyboard_first()
    dialog = QDialog()
    holder = QWidget(dialog)
    button = QPushButton("Save", holder)
    holder.resize(200, 60)
    button.move(0, 0)
    active(qtbot, dialog)
    button.setFocus()
    ring = dialog.findChild(FocusRing)
    assert ring is not None
    assert ring.widget() is button
    dialog.deleteLater()
    qtbot.waitUntil(lambda: not isValid(ring))  # and nothing crashed on the way
    other = QWidget()
    qtbot.addWidget(other)
    field = QLineEdit(other)
    active(qtbot, other)
    field.setFocus()
    assert other.findChild(FocusRing) is not None


def open_case(db, school_db: School, tier: Tier = Tier.TARGETED) -> int:  # type: ignore[no-untyped-def]
    return cases.open_case(
        db,
        CaseFields(
            tier=tier,
            tier3_kind=Tier3Kind.RE_ENTRY if tier is Tier.INTENSIVE else None,
            occurred_on=date(2026, 3, 2),
            category_id=1,
            description="Name-calling at recess.",
            participants=(
                ParticipantFields(Role.PERSON_HARMED, student_id=school_db.members[0].id),
            ),
        ),
    ).id


@pytest.mark.parametrize("key", [(Qt.Key.Key_Escape, None), (Qt.Key.Key_W, CTRL)])
@pytest.mark.parametrize("kind", ["case", "timeline", "due"])
def test_esc_and_ctrl_w_close_the_windows_the_main_window_opens(
    qtbot, main: MainWindow, db, school_db: School, kind: str, key
) -> None:
    make = {
        "case": lambda: main.windows.case(open_case(db, school_db)),
        "timeline": lambda: main.windows.timeline(school_db.members[0].id),
        "due": main.windows.due_list,
    }[kind]
    window = active(qtbot, make())
    pressed, modifier = key
    qtbot.keyClick(window, pressed, modifier or Qt.KeyboardModifier.NoModifier)
    assert not window.isVisible()


def test_a_case_with_an_unsaved_note_asks_before_esc_closes_it(
    qtbot, main: MainWindow, db, school_db: School, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = active(qtbot, main.windows.case(open_case(db, school_db)))
    window.note.setFocus()  # type: ignore[attr-defined]
    type_text(window.note, "Call home on Friday")  # type: ignore[attr-defined]
    asked: list[bool] = []
    monkeypatch.setattr(dialogs, "confirm_discard", lambda parent: asked.append(True) or False)
    qtbot.keyClick(window.note, Qt.Key.Key_Escape)  # type: ignore[attr-defined]
    assert asked == [True]
    assert window.isVisible()  # "Keep editing"
    monkeypatch.setattr(dialogs, "confirm_discard", lambda parent: asked.append(True) or True)
    qtbot.keyClick(window.note, Qt.Key.Key_W, CTRL)  # type: ignore[attr-defined]
    assert asked == [True, True]
    assert not window.isVisible()


def test_ctrl_w_closes_a_dialog_as_esc_does_and_a_form_asks_first(
    qtbot, main: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    form = new_case_form(qtbot, main)
    form.description.setFocus()
    type_text(form.description, "Pushed in line")
    asked: list[bool] = []
    monkeypatch.setattr(dialogs, "confirm_discard", lambda parent: asked.append(True) or False)
    qtbot.keyClick(form.description, Qt.Key.Key_W, CTRL)
    assert asked == [True]
    assert form.isVisible()
    monkeypatch.setattr(dialogs, "confirm_discard", lambda parent: True)
    qtbot.keyClick(form.description, Qt.Key.Key_W, CTRL)
    assert not form.isVisible()
    assert form.result() == QDialog.DialogCode.Rejected


def test_ctrl_w_closes_the_circle_library(
    qtbot, main: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    closed: list[int] = []

    def press_ctrl_w(dialog: QDialog) -> int:
        active(qtbot, dialog)
        qtbot.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_W, CTRL)
        closed.append(dialog.isVisible())
        return dialog.result()

    monkeypatch.setattr(dialogs, "wait_for", press_ctrl_w)
    main.show_view("circle")
    main.circle_tab().library_button.click()
    assert closed == [False]


def test_ctrl_w_cancels_the_reports_month_question(
    qtbot, main: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rp_desktop.ui.reports import asking

    closed: list[bool] = []

    def press_ctrl_w(dialog: QDialog) -> int:
        active(qtbot, dialog)
        qtbot.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_W, CTRL)
        closed.append(not dialog.isVisible())
        return dialog.result()

    monkeypatch.setattr(dialogs, "wait_for", press_ctrl_w)
    chosen = asking.choose_month(main, [("2026-02", "February"), ("2026-03", "March")], "")
    assert closed == [True]
    assert chosen is None


def test_ctrl_1_to_7_switch_the_tabs_in_their_order(qtbot, main: MainWindow) -> None:
    assert main.tabs.count() == len(VIEWS) == 7
    go = next(a.menu() for a in main.menuBar().actions() if a.text() == "&Go")
    listed = {a.text(): a.shortcut().toString() for a in go.actions() if not a.isSeparator()}
    for index in (2, 6, 0, 4, 1, 5, 3):
        qtbot.keyClick(main, Qt.Key(Qt.Key.Key_1 + index), CTRL)
        assert main.tabs.currentIndex() == index
        assert listed[main.tabs.tabText(index)] == f"Ctrl+{index + 1}"


def test_f1_lists_every_shortcut_and_esc_closes_the_list(
    qtbot, main: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[ShortcutsDialog] = []

    def look_then_press_esc(dialog: QDialog) -> int:
        assert isinstance(dialog, ShortcutsDialog)
        shown.append(dialog)
        active(qtbot, dialog)
        rows = dialog.rows()
        keys = {row[0] for row in rows}
        for menu_action in main.menuBar().actions():
            for action in menu_action.menu().actions():
                if not action.shortcut().isEmpty():
                    assert action.shortcut().toString() in keys, action.text()
        every_console_key = {"Space", "Right", "P", "Left", "Return", "N", "B", "F", "E", "Esc"}
        console_texts = " or ".join(text for text, _ in rows)
        for key in every_console_key | {"Ctrl+W", "Ctrl+Tab", "Ctrl+S", "Tab", "Shift+Tab"}:
            assert key in console_texts, key
        in_menus = [
            action
            for menu_action in main.menuBar().actions()
            for action in menu_action.menu().actions()
            if not action.shortcut().isEmpty()
        ]
        # and the forms' seven, and Log a practice's own
        assert len(rows) == len(in_menus) + 7 + len(practice_keys()) + len(KEYS)
        screen = dialog.screen().availableGeometry()
        assert dialog.frameGeometry().width() <= min(1280, screen.width())
        assert dialog.frameGeometry().height() <= min(720, screen.height())
        qtbot.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Escape)
        assert not dialog.isVisible()
        return dialog.result()

    monkeypatch.setattr(dialogs, "wait_for", look_then_press_esc)
    qtbot.keyClick(main, Qt.Key.Key_F1)
    assert len(shown) == 1


def test_about_stays_in_help_as_its_own_entry(main: MainWindow) -> None:
    help_menu = next(a.menu() for a in main.menuBar().actions() if a.text() == "&Help")
    texts = [a.text() for a in help_menu.actions() if not a.isSeparator()]
    assert texts[:2] == ["&Keyboard shortcuts", "&About RP Desktop"]
