"""The words of restorative practice as enums.

Values are stored in the database, so they never change once released; the words a user reads
live in the ui layer, where they can be translated. Nothing here is punitive vocabulary.
"""

from enum import IntEnum, StrEnum


class Tier(IntEnum):
    """How intensive the support is: 1 for everyone, 2 targeted, 3 intensive."""

    UNIVERSAL = 1
    TARGETED = 2
    INTENSIVE = 3


class CircleKind(StrEnum):
    """The practice kinds of a Tier 1 circle."""

    COMMUNITY_BUILDING = "community_building"
    CHECK_IN = "check_in"
    CHECK_OUT = "check_out"
    ACADEMIC = "academic"
    VALUES_AND_GUIDELINES = "values_and_guidelines"
    CELEBRATION = "celebration"
    SUPPORT = "support"
    OTHER = "other"


class CircleStatus(StrEnum):
    """Whether a Tier 1 circle is still ahead, took place, or did not happen."""

    PLANNED = "planned"
    HELD = "held"
    CANCELLED = "cancelled"


class CaseStatus(StrEnum):
    """Where a Tier 2 or Tier 3 case stands, in the order a case usually moves."""

    OPEN = "open"
    MEETING_HELD = "meeting_held"
    AGREEMENT_MADE = "agreement_made"
    FOLLOWING_UP = "following_up"
    CLOSED = "closed"


class ClosureReason(StrEnum):
    """Why a case was closed."""

    AGREEMENT_KEPT = "agreement_kept"
    AGREEMENT_PARTLY_KEPT = "agreement_partly_kept"
    AGREEMENT_NOT_KEPT = "agreement_not_kept"
    RESOLVED_WITHOUT_AGREEMENT = "resolved_without_agreement"
    DECLINED = "declined"
    REFERRED = "referred"
    STUDENT_LEFT_SCHOOL = "student_left_school"
    OTHER = "other"


class Tier3Kind(StrEnum):
    """The intensive practices a Tier 3 case can be."""

    ALTERNATIVE_TO_SUSPENSION = "alternative_to_suspension"
    FORMAL_CONFERENCE = "formal_conference"
    RE_ENTRY = "re_entry"
    SUPPORT_PLAN = "support_plan"
    CIRCLE_OF_SUPPORT = "circle_of_support"


class Role(StrEnum):
    """A person's part in a case. Never victim, offender or perpetrator."""

    PERSON_HARMED = "person_harmed"
    PERSON_WHO_CAUSED_HARM = "person_who_caused_harm"
    SUPPORTER = "supporter"
    FAMILY_MEMBER = "family_member"
    WITNESS = "witness"
    STAFF = "staff"
    FACILITATOR = "facilitator"
    # Neutral roles for wellbeing concerns and check-ins, which are not harm.
    STUDENT = "student"


class MeetingKind(StrEnum):
    """Meetings along the continuum, from informal to formal."""

    RESTORATIVE_CONVERSATION = "restorative_conversation"
    IMPROMPTU_CONFERENCE = "impromptu_conference"
    REPAIR_HARM_CIRCLE = "repair_harm_circle"
    PEER_MEDIATION = "peer_mediation"
    PRE_CONFERENCE = "pre_conference"
    FORMAL_CONFERENCE = "formal_conference"
    RE_ENTRY_CIRCLE = "re_entry_circle"
    AGREEMENT_FOLLOW_UP = "agreement_follow_up"


class AgreementStatus(StrEnum):
    """Where one agreement item stands."""

    OPEN = "open"
    DONE = "done"
    MISSED = "missed"
    RENEGOTIATED = "renegotiated"


class CategoryKind(StrEnum):
    """Categories are set by the school; some are observations, not harm."""

    HARM = "harm"
    CONCERN = "concern"
    POSITIVE = "positive"
    NEUTRAL = "neutral"


class CircleStage(StrEnum):
    """The stages of a circle, in the order a circle usually runs."""

    OPENING = "opening"
    CHECK_IN = "check_in"
    VALUES_AND_GUIDELINES = "values_and_guidelines"
    DISCUSSION = "discussion"
    CHECK_OUT = "check_out"
    CLOSING = "closing"
    REPAIR_HARM = "repair_harm"
    RE_ENTRY = "re_entry"
    # Agreeing together by consensus, not a timed go-around: the keeper types what is agreed
    # (a case's agreement, or a group's agreements) while the piece rests with them.
    AGREEMENT = "agreement"


class GroupKind(StrEnum):
    """The kinds of student groups a school keeps circles with."""

    CLASS = "class"
    ADVISORY = "advisory"
    SECTION = "section"
    OTHER = "other"


class StaffRole(StrEnum):
    """What a staff member does in the building."""

    COUNSELOR = "counselor"
    SOCIAL_WORKER = "social_worker"
    DEAN = "dean"
    RP_COORDINATOR = "rp_coordinator"
    TEACHER = "teacher"
    ADMINISTRATOR = "administrator"
    OTHER = "other"


class AuditAction(StrEnum):
    """What was done to a record, for the audit trail."""

    CREATE = "create"
    UPDATE = "update"
    DEACTIVATE = "deactivate"
    REACTIVATE = "reactivate"
    DELETE = "delete"
    EXPORT = "export"
    PRINT = "print"
    RESTORE = "restore"
    PURGE = "purge"
    IMPORT = "import"
    BACKUP = "backup"
    CHANGE_PASSPHRASE = "change_passphrase"


GRADE_PRE_K = -1
GRADE_KINDERGARTEN = 0
LOWEST_GRADE = GRADE_PRE_K
HIGHEST_GRADE = 12
