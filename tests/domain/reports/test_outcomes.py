"""Repeat harm, repair as felt and days to return, worked out by hand; and the continuum's
levels, one place for every practice kind."""

from datetime import date, timedelta

from rp_desktop.domain.continuum.kinds import ContinuumLevel, PracticeKind, RepairFelt
from rp_desktop.domain.reports.continuum import (
    MEETING_LEVEL,
    PRACTICE_LEVEL,
    level_key,
    level_of_key,
    meeting_kinds_at,
    practice_kinds_at,
)
from rp_desktop.domain.reports.outcomes import (
    HarmCase,
    days_to_return,
    first_cases,
    repair_felt_counts,
    repeat_harm,
)
from rp_desktop.domain.vocabulary import MeetingKind

FIRST, LAST = date(2026, 1, 1), date(2026, 1, 31)
LATE = date(2026, 12, 31)  # every window is over


def case(case_id: int, person: int, on: date) -> HarmCase:
    return HarmCase(case_id, person, on)


def windows(cases: list[HarmCase], today: date = LATE) -> dict[int, tuple[int, int]]:
    return {w.days: (w.people, w.repeated) for w in repeat_harm(cases, FIRST, LAST, today)}


def test_a_new_case_exactly_30_days_later_counts_within_30() -> None:
    start = date(2026, 1, 10)
    found = windows([case(1, 7, start), case(2, 7, start + timedelta(days=30))])
    assert found == {30: (1, 1), 60: (1, 1), 90: (1, 1)}


def test_31_days_later_is_not_within_30_but_is_within_60() -> None:
    start = date(2026, 1, 10)
    found = windows([case(1, 7, start), case(2, 7, start + timedelta(days=31))])
    assert found == {30: (1, 0), 60: (1, 1), 90: (1, 1)}


def test_a_second_case_the_same_day_is_the_same_incident_not_a_repeat() -> None:
    start = date(2026, 1, 10)
    assert windows([case(1, 7, start), case(2, 7, start)]) == {30: (1, 0), 60: (1, 0), 90: (1, 0)}


def test_someone_elses_later_case_is_not_a_repeat() -> None:
    # Harm cases come once per person who caused harm in them (the service leaves the other
    # roles out, see tests/services/reports/test_continuum_outcomes.py): a later case of
    # student 9's is no repeat of student 7's.
    start = date(2026, 1, 10)
    found = windows([case(1, 7, start), case(2, 9, start + timedelta(days=5))])
    assert found == {30: (2, 0), 60: (2, 0), 90: (2, 0)}


def test_each_person_counts_once_from_their_first_case_in_the_period() -> None:
    cases = [
        case(1, 7, date(2026, 1, 5)),
        case(2, 7, date(2026, 1, 20)),  # 15 days after the first: a repeat
        case(3, 8, date(2025, 12, 20)),  # before the period: 8 is not followed from here
        case(4, 8, date(2026, 2, 10)),  # after it: 8's first case is not in the period
    ]
    assert first_cases(cases, FIRST, LAST) == {7: cases[0]}
    assert windows(cases) == {30: (1, 1), 60: (1, 1), 90: (1, 1)}


def test_a_window_not_over_yet_leaves_out_those_who_have_not_repeated() -> None:
    cases = [
        case(1, 7, date(2026, 1, 5)),
        case(2, 8, date(2026, 1, 25)),
        case(3, 8, date(2026, 2, 1)),  # 8 repeated after 7 days
    ]
    today = date(2026, 2, 20)  # 46 days after 7's case, 26 after 8's
    found = windows(cases, today)
    # 30 days: 7 (over, no repeat) and 8 (repeated); 60 and 90: only 8, who already repeated.
    assert found == {30: (2, 1), 60: (1, 1), 90: (1, 1)}


def test_nobody_followed_is_zero_people_not_a_share_of_nothing() -> None:
    assert windows([]) == {30: (0, 0), 60: (0, 0), 90: (0, 0)}


def test_repair_felt_counts_every_answer_and_the_missing_ones() -> None:
    answers = [RepairFelt.YES, RepairFelt.YES, RepairFelt.PARTLY, None, RepairFelt.NOT_ASKED]
    assert repair_felt_counts(answers) == {
        "repair:yes": 2,
        "repair:partly": 1,
        "repair:no": 0,
        "repair:not_asked": 1,
        "repair:not_recorded": 1,
    }


def test_days_to_return() -> None:
    assert days_to_return(date(2026, 3, 3), date(2026, 3, 5)) == 2
    assert days_to_return(date(2026, 3, 3), date(2026, 3, 3)) == 0
    assert days_to_return(date(2026, 3, 3), date(2026, 3, 1)) is None  # a slip, not averaged


def test_every_practice_kind_has_a_level_and_levels_run_in_the_continuums_order() -> None:
    assert set(PRACTICE_LEVEL) == set(PracticeKind)
    assert practice_kinds_at(ContinuumLevel.LANGUAGE) == (
        PracticeKind.AFFECTIVE_STATEMENT,
        PracticeKind.POSITIVE_OBSERVATION,
    )
    assert set(meeting_kinds_at(ContinuumLevel.CONVERSATIONS)) == {
        MeetingKind.RESTORATIVE_CONVERSATION,
        MeetingKind.IMPROMPTU_CONFERENCE,
        MeetingKind.PEER_MEDIATION,
    }
    assert meeting_kinds_at(ContinuumLevel.REPAIR_HARM_CIRCLES) == (MeetingKind.REPAIR_HARM_CIRCLE,)
    assert set(meeting_kinds_at(ContinuumLevel.CONFERENCES)) == {
        MeetingKind.FORMAL_CONFERENCE,
        MeetingKind.RE_ENTRY_CIRCLE,
    }
    # Preparing and following up are not a level of their own.
    assert MeetingKind.PRE_CONFERENCE not in MEETING_LEVEL
    assert MeetingKind.AGREEMENT_FOLLOW_UP not in MEETING_LEVEL
    for level in ContinuumLevel:
        assert level_of_key(level_key(level)) is level
