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
    PreparationRow,
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
from rp_desktop.db.models.continuum import (
    PracticeLogRow,
    PracticeLogStudentRow,
    ReferralRow,
    ReferralStudentRow,
)
from rp_desktop.db.models.families import CaregiverContactRow, CaregiverRow, CaregiverStudentRow
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
    "CaregiverContactRow",
    "CaregiverRow",
    "CaregiverStudentRow",
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
    "PracticeLogRow",
    "PracticeLogStudentRow",
    "PreparationRow",
    "ProgressEntryRow",
    "PromptRow",
    "ReEntryPlanRow",
    "ReferralRow",
    "ReferralStudentRow",
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
