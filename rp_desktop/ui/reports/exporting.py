"""Saving what the Reports tab shows: a table as CSV or a spreadsheet, and the monthly summary
PDF. A folder that is missing, read-only or full gets a plain sentence and no file."""

from collections.abc import Mapping, Sequence
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from rp_desktop.domain import school_year
from rp_desktop.domain.reports.model import Breakdown, Period
from rp_desktop.domain.reports.months import month_days, months_of
from rp_desktop.services import school
from rp_desktop.services.exports import pdf as pdf_export
from rp_desktop.services.exports import table as table_export
from rp_desktop.services.reports import reporting as reports
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui import dialogs
from rp_desktop.ui.reports import asking
from rp_desktop.ui.reports.summary_pdf import MonthlySummary, summary_pdf
from rp_desktop.ui.reports.words import month_word


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReportExports", text)


def save_table(
    parent: QWidget,
    db: Database,
    headers: Sequence[str],
    rows: Sequence[Sequence[object]],
    *,
    what: str,
    suggested: str,
) -> Path | None:
    """Ask where, then write the table; the path written, or None (cancelled or refused)."""
    path = asking.choose_table_path(parent, suggested)
    if path is None:
        return None
    try:
        table_export.export_table(db, path, headers, rows, what=what)
    except (ValueError, table_export.ExportNotWritten) as error:
        dialogs.show_error(parent, _tr("The table was not saved"), str(error))
        return None
    return path


def save_monthly_summary(
    parent: QWidget, db: Database, period: Period, groups: Mapping[int, str]
) -> Path | None:
    """Ask which month (of those in `period` up to today) and where, then draw and save the
    summary; the path written, or None."""
    today = db.today()
    offered = [key for key in months_of(period) if key <= today.isoformat()[:7]]
    if not offered:
        dialogs.show_error(
            parent,
            _tr("No month to summarise"),
            _tr("The chosen dates are all in the future; choose a school year that has begun."),
        )
        return None
    last_month = (today.replace(day=1) - timedelta(days=1)).isoformat()[:7]
    month = asking.choose_month(parent, [(k, month_word(k)) for k in offered], last_month)
    if month is None:
        return None
    path = asking.choose_pdf_path(parent, _tr("Monthly summary {month}.pdf").format(month=month))
    if path is None:
        return None
    data = summary_pdf(monthly_summary(db, month, groups))
    try:
        pdf_export.save_pdf(db, path, data, f"monthly summary {month}")
    except (ValueError, pdf_export.ExportNotWritten) as error:
        dialogs.show_error(parent, _tr("The summary was not saved"), str(error))
        return None
    return path


def monthly_summary(db: Database, month: str, groups: Mapping[int, str]) -> MonthlySummary:
    """The month's figures, and the school year's charts up to the month's end."""
    alone = month_days(month)
    year_first = school_year.first_day(school_year.school_year_of(alone.first))
    info = school.school_info(db)
    return MonthlySummary(
        school=info.name if info else _tr("Our school"),
        month=month,
        month_tables=reports.all_reports(db, alone, Breakdown()),
        year_tables=reports.all_reports(db, Period(year_first, alone.last), Breakdown()),
        groups=groups,
    )
