"""The words a user reads for each enum value, translatable. The domain returns enums; only this
module turns them into words."""

from collections.abc import Callable
from enum import Enum
from typing import Any

from PySide6.QtCore import QCoreApplication

from rp_desktop.domain.vocabulary import (
    CaseStatus,
    CircleKind,
    CircleStage,
    CircleStatus,
    ClosureReason,
    Role,
    StaffRole,
    Tier,
    Tier3Kind,
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


# One table per enum: string enums of different kinds share values ("other").
_WORDS: dict[type[Enum], dict[Any, Callable[[], str]]] = {
    Tier: {
        Tier.UNIVERSAL: lambda: _tr("Tier 1"),
        Tier.TARGETED: lambda: _tr("Tier 2"),
        Tier.INTENSIVE: lambda: _tr("Tier 3"),
    },
    CircleKind: {
        CircleKind.COMMUNITY_BUILDING: lambda: _tr("Community building"),
        CircleKind.CHECK_IN: lambda: _tr("Check-in"),
        CircleKind.CHECK_OUT: lambda: _tr("Check-out"),
        CircleKind.ACADEMIC: lambda: _tr("Academic"),
        CircleKind.VALUES_AND_GUIDELINES: lambda: _tr("Values and guidelines"),
        CircleKind.CELEBRATION: lambda: _tr("Celebration"),
        CircleKind.SUPPORT: lambda: _tr("Support"),
        CircleKind.OTHER: lambda: _tr("Other"),
    },
    CircleStatus: {
        CircleStatus.PLANNED: lambda: _tr("Planned"),
        CircleStatus.HELD: lambda: _tr("Held"),
        CircleStatus.CANCELLED: lambda: _tr("Cancelled"),
    },
    CaseStatus: {
        CaseStatus.OPEN: lambda: _tr("Open"),
        CaseStatus.MEETING_HELD: lambda: _tr("Meeting held"),
        CaseStatus.AGREEMENT_MADE: lambda: _tr("Agreement made"),
        CaseStatus.FOLLOWING_UP: lambda: _tr("Following up"),
        CaseStatus.CLOSED: lambda: _tr("Closed"),
    },
    ClosureReason: {
        ClosureReason.AGREEMENT_KEPT: lambda: _tr("Agreement kept"),
        ClosureReason.AGREEMENT_PARTLY_KEPT: lambda: _tr("Agreement partly kept"),
        ClosureReason.AGREEMENT_NOT_KEPT: lambda: _tr("Agreement not kept"),
        ClosureReason.RESOLVED_WITHOUT_AGREEMENT: lambda: _tr("Resolved without an agreement"),
        ClosureReason.DECLINED: lambda: _tr("Someone declined to take part"),
        ClosureReason.REFERRED: lambda: _tr("Referred to other support"),
        ClosureReason.STUDENT_LEFT_SCHOOL: lambda: _tr("Student left the school"),
        ClosureReason.OTHER: lambda: _tr("Other reason"),
    },
    Tier3Kind: {
        Tier3Kind.ALTERNATIVE_TO_SUSPENSION: lambda: _tr(
            "Restorative justice instead of suspension"
        ),
        Tier3Kind.FORMAL_CONFERENCE: lambda: _tr("Formal conference"),
        Tier3Kind.RE_ENTRY: lambda: _tr("Re-entry"),
        Tier3Kind.SUPPORT_PLAN: lambda: _tr("Support plan"),
        Tier3Kind.CIRCLE_OF_SUPPORT: lambda: _tr("Circle of support"),
    },
    Role: {
        Role.PERSON_HARMED: lambda: _tr("Person harmed"),
        Role.PERSON_WHO_CAUSED_HARM: lambda: _tr("Person who caused harm"),
        Role.SUPPORTER: lambda: _tr("Supporter"),
        Role.FAMILY_MEMBER: lambda: _tr("Family member"),
        Role.WITNESS: lambda: _tr("Witness"),
        Role.STAFF: lambda: _tr("Staff"),
        Role.FACILITATOR: lambda: _tr("Facilitator"),
    },
    CircleStage: {
        CircleStage.OPENING: lambda: _tr("Opening"),
        CircleStage.CHECK_IN: lambda: _tr("Check-in"),
        CircleStage.VALUES_AND_GUIDELINES: lambda: _tr("Values and guidelines"),
        CircleStage.DISCUSSION: lambda: _tr("Discussion"),
        CircleStage.CHECK_OUT: lambda: _tr("Check-out"),
        CircleStage.CLOSING: lambda: _tr("Closing"),
        CircleStage.REPAIR_HARM: lambda: _tr("Repair harm"),
        CircleStage.RE_ENTRY: lambda: _tr("Re-entry"),
    },
    StaffRole: {
        StaffRole.COUNSELOR: lambda: _tr("Counselor"),
        StaffRole.SOCIAL_WORKER: lambda: _tr("Social worker"),
        StaffRole.DEAN: lambda: _tr("Dean"),
        StaffRole.RP_COORDINATOR: lambda: _tr("RP coordinator"),
        StaffRole.TEACHER: lambda: _tr("Teacher"),
        StaffRole.ADMINISTRATOR: lambda: _tr("Administrator"),
        StaffRole.OTHER: lambda: _tr("Staff"),
    },
}


def label(value: Enum | None) -> str:
    """The user's word for an enum value; an empty string for None."""
    if value is None:
        return ""
    return _WORDS[type(value)][value]()


def grade_label(grade: int | None) -> str:
    if grade is None:
        return ""
    if grade == -1:
        return _tr("Pre-K")
    if grade == 0:
        return _tr("K")
    return str(grade)
