"""A date-range filter with the ranges a counselor thinks in: this week, this school year..."""

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from rp_desktop.domain import school_year
from rp_desktop.ui.words.formatting import date_format, pydate, qdate

Range = tuple[date | None, date | None]


class DateRangeFilter(QWidget):
    """A choice of range, with two date fields when the user picks their own dates.

    Signals:
        rangeChanged(): the chosen range changed; read it with `selected()`.
    """

    rangeChanged = Signal()

    def __init__(self, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self.preset = QComboBox()
        self.preset.setAccessibleName(self.tr("Dates"))
        for text, key in (
            (self.tr("Any date"), "any"),
            (self.tr("This week"), "week"),
            (self.tr("This month"), "month"),
            (self.tr("This school year"), "year"),
            (self.tr("Last school year"), "last_year"),
            (self.tr("Choose dates…"), "custom"),
        ):
            self.preset.addItem(text, key)
        self.start = self._date_edit(self.tr("From"))
        self.end = self._date_edit(self.tr("To"))
        self._to_label = QLabel(self.tr("to"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.preset, self.start, self._to_label, self.end):
            layout.addWidget(widget)
        self.preset.currentIndexChanged.connect(self._on_preset)
        self._on_preset()

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(date_format())
        edit.setAccessibleName(name)
        edit.setDate(qdate(self._today()))
        edit.dateChanged.connect(self.rangeChanged)
        return edit

    def _on_preset(self) -> None:
        custom = self.preset.currentData() == "custom"
        for widget in (self.start, self._to_label, self.end):
            widget.setVisible(custom)
        self.rangeChanged.emit()

    def selected(self) -> Range:
        key = self.preset.currentData()
        if key == "custom":
            return pydate(self.start.date()), pydate(self.end.date())
        return preset_range(key, self._today())

    def is_filtering(self) -> bool:
        key: str = self.preset.currentData()  # the keys added in __init__
        return key != "any"


def preset_range(key: str, today: date) -> Range:
    """The first and last day of a named range around `today`."""
    if key == "week":
        monday = today - timedelta(days=today.weekday())
        return monday, monday + timedelta(days=6)
    if key == "month":
        first = today.replace(day=1)
        next_month = (first + timedelta(days=32)).replace(day=1)
        return first, next_month - timedelta(days=1)
    if key in ("year", "last_year"):
        year = school_year.school_year_of(today) - (key == "last_year")
        return school_year.first_day(year), school_year.last_day(year)
    return None, None
