"""The reports' queries are plain SQL: each part compiles for PostgreSQL as well as SQLite, with
no SQLite-only function in it, and months are taken from a date cast to text (PostgreSQL has no
substr of a date)."""

import re
from datetime import date

import pytest
from sqlalchemy.dialects import postgresql

from rp_desktop.domain.reports.model import Period, ReportKind
from rp_desktop.services.reports.continuum import continuum_parts, reached_parts
from rp_desktop.services.reports.facts import AnySelect, facts

PERIOD = Period(date(2025, 8, 1), date(2026, 7, 31))
SQLITE_ONLY = ("strftime", "julianday", "datetime(", "ifnull", "group_concat", "printf")
COUNTED = (
    ReportKind.PRACTICES_BY_MONTH,
    ReportKind.PRACTICE_KINDS,
    ReportKind.STUDENTS_REACHED,
    ReportKind.CASES,
    ReportKind.AGREEMENTS,
    ReportKind.SUSPENSION_DAYS_AVOIDED,
)


def parts() -> list[AnySelect]:
    found: list[AnySelect] = []
    for kind in COUNTED:
        for with_students in (False, True):
            found += facts(kind, PERIOD, with_students)
    for with_students in (False, True):
        found += [part for _, part in continuum_parts(PERIOD, with_students)]
    return found + reached_parts(PERIOD)


@pytest.mark.parametrize("number", range(len(parts())))
def test_each_part_compiles_for_postgresql_with_no_sqlite_only_function(number: int) -> None:
    sql = str(parts()[number].compile(dialect=postgresql.dialect())).lower()
    for name in SQLITE_ONLY:
        assert name not in sql, name
    for call in re.findall(r"substr\(([^,]*),", sql):
        assert call.startswith("cast("), call
