"""The agreement step on the keeper's console: what the group agrees, typed while it agrees (the
piece rests with the keeper). For a case: items, each with who will do it and by when, saved as
the case's agreement with the circle as its meeting. For a group: the lines of the group's
agreements."""

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rp_desktop.domain.casework.agreements import AgreementItemFields
from rp_desktop.ui.conference.text_keys import TextKeys
from rp_desktop.ui.words.formatting import format_date

# An owner in the drop-down: ("participant", id) or ("staff", id), as the agreement form has.
Owner = tuple[str, int]
WHAT_MOST = 500


class AgreementPanel(QWidget):
    """Items of a case's agreement (`owners` given) or lines of a group's agreements (no
    owners). Enter in the last box adds what was typed.

    Signals:
        changed(): an item or line was added or removed.
    """

    changed = Signal()

    def __init__(
        self,
        owners: list[tuple[str, Owner]] | None,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.for_case = owners is not None
        self._today = today
        self._items: list[AgreementItemFields] = []
        self._owner_names: dict[Owner, str] = {}
        self._make_words()
        self.what = QLineEdit()
        self.what.setMaxLength(WHAT_MOST)
        self.who = QComboBox()
        self.due = QDateEdit()
        self.add = QPushButton(self.tr("Add  (Enter)"))
        self.remove = QPushButton(self.tr("Remove the chosen one"))
        self.table = QTableWidget(0, 3 if self.for_case else 1)
        self._make_inputs(owners or [])
        self._keys = TextKeys(self._back_to_circle, self._enter, self)
        self._keys.watch(*self.inputs())
        self._lay_out()
        self.add.clicked.connect(self.add_typed)
        self.remove.clicked.connect(self._remove_chosen)

    # -- what the runner reads --------------------------------------------------------------
    def items(self) -> tuple[AgreementItemFields, ...]:
        """The case's items agreed (a case's panel)."""
        return tuple(self._items) if self.for_case else ()

    def lines(self) -> tuple[str, ...]:
        """The group's agreements (a group's panel)."""
        return () if self.for_case else tuple(item.description for item in self._items)

    def owner_text(self, item: AgreementItemFields) -> str:
        """The words the drop-down shows for an item's owner ("" for nobody named)."""
        if item.owner_participant_id is not None:
            return self._owner_names.get(("participant", item.owner_participant_id), "")
        if item.owner_staff_id is not None:
            return self._owner_names.get(("staff", item.owner_staff_id), "")
        return ""

    @property
    def empty(self) -> bool:
        return not self._items

    def inputs(self) -> tuple[QWidget, ...]:
        """The boxes in Tab order."""
        return (self.what, self.who, self.due) if self.for_case else (self.what,)

    def start_typing(self) -> None:
        self.what.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- adding and removing ----------------------------------------------------------------
    def add_typed(self) -> bool:
        """Add what is typed as an item (or line); False, with the reason shown, if nothing
        is typed or, for a case, nobody is named to do it."""
        text = self.what.text().strip()
        if not text:
            self._say(self.tr("Type what is agreed first."))
            self.what.setFocus(Qt.FocusReason.OtherFocusReason)
            return False
        owner: Owner | None = self.who.currentData()
        if self.for_case and owner is None:
            self._say(self.tr("Choose who will do it first."))
            self.who.setFocus(Qt.FocusReason.OtherFocusReason)
            return False
        qdate = self.due.date()
        self._items.append(
            AgreementItemFields(
                description=text,
                owner_participant_id=owner[1] if owner and owner[0] == "participant" else None,
                owner_staff_id=owner[1] if owner and owner[0] == "staff" else None,
                due_on=date(qdate.year(), qdate.month(), qdate.day()) if self.for_case else None,
            )
        )
        self._say("")
        self.what.clear()
        self.who.setCurrentIndex(0)
        self._show_items()
        self.what.setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit()
        return True

    def _say(self, problem: str) -> None:
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))

    def _remove_chosen(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self._say(self.tr("Choose the item to remove in the list first."))
            return
        del self._items[rows[0].row()]
        self._show_items()
        self.changed.emit()

    def _enter(self, box: QWidget) -> bool:
        """Enter moves to the next box; in the last one it adds the item."""
        boxes = self.inputs()
        if box is boxes[-1]:
            self.add_typed()
        else:
            boxes[boxes.index(box) + 1].setFocus(Qt.FocusReason.TabFocusReason)
        return True

    def _back_to_circle(self) -> None:
        focused = self.focusWidget()
        if focused is not None:
            focused.clearFocus()
        self.window().setFocus(Qt.FocusReason.OtherFocusReason)

    # -- building -----------------------------------------------------------------------------
    def _make_words(self) -> None:
        """The heading, how the keys work here, and the place for a problem."""
        self.heading = QLabel(
            self.tr("What we agree") if self.for_case else self.tr("Our group's agreements")
        )
        heading_font = QFont()
        heading_font.setPixelSize(20)
        heading_font.setBold(True)
        self.heading.setFont(heading_font)
        self.hint = QLabel(
            self.tr(
                "Enter moves to the next box; in the last one it adds what is typed. "
                "Esc gives the keys back to the circle."
            ),
            wordWrap=True,
        )
        self.problem = QLabel(wordWrap=True)
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.hide()

    def _make_inputs(self, owners: list[tuple[str, Owner]]) -> None:
        self.what.setAccessibleName(
            self.tr("What will be done") if self.for_case else self.tr("An agreement")
        )
        self.what.setPlaceholderText(
            self.tr("For example: repair the locker door")
            if self.for_case
            else self.tr("For example: we listen when someone holds the piece")
        )
        self.who.setAccessibleName(self.tr("Who will do it"))
        self.who.addItem(self.tr("Who will do it?"), None)
        for text, owner in owners:
            self.who.addItem(text, owner)
            self._owner_names[owner] = text
        self.due.setAccessibleName(self.tr("Due by"))
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd")
        soon = self._today + timedelta(days=7)
        self.due.setDate(QDate(soon.year, soon.month, soon.day))
        # Agreed today, due from today on: never before the case, which the save would refuse.
        self.due.setMinimumDate(QDate(self._today.year, self._today.month, self._today.day))
        self.add.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space stays the circle's key
        self.remove.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setAccessibleName(self.tr("Agreed so far"))
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        if self.for_case:
            titles = [self.tr("What will be done"), self.tr("Who"), self.tr("By")]
        else:
            titles = [self.tr("Agreed")]
        self.table.setHorizontalHeaderLabels(titles)

    def _lay_out(self) -> None:
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("What:")), 0, 0)
        grid.addWidget(self.what, 0, 1, 1, 3)
        if self.for_case:
            grid.addWidget(QLabel(self.tr("Who:")), 1, 0)
            grid.addWidget(self.who, 1, 1)
            grid.addWidget(QLabel(self.tr("By:")), 1, 2)
            grid.addWidget(self.due, 1, 3)
        else:
            for widget in (self.who, self.due):
                widget.hide()
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addLayout(grid)
        layout.addWidget(self.hint)
        layout.addWidget(self.problem)
        layout.addWidget(self.add)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.remove)

    def _show_items(self) -> None:
        self.table.setRowCount(len(self._items))
        for row, item in enumerate(self._items):
            cells = [item.description]
            if self.for_case:
                due = format_date(item.due_on) if item.due_on else ""
                cells += [self.owner_text(item) or self.tr("(nobody named)"), due]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeRowsToContents()
