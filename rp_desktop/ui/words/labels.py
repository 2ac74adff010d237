"""The words a user reads for each enum value, translatable. The domain returns enums; only this
module turns them into words."""

from collections.abc import Callable
from enum import Enum

from PySide6.QtCore import QCoreApplication

from rp_desktop.domain.casework.records import ConferenceStep
from rp_desktop.domain.casework.restorative import RestorativeQuestion
from rp_desktop.domain.casework.support_plans import MonitoringFrequency
from rp_desktop.domain.continuum.kinds import (
    CaregiverRelationship,
    ContactKind,
    ContactOutcome,
    MeetingStatus,
    PracticeKind,
    ReferralDecision,
    RepairFelt,
    Willingness,
)
from rp_desktop.domain.continuum.kinds import CaregiverRelationship as Rel
from rp_desktop.domain.safekeeping.audit import BreakKind
from rp_desktop.domain.timeline import TimelineKind
from rp_desktop.domain.vocabulary import (
    AgreementStatus,
    AuditAction,
    CaseStatus,
    CategoryKind,
    CircleKind,
    CircleStage,
    CircleStatus,
    ClosureReason,
    MeetingKind,
    Role,
    StaffRole,
    Tier,
    Tier3Kind,
)
from rp_desktop.ui.words.outcome_labels import REPAIR_FELT


def _tr(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


# One table per enum: string enums of different kinds share values ("other").
_WORDS: dict[type[Enum], dict[Enum, Callable[[], str]]] = {
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
        Role.STUDENT: lambda: _tr("Student"),
    },
    ReferralDecision: {
        ReferralDecision.QUICK_LOG: lambda: _tr("Quick log"),
        ReferralDecision.TIER2_CASE: lambda: _tr("Tier 2 case"),
        ReferralDecision.TIER3_CASE: lambda: _tr("Tier 3 case"),
        ReferralDecision.NO_ACTION: lambda: _tr("No action"),
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
        CircleStage.AGREEMENT: lambda: _tr("Agreement"),
    },
    MeetingStatus: {
        MeetingStatus.PLANNED: lambda: _tr("Planned"),
        MeetingStatus.HELD: lambda: _tr("Held"),
        MeetingStatus.CANCELLED: lambda: _tr("Cancelled"),
    },
    Willingness: {
        Willingness.NOT_ASKED: lambda: _tr("Not asked yet"),
        Willingness.WILLING: lambda: _tr("Willing to meet"),
        Willingness.INDIRECT_LETTER: lambda: _tr("Indirect: a letter"),
        Willingness.INDIRECT_GO_BETWEEN: lambda: _tr("Indirect: a go-between"),
        Willingness.NOT_WILLING: lambda: _tr("Not taking part"),
    },
    MeetingKind: {
        MeetingKind.RESTORATIVE_CONVERSATION: lambda: _tr("Restorative conversation"),
        MeetingKind.IMPROMPTU_CONFERENCE: lambda: _tr("Impromptu conference"),
        MeetingKind.REPAIR_HARM_CIRCLE: lambda: _tr("Repair-harm circle"),
        MeetingKind.PEER_MEDIATION: lambda: _tr("Peer mediation"),
        MeetingKind.PRE_CONFERENCE: lambda: _tr("Pre-conference"),
        MeetingKind.FORMAL_CONFERENCE: lambda: _tr("Formal conference"),
        MeetingKind.RE_ENTRY_CIRCLE: lambda: _tr("Re-entry circle"),
        MeetingKind.AGREEMENT_FOLLOW_UP: lambda: _tr("Agreement follow-up meeting"),
    },
    AgreementStatus: {
        AgreementStatus.OPEN: lambda: _tr("Open"),
        AgreementStatus.DONE: lambda: _tr("Done"),
        AgreementStatus.MISSED: lambda: _tr("Missed"),
        AgreementStatus.RENEGOTIATED: lambda: _tr("Renegotiated"),
    },
    RestorativeQuestion: {
        RestorativeQuestion.WHAT_HAPPENED: lambda: _tr("What happened?"),
        RestorativeQuestion.THINKING_AT_THE_TIME: lambda: _tr(
            "What were you thinking about at the time?"
        ),
        RestorativeQuestion.THOUGHT_ABOUT_SINCE: lambda: _tr("What have you thought about since?"),
        RestorativeQuestion.WHO_HAS_BEEN_AFFECTED: lambda: _tr(
            "Who has been affected by what you did?"
        ),
        RestorativeQuestion.IN_WHAT_WAY: lambda: _tr("In what way have they been affected?"),
        RestorativeQuestion.WHAT_YOU_NEED_TO_DO: lambda: _tr(
            "What do you think you need to do to make things right?"
        ),
        RestorativeQuestion.THOUGHT_WHEN_REALISED: lambda: _tr(
            "What did you think when you realised what had happened?"
        ),
        RestorativeQuestion.IMPACT_ON_YOU_AND_OTHERS: lambda: _tr(
            "What impact has this had on you and on others?"
        ),
        RestorativeQuestion.HARDEST_THING: lambda: _tr("What has been the hardest thing for you?"),
        RestorativeQuestion.WHAT_NEEDS_TO_HAPPEN: lambda: _tr(
            "What do you think needs to happen to make things right?"
        ),
        RestorativeQuestion.WHAT_YOU_SAW: lambda: _tr("What did you see or hear?"),
        RestorativeQuestion.WHAT_YOU_NEED: lambda: _tr("What do you need now, if anything?"),
    },
    MonitoringFrequency: {
        MonitoringFrequency.DAILY: lambda: _tr("Daily"),
        MonitoringFrequency.WEEKLY: lambda: _tr("Weekly"),
        MonitoringFrequency.EVERY_TWO_WEEKS: lambda: _tr("Every two weeks"),
        MonitoringFrequency.MONTHLY: lambda: _tr("Monthly"),
    },
    ConferenceStep: {
        ConferenceStep.PRE_CONFERENCES: lambda: _tr("Pre-conference with each side"),
        ConferenceStep.CONFERENCE: lambda: _tr("The conference"),
        ConferenceStep.AGREEMENT: lambda: _tr("The agreement"),
        ConferenceStep.COMPLETION_MEETING: lambda: _tr("Meeting on whether it was kept"),
    },
    TimelineKind: {
        TimelineKind.CIRCLE: lambda: _tr("Circle"),
        TimelineKind.CASE: lambda: _tr("Case"),
        TimelineKind.MEETING: lambda: _tr("Meeting"),
        TimelineKind.AGREEMENT_ITEM: lambda: _tr("Agreed to"),
        TimelineKind.SUPPORT_PLAN: lambda: _tr("Support plan"),
        TimelineKind.PROGRESS: lambda: _tr("Progress"),
        TimelineKind.TIER_CHANGE: lambda: _tr("Tier change"),
        TimelineKind.PRACTICE: lambda: _tr("Everyday practice"),
    },
    CategoryKind: {
        CategoryKind.HARM: lambda: _tr("Harm"),
        CategoryKind.CONCERN: lambda: _tr("Concern"),
        CategoryKind.POSITIVE: lambda: _tr("Positive observation"),
        CategoryKind.NEUTRAL: lambda: _tr("Neutral"),
    },
    RepairFelt: REPAIR_FELT,
    StaffRole: {
        StaffRole.COUNSELOR: lambda: _tr("Counselor"),
        StaffRole.SOCIAL_WORKER: lambda: _tr("Social worker"),
        StaffRole.DEAN: lambda: _tr("Dean"),
        StaffRole.RP_COORDINATOR: lambda: _tr("RP coordinator"),
        StaffRole.TEACHER: lambda: _tr("Teacher"),
        StaffRole.ADMINISTRATOR: lambda: _tr("Administrator"),
        StaffRole.OTHER: lambda: _tr("Staff"),
    },
    AuditAction: {
        AuditAction.CREATE: lambda: _tr("Added"),
        AuditAction.UPDATE: lambda: _tr("Changed"),
        AuditAction.DEACTIVATE: lambda: _tr("Marked inactive"),
        AuditAction.REACTIVATE: lambda: _tr("Made active again"),
        AuditAction.DELETE: lambda: _tr("Deleted"),
        AuditAction.EXPORT: lambda: _tr("Exported"),
        AuditAction.PRINT: lambda: _tr("Printed"),
        AuditAction.RESTORE: lambda: _tr("Restored from a backup"),
        AuditAction.PURGE: lambda: _tr("Removed old records"),
        AuditAction.IMPORT: lambda: _tr("Imported"),
        AuditAction.BACKUP: lambda: _tr("Backed up"),
        AuditAction.CHANGE_PASSPHRASE: lambda: _tr("Changed the passphrase"),
    },
    PracticeKind: {
        PracticeKind.AFFECTIVE_STATEMENT: lambda: _tr("Affective statement"),
        PracticeKind.RESTORATIVE_CHAT: lambda: _tr("Restorative chat"),
        PracticeKind.IMPROMPTU_CONFERENCE: lambda: _tr("Impromptu conference"),
        PracticeKind.CHECK_IN_OUT: lambda: _tr("Check-in/check-out"),
        PracticeKind.POSITIVE_OBSERVATION: lambda: _tr("Positive observation"),
    },
    # How the audit trail's chain was broken, as the end of "altered at event 12 (...)".
    BreakKind: {
        BreakKind.CHANGED: lambda: _tr("the event was changed"),
        BreakKind.REMOVED_BEFORE: lambda: _tr("an event before it was removed"),
        BreakKind.INSERTED: lambda: _tr("the event was added afterwards"),
    },
    CaregiverRelationship: {
        Rel.PARENT: lambda: _tr("Parent"),
        Rel.STEP_PARENT: lambda: _tr("Step-parent"),
        Rel.GRANDPARENT: lambda: _tr("Grandparent"),
        Rel.GUARDIAN: lambda: _tr("Guardian"),
        Rel.FOSTER_PARENT: lambda: _tr("Foster parent"),
        Rel.SIBLING: lambda: _tr("Brother or sister"),
        Rel.AUNT_OR_UNCLE: lambda: _tr("Aunt or uncle"),
        Rel.OTHER: lambda: _tr("Other relative or carer"),
    },
    ContactKind: {
        ContactKind.CALL: lambda: _tr("Phone call"),
        ContactKind.MEETING: lambda: _tr("Meeting"),
        ContactKind.LETTER: lambda: _tr("Letter"),
        ContactKind.MESSAGE: lambda: _tr("Message (text or email)"),
    },
    ContactOutcome: {
        ContactOutcome.REACHED: lambda: _tr("Spoke with them"),
        ContactOutcome.LEFT_MESSAGE: lambda: _tr("Left a message"),
        ContactOutcome.NO_ANSWER: lambda: _tr("No answer"),
        ContactOutcome.SENT: lambda: _tr("Sent"),
        ContactOutcome.MET: lambda: _tr("Met"),
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


# The demographic fields a roster may carry (domain/roster/demographics.py), by their keys.
_DEMOGRAPHIC_FIELDS: dict[str, Callable[[], str]] = {
    "gender": lambda: _tr("Gender"),
    "race_ethnicity": lambda: _tr("Race/ethnicity"),
    "special_education": lambda: _tr("Special education"),
    "english_learner": lambda: _tr("English learner"),
    "economically_disadvantaged": lambda: _tr("Economically disadvantaged"),
}


def demographic_field_label(field: str | None) -> str:
    """The name of a demographic field; a field the school added itself, as its key reads."""
    if field in _DEMOGRAPHIC_FIELDS:
        return _DEMOGRAPHIC_FIELDS[field]()
    return (field or "").replace("_", " ").capitalize()
