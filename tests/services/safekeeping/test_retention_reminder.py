"""Home's retention reminder, once a school year: due when the school year has changed since the
last review (or there was none) and some case is old enough to be removed; a review (the screen
closed, or "Not now") sends it away until the next school year. Today is 10 March 2026 (school
year 2025-26); keeping 5 school years, the first day kept is 1 August 2020."""

from datetime import date

import pytest

from rp_desktop.domain.records import CaseFields, ParticipantFields
from rp_desktop.domain.safekeeping.retention import DEFAULT_YEARS, reminder_due
from rp_desktop.domain.vocabulary import AuditAction, ClosureReason, Role, Tier
from rp_desktop.services.casework.case_detail import close_case
from rp_desktop.services.casework.cases import open_case
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.retention import removal
from rp_desktop.services.safekeeping.retention.reminder import (
    mark_retention_reviewed,
    retention_reminder,
    retention_years,
)
from tests.conftest import FakeClock
from tests.services.conftest import Roster, audit_rows


def case_of(db: Database, roster: Roster, happened: date, closed: date | None) -> int:
    case = open_case(
        db,
        CaseFields(
            tier=Tier.TARGETED,
            occurred_on=happened,
            category_id=roster.category_id,
            description="Words at the bus stop.",
            participants=(ParticipantFields(Role.PERSON_HARMED, student_id=roster.ana.id),),
        ),
    )
    if closed is not None:
        close_case(db, case.id, ClosureReason.AGREEMENT_KEPT, closed)
    return case.id


def test_the_rule() -> None:
    assert reminder_due(2025, None, 3)  # never reviewed
    assert reminder_due(2025, 2024, 1)  # a new school year since
    assert not reminder_due(2025, 2025, 3)  # reviewed this school year
    assert not reminder_due(2025, 2024, 0)  # nothing old: nothing to review
    assert not reminder_due(2025, None, 0)


def test_no_old_case_no_reminder_even_never_reviewed(db: Database, roster: Roster) -> None:
    case_of(db, roster, date(2025, 10, 1), date(2025, 10, 20))  # this year's
    case_of(db, roster, date(2021, 10, 1), date(2021, 10, 20))  # kept: within 5 years
    assert retention_reminder(db) is None


def test_old_closed_cases_are_counted_as_the_purge_would(db: Database, roster: Roster) -> None:
    case_of(db, roster, date(2019, 10, 1), date(2019, 10, 20))
    case_of(db, roster, date(2018, 3, 1), date(2020, 7, 31))  # closed the day before the cut-off
    case_of(db, roster, date(2019, 3, 1), None)  # open: never removed, however old
    held = case_of(db, roster, date(2019, 4, 1), date(2019, 4, 2))
    removal.set_hold(db, held, True)  # on hold: never removed
    case_of(db, roster, date(2019, 5, 1), date(2020, 8, 1))  # closed on the first day kept
    reminder = retention_reminder(db)
    assert reminder is not None
    assert (reminder.cases, reminder.years, reminder.school_year) == (2, DEFAULT_YEARS, 2025)
    assert reminder.cutoff == date(2020, 8, 1)
    # The same cases the screen's preview would remove.
    assert removal.preview_purge(db, DEFAULT_YEARS).counts.cases == reminder.cases


def test_a_review_sends_it_away_until_next_school_year(
    db: Database, roster: Roster, clock: FakeClock
) -> None:
    case_of(db, roster, date(2019, 10, 1), date(2019, 10, 20))
    assert retention_reminder(db) is not None
    mark_retention_reviewed(db)  # "Not now"
    assert retention_reminder(db) is None
    (event,) = [e for e in audit_rows(db) if e.detail.startswith("retention_reviewed_year")]
    assert event.action is AuditAction.UPDATE
    assert event.detail == "retention_reviewed_year=2025"
    clock.advance(days=100)  # 18 June 2026: still 2025-26
    assert retention_reminder(db) is None
    clock.advance(days=50)  # 7 August 2026: school year 2026-27
    reminder = retention_reminder(db)
    assert reminder is not None
    assert reminder.school_year == 2026


def test_the_years_chosen_in_the_screen_are_the_period(db: Database, roster: Roster) -> None:
    case_of(db, roster, date(2019, 10, 1), date(2019, 10, 20))
    assert retention_years(db) == DEFAULT_YEARS
    mark_retention_reviewed(db, 10)
    assert retention_years(db) == 10
    with pytest.raises(ValueError, match="between 1 and 50"):
        mark_retention_reviewed(db, 0)
    assert retention_years(db) == 10


def test_kept_ten_years_a_case_of_2019_is_not_old_next_year(
    db: Database, roster: Roster, clock: FakeClock
) -> None:
    case_of(db, roster, date(2019, 10, 1), date(2019, 10, 20))
    mark_retention_reviewed(db, 10)
    clock.advance(days=150)  # school year 2026-27
    assert retention_reminder(db) is None
