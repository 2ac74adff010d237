"""The continuum's words as enums. Values are stored in the database, so they never change once
released; the words a user reads live in the ui layer, where they can be translated."""

from enum import StrEnum


class PracticeKind(StrEnum):
    """Everyday practice logged in seconds, with no case made."""

    AFFECTIVE_STATEMENT = "affective_statement"
    RESTORATIVE_CHAT = "restorative_chat"
    IMPROMPTU_CONFERENCE = "impromptu_conference"
    CHECK_IN_OUT = "check_in_out"
    POSITIVE_OBSERVATION = "positive_observation"


class ContinuumLevel(StrEnum):
    """The continuum's levels, from the most informal and frequent to the most formal."""

    LANGUAGE = "language"
    CONVERSATIONS = "conversations"
    CIRCLES = "circles"
    REPAIR_HARM_CIRCLES = "repair_harm_circles"
    CONFERENCES = "conferences"


class ReferralDecision(StrEnum):
    """What triage made of a referral; a referral with no decision yet waits in the queue."""

    QUICK_LOG = "quick_log"
    TIER2_CASE = "tier2_case"
    TIER3_CASE = "tier3_case"
    NO_ACTION = "no_action"


class MeetingStatus(StrEnum):
    """Whether a case meeting is still ahead, took place, or did not happen."""

    PLANNED = "planned"
    HELD = "held"
    CANCELLED = "cancelled"


class Willingness(StrEnum):
    """A participant's choice about taking part, asked at the pre-conference. Taking part is
    voluntary, above all for the person harmed, who may prefer an indirect way."""

    NOT_ASKED = "not_asked"
    WILLING = "willing"
    INDIRECT_LETTER = "indirect_letter"
    INDIRECT_GO_BETWEEN = "indirect_go_between"
    NOT_WILLING = "not_willing"


class CaregiverRelationship(StrEnum):
    """How a caregiver is related to a student."""

    PARENT = "parent"
    STEP_PARENT = "step_parent"
    GRANDPARENT = "grandparent"
    GUARDIAN = "guardian"
    FOSTER_PARENT = "foster_parent"
    SIBLING = "sibling"
    AUNT_OR_UNCLE = "aunt_or_uncle"
    OTHER = "other"


class ContactKind(StrEnum):
    """How a caregiver was contacted."""

    CALL = "call"
    MEETING = "meeting"
    LETTER = "letter"
    MESSAGE = "message"


class ContactOutcome(StrEnum):
    """What came of one contact with a caregiver."""

    REACHED = "reached"
    LEFT_MESSAGE = "left_message"
    NO_ANSWER = "no_answer"
    SENT = "sent"
    MET = "met"


class RepairFelt(StrEnum):
    """Whether the person harmed feels the harm was repaired, asked when a repair case closes."""

    YES = "yes"
    PARTLY = "partly"
    NO = "no"
    NOT_ASKED = "not_asked"
