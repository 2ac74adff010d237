"""Ids handed out before rows are written, so that a row can point at another in the same bulk
insert, and so that the same seed gives the same ids."""

from sqlalchemy import Connection, func, select
from sqlalchemy.orm import InstrumentedAttribute

from rp_desktop.db.models import (
    AgreementItemRow,
    AgreementRow,
    CaseParticipantRow,
    CaseRow,
    CommunityCircleRow,
    FollowUpRow,
    GroupRow,
    MeetingAnswerRow,
    MeetingRow,
    ProgressEntryRow,
    StaffRow,
    StudentRow,
    SupportPlanRow,
    TierChangeRow,
)

ID_COLUMNS: dict[str, InstrumentedAttribute[int]] = {
    "student": StudentRow.id,
    "staff": StaffRow.id,
    "student_group": GroupRow.id,
    "community_circle": CommunityCircleRow.id,
    "case": CaseRow.id,
    "case_participant": CaseParticipantRow.id,
    "meeting": MeetingRow.id,
    "agreement": AgreementRow.id,
    "agreement_item": AgreementItemRow.id,
    "follow_up": FollowUpRow.id,
    "tier_change": TierChangeRow.id,
    "meeting_answer": MeetingAnswerRow.id,
    "support_plan": SupportPlanRow.id,
    "progress_entry": ProgressEntryRow.id,
}


class Ids:
    """The next free id of each table the builder writes, counted up as they are taken."""

    def __init__(self, first_free: dict[str, int]) -> None:
        self._next = dict(first_free)

    @classmethod
    def after_existing(cls, connection: Connection) -> "Ids":
        """Ids that follow whatever the database already holds."""
        return cls(
            {
                table: (connection.scalar(select(func.max(column))) or 0) + 1
                for table, column in ID_COLUMNS.items()
            }
        )

    def take(self, table: str) -> int:
        taken = self._next[table]
        self._next[table] = taken + 1
        return taken
