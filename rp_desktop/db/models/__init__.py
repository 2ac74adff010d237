"""Every table, imported here so the metadata is complete wherever models are used."""

from rp_desktop.db.models.cases import (
    AgreementItemRow,
    AgreementRow,
    CaseCategoryRow,
    CaseParticipantRow,
    CaseRow,
    FollowUpRow,
    MeetingAnswerRow,
    MeetingAttendeeRow,
    MeetingRow,
    TierChangeRow,
)
from rp_desktop.db.models.circles import (
    CircleAttendanceRow,
    CirclePlanRow,
    CircleRunRow,
    CommunityCircleRow,
    PlanRoundRow,
    PromptRow,
    RunRoundRow,
    RunSeatRow,
    TurnRow,
)
from rp_desktop.db.models.people import (
    GroupMemberRow,
    GroupRow,
    StaffRow,
    StudentDemographicRow,
    StudentRow,
)
from rp_desktop.db.models.school import AuditEventRow, FormDraftRow, SchoolSettingRow
from rp_desktop.db.models.support_plans import ProgressEntryRow, ReEntryPlanRow, SupportPlanRow

__all__ = [
    "AgreementItemRow",
    "AgreementRow",
    "AuditEventRow",
    "CaseCategoryRow",
    "CaseParticipantRow",
    "CaseRow",
    "CircleAttendanceRow",
    "CirclePlanRow",
    "CircleRunRow",
    "CommunityCircleRow",
    "FollowUpRow",
    "FormDraftRow",
    "GroupMemberRow",
    "GroupRow",
    "MeetingAnswerRow",
    "MeetingAttendeeRow",
    "MeetingRow",
    "PlanRoundRow",
    "ProgressEntryRow",
    "PromptRow",
    "ReEntryPlanRow",
    "RunRoundRow",
    "RunSeatRow",
    "SchoolSettingRow",
    "StaffRow",
    "StudentDemographicRow",
    "StudentRow",
    "SupportPlanRow",
    "TierChangeRow",
    "TurnRow",
]
