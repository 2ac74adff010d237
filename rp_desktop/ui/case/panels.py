"""The parts of the case window: tables of agreement items and follow-ups, each with its
buttons (the meetings' table is ui/preparation/meetings_panel.py). Each panel draws a
CaseDetail; the window decides what the buttons do. An empty table says in one sentence what
to do next."""

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Signal, SignalInstance
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rp_desktop.domain.casework.agreement_page import items_in_order
from rp_desktop.domain.casework.records import AgreementItem, CaseDetail
from rp_desktop.domain.vocabulary import AgreementStatus
from rp_desktop.ui.words.formatting import format_date
from rp_desktop.ui.words.labels import label


class RecordTable(QTableWidget):
    """A read-only table of a case's records, one row each; `ids[row]` is the record's id."""

    def __init__(
        self,
        headers: Sequence[str],
        stretch: int,
        fitted: Sequence[int] = (),
        parent: QWidget | None = None,
    ):
        super().__init__(0, len(headers), parent)
        self.setHorizontalHeaderLabels(list(headers))
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        header = self.horizontalHeader()
        for column in fitted:  # a name, a date or a status: on one line, never cut
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        self.ids: list[int] = []

    def show_rows(self, rows: Sequence[tuple[int, Sequence[str]]]) -> None:
        self.setRowCount(len(rows))
        self.ids = [record_id for record_id, _ in rows]
        for row, (_, cells) in enumerate(rows):
            for column, text in enumerate(cells):
                self.setItem(row, column, QTableWidgetItem(text))
        self.resizeRowsToContents()

    def selected_id(self) -> int | None:
        rows = self.selectionModel().selectedRows()
        return self.ids[rows[0].row()] if rows else None


def _hint(text: str) -> QLabel:
    """What to do next, shown above a table while it is empty."""
    hint = QLabel(text, wordWrap=True)
    hint.setAccessibleName(text)
    return hint


def _buttons(*texts: str) -> tuple[QHBoxLayout, list[QPushButton]]:
    row = QHBoxLayout()
    buttons = [QPushButton(text) for text in texts]
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row, buttons


class AgreementPanel(QWidget):
    """Signals: newRequested(), editRequested(int agreement id), printRequested(int agreement
    id), pdfRequested(int agreement id), statusRequested(int item id, object AgreementStatus)."""

    newRequested = Signal()
    editRequested = Signal(int)
    printRequested = Signal(int)
    pdfRequested = Signal(int)
    statusRequested = Signal(int, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: dict[int, tuple[int, AgreementItem]] = {}  # item id: (agreement id, item)
        self.summary = QLabel(wordWrap=True)
        self.table = RecordTable(
            [self.tr("What will be done"), self.tr("Who"), self.tr("By"), self.tr("Status")],
            0,
            fitted=(1, 2, 3),
        )
        marks, (self.done, self.missed, self.renegotiated) = _buttons(
            self.tr("Mark done"), self.tr("Mark missed"), self.tr("Renegotiated")
        )
        actions, (self.new, self.edit, self.print, self.pdf) = _buttons(
            self.tr("New agreement…"),
            self.tr("Edit the agreement…"),
            self.tr("Print for signing…"),
            self.tr("Save as PDF…"),
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addLayout(marks)
        layout.addLayout(actions)
        self.new.clicked.connect(self.newRequested)
        self.edit.clicked.connect(lambda: self._with_agreement(self.editRequested))
        self.print.clicked.connect(lambda: self._with_agreement(self.printRequested))
        self.pdf.clicked.connect(lambda: self._with_agreement(self.pdfRequested))
        for button, status in (
            (self.done, AgreementStatus.DONE),
            (self.missed, AgreementStatus.MISSED),
            (self.renegotiated, AgreementStatus.RENEGOTIATED),
        ):
            button.clicked.connect(lambda _=False, s=status: self._mark(s))

    def show_detail(self, detail: CaseDetail) -> None:
        rate = detail.completion_rate
        self.summary.setText(
            self.tr(
                "No agreement yet. Use “New agreement…” once the people involved have agreed "
                "on what each will do to make things right."
            )
            if not detail.agreements
            else self.tr("{done} of the items are done.").format(
                done=f"{rate:.0%}" if rate is not None else "—"
            )
        )
        self._items = {
            item.id: (agreement.id, item)
            for agreement in detail.agreements
            for item in agreement.items
        }
        self.table.show_rows(
            [
                (
                    item.id,
                    (
                        item.fields.description,
                        item.owner_name,
                        format_date(item.fields.due_on),
                        label(item.fields.status),
                    ),
                )
                for item in items_in_order(item for _, item in self._items.values())
            ]
        )
        has = bool(detail.agreements)
        for button in (self.edit, self.print, self.pdf, self.done, self.missed, self.renegotiated):
            button.setEnabled(has)

    def latest_agreement(self) -> int | None:
        return max((a for a, _ in self._items.values()), default=None)

    def _with_agreement(self, signal: SignalInstance) -> None:
        item_id = self.table.selected_id()
        agreement_id = (
            self._items[item_id][0] if item_id in self._items else self.latest_agreement()
        )
        if agreement_id is not None:
            signal.emit(agreement_id)

    def _mark(self, status: AgreementStatus) -> None:
        item_id = self.table.selected_id()
        if item_id is not None:
            self.statusRequested.emit(item_id, status)


class FollowUpPanel(QWidget):
    """Signals: newRequested()."""

    newRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = RecordTable(
            [self.tr("Date"), self.tr("By"), self.tr("About"), self.tr("What happened")],
            3,
            fitted=(0, 1),
        )
        self.table.setColumnWidth(2, 220)  # an item's words wrap here
        row, (self.new,) = _buttons(self.tr("Add a follow-up…"))
        self.empty = _hint(
            self.tr(
                "No follow-ups yet. Use “Add a follow-up…” each time you check in on how "
                "things are going."
            )
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.table)
        layout.addLayout(row)
        self.new.clicked.connect(self.newRequested)

    def show_detail(self, detail: CaseDetail) -> None:
        items = {i.id: i.fields.description for a in detail.agreements for i in a.items}
        self.table.show_rows(
            [
                (
                    f.id,
                    (
                        format_date(f.fields.on),
                        f.staff_name,
                        items.get(f.fields.agreement_item_id or -1, self.tr("The case")),
                        f.fields.note,
                    ),
                )
                for f in detail.follow_ups
            ]
        )
        self.empty.setVisible(not detail.follow_ups)


def story_page(story: QPlainTextEdit, buttons: list[QPushButton]) -> QWidget:
    """The case window's "What happened" tab: the description, then what can be done to it."""
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.addWidget(story)
    actions = QHBoxLayout()
    for button in buttons:
        actions.addWidget(button)
    actions.addStretch(1)
    layout.addLayout(actions)
    return page


def private_page(note: QPlainTextEdit, save: QPushButton) -> QWidget:
    """The case window's "My private note" tab, saying honestly where the note goes."""
    page = QWidget()
    layout = QVBoxLayout(page)
    about = QCoreApplication.translate(
        "CaseWindow", "Your own memory aid. Kept out of exports and printouts. It is in backups."
    )
    layout.addWidget(QLabel(about, wordWrap=True))
    note.setToolTip(
        QCoreApplication.translate(
            "CaseWindow",
            "Kept out of exports and printouts. It is in backups. Backups can keep it out "
            "of the district's recovery copy.",
        )
    )
    layout.addWidget(note)
    layout.addWidget(save)
    return page
