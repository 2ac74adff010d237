"""Retention offered at the start of each school year: Home's reminder that some cases are older
than the school keeps them, until the counselor has reviewed them this school year.

Two school settings (no table of their own): the school year of the last review, and how many
school years the counselor chose to keep then (DEFAULT_YEARS until chosen). A review is opening
the retention screen and closing it (whatever was removed), or "Not now" on Home's reminder;
either way the reminder leaves until the next school year. The old cases are those the purge
would remove (domain.safekeeping.retention.case_fate): closed before the cut-off, not on hold.
"""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from rp_desktop.db.models import CaseRow, SchoolSettingRow
from rp_desktop.domain.safekeeping.retention import (
    DEFAULT_YEARS,
    LEAST_YEARS,
    MOST_YEARS,
    cutoff_date,
    reminder_due,
)
from rp_desktop.domain.school_year import school_year_of
from rp_desktop.domain.vocabulary import AuditAction, CaseStatus
from rp_desktop.services.audit import record_event
from rp_desktop.services.safekeeping.database import Database

REVIEWED_KEY = "retention_reviewed_year"
YEARS_KEY = "retention_years"


@dataclass(frozen=True, slots=True)
class RetentionReminder:
    """`cases` closed cases older than `years` school years before `school_year` (the current
    one) may be removed; `cutoff` is the first day kept."""

    cases: int
    years: int
    school_year: int
    cutoff: date


def retention_reminder(db: Database) -> RetentionReminder | None:
    """The reminder Home shows today, or None (reviewed this school year, or nothing old)."""
    today = db.today()
    current = school_year_of(today)
    with Session(db.engine) as session:
        settings = _settings(session)
        reviewed = _whole(settings.get(REVIEWED_KEY))
        years = kept_years(settings)
        if reviewed is not None and reviewed >= current:
            return None  # reviewed this year: the cases need not even be counted
        cutoff = cutoff_date(today, years)
        old = old_case_count(session, cutoff)
    if not reminder_due(current, reviewed, old):
        return None
    return RetentionReminder(old, years, current, cutoff)


def retention_years(db: Database) -> int:
    """How many school years the counselor last chose to keep (DEFAULT_YEARS until then)."""
    with Session(db.engine) as session:
        return kept_years(_settings(session))


def mark_retention_reviewed(db: Database, years: int | None = None) -> None:
    """The counselor reviewed old records this school year (keeping `years`, when chosen): the
    reminder leaves until the next school year."""
    if years is not None and not LEAST_YEARS <= years <= MOST_YEARS:
        raise ValueError(f"years must be between {LEAST_YEARS} and {MOST_YEARS}")
    current = school_year_of(db.today())
    with Session(db.engine) as session, session.begin():
        session.merge(SchoolSettingRow(key=REVIEWED_KEY, value=str(current)))
        detail = f"{REVIEWED_KEY}={current}"
        if years is not None:
            session.merge(SchoolSettingRow(key=YEARS_KEY, value=str(years)))
            detail += f" {YEARS_KEY}={years}"
        record_event(session, db, AuditAction.UPDATE, "school_setting", None, detail)


def old_case_count(session: Session, cutoff: date) -> int:
    """Closed cases not on hold that closed (or, without a day closed, happened) before
    `cutoff`: those a purge with that cut-off removes."""
    day = func.coalesce(CaseRow.closed_on, CaseRow.occurred_on)
    stmt = select(func.count(CaseRow.id)).where(
        CaseRow.status == CaseStatus.CLOSED, CaseRow.hold.is_(False), day < cutoff
    )
    return int(session.scalar(stmt) or 0)


def kept_years(settings: dict[str, str]) -> int:
    years = _whole(settings.get(YEARS_KEY))
    return years if years is not None and LEAST_YEARS <= years <= MOST_YEARS else DEFAULT_YEARS


def _settings(session: Session) -> dict[str, str]:
    keys = (REVIEWED_KEY, YEARS_KEY)
    rows = session.execute(
        select(SchoolSettingRow.key, SchoolSettingRow.value).where(SchoolSettingRow.key.in_(keys))
    )
    return {str(key): str(value) for key, value in rows}


def _whole(text: str | None) -> int | None:
    """A stored whole number, or None for none (or one spoiled by hand)."""
    try:
        return int(text) if text is not None else None
    except ValueError:
        return None
