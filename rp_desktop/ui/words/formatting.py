"""Dates and numbers the way the user's locale writes them, always with a four-digit year."""

from datetime import date, time

from PySide6.QtCore import QDate, QLocale, QTime

ISO_DATE = "yyyy-MM-dd"


def date_format() -> str:
    """The locale's short date format, widened to a four-digit year ("M/d/yyyy" in the US).
    Without a locale (the "C" locale of a bare system) dates are written the ISO way."""
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        return ISO_DATE
    fmt = locale.dateFormat(QLocale.FormatType.ShortFormat)
    return fmt if "yyyy" in fmt else fmt.replace("yy", "yyyy")


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(day: QDate) -> date:
    """The day a date field holds. (`QDate.toPython()` gives the same day, but typed `object`.)"""
    return date(day.year(), day.month(), day.day())


def format_date(day: date | None) -> str:
    return "" if day is None else QLocale().toString(qdate(day), date_format())


def format_time(at: time | None) -> str:
    """A time of day the locale's short way ("10:30 AM"); empty for none."""
    if at is None:
        return ""
    return QLocale().toString(QTime(at.hour, at.minute), QLocale.FormatType.ShortFormat)


def format_count(number: int) -> str:
    return QLocale().toString(number)


def counted(number: int, one: str, many: str) -> str:
    """`one` for 1, else `many` with {count} written the locale's way ("83,845 circles")."""
    return one if number == 1 else many.format(count=format_count(number))
