"""Bulk writing: many rows per statement, inside the caller's transaction.

Records go through SQLAlchemy Core, so the models' column types store enums, dates and
timestamps exactly as the services do. The two link tables, two integers a row and millions of
rows, go straight to the driver's executemany.
"""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, insert

from rp_desktop.db.base import Base
from rp_desktop.db.models import CircleAttendance, GroupMember


def insert_rows(connection: Connection, model: type[Base], rows: Sequence[dict[str, Any]]) -> None:
    if rows:
        connection.execute(insert(model), list(rows))


def insert_group_members(connection: Connection, links: Sequence[tuple[int, int]]) -> None:
    """(group id, student id) pairs."""
    _insert_links(connection, GroupMember.__tablename__, ("group_id", "student_id"), links)


def insert_attendance(connection: Connection, links: Sequence[tuple[int, int]]) -> None:
    """(circle id, student id) pairs."""
    _insert_links(connection, CircleAttendance.__tablename__, ("circle_id", "student_id"), links)


def _insert_links(
    connection: Connection, table: str, columns: tuple[str, str], links: Sequence[tuple[int, int]]
) -> None:
    if links:
        sql = f'INSERT INTO "{table}" ({columns[0]}, {columns[1]}) VALUES (?, ?)'
        connection.exec_driver_sql(sql, list(links))
