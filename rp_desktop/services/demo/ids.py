"""Ids handed out before rows are written, so that a row can point at another in the same bulk
insert, and so that the same seed gives the same ids."""

from sqlalchemy import Connection, func, select
from sqlalchemy.orm import InstrumentedAttribute

from rp_desktop.db.models import (
    Agreement,
    AgreementItem,
    Case,
    CaseParticipant,
    CommunityCircle,
    FollowUp,
    Group,
    Meeting,
    MeetingAnswer,
    ProgressEntry,
    Staff,
    Student,
    SupportPlan,
    TierChange,
)

ID_COLUMNS: dict[str, InstrumentedAttribute[int]] = {
    "student": Student.id,
    "staff": Staff.id,
    "student_group": Group.id,
    "community_circle": CommunityCircle.id,
    "case": Case.id,
    "case_participant": CaseParticipant.id,
    "meeting": Meeting.id,
    "agreement": Agreement.id,
    "agreement_item": AgreementItem.id,
    "follow_up": FollowUp.id,
    "tier_change": TierChange.id,
    "meeting_answer": MeetingAnswer.id,
    "support_plan": SupportPlan.id,
    "progress_entry": ProgressEntry.id,
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
