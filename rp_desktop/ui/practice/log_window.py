"""The practice log's window: the newest logs, each to correct, remove (asked first) or grow
into a Tier 2 case when a chat turns out to be more. A log turned into a case names it, and
opens it instead of making a second one."""

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rp_desktop.domain.continuum.practice import CaseRefusal, PracticeLog, case_refusal
from rp_desktop.services.continuum import practice
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui import dialogs
from rp_desktop.ui.practice.case_dialog import OpenCaseDialog
from rp_desktop.ui.practice.dialog import LogPracticeDialog
from rp_desktop.ui.practice.log_model import NOTE, STUDENTS, PracticeLogModel
from rp_desktop.ui.practice.words import practice_words, refusal_text
from rp_desktop.ui.screen_fit import fit_to_screen
from rp_desktop.ui.words.formatting import counted, format_date

SHOWN = 200  # the newest logs; a year's tallies would be thousands
PREFERRED = QSize(1100, 560)
OPEN_KEYS = ("Return", "Enter")


class PracticeLogWindow(QWidget):
    """The newest practice logs, with Edit, Remove and Open a case from this.

    Signals:
        caseOpenRequested(int): open this case (its id) in its window.
        logRequested(): log a new practice.
        changed(): a log was changed, removed or turned into a case.
    """

    caseOpenRequested = Signal(int)
    logRequested = Signal()
    changed = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self._db = db
        self.setWindowTitle(self.tr("Practice log"))
        self.count = QLabel()
        self.model = PracticeLogModel(self)
        self.table = self._make_table()
        self._make_buttons()
        self._lay_out()
        self.table.selectionModel().selectionChanged.connect(self._sync_buttons)
        self.table.doubleClicked.connect(self.edit_selected)
        for keys in OPEN_KEYS:
            shortcut = QShortcut(QKeySequence(keys), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.edit_selected)
        fit_to_screen(self, PREFERRED, "practice_log")
        self.reload()

    def reload(self) -> None:
        """Read the newest logs again, keeping the row chosen."""
        chosen = self.selected()
        total = practice.practice_count(self._db)
        self.model.set_rows(practice.recent_practice(self._db, SHOWN))
        self.count.setText(self._count_text(total))
        if self.model.rowCount():
            found = self.model.row_where(lambda log: chosen is not None and log.id == chosen.id)
            self.table.selectRow(found or 0)
        self._sync_buttons()

    def selected(self) -> PracticeLog | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    # -- what the buttons do -------------------------------------------------------------------
    def edit_selected(self) -> None:
        log = self.selected()
        if log is None:
            return
        form = LogPracticeDialog(self._db, log, parent=self)
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.saved.connect(lambda _id: self._changed())
        form.open()

    def remove_selected(self) -> None:
        log = self.selected()
        if log is None or not self._remove_asked(log):
            return
        practice.delete_practice(self._db, log.id)
        self._changed()

    def case_from_selected(self) -> None:
        """Open the case this log grew into; or make one, once a category is chosen."""
        log = self.selected()
        if log is None:
            return
        if log.case_id is not None:
            self.caseOpenRequested.emit(log.case_id)
            return
        refusal = case_refusal(log)
        if refusal is not None:
            dialogs.show_error(self, self.tr("No case from this log"), refusal_text(refusal, None))
            return
        case_id = OpenCaseDialog.ask(self._db, log, self)
        if case_id is not None:
            self._changed()
            self.caseOpenRequested.emit(case_id)

    # -- building ------------------------------------------------------------------------------
    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setAccessibleName(self.tr("Practice logs, newest first"))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setTabKeyNavigation(False)  # Tab goes on to the buttons
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in (STUDENTS, NOTE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        return table

    def _make_buttons(self) -> None:
        self.new_button = QPushButton(self.tr("&Log a practice…"))
        self.new_button.setToolTip(self.tr("Log a practice (Ctrl+Shift+L)"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.remove_button = QPushButton(self.tr("&Remove…"))
        self.case_button = QPushButton()
        self.close_button = QPushButton(self.tr("Close"))
        self.new_button.clicked.connect(self.logRequested)
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.case_button.clicked.connect(self.case_from_selected)
        self.close_button.clicked.connect(self.close)
        QShortcut(QKeySequence("Ctrl+Shift+L"), self, self.logRequested.emit)

    def _lay_out(self) -> None:
        note = QLabel(
            self.tr(
                "Everyday practice as it was logged. A log names no harm and makes no case; "
                "when a chat turns out to be more, open a Tier 2 case from it."
            ),
            wordWrap=True,
        )
        actions = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.remove_button, self.case_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.count)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)

    # -- private -------------------------------------------------------------------------------
    def _sync_buttons(self) -> None:
        log = self.selected()
        for button in (self.edit_button, self.remove_button, self.case_button):
            button.setEnabled(log is not None)
        if log is not None and log.case_id is not None:
            self.case_button.setText(self.tr("Open case {number}").format(number=log.case_id))
        else:
            self.case_button.setText(self.tr("Open a &case from this…"))
        no_students = log is not None and case_refusal(log) is CaseRefusal.NO_STUDENTS
        self.case_button.setToolTip(
            refusal_text(CaseRefusal.NO_STUDENTS, None) if no_students else ""
        )

    def _count_text(self, total: int) -> str:
        if total > SHOWN:
            return self.tr("The newest {shown} of {total} logs.").format(shown=SHOWN, total=total)
        return (
            counted(total, self.tr("1 log."), self.tr("{count} logs."))
            if total
            else self.tr("Nothing logged yet: Log a practice (Ctrl+Shift+L) adds the first.")
        )

    def _remove_asked(self, log: PracticeLog) -> bool:
        fields = log.fields
        what = practice_words(fields.kind, fields.tally)
        kept = self.tr(" The case opened from it stays.") if log.case_id is not None else ""
        return dialogs.confirm(
            self,
            self.tr("Remove this log?"),
            self.tr("The log of {what} on {date} will be removed for good.{kept}").format(
                what=what, date=format_date(fields.happened_on), kept=kept
            ),
            self.tr("Remove the log"),
            self.tr("Keep it"),
        )

    def _changed(self) -> None:
        self.reload()
        self.changed.emit()
