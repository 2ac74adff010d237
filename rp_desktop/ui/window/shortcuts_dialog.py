"""Help > Keyboard shortcuts (F1): every key the application binds, grouped, read from where the
keys are bound: the main window's menus as they are (so a new menu entry with a shortcut shows
here by itself), the keys every form and window shares (ui/keyboard.py), and the circle
console's keys (run_circle/console_parts.py)."""

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMenuBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rp_desktop.ui.keyboard import form_keys, key_text
from rp_desktop.ui.screen_fit import fit_to_screen

PREFERRED = QSize(920, 480)  # every row shows at this size, with room to spare

Group = tuple[str, list[tuple[str, str]]]  # a heading, then (keys, what they do) rows


def menu_groups(bar: QMenuBar) -> list[Group]:
    """One group per menu of `bar` that has an entry with a shortcut, in the menus' order."""
    groups = []
    for menu_action in bar.actions():
        menu = menu_action.menu()
        if not isinstance(menu, QMenu):
            continue
        rows = _menu_rows(menu)
        if rows:
            groups.append((_plain(menu.title()), rows))
    return groups


def _menu_rows(menu: QMenu) -> list[tuple[str, str]]:
    rows = []
    for action in menu.actions():
        sub = action.menu()
        if isinstance(sub, QMenu):
            rows += _menu_rows(sub)
        elif not action.isSeparator() and action.shortcuts():
            rows.append((_keys_of(action), _plain(action.text())))
    return rows


def _keys_of(action: QAction) -> str:
    native = QKeySequence.SequenceFormat.NativeText
    return ", ".join(keys.toString(native) for keys in action.shortcuts())


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _plain(text: str) -> str:
    """A menu's words without the "&" of their Alt letter, nor a trailing "…"."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").removesuffix("…")


class ShortcutsDialog(QDialog):
    """Every shortcut, in two columns of groups: the menus; forms, windows and the circle."""

    def __init__(self, bar: QMenuBar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.menus = self._tree(self.tr("The main window's menus"), menu_groups(bar))
        self.elsewhere = self._tree(self.tr("Forms, windows and the circle"), self.other_groups())
        intro = QLabel(
            self.tr(
                "Alt with an underlined letter reaches that field, button or menu. "
                "Esc or Ctrl+W closes this list."
            ),
            wordWrap=True,
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        columns = QHBoxLayout()
        columns.addWidget(self.menus, 2)
        columns.addWidget(self.elsewhere, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(columns, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, PREFERRED, "shortcuts")

    def other_groups(self) -> list[Group]:
        """The keys every form and window shares, Log a practice's, and the circle console's."""
        # Imported here: the circle's screens load only when a circle is run or this is asked.
        from rp_desktop.ui.run_circle.console_parts import KEYS, key_words

        words = key_words()
        console = [
            (self.tr(" or ").join(key_text(key) for key in keys), _capital(words[action]))
            for action, keys in KEYS.items()
        ]
        shared = [(key_text(keys), what) for keys, what in form_keys()]
        from rp_desktop.ui.practice.words import practice_keys

        return [
            (self.tr("Every form and window"), shared),
            (self.tr("Log a practice"), practice_keys()),
            (self.tr("Running a circle: the keeper's console (and the wall)"), console),
        ]

    def rows(self) -> list[tuple[str, str]]:
        """Every (keys, what they do) row shown, group headings aside."""
        found = []
        for tree in (self.menus, self.elsewhere):
            for item in tree.findItems(
                "*", Qt.MatchFlag.MatchWildcard | Qt.MatchFlag.MatchRecursive
            ):
                if item.parent() is not None:
                    found.append((item.text(0), item.text(1)))
        return found

    def _tree(self, name: str, groups: list[Group]) -> QTreeWidget:
        tree = QTreeWidget()
        tree.setAccessibleName(name)
        tree.setColumnCount(2)
        tree.setHeaderLabels([self.tr("Keys"), self.tr("What they do")])
        tree.setRootIsDecorated(False)
        tree.setSelectionMode(QTreeWidget.SelectionMode.NoSelection)
        tree.setWordWrap(True)
        tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        bold = QFont(tree.font())
        bold.setBold(True)
        for heading, rows in groups:
            group = QTreeWidgetItem(tree, [heading])
            group.setFirstColumnSpanned(True)
            group.setFont(0, bold)
            for keys, what in rows:
                QTreeWidgetItem(group, [keys, what])
        tree.expandAll()
        tree.setItemsExpandable(False)
        return tree
