"""Locking: after the idle time (a fake clock), on Ctrl+L, or when the system session locks,
nothing on screen holds record text and the database has forgotten its key; unlocking comes
back to the same tab with a half-typed form as it was."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractListModel, QEvent, QModelIndex, QSettings, Qt
from PySide6.QtGui import QAction, QImage, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from rp_desktop.domain.records import StudentFields
from rp_desktop.domain.safekeeping.passphrase import Passphrase
from rp_desktop.services import school
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.errors import DatabaseLocked
from rp_desktop.services.safekeeping.opening import open_database
from rp_desktop.services.students import records as students
from rp_desktop.ui.lock import security_menu
from rp_desktop.ui.lock.idle import IdleWatcher
from rp_desktop.ui.run_circle.wall.window import WallWindow
from rp_desktop.ui.settings import IDLE_LOCK_MINUTES
from rp_desktop.ui.students.form import StudentForm
from rp_desktop.ui.window.main_window import WATCH_INPUT_AFTER_MS, MainWindow
from tests.conftest import FakeClock
from tests.ui.conftest import School, type_text
from tests.ui.lock.conftest import FakeMonotonic

SECRET = "lantern maple river quiet"
HALF_TYPED = "Wojciechowska"
# Everything the fixture school holds that must never be on screen while locked.
RECORD_TEXT = (
    "Riverside",
    "Xochitl",
    "Ibarra",
    "Xiong",
    "Dariusz",
    "Kowalczyk",
    "Amani",
    "Haddad",
    "Quokka",
    "marmalade",
    "Zephyrhills",
    "Norms for group work",
    "Weekend check-in",
    HALF_TYPED,
)


def texts_in(widget: QWidget) -> Iterator[str]:
    """Every text a visible widget shows or tells assistive technology."""
    yield from (widget.windowTitle(), widget.toolTip(), widget.accessibleName())
    yield widget.accessibleDescription()
    if isinstance(widget, QLineEdit):
        yield from (widget.text(), widget.placeholderText())
    elif isinstance(widget, QPlainTextEdit | QTextEdit):
        yield widget.toPlainText()
    elif isinstance(widget, QLabel | QAbstractButton):
        yield widget.text()
    elif isinstance(widget, QComboBox):
        yield from (widget.itemText(i) for i in range(widget.count()))
    elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
        yield from model_texts(widget.model(), QModelIndex())


def model_texts(model, parent: QModelIndex) -> Iterator[str]:  # type: ignore[no-untyped-def]
    # A list model keeps its columnCount private: it has one column.
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(parent)
    for row in range(model.rowCount(parent)):
        for column in range(columns):
            index = model.index(row, column, parent)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(index, role)
                if value is not None:
                    yield str(value)
            yield from model_texts(model, index)


def shown_texts(window: MainWindow) -> list[str]:
    """What is on screen: the main window, its menus, and every other visible window."""
    windows = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not window]
    shown: list[str] = []
    for top in [window, *windows]:
        for widget in [top, *top.findChildren(QWidget)]:
            if widget.isVisible():
                shown.extend(texts_in(widget))
    shown.extend(item.text() for item in menu_items(window))
    return shown


def record_text_in(texts: list[str]) -> set[str]:
    return {secret for secret in RECORD_TEXT for text in texts if secret in text}


def open_everything(qtbot, main: MainWindow, case_id: int) -> tuple[StudentForm, QWidget]:  # type: ignore[no-untyped-def]
    """A case, a student's timeline, the agreements due, and a half-typed new student."""
    case_window = main.windows.case(case_id)
    main.windows.timeline(1)
    main.windows.due_list()
    main.show_view("students")
    main.students.new_record()
    form = main.students.findChild(StudentForm)
    assert form is not None
    assert form.isVisible()
    with qtbot.waitActive(form):
        form.activateWindow()
    form.first_name.setFocus()
    type_text(form.first_name, HALF_TYPED)
    return form, case_window


def time_out(main: MainWindow, ticks: FakeMonotonic) -> None:
    ticks.advance(IDLE_LOCK_MINUTES.default)
    main.idle.check()  # what the timer would do when it woke


def test_after_the_idle_time_nothing_on_screen_holds_record_text(
    qtbot, main: MainWindow, ticks: FakeMonotonic, case_id: int
) -> None:  # type: ignore[no-untyped-def]
    form, _case_window = open_everything(qtbot, main, case_id)
    assert record_text_in(shown_texts(main)) >= {"Xochitl", "Quokka", HALF_TYPED}
    assert main.idle.timer.isActive()
    time_out(main, ticks)
    assert main.locked
    assert record_text_in(shown_texts(main)) == set()
    assert main.windowTitle() == "RP Desktop — Locked"
    assert not form.isVisible()
    assert main.database.locked
    with pytest.raises(DatabaseLocked):
        students.get_student(main.database, 1)
    assert not main.findChild(QWidget, "lockScreen").isHidden()


def test_input_before_the_time_is_up_postpones_the_lock(
    main: MainWindow, ticks: FakeMonotonic
) -> None:
    ticks.advance(9)
    key = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")
    QApplication.sendEvent(main.tier1.search, key)
    ticks.advance(2)
    main.idle.check()
    assert not main.locked
    assert main.idle.timer.interval() >= 8 * 60 * 1000  # asleep again for what is left
    ticks.advance(8)
    main.idle.check()
    assert main.locked


def test_the_idle_watch_says_idle_once_and_never_when_set_to_zero(qtbot) -> None:  # type: ignore[no-untyped-def]
    ticks = FakeMonotonic()
    watcher = IdleWatcher(1, ticks)
    said: list[bool] = []
    watcher.idle.connect(lambda: said.append(True))
    ticks.advance(1)
    watcher.check()
    watcher.check()
    assert said == [True]
    assert not watcher.timer.isActive()
    watcher.set_minutes(0)
    ticks.advance(120)
    watcher.check()
    assert said == [True]
    assert not watcher.timer.isActive()


def lock_and_grab(qtbot, window: MainWindow) -> QImage:  # type: ignore[no-untyped-def]
    # The smallest screen the window must fit (the Students page alone needs more than 1000 px,
    # which the focus ring's moving into the lock screen lets the layout find out); the window
    # active, as a user sees it, so that both pictures have the focus ring on the same button.
    window.resize(1280, 720)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.lock()
    QApplication.processEvents()
    return window.grab().toImage()


def test_the_locked_screenshot_is_the_same_whatever_the_records(
    qtbot, main: MainWindow, tmp_path: Path, clock: FakeClock
) -> None:  # type: ignore[no-untyped-def]
    main.resize(1000, 640)
    QApplication.processEvents()
    with_records = main.grab().toImage()
    locked = lock_and_grab(qtbot, main)
    assert locked != with_records
    main.close()
    other_path = tmp_path / "elsewhere" / "school.db"  # the same file name, other records
    other_path.parent.mkdir()
    with open_database(other_path, unencrypted=True, clock=clock) as other_db:
        info = school.set_up_school(other_db, "Hillcrest Elementary", 2025)
        students.add_student(other_db, StudentFields("1", "Bartholomew", "Quince", "", 3, "3A"))
        other = MainWindow(other_db, info)
        qtbot.addWidget(other)
        other.show()
        other.show_view("students")
        assert lock_and_grab(qtbot, other) == locked
        other.close()


def test_unlocking_a_plain_database_comes_back_to_the_half_typed_form(
    qtbot, main: MainWindow, ticks: FakeMonotonic, case_id: int
) -> None:  # type: ignore[no-untyped-def]
    form, case_window = open_everything(qtbot, main, case_id)
    time_out(main, ticks)
    screen = main.locking.screen
    assert screen.panel is None
    assert screen.show_button is not None
    screen.show_button.click()
    assert not main.locked
    assert not main.database.locked
    assert form.isVisible()
    assert form.first_name.text() == HALF_TYPED
    assert form.focusWidget() is form.first_name
    assert case_window.isVisible()
    assert main.tabs.currentWidget() is main.students
    assert main.students.model.rowCount() == 4


def test_the_wall_keeps_the_circle_while_the_keepers_windows_hide(qtbot, main: MainWindow) -> None:  # type: ignore[no-untyped-def]
    wall = WallWindow()
    console = QWidget(None, Qt.WindowType.Window)  # stands in for the circle console
    for window in (wall, console):
        qtbot.addWidget(window)
        window.show()
    main.lock()
    assert wall.isVisible()
    assert not console.isVisible()
    main.locking.screen.show_button.click()
    assert console.isVisible()


def test_a_dialog_that_was_waited_for_is_not_shown_again(qtbot, main: MainWindow) -> None:  # type: ignore[no-untyped-def]
    # Hiding a dialog ends its exec() as if cancelled: showing it again would leave a dialog
    # whose buttons nobody waits for.
    waited_for = QDialog(main)
    waited_for.setWindowModality(Qt.WindowModality.ApplicationModal)
    waited_for.show()
    assert waited_for.isVisible()
    main.lock()
    assert not waited_for.isVisible()
    main.locking.screen.show_button.click()
    assert not main.locked  # unlocked, the window is back ...
    assert not waited_for.isVisible()  # ... and the dialog is not


@pytest.fixture
def encrypted(tmp_path: Path, clock: FakeClock) -> Iterator[Database]:
    database = open_database(tmp_path / "school.db", passphrase=Passphrase(SECRET), clock=clock)
    yield database
    database.close()


def test_ctrl_l_locks_and_only_the_passphrase_unlocks(
    qtbot, encrypted: Database, ticks: FakeMonotonic
) -> None:  # type: ignore[no-untyped-def]
    info = school.set_up_school(encrypted, "Riverside Middle School", 2025)
    students.add_student(encrypted, StudentFields("700101", "Xochitl", "Ibarra", "", 7, "7-Blue"))
    main = MainWindow(encrypted, info, idle_clock=ticks)
    qtbot.addWidget(main)
    main.show()
    main.watch_input()
    main.show_view("students")
    main.students.new_record()
    form = main.students.findChild(StudentForm)
    type_text(form.last_name, HALF_TYPED)
    with qtbot.waitActive(form):
        form.activateWindow()
    qtbot.keyClick(form.last_name, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert main.locked
    assert encrypted.locked
    with pytest.raises(DatabaseLocked):
        _ = encrypted.key
    panel = main.locking.screen.panel
    assert panel is not None
    type_text(panel.passphrase, "a wrong passphrase altogether")
    panel.unlock_button.click()
    assert main.locked
    assert encrypted.locked
    assert "not right" in panel.message.text()
    assert record_text_in(shown_texts(main)) == set()
    type_text(panel.passphrase, SECRET)
    panel.unlock_button.click()
    assert not main.locked
    assert not encrypted.locked
    assert form.isVisible()
    assert form.last_name.text() == HALF_TYPED
    assert main.tabs.currentWidget() is main.students
    assert students.get_student(encrypted, 1).first_name == "Xochitl"


def test_the_system_session_locking_locks_the_window(main: MainWindow) -> None:
    main.system_session.prepareForSleep(False)  # waking up says nothing
    assert not main.locked
    main.system_session.lockRequested.emit("session")
    assert main.locked
    assert main.database.locked


@pytest.mark.parametrize("slot", ["sleep", "screen saver", "session"])
def test_each_system_hint_asks_for_a_lock(main: MainWindow, slot: str) -> None:
    session = main.system_session
    {
        "sleep": lambda: session.prepareForSleep(True),
        "screen saver": lambda: session.screenSaverActive(True),
        "session": session.sessionLocked,
    }[slot]()
    assert main.locked


def menu_items(window: MainWindow) -> list[QAction]:
    menus = [action.menu() for action in window.menuBar().actions()]
    return [item for menu in menus for item in menu.actions() if not item.isSeparator()]


def test_while_locked_only_quit_and_help_work(qtbot, main: MainWindow) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitActive(main):
        main.activateWindow()
    qtbot.keyClick(main, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert main.locked
    enabled = {item.text() for item in menu_items(main) if item.isEnabled()}
    assert enabled == {"&Quit", "&Keyboard shortcuts"}
    main.locking.screen.show_button.click()
    assert all(item.isEnabled() for item in menu_items(main))


def test_the_security_menu_on_a_plain_database(
    main: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    label = next(w for w in main.statusBar().findChildren(QLabel) if w.text() == "Not encrypted")
    assert "not encrypted" in label.toolTip()
    shown: list[str] = []
    monkeypatch.setattr(
        security_menu.dialogs, "show_error", lambda _p, title, _t: shown.append(title)
    )
    security_menu.change_passphrase(main, main.database)
    assert shown == ["This database is not encrypted"]
    monkeypatch.setattr(security_menu.IdleMinutesDialog, "ask", classmethod(lambda cls, m, p: 3))
    security_menu.choose_idle_minutes(main, main.idle)
    assert IDLE_LOCK_MINUTES.read(QSettings()) == 3
    assert main.idle.minutes == 3


def test_the_lock_after_dialog_offers_one_to_sixty_minutes(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = security_menu.IdleMinutesDialog(90)
    qtbot.addWidget(dialog)
    assert (dialog.minutes.minimum(), dialog.minutes.maximum()) == (1, 60)
    assert dialog.minutes.value() == 60
    assert isinstance(dialog, QDialog)


def test_the_input_watch_starts_by_itself_once_the_window_has_settled(
    qtbot, db: Database, school_db: School, ticks: FakeMonotonic
) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(db, school_db.info, idle_clock=ticks)
    qtbot.addWidget(window)
    window.show()
    assert window.input_watch.isActive()
    assert window.input_watch.interval() == WATCH_INPUT_AFTER_MS
    window.input_watch.timeout.emit()  # what the timer does when it fires
    ticks.advance(9)
    key = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")
    QApplication.sendEvent(window.tier1.search, key)  # heard: the idle time starts again
    ticks.advance(2)
    window.idle.check()
    assert not window.locked
