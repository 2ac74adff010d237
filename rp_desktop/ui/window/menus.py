"""The main window's menus around its Security menu (ui/lock/security_menu.py): File, Edit and
Go before it, Help after it; the same keyboard shortcuts on every system (Windows has no
standard key for Quit)."""

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

from rp_desktop.ui import dialogs
from rp_desktop.ui.safekeeping.menu import Safekeeping
from rp_desktop.ui.window.open_windows import OpenWindows


class MenuWindow(Protocol):
    """What the menus need of the main window (window/main_window.py's MainWindow)."""

    windows: OpenWindows
    safekeeping: Safekeeping

    def menuBar(self) -> QMenuBar: ...

    def window(self) -> QWidget: ...

    def close(self) -> bool: ...

    def new_record(self) -> None: ...

    def import_roster(self) -> None: ...

    def export(self) -> None: ...

    def focus_search(self) -> None: ...

    def edit_categories(self) -> None: ...


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def add_record_menus(window: MenuWindow) -> QAction:
    """File, Edit and Go; returns Quit, which still works while the window is locked."""
    bar = window.menuBar()
    file_menu = bar.addMenu(_tr("&File"))
    _action(file_menu, _tr("&New record"), "Ctrl+N", window.new_record)
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
    _action(go_menu, _tr("&Agreements due"), "Ctrl+D", window.windows.due_list)
    return quit_action


def add_help_menu(window: MenuWindow) -> QAction:
    """Help; returns its first entry, which still works while the window is locked."""
    help_menu = window.menuBar().addMenu(_tr("&Help"))
    about = _action(
        help_menu,
        _tr("&Help and keyboard shortcuts"),
        "F1",
        lambda: dialogs.show_about(window.window()),
    )
    help_menu.addSeparator()
    window.safekeeping.add_to_help_menu(help_menu)
    return about


def _action(menu: QMenu, text: str, keys: str, slot: Callable[[], object]) -> QAction:
    action = QAction(text, menu.parent())  # the menu bar: the action lives as long as the window
    action.setShortcut(QKeySequence(keys))
    action.triggered.connect(slot)
    menu.addAction(action)
    return action
