"""Every table, imported here so the metadata is complete wherever models are used."""

from rp_desktop.db.models.cases import (
    Agreement,
    AgreementItem,
    Case,
    CaseCategory,
    CaseParticipant,
    FollowUp,
    Meeting,
    MeetingAnswer,
    MeetingAttendee,
    TierChange,
)
from rp_desktop.db.models.circles import (
    CircleAttendance,
    CirclePlan,
    CircleRun,
    CommunityCircle,
    PlanRound,
    Prompt,
    RunRound,
    RunSeat,
    Turn,
)
from rp_desktop.db.models.people import Group, GroupMember, Staff, Student, StudentDemographic
from rp_desktop.db.models.plans import ProgressEntry, ReEntryPlan, SupportPlan
from rp_desktop.db.models.school import AuditEvent, FormDraft, SchoolSetting

__all__ = [
    "Agreement",
    "AgreementItem",
    "AuditEvent",
    "Case",
    "CaseCategory",
    "CaseParticipant",
    "CircleAttendance",
    "CirclePlan",
    "CircleRun",
    "CommunityCircle",
    "FollowUp",
    "FormDraft",
    "Group",
    "GroupMember",
    "Meeting",
    "MeetingAnswer",
    "MeetingAttendee",
    "PlanRound",
    "ProgressEntry",
    "Prompt",
    "ReEntryPlan",
    "RunRound",
    "RunSeat",
    "SchoolSetting",
    "Staff",
    "Student",
    "StudentDemographic",
    "SupportPlan",
    "TierChange",
    "Turn",
]
