"""Who else was at the sample school's circles, and what some of them agreed: the keeper sat in
every circle held (staff attendance), and in its first values circle of the year some groups
made three to five agreements of their own.

From a stream of its own, so every other row comes out as it did without it."""

from datetime import UTC, datetime, time
from typing import Any

from sqlalchemy import Connection

from rp_desktop.db.models import CircleStaffAttendanceRow, GroupAgreementRow
from rp_desktop.domain.vocabulary import CircleKind, CircleStatus
from rp_desktop.services.demo.community_circles import CircleRows
from rp_desktop.services.demo.recipe import stream
from rp_desktop.services.demo.writing import insert_attendance, insert_rows

AGREEING_SHARE = 0.6  # of groups whose first values circle of the year wrote its agreements down
AGREEMENTS = (
    "We listen to the end before we answer.",
    "It is fine to pass; the piece comes round again.",
    "What is shared in the circle stays in the circle.",
    "We speak from our own experience.",
    "We keep our phones face down.",
    "We disagree with ideas, never with people.",
    "We give everyone a turn to be heard.",
    "We start on time and end on time.",
    "We ask for help when we need it.",
    "Mistakes are how we learn here.",
)


def write_circle_people(connection: Connection, seed: int, year: int, rows: CircleRows) -> None:
    """The year's student attendance, the keeper at each circle held, and the agreements made
    in some groups' first values circle."""
    insert_attendance(connection, rows.attendance)
    held = [row for row in rows.circles if row["status"] is CircleStatus.HELD]
    staff = [{"circle_id": row["id"], "staff_id": row["keeper_id"]} for row in held]
    insert_rows(connection, CircleStaffAttendanceRow, staff)
    insert_rows(connection, GroupAgreementRow, _agreements(seed, year, held))


def _agreements(seed: int, year: int, held: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rng = stream(seed, "group agreements", year)
    first: dict[int, dict[str, Any]] = {}
    for row in sorted(held, key=lambda row: (row["held_on"], row["id"])):
        if row["kind"] is CircleKind.VALUES_AND_GUIDELINES and row["group_id"] is not None:
            first.setdefault(row["group_id"], row)
    agreements = []
    for group_id, circle in sorted(first.items()):
        if rng.random() >= AGREEING_SHARE:
            continue
        made = datetime.combine(circle["held_on"], time(15), UTC)
        texts = rng.sample(AGREEMENTS, rng.randint(3, 5))
        agreements += [
            {
                "group_id": group_id,
                "community_circle_id": circle["id"],
                "position": position,
                "text": text,
                "made_on": circle["held_on"],
                "active": True,
                "created_at": made,
            }
            for position, text in enumerate(texts)
        ]
    return agreements
