"""The continuum's levels: which everyday practice, circle and case meeting counts at which level,
in one place, from the most informal and frequent to the most formal.

Language: affective statements and positive observations (a tally counts each time).
Conversations: restorative chats, impromptu conferences and check-ins/outs logged in a moment,
and case meetings of the same informal kinds. Circles: Tier 1 community circles. Repair-harm
circles and conferences: case meetings of those kinds. Only what was held counts; a pre-conference
and an agreement follow-up prepare or follow a practice and are not a level of their own.
"""

from rp_desktop.domain.continuum.kinds import ContinuumLevel, PracticeKind
from rp_desktop.domain.vocabulary import MeetingKind

LEVELS = tuple(ContinuumLevel)

PRACTICE_LEVEL: dict[PracticeKind, ContinuumLevel] = {
    PracticeKind.AFFECTIVE_STATEMENT: ContinuumLevel.LANGUAGE,
    PracticeKind.POSITIVE_OBSERVATION: ContinuumLevel.LANGUAGE,
    PracticeKind.RESTORATIVE_CHAT: ContinuumLevel.CONVERSATIONS,
    PracticeKind.IMPROMPTU_CONFERENCE: ContinuumLevel.CONVERSATIONS,
    PracticeKind.CHECK_IN_OUT: ContinuumLevel.CONVERSATIONS,
}

MEETING_LEVEL: dict[MeetingKind, ContinuumLevel] = {
    MeetingKind.RESTORATIVE_CONVERSATION: ContinuumLevel.CONVERSATIONS,
    MeetingKind.IMPROMPTU_CONFERENCE: ContinuumLevel.CONVERSATIONS,
    MeetingKind.PEER_MEDIATION: ContinuumLevel.CONVERSATIONS,
    MeetingKind.REPAIR_HARM_CIRCLE: ContinuumLevel.REPAIR_HARM_CIRCLES,
    MeetingKind.FORMAL_CONFERENCE: ContinuumLevel.CONFERENCES,
    MeetingKind.RE_ENTRY_CIRCLE: ContinuumLevel.CONFERENCES,
}

# Every Tier 1 community circle held, whatever its kind.
CIRCLE_LEVEL = ContinuumLevel.CIRCLES

LEVEL_PREFIX = "level:"


def level_key(level: ContinuumLevel) -> str:
    """The key of a level as a report's series or category: "level:language"."""
    return f"{LEVEL_PREFIX}{level.value}"


def level_of_key(key: str) -> ContinuumLevel:
    """The level a key names. Raises ValueError for a key that is not a level's."""
    if not key.startswith(LEVEL_PREFIX):
        raise ValueError(f"{key!r} is not a level of the continuum")
    return ContinuumLevel(key[len(LEVEL_PREFIX) :])


def practice_kinds_at(level: ContinuumLevel) -> tuple[PracticeKind, ...]:
    return tuple(kind for kind, at in PRACTICE_LEVEL.items() if at is level)


def meeting_kinds_at(level: ContinuumLevel) -> tuple[MeetingKind, ...]:
    return tuple(kind for kind, at in MEETING_LEVEL.items() if at is level)


LEVEL_KEYS = tuple(level_key(level) for level in LEVELS)
