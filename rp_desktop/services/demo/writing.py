"""Bulk writing: many rows per statement, inside the caller's transaction.

Records go through SQLAlchemy Core, so the models' column types store enums, dates and
timestamps exactly as the services do. The link tables, two integers a row and up to millions of
rows, go straight to the driver's executemany.
"""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, insert

from rp_desktop.db.base import Base
from rp_desktop.db.models import (
    AgreementItemRow,
    AgreementRow,
    CaseParticipantRow,
    CaseRow,
    CircleAttendanceRow,
    FollowUpRow,
    GroupMemberRow,
    MeetingAnswerRow,
    MeetingAttendeeRow,
    MeetingRow,
    ProgressEntryRow,
    ReEntryPlanRow,
    SupportPlanRow,
    TierChangeRow,
)
from rp_desktop.services.demo.casework.case_rows import CaseRows


def insert_rows(connection: Connection, model: type[Base], rows: Sequence[dict[str, Any]]) -> None:
    if rows:
        connection.execute(insert(model), list(rows))


def insert_cases(connection: Connection, rows: CaseRows) -> None:
    """A year's cases and everything on them, in the order foreign keys need."""
    casework = rows.casework
    for model, table_rows in (
        (CaseRow, rows.cases),
        (CaseParticipantRow, rows.participants),
        (MeetingRow, rows.meetings),
        (AgreementRow, rows.agreements),
        (AgreementItemRow, rows.items),
        (FollowUpRow, rows.follow_ups),
        (TierChangeRow, rows.tier_changes),
        (MeetingAnswerRow, casework.answers),
        (SupportPlanRow, casework.support_plans),
        (ProgressEntryRow, casework.progress),
        (ReEntryPlanRow, casework.re_entry_plans),
    ):
        insert_rows(connection, model, table_rows)
    table = MeetingAttendeeRow.__tablename__
    _insert_links(connection, table, ("meeting_id", "participant_id"), casework.attendees)


def insert_group_members(connection: Connection, links: Sequence[tuple[int, int]]) -> None:
    """(group id, student id) pairs."""
    _insert_links(connection, GroupMemberRow.__tablename__, ("group_id", "student_id"), links)


def insert_attendance(connection: Connection, links: Sequence[tuple[int, int]]) -> None:
    """(circle id, student id) pairs."""
    _insert_links(connection, CircleAttendanceRow.__tablename__, ("circle_id", "student_id"), links)


def _insert_links(
    connection: Connection, table: str, columns: tuple[str, str], links: Sequence[tuple[int, int]]
) -> None:
    if links:
        sql = f'INSERT INTO "{table}" ({columns[0]}, {columns[1]}) VALUES (?, ?)'
        connection.exec_driver_sql(sql, list(links))
