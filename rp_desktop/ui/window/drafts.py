"""Drafts offered back after RP Desktop closed with forms still open (a crash, a kill, a power
cut): the list to choose from, and the chosen ones opened again (each form is built again with
what was typed in it by `reopening.py`)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTime
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rp_desktop.services import drafts
from rp_desktop.services.drafts import Draft
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui import dialogs
from rp_desktop.ui.crash import log_failure
from rp_desktop.ui.window.reopening import reopen_draft
from rp_desktop.ui.words.formatting import format_date

if TYPE_CHECKING:  # the forms load when a draft is reopened, not at start-up
    from rp_desktop.ui.forms.record_form import RecordForm


def _tr(text: str) -> str:
    return QCoreApplication.translate("Drafts", text)


def saved_words(moment: datetime) -> str:
    """When a draft was last saved, in the user's time and locale: "3/10/2026 at 2:41 PM"."""
    local = moment.astimezone()
    time = QLocale().toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)
    return _tr("{day} at {time}").format(day=format_date(local.date()), time=time)


class DraftsDialog(QDialog):
    """The forms that were open when RP Desktop last closed without saving them. Restore
    (all are chosen at first), Discard (asks first) or Later (they are offered again)."""

    def __init__(self, db: Database, found: list[Draft], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.chosen: list[Draft] = []
        self.setWindowTitle(self.tr("Forms not saved"))
        self.setMinimumWidth(560)
        heading, explanation = self._make_words()
        self.list = self._make_list(found)
        self._make_buttons()
        self.list.itemSelectionChanged.connect(self._sync_buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(explanation)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)

    def _make_words(self) -> tuple[QLabel, QLabel]:
        heading = QLabel(self.tr("RP Desktop closed before these forms were saved"))
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        heading.setFont(font)
        heading.setWordWrap(True)
        explanation = QLabel(
            self.tr(
                "What was typed in them was kept. Restore opens each chosen form as it was, "
                "ready to finish and save. Discard throws away what it held. Later keeps them "
                "for the next time RP Desktop starts."
            ),
            wordWrap=True,
        )
        return heading, explanation

    def _make_list(self, found: list[Draft]) -> QListWidget:
        """Every draft found, all chosen at first."""
        drafts_list = QListWidget()
        drafts_list.setAccessibleName(self.tr("Forms not saved"))
        drafts_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        for draft in found:
            item = QListWidgetItem(
                self.tr("{form} — last typed {when}").format(
                    form=draft.label or self.tr("A form"), when=saved_words(draft.saved_at)
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, draft)
            drafts_list.addItem(item)
        drafts_list.selectAll()
        return drafts_list

    def _make_buttons(self) -> None:
        self.buttons = QDialogButtonBox()
        self.restore_button = self.buttons.addButton(
            self.tr("Restore"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.discard_button = self.buttons.addButton(
            self.tr("Discard…"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.later_button = self.buttons.addButton(
            self.tr("Later"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.restore_button.setDefault(True)
        self.restore_button.clicked.connect(self.restore_selected)
        self.discard_button.clicked.connect(self.discard_selected)
        self.later_button.clicked.connect(self.reject)

    @classmethod
    def ask(cls, db: Database, found: list[Draft], parent: QWidget | None = None) -> list[Draft]:
        """The drafts the user chose to restore (none for Later)."""
        dialog = cls(db, found, parent)
        dialogs.wait_for(dialog)
        return dialog.chosen

    def selected(self) -> list[Draft]:
        return [item.data(Qt.ItemDataRole.UserRole) for item in self.list.selectedItems()]

    def restore_selected(self) -> None:
        self.chosen = self.selected()
        if self.chosen:
            self.accept()

    def discard_selected(self) -> None:
        chosen = self.list.selectedItems()
        if not chosen or not dialogs.confirm(
            self,
            self.tr("Discard what was typed?"),
            self.tr("What was typed in the chosen forms will be lost. Discard it?"),
            self.tr("Discard"),
            self.tr("Keep it"),
        ):
            return
        for item in chosen:
            try:
                drafts.delete_draft(self._db, item.data(Qt.ItemDataRole.UserRole).key)
            except Exception as error:
                log_failure("discarding a draft", error)
                continue
            self.list.takeItem(self.list.row(item))
        if not self.list.count():
            self.reject()

    def _sync_buttons(self) -> None:
        chosen = bool(self.list.selectedItems())
        self.restore_button.setEnabled(chosen)
        self.discard_button.setEnabled(chosen)


def offer_drafts(
    parent: QWidget,
    db: Database,
    school_year: int,
    *,
    open_case: Callable[[int], QWidget],
    changed: Callable[[], None],
) -> list[RecordForm]:
    """At start-up: when forms were left unsaved, offer them back, and open those chosen (a
    casework form over its case's window). `changed` is called when one of them is saved."""
    try:
        found = drafts.list_drafts(db)
    except Exception as error:
        log_failure("reading drafts", error)
        return []
    if not found:
        return []
    opened = []
    for draft in DraftsDialog.ask(db, found, parent):
        try:
            where = draft.fields.get("where")
            case_id = where.get("case_id") if isinstance(where, dict) else None
            owner = open_case(case_id) if isinstance(case_id, int) else parent
            form = reopen_draft(owner, db, school_year, draft)
        except LookupError:
            dialogs.show_error(parent, _tr("A form could not be restored"), _gone_text())
            continue
        form.saved.connect(lambda _id: changed())
        form.open()
        opened.append(form)
    return opened


def _gone_text() -> str:
    return _tr(
        "A form could not be restored: the record it was for is no longer there. "
        "What was typed in it is kept until you discard it."
    )
