"""A report's numbers as a table: the same numbers as its chart, for reading them exactly, for a
screen reader, and for saving as a spreadsheet."""

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt

from rp_desktop.domain.reports.model import ReportKind, ReportTable, Unit
from rp_desktop.ui.lists.rows_model import RIGHT, RowsModel
from rp_desktop.ui.reports.words import (
    breakdown_word,
    format_value,
    key_word,
    report_title,
    series_unit,
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReportNumbers", text)


def headers(table: ReportTable, groups: Mapping[int, str]) -> list[str]:
    return [category_header(table)] + [key_word(s.key, groups) for s in table.series]


def category_header(table: ReportTable) -> str:
    """What the rows are: the breakdown's months or groups, or a report's own rows (the levels
    of the continuum, days after a case, answers), which an outcome keeps whatever the
    breakdown chosen."""
    first = table.categories[0] if table.categories else ""
    if first.startswith("level:"):
        return _tr("Level")
    if first.startswith("within:"):
        return _tr("Days after the first case")
    if first.startswith("repair:"):
        return _tr("Answer")
    if table.request.kind is ReportKind.RE_ENTRY:
        return _tr("Month returned")
    return breakdown_word(table.request.breakdown)


def shown_rows(table: ReportTable, groups: Mapping[int, str]) -> list[list[str]]:
    """Every cell as the screen writes it: shares as percentages, nothing as a dash."""
    units = [series_unit(table, s) for s in table.series]
    return [
        [key_word(category, groups)]
        + [format_value(s.values[row], unit) for s, unit in zip(table.series, units, strict=True)]
        for row, category in enumerate(table.categories)
    ]


def export_rows(
    table: ReportTable, groups: Mapping[int, str]
) -> tuple[list[str], list[list[object]]]:
    """Headers and rows for a spreadsheet: numbers stay numbers (a share as a percentage with
    one decimal, its header saying so), nothing is an empty cell."""
    units = [series_unit(table, s) for s in table.series]
    names = headers(table, groups)
    for column, unit in enumerate(units, start=1):
        if unit is Unit.SHARE:
            names[column] = _tr("{name} (%)").format(name=names[column])
    rows: list[list[object]] = []
    for row, category in enumerate(table.categories):
        cells: list[object] = [key_word(category, groups)]
        for series, unit in zip(table.series, units, strict=True):
            cells.append(_number(series.values[row], unit))
        rows.append(cells)
    return names, rows


def long_rows(
    tables: Mapping[Any, ReportTable], groups: Mapping[int, str]
) -> tuple[list[str], list[list[object]]]:
    """Every report in one sheet, one number a row: report, category, measure, value."""
    names = [_tr("Report"), _tr("Category"), _tr("Measure"), _tr("Value"), _tr("Unit")]
    rows: list[list[object]] = []
    for kind, table in tables.items():
        if table.empty is not None:
            continue
        for series in table.series:
            unit = series_unit(table, series)
            for row, category in enumerate(table.categories):
                rows.append(
                    [
                        report_title(kind),
                        key_word(category, groups),
                        key_word(series.key, groups),
                        _number(series.values[row], unit),
                        unit_word(unit),
                    ]
                )
    return names, rows


def unit_word(unit: Unit) -> str:
    return {
        Unit.COUNT: _tr("count"),
        Unit.DAYS: _tr("days"),
        Unit.SHARE: _tr("percent"),
        Unit.INDEX: _tr("index, 0 to 1"),
        Unit.RATIO: _tr("times an even share"),
    }[unit]


def _number(value: float | None, unit: Unit) -> object:
    if value is None:
        return None
    if unit is Unit.SHARE:
        return round(value * 100, 1)
    if unit is Unit.INDEX:
        return round(value, 3)
    return int(value) if float(value).is_integer() else round(value, 2)


class NumbersModel(RowsModel[list[str]]):
    """The rows and columns of one ReportTable, in words and formatted numbers."""

    def set_table(self, table: ReportTable, groups: Mapping[int, str]) -> None:
        shown = table.empty is None
        self.set_rows(
            shown_rows(table, groups) if shown else [], headers(table, groups) if shown else []
        )

    def text(self, row: list[str], column: int) -> str:
        return row[column]

    def style(self, row: list[str], column: int, role: int) -> Any:
        return RIGHT if role == Qt.ItemDataRole.TextAlignmentRole and column > 0 else None
