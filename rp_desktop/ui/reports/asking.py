"""The questions the Reports tab asks before saving: where, and which month. In one module, so
tests replace these functions instead of clicking through a file chooser."""

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from rp_desktop.ui import choosers

CSV_FILTER = "CSV (*.csv)"
XLSX_FILTER = "Excel (*.xlsx)"


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReportQuestions", text)


def choose_table_path(parent: QWidget, suggested: str) -> Path | None:
    """Where to save a table, as .csv or .xlsx (the chosen filter adds the suffix when the
    name has none); None when the user cancels."""
    chosen = choosers.choose_save_file(
        parent,
        _tr("Save the table"),
        suggested,
        ";;".join((_tr("Spreadsheet") + " " + XLSX_FILTER, _tr("Text table") + " " + CSV_FILTER)),
    )
    if chosen is None:
        return None
    path, chosen_filter = chosen
    if path.suffix.lower() in (".csv", ".xlsx"):
        return path
    return path.with_suffix(".csv" if CSV_FILTER in chosen_filter else ".xlsx")


def choose_pdf_path(parent: QWidget, suggested: str) -> Path | None:
    chosen = choosers.choose_save_file(
        parent, _tr("Save the monthly summary"), suggested, _tr("PDF files (*.pdf)")
    )
    if chosen is None:
        return None
    path = chosen[0]
    return path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf")


def choose_month(parent: QWidget, months: Sequence[tuple[str, str]], preferred: str) -> str | None:
    """One month's key from (key, words) pairs, `preferred` chosen first; None on cancel."""
    words = [word for _key, word in months]
    keys = [key for key, _word in months]
    current = keys.index(preferred) if preferred in keys else len(keys) - 1
    word = choosers.ask_item(
        parent, _tr("Monthly summary"), _tr("Which month should the summary show?"), words, current
    )
    if word is None or word not in words:
        return None
    return keys[words.index(word)]
