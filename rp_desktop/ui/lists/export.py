"""Saving what a list shows as a CSV file or an Excel workbook: every record that matches the
search and the filters, in the list's order, not only the rows loaded on screen.

Names and student numbers are left out unless the user unticks that box: a file travels
further than a screen does. The search text never goes into the file's name or the audit
trail, since it is often a student's name."""

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from rp_desktop.domain.records import ListQuery
from rp_desktop.services.exports.table import ExportNotWritten, export_table
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui import choosers, dialogs
from rp_desktop.ui.lists.record_model import Column, Fetch
from rp_desktop.ui.words.formatting import format_count

EXPORT_PAGE = 5000  # records read from the service at a time while the file is written
FORMATS = {".csv": "CSV (*.csv)", ".xlsx": "Excel workbook (*.xlsx)"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("ListExport", text)


@dataclass(frozen=True)
class ListContents:
    """What a list shows, to be saved whole: its name for the file ("tier-2-cases"), its
    columns, how it reads a page of records, its search and filters as they stand, and how
    many records match them."""

    name: str
    columns: Sequence[Column]
    fetch: Fetch
    query: ListQuery
    total: int


class ExportOptions(QDialog):
    """Asked before the file is chosen: leave out names and student numbers (ticked)?"""

    def __init__(self, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("Export the list"))
        self.setMinimumWidth(440)
        what = QLabel(
            _tr(
                "The file will hold every row this list shows with its search and filters: "
                "{count} rows. You choose CSV or Excel next."
            ).format(count=format_count(count)),
            wordWrap=True,
        )
        self.leave_out_names = QCheckBox(_tr("Leave out names and student numbers"))
        self.leave_out_names.setChecked(True)
        why = QLabel(
            _tr("Untick this only for a file that stays with the staff who work on these records."),
            wordWrap=True,
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        choose = buttons.addButton(_tr("Choose the file…"), QDialogButtonBox.ButtonRole.AcceptRole)
        choose.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (what, self.leave_out_names, why, buttons):
            layout.addWidget(widget)

    @classmethod
    def ask(cls, parent: QWidget | None, count: int) -> bool | None:
        """True to leave names out, False to keep them, None when the user cancelled."""
        dialog = cls(count, parent)
        if not dialogs.accepted(dialog):
            return None
        return dialog.leave_out_names.isChecked()


def choose_path(parent: QWidget | None, suggested: str) -> Path | None:
    """Where to save, from the system's save dialog; None when the user cancelled. A name
    typed without .csv or .xlsx gets the ending of the chosen file type."""
    answer = choosers.choose_save_file(
        parent, _tr("Export the list"), suggested, ";;".join(FORMATS.values())
    )
    if answer is None:
        return None
    path, chosen = answer
    if not path.suffix:
        suffix = next((s for s, text in FORMATS.items() if text == chosen), ".csv")
        path = path.with_suffix(suffix)
    return path


def export_list(parent: QWidget, db: Database, contents: ListContents) -> tuple[int, Path] | None:
    """Ask, choose a file and write it; the number of rows written and where, or None when the
    user cancelled or the file could not be written (the user was told why, in plain words)."""
    leave_out_names = ExportOptions.ask(parent, contents.total)
    if leave_out_names is None:
        return None
    path = choose_path(parent, f"{contents.name}.csv")
    if path is None:
        return None
    headers, rows = table_of(contents, leave_out_names=leave_out_names)
    what = f"{contents.name} list, {'without' if leave_out_names else 'with'} names"
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        written = export_table(db, path, headers, rows, what=what)
    except (ExportNotWritten, ValueError) as error:
        QApplication.restoreOverrideCursor()
        dialogs.show_error(parent, _tr("The list was not exported"), str(error))
        return None
    QApplication.restoreOverrideCursor()
    return written, path


def table_of(
    contents: ListContents, *, leave_out_names: bool
) -> tuple[list[str], Iterator[list[Any]]]:
    """The headers and the rows of the whole list as it shows now."""
    columns = [c for c in contents.columns if not (leave_out_names and names_someone(c))]
    return [c.header for c in columns], _rows(contents, columns)


def names_someone(column: Column) -> bool:
    """Might this column hold a person's name, a student number, or typed text that could
    name someone? Each list marks such columns `private`."""
    return column.private


def list_name(count_words: str, tier: int | None) -> str:
    """A short name for the file and the audit trail: "tier-2-cases", "students". It comes from
    the list's own count words ("2 cases"), so it is in the user's language."""
    words = re.sub(r"[\d\s.,'’\u00a0\u202f]+", " ", count_words).strip()
    stem = re.sub(r"\W+", "-", words.casefold()).strip("-") or "list"
    return f"tier-{tier}-{stem}" if tier is not None else stem


def _rows(contents: ListContents, columns: Sequence[Column]) -> Iterator[list[Any]]:
    offset = 0
    while True:
        page = contents.fetch(contents.query, offset, EXPORT_PAGE)
        for record in page.rows:
            yield [_cell(column, record) for column in columns]
        offset += len(page.rows)
        if not page.rows or offset >= page.total:
            return


def _cell(column: Column, record: Any) -> object:
    """The text the list shows; a count or a number of minutes stays a number."""
    text = column.text(record)
    if column.numeric and text.isdigit():
        return int(text)
    return text
