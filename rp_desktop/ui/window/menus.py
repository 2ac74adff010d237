"""The main window's menus around its Security menu (ui/lock/security_menu.py): File, Edit and
Go before it, Help after it; the same keyboard shortcuts on every system (Windows has no
standard key for Quit). Go has Ctrl+1 to Ctrl+7 for the tabs, in their order; Help has every
shortcut on F1 (window/shortcuts_dialog.py), read from these menus."""

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QTabWidget, QWidget

from rp_desktop.ui import dialogs
from rp_desktop.ui.safekeeping.menu import Safekeeping
from rp_desktop.ui.window.open_windows import OpenWindows


class MenuWindow(Protocol):
    """What the menus need of the main window (window/main_window.py's MainWindow)."""

    windows: OpenWindows
    safekeeping: Safekeeping
    tabs: QTabWidget

    def menuBar(self) -> QMenuBar: ...

    def window(self) -> QWidget: ...

    def close(self) -> bool: ...

    def new_record(self) -> None: ...

    def import_roster(self) -> None: ...

    def export(self) -> None: ...

    def focus_search(self) -> None: ...

    def edit_categories(self) -> None: ...


LOG_PRACTICE = "Ctrl+Shift+L"  # L for log; Ctrl+L alone locks


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def add_record_menus(window: MenuWindow) -> QAction:
    """File, Edit and Go; returns Quit, which still works while the window is locked."""
    bar = window.menuBar()
    file_menu = bar.addMenu(_tr("&File"))
    _action(file_menu, _tr("&New record"), "Ctrl+N", window.new_record)
    _action(file_menu, _tr("New &referral…"), "", window.windows.new_referral)
    _action(file_menu, _tr("&Log a practice…"), LOG_PRACTICE, lambda: window.windows.log_practice())
    _action(file_menu, _tr("&Import the roster…"), "Ctrl+I", window.import_roster)
    _action(file_menu, _tr("&Export…"), "Ctrl+E", window.export)
    file_menu.addSeparator()
    window.safekeeping.add_to_file_menu(file_menu)
    file_menu.addSeparator()
    quit_action = _action(file_menu, _tr("&Quit"), "Ctrl+Q", window.close)
    edit_menu = bar.addMenu(_tr("&Edit"))
    _action(edit_menu, _tr("&Find"), "Ctrl+F", window.focus_search)
    edit_menu.addSeparator()
    _action(edit_menu, _tr("Case &categories…"), "", window.edit_categories)
    go_menu = bar.addMenu(_tr("&Go"))
    add_tab_keys(go_menu, window.tabs)
    go_menu.addSeparator()
    _action(go_menu, _tr("&Agreements due"), "Ctrl+D", window.windows.due_list)
    _action(go_menu, _tr("&Practice log"), "", window.windows.practice_log)
    return quit_action


def add_tab_keys(menu: QMenu, tabs: QTabWidget) -> None:
    """One entry per tab, in the tabs' order, on Ctrl+1, Ctrl+2 and so on (nine at most)."""
    for index in range(min(tabs.count(), 9)):
        _action(menu, tabs.tabText(index), f"Ctrl+{index + 1}", _showing(tabs, index))


def _showing(tabs: QTabWidget, index: int) -> Callable[[], None]:
    return lambda: tabs.setCurrentIndex(index)


def add_help_menu(window: MenuWindow) -> QAction:
    """Help; returns its first entry, which still works while the window is locked."""
    help_menu = window.menuBar().addMenu(_tr("&Help"))
    keys = _action(
        help_menu, _tr("&Keyboard shortcuts"), "F1", lambda: show_shortcuts(window.menuBar())
    )
    _action(help_menu, _tr("&About RP Desktop"), "", lambda: dialogs.show_about(window.window()))
    _action(help_menu, _tr("About c&ircles"), "", lambda: show_about_circles(window.window()))
    help_menu.addSeparator()
    window.safekeeping.add_to_help_menu(help_menu)
    return keys


def show_shortcuts(bar: QMenuBar) -> None:
    """Every keyboard shortcut, read from the menus of `bar` and the other tables of keys."""
    from rp_desktop.ui.window.shortcuts_dialog import ShortcutsDialog

    dialogs.wait_for(ShortcutsDialog(bar, bar.window()))


def show_about_circles(parent: QWidget) -> None:
    """Where circle practice and the restorative questions come from (ui/help/)."""
    from rp_desktop.ui.help.about_circles import AboutCirclesDialog

    dialogs.wait_for(AboutCirclesDialog(parent))


def _action(menu: QMenu, text: str, keys: str, slot: Callable[[], object]) -> QAction:
    action = QAction(text, menu.parent())  # the menu bar: the action lives as long as the window
    action.setShortcut(QKeySequence(keys))
    action.triggered.connect(slot)
    menu.addAction(action)
    return action
