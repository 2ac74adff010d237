"""What the reports cover: a school year (those with records, and the current one) or dates the
user picks, and what the bars are broken down by (months, grades, groups, homerooms, or a
roster field such as gender)."""

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from rp_desktop.domain import school_year
from rp_desktop.domain.reports.model import Breakdown, Period
from rp_desktop.ui.reports.words import breakdown_word
from rp_desktop.ui.words.formatting import date_format, pydate, qdate

CUSTOM = -1  # the year combo's item for "Choose dates…"


def years_to_offer(span: Period | None, current: int) -> list[int]:
    """School years with any record, and the current one, newest first."""
    years = {current}
    if span is not None:
        years.update(
            range(school_year.school_year_of(span.first), school_year.school_year_of(span.last) + 1)
        )
    return sorted(years, reverse=True)


class ReportFilters(QWidget):
    """The bar above the reports.

    Signals:
        changed(): the period or the breakdown changed; read them with `period()` and
            `breakdown()`.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._quiet = False
        self._breakdowns: list[Breakdown] = []
        self.year = QComboBox()
        self.year.setAccessibleName(self.tr("School year"))
        self.start = self._date_edit(self.tr("From"))
        self.end = self._date_edit(self.tr("To"))
        self._to = QLabel(self.tr("to"))
        self.breakdown_choice = QComboBox()
        self.breakdown_choice.setAccessibleName(self.tr("Break down by"))
        self.breakdown_choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        year_label = QLabel(self.tr("&School year:"))
        year_label.setBuddy(self.year)
        breakdown_label = QLabel(self.tr("&Break down by:"))
        breakdown_label.setBuddy(self.breakdown_choice)
        for widget in (year_label, self.year, self.start, self._to, self.end):
            layout.addWidget(widget)
        layout.addSpacing(16)
        layout.addWidget(breakdown_label)
        layout.addWidget(self.breakdown_choice)
        layout.addStretch(1)
        self.year.currentIndexChanged.connect(self._year_changed)
        self.breakdown_choice.currentIndexChanged.connect(self._changed)
        self._show_dates(False)

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(date_format())
        edit.setAccessibleName(name)
        edit.dateChanged.connect(self._changed)
        return edit

    def set_choices(
        self, span: Period | None, current_year: int, breakdowns: Sequence[Breakdown]
    ) -> None:
        """Offer the years of `span` and the breakdowns, keeping what was chosen if still
        offered (the current school year, and months, at first)."""
        chosen_year = self.year.currentData() if self.year.count() else current_year
        chosen_breakdown = self.breakdown() if self.breakdown_choice.count() else Breakdown()
        self._quiet = True
        try:
            self.year.clear()
            for year in years_to_offer(span, current_year):
                self.year.addItem(school_year.label(year), year)
            self.year.addItem(self.tr("Choose dates…"), CUSTOM)
            found = self.year.findData(chosen_year)
            self.year.setCurrentIndex(found if found >= 0 else self.year.findData(current_year))
            self.breakdown_choice.clear()
            self._breakdowns = [Breakdown(), *breakdowns]
            for choice in self._breakdowns:
                self.breakdown_choice.addItem(breakdown_word(choice))
            self.choose_breakdown(chosen_breakdown)
            if self.year.currentData() != CUSTOM:
                self._dates_from_year()
            self._show_dates(self.year.currentData() == CUSTOM)
        finally:
            self._quiet = False

    def period(self) -> Period:
        first, last = pydate(self.start.date()), pydate(self.end.date())
        return Period(min(first, last), max(first, last))

    def breakdown(self) -> Breakdown:
        index = self.breakdown_choice.currentIndex()
        return self._breakdowns[index] if 0 <= index < len(self._breakdowns) else Breakdown()

    def choose_dates(self, first: date, last: date) -> None:
        self._quiet = True
        try:
            self.year.setCurrentIndex(self.year.findData(CUSTOM))
            self.start.setDate(qdate(first))
            self.end.setDate(qdate(last))
        finally:
            self._quiet = False
        self.changed.emit()

    def choose_breakdown(self, breakdown: Breakdown) -> None:
        """Choose `breakdown` if it is offered, else months."""
        found = self._breakdowns.index(breakdown) if breakdown in self._breakdowns else 0
        self.breakdown_choice.setCurrentIndex(found)

    def _year_changed(self) -> None:
        custom = self.year.currentData() == CUSTOM
        self._show_dates(custom)
        if not custom:
            self._quiet, was = True, self._quiet
            try:
                self._dates_from_year()
            finally:
                self._quiet = was
        self._changed()

    def _dates_from_year(self) -> None:
        year = self.year.currentData()
        if isinstance(year, int) and year != CUSTOM:
            self.start.setDate(qdate(school_year.first_day(year)))
            self.end.setDate(qdate(school_year.last_day(year)))

    def _show_dates(self, shown: bool) -> None:
        for widget in (self.start, self._to, self.end):
            widget.setVisible(shown)

    def _changed(self) -> None:
        if not self._quiet:
            self.changed.emit()
