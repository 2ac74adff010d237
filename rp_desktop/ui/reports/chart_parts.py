"""The parts of a report chart, decided before anything is drawn: its shape (which series are
bars and which a line, which way the bars run), the values in drawing order, colours that keep
their meaning from chart to chart, axes that end on round numbers, and category labels that stay
unique."""

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCharts import QValueAxis
from PySide6.QtGui import QColor, QFont

from rp_desktop.domain.reports.model import ReportKind, ReportTable, Series, Unit
from rp_desktop.ui.reports.words import key_word, month_name, series_unit

# Reports whose series never overlap (a record is in one tier), so stacking shows the total.
STACKED = frozenset(
    {ReportKind.PRACTICES_BY_MONTH, ReportKind.PRACTICE_KINDS, ReportKind.CONTINUUM}
)
HORIZONTAL_FROM = 7  # named categories (not months) from this many read better as rows
# Named categories too long to sit side by side under a bar in a card: always rows.
ROWS = frozenset({ReportKind.CONTINUUM_REACHED, ReportKind.REPAIR_FELT})
# Series the table lists but the chart leaves out: cases opened per tier add up to "opened",
# and four bars a month hid the comparison the chart is for (opened against closed).
# Repeat harm draws the share who caused harm again; the table has the people behind it.
NOT_DRAWN = {
    ReportKind.CASES: frozenset({"tier:2", "tier:3"}),
    ReportKind.REPEAT_HARM: frozenset({"measure:followed", "measure:repeated"}),
    # The share of students reached is the picture; the table has the students as well.
    ReportKind.CONTINUUM_REACHED: frozenset({"measure:students"}),
}


@dataclass(frozen=True, slots=True)
class ChartShape:
    """How a table is drawn: which series are bars and which a line on a second axis, and
    which way the bars run."""

    keys: list[str]  # category keys in the order the axis draws them
    bars: list[Series]  # the series in the first series' unit
    lines: list[Series]  # the others (a share beside counts)
    unit: Unit  # the first series' unit, on the value axis of the bars
    months: bool
    horizontal: bool
    stacked: bool

    @classmethod
    def of(cls, table: ReportTable) -> "ChartShape":
        left_out = NOT_DRAWN.get(table.request.kind, frozenset())
        drawn = [s for s in table.series if s.key not in left_out]
        unit = series_unit(table, drawn[0])
        months = are_months(table.categories)
        horizontal = not months and (
            len(table.categories) >= HORIZONTAL_FROM or table.request.kind in ROWS
        )
        keys = list(table.categories)
        if horizontal:
            keys.reverse()  # Qt draws the first category at the bottom; the list reads top down
        return cls(
            keys=keys,
            bars=[s for s in drawn if series_unit(table, s) is unit],
            lines=[s for s in drawn if series_unit(table, s) is not unit],
            unit=unit,
            months=months,
            horizontal=horizontal,
            stacked=table.request.kind in STACKED,
        )


def drawn_values(
    column: Series,
    keys: Sequence[str],
    categories: Sequence[str],
    unit: Unit,
    *,
    gaps: bool = False,
) -> list[float]:
    """The column's values in drawing order; a share as a percentage. None becomes 0 for a bar
    (a bar cannot be missing) and stays None for a line's point when `gaps`."""
    scale = 100.0 if unit is Unit.SHARE else 1.0
    position = {key: i for i, key in enumerate(categories)}
    out = []
    for key in keys:
        value = column.values[position[key]]
        out.append(None if value is None and gaps else (value or 0.0) * scale)
    return out  # type: ignore[return-value]


# A tier has the same colour in every chart, and a measure one that fits its meaning (overdue
# is red, not yet due is grey); other series take the rest in order.
FIXED_COLOURS = {
    "tier:1": "#209fdf",
    "tier:2": "#99ca53",
    "tier:3": "#f6a625",
    "measure:on_time": "#3f8f3f",
    "measure:late": "#e0a100",
    "measure:overdue": "#c0392b",
    "measure:not_yet_due": "#9e9e9e",
}
OTHER_COLOURS = ("#209fdf", "#6d5fd5", "#99ca53", "#bf593e", "#f6a625", "#5b8a72", "#d45087")


def series_colours(keys: Sequence[str]) -> dict[str, QColor]:
    taken = {FIXED_COLOURS[key] for key in keys if key in FIXED_COLOURS}
    free = iter([colour for colour in OTHER_COLOURS if colour not in taken] + list(OTHER_COLOURS))
    return {key: QColor(FIXED_COLOURS.get(key) or next(free)) for key in keys}


def smaller(font: QFont) -> QFont:
    # Sixteen practice kinds, one a row, in a small card: 9 px text keeps every row named.
    small = QFont(font)
    small.setPixelSize(9)
    return small


def value_axis(unit: Unit, highest: float, font: QFont) -> QValueAxis:
    axis = QValueAxis()
    axis.setLabelsFont(font)
    axis.setMin(0)
    if unit is Unit.SHARE:
        axis.setMax(100)
        axis.setLabelFormat("%.0f%%")
        axis.setTickCount(5)
    elif unit is Unit.INDEX:
        axis.setMax(1)
        axis.setLabelFormat("%.1f")
        axis.setTickCount(6)
    elif unit is Unit.RATIO:
        # An even share is 1: the axis always reaches 2 so "twice as much" has its place.
        top, ticks = nice_top(max(2.0, highest))  # whole steps: no tick reads "1.8"
        axis.setMax(top)
        axis.setLabelFormat("%.1f" if top <= 6 else "%d")
        axis.setTickCount(ticks)
    else:
        top, ticks = nice_top(highest)
        axis.setMax(top)
        axis.setTickCount(ticks)
        axis.setLabelFormat("%d")
    return axis


def nice_top(highest: float) -> tuple[int, int]:
    """A round axis top at or above `highest` and a tick count giving whole-number steps:
    counts never get ticks at 2.5."""
    ceiling = max(1, math.ceil(highest))
    if ceiling <= 4:
        return ceiling, ceiling + 1
    magnitude = 10 ** (len(str(ceiling)) - 1)
    for step_factor in (0.1, 0.2, 0.25, 0.5, 1, 2):
        step = max(1, int(magnitude * step_factor))
        top = step * math.ceil(ceiling / step)
        if top // step <= 6:
            return top, top // step + 1
    return ceiling, 2


def are_months(categories: Sequence[str]) -> bool:
    return bool(categories) and all(len(c) == 7 and c[4] == "-" for c in categories)


def axis_labels(keys: Sequence[str], groups: Mapping[int, str], months: bool) -> list[str]:
    """Short month names when the months fit in one year ("Sep"), else "Sep 2025"; every label
    unique, because the category axis merges equal labels into one."""
    if months and len(keys) <= 12:
        words = [month_name(key) for key in keys]
    else:
        words = [key_word(key, groups) for key in keys]
    seen: dict[str, int] = {}
    unique = []
    for word in words:
        seen[word] = seen.get(word, 0) + 1
        unique.append(word if seen[word] == 1 else f"{word} ({seen[word]})")
    return unique
