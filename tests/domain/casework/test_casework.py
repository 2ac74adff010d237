"""The restorative questions and who is asked them, speaking order, completion rates, the steps
of a formal conference, how a case's status moves, and the order of a student's timeline."""

from datetime import UTC, date, datetime

import pytest

from rp_desktop.domain.casework.records import (
    Agreement,
    AgreementItem,
    AgreementItemFields,
    CaseDetail,
    ConferenceStep,
    Meeting,
    MeetingFields,
    RestorativeQuestion,
    TimelineEntry,
    TimelineKind,
    advanced_status,
    completion_rate,
    conference_progress,
    questions_for,
    speaking_order,
    status_after_meeting,
)
from rp_desktop.domain.casework.restorative import answerable_by
from rp_desktop.domain.records import Case, CaseFields, Participant, ParticipantFields
from rp_desktop.domain.timeline import newest_first
from rp_desktop.domain.vocabulary import AgreementStatus, CaseStatus, MeetingKind, Role, Tier

Q = RestorativeQuestion
STAMP = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def person(id_: int, role: Role) -> Participant:
    return Participant(id_, ParticipantFields(role, student_id=id_), f"Person {id_}")


HARMED = person(1, Role.PERSON_HARMED)
CAUSED = person(2, Role.PERSON_WHO_CAUSED_HARM)
FAMILY = person(3, Role.FAMILY_MEMBER)
SUPPORTER = person(4, Role.SUPPORTER)
SECOND_CAUSED = person(5, Role.PERSON_WHO_CAUSED_HARM)


# The questions


def test_the_person_who_caused_harm_is_asked_six_questions_in_order() -> None:
    assert questions_for(Role.PERSON_WHO_CAUSED_HARM) == (
        Q.WHAT_HAPPENED,
        Q.THINKING_AT_THE_TIME,
        Q.THOUGHT_ABOUT_SINCE,
        Q.WHO_HAS_BEEN_AFFECTED,
        Q.IN_WHAT_WAY,
        Q.WHAT_YOU_NEED_TO_DO,
    )


AFFECTED_ROLES = [Role.PERSON_HARMED, Role.FAMILY_MEMBER, Role.SUPPORTER, Role.WITNESS]


@pytest.mark.parametrize("role", AFFECTED_ROLES)
def test_the_people_affected_are_asked_the_four_questions_for_those_affected(role: Role) -> None:
    assert questions_for(role) == (
        Q.THOUGHT_WHEN_REALISED,
        Q.IMPACT_ON_YOU_AND_OTHERS,
        Q.HARDEST_THING,
        Q.WHAT_NEEDS_TO_HAPPEN,
    )


def test_staff_are_asked_their_own_two_questions_never_the_harm_sets() -> None:
    assert questions_for(Role.STAFF) == (Q.WHAT_YOU_SAW, Q.WHAT_YOU_NEED)
    harm_sets = set(questions_for(Role.PERSON_WHO_CAUSED_HARM)) | set(
        questions_for(Role.PERSON_HARMED)
    )
    assert not set(questions_for(Role.STAFF)) & harm_sets


def test_the_facilitator_asks_the_questions_and_answers_none() -> None:
    assert questions_for(Role.FACILITATOR) == ()


def test_staff_answers_recorded_before_their_own_questions_stay_acceptable() -> None:
    for role in (Role.STAFF, Role.FACILITATOR):
        assert set(questions_for(Role.PERSON_HARMED)) <= set(answerable_by(role))
    assert Q.WHAT_YOU_SAW not in answerable_by(Role.PERSON_HARMED)
    assert answerable_by(None) == ()


def test_the_three_sets_share_no_question_and_cover_every_key() -> None:
    caused = set(questions_for(Role.PERSON_WHO_CAUSED_HARM))
    affected = set(questions_for(Role.PERSON_HARMED))
    staff = set(questions_for(Role.STAFF))
    assert not caused & affected
    assert not staff & (caused | affected)
    assert caused | affected | staff == set(RestorativeQuestion)


def test_question_keys_are_stable() -> None:
    # Stored with every answer: a renamed key would orphan saved answers.
    assert [q.value for q in RestorativeQuestion] == [
        "what_happened",
        "thinking_at_the_time",
        "thought_about_since",
        "who_has_been_affected",
        "in_what_way",
        "what_you_need_to_do",
        "thought_when_realised",
        "impact_on_you_and_others",
        "hardest_thing",
        "what_needs_to_happen",
        "what_you_saw",
        "what_you_need",
    ]


def test_speaking_order_starts_with_the_person_who_caused_harm() -> None:
    given = [FAMILY, HARMED, SUPPORTER, CAUSED, SECOND_CAUSED]
    assert speaking_order(given) == [CAUSED, SECOND_CAUSED, HARMED, FAMILY, SUPPORTER]
    assert given == [FAMILY, HARMED, SUPPORTER, CAUSED, SECOND_CAUSED]  # not sorted in place


# Completion


def item(id_: int, status: AgreementStatus) -> AgreementItem:
    return AgreementItem(id_, AgreementItemFields(f"Item {id_}", status=status), "")


def agreement(id_: int, made_on: date, *statuses: AgreementStatus) -> Agreement:
    items = tuple(item(id_ * 10 + n, s) for n, s in enumerate(statuses))
    return Agreement(id_, 1, made_on, None, "", items)


D, M, R, OPEN = (
    AgreementStatus.DONE,
    AgreementStatus.MISSED,
    AgreementStatus.RENEGOTIATED,
    AgreementStatus.OPEN,
)


@pytest.mark.parametrize(
    ("statuses", "rate"),
    [
        ((), None),
        ((R, R), None),
        ((D,), 1.0),
        ((D, M, R), 0.5),  # 1 done of 2 that count
        ((D, D, OPEN), 2 / 3),  # an open item counts against, until it is done
        ((M, OPEN, OPEN, R), 0.0),
    ],
)
def test_completion_rate(statuses: tuple[AgreementStatus, ...], rate: float | None) -> None:
    assert completion_rate(statuses) == rate
    assert agreement(1, date(2026, 3, 5), *statuses).completion_rate == rate


def detail(
    participants: tuple[Participant, ...],
    meetings: tuple[Meeting, ...] = (),
    agreements: tuple[Agreement, ...] = (),
) -> CaseDetail:
    fields = CaseFields(Tier.INTENSIVE, date(2026, 3, 2), 1, "What happened.")
    case = Case(1, fields, "Conflict", participants, STAMP, STAMP)
    return CaseDetail(case, "", None, None, meetings, agreements, (), (), (), None)


def test_the_case_completion_rate_counts_every_item_of_every_agreement() -> None:
    both = detail(
        (HARMED,),
        agreements=(agreement(1, date(2026, 3, 5), D, M), agreement(2, date(2026, 3, 6), D, R, D)),
    )
    assert both.completion_rate == 3 / 4
    assert detail((HARMED,)).completion_rate is None


# The steps of a formal conference


def meeting(id_: int, kind: MeetingKind, on: date, *attendees: Participant) -> Meeting:
    ids = frozenset(a.id for a in attendees)
    return Meeting(id_, 1, MeetingFields(kind, on, attendee_ids=ids), "", attendees)


PRE = MeetingKind.PRE_CONFERENCE
PEOPLE = (HARMED, CAUSED, FAMILY, SUPPORTER)


def steps(case: CaseDetail) -> dict[ConferenceStep, bool]:
    found = conference_progress(case)
    assert [step for step, _ in found] == list(ConferenceStep)
    return dict(found)


def test_nothing_done_yet() -> None:
    assert not any(steps(detail(PEOPLE)).values())


def test_pre_conferences_need_each_person_harmed_and_who_caused_harm() -> None:
    one = meeting(1, PRE, date(2026, 3, 3), CAUSED)
    assert not steps(detail(PEOPLE, (one,)))[ConferenceStep.PRE_CONFERENCES]
    # A family member's pre-conference does not stand in for the person harmed's.
    family = meeting(2, PRE, date(2026, 3, 3), FAMILY)
    assert not steps(detail(PEOPLE, (one, family)))[ConferenceStep.PRE_CONFERENCES]
    # Nor does the person harmed being at another kind of meeting.
    talk = meeting(3, MeetingKind.RESTORATIVE_CONVERSATION, date(2026, 3, 3), HARMED)
    assert not steps(detail(PEOPLE, (one, talk)))[ConferenceStep.PRE_CONFERENCES]
    other = meeting(4, PRE, date(2026, 3, 4), HARMED, FAMILY)
    assert steps(detail(PEOPLE, (one, other)))[ConferenceStep.PRE_CONFERENCES]


def test_with_nobody_in_those_roles_one_pre_conference_is_enough() -> None:
    people = (FAMILY, SUPPORTER)
    assert not steps(detail(people))[ConferenceStep.PRE_CONFERENCES]
    held = meeting(1, PRE, date(2026, 3, 3), FAMILY)
    assert steps(detail(people, (held,)))[ConferenceStep.PRE_CONFERENCES]


def test_every_step_of_a_conference() -> None:
    pre = (meeting(1, PRE, date(2026, 3, 3), CAUSED), meeting(2, PRE, date(2026, 3, 3), HARMED))
    conference = meeting(3, MeetingKind.FORMAL_CONFERENCE, date(2026, 3, 5), *PEOPLE)
    made = agreement(1, date(2026, 3, 5), OPEN)
    before = meeting(4, MeetingKind.AGREEMENT_FOLLOW_UP, date(2026, 3, 4), CAUSED)
    after = meeting(5, MeetingKind.AGREEMENT_FOLLOW_UP, date(2026, 3, 19), CAUSED, HARMED)
    assert steps(detail(PEOPLE, (*pre, conference, before), (made,))) == {
        ConferenceStep.PRE_CONFERENCES: True,
        ConferenceStep.CONFERENCE: True,
        ConferenceStep.AGREEMENT: True,
        ConferenceStep.COMPLETION_MEETING: False,  # held before the agreement was made
    }
    done = steps(detail(PEOPLE, (*pre, conference, before, after), (made,)))
    assert all(done.values())
    # A follow-up meeting with no agreement at all completes nothing.
    assert not steps(detail(PEOPLE, (after,)))[ConferenceStep.COMPLETION_MEETING]


# Status


@pytest.mark.parametrize(
    ("current", "reached", "after"),
    [
        (CaseStatus.OPEN, CaseStatus.MEETING_HELD, CaseStatus.MEETING_HELD),
        (CaseStatus.OPEN, CaseStatus.FOLLOWING_UP, CaseStatus.FOLLOWING_UP),
        (CaseStatus.AGREEMENT_MADE, CaseStatus.MEETING_HELD, CaseStatus.AGREEMENT_MADE),
        (CaseStatus.FOLLOWING_UP, CaseStatus.AGREEMENT_MADE, CaseStatus.FOLLOWING_UP),
        (CaseStatus.CLOSED, CaseStatus.MEETING_HELD, CaseStatus.CLOSED),
        (CaseStatus.OPEN, CaseStatus.CLOSED, CaseStatus.OPEN),
    ],
)
def test_status_only_moves_forward(
    current: CaseStatus, reached: CaseStatus, after: CaseStatus
) -> None:
    assert advanced_status(current, reached) is after


def test_a_follow_up_meeting_means_following_up() -> None:
    assert status_after_meeting(MeetingKind.AGREEMENT_FOLLOW_UP) is CaseStatus.FOLLOWING_UP
    assert status_after_meeting(MeetingKind.PRE_CONFERENCE) is CaseStatus.MEETING_HELD


# Timeline order


def entry(on: date, kind: TimelineKind, record_id: int) -> TimelineEntry:
    return TimelineEntry(on, kind, record_id, None, None, None, None, "")


def test_newest_first_and_within_a_day_the_latest_step_first() -> None:
    day, later = date(2026, 3, 5), date(2026, 3, 6)
    entries = [
        entry(day, TimelineKind.CASE, 1),
        entry(day, TimelineKind.MEETING, 7),
        entry(day, TimelineKind.MEETING, 8),
        entry(day, TimelineKind.CIRCLE, 30),
        entry(later, TimelineKind.PROGRESS, 2),
        entry(later, TimelineKind.SUPPORT_PLAN, 4),
        entry(day, TimelineKind.AGREEMENT_ITEM, 3),
    ]
    assert [(e.kind, e.record_id) for e in newest_first(entries)] == [
        (TimelineKind.PROGRESS, 2),
        (TimelineKind.SUPPORT_PLAN, 4),
        (TimelineKind.AGREEMENT_ITEM, 3),
        (TimelineKind.MEETING, 8),
        (TimelineKind.MEETING, 7),
        (TimelineKind.CASE, 1),
        (TimelineKind.CIRCLE, 30),
    ]
