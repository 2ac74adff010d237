"""A Tier 2 case from first conversation to closing: pre-conferences, a guided conference with
every answer in speaking order, an agreement, follow-up, a move to Tier 3, a support plan, a
re-entry plan, and the case closed. Every number below is worked out by hand in a comment."""

from dataclasses import replace
from datetime import date, time

from rp_desktop.domain.casework.records import (
    AgreementFields,
    AgreementItemFields,
    AnswerFields,
    ConferenceStep,
    FollowUpFields,
    MeetingFields,
    MonitoringFrequency,
    ProgressEntryFields,
    ReEntryPlanFields,
    SupportPlanFields,
    TierChangeFields,
    conference_progress,
)
from rp_desktop.domain.continuum.kinds import MeetingStatus
from rp_desktop.domain.vocabulary import (
    AgreementStatus,
    AuditAction,
    CaseStatus,
    ClosureReason,
    MeetingKind,
    Tier,
    Tier3Kind,
)
from rp_desktop.services.casework.case_detail import (
    add_follow_up,
    add_progress_entry,
    change_tier,
    close_case,
    due_items,
    get_case_detail,
    record_meeting,
    save_agreement,
    save_re_entry_plan,
    save_support_plan,
    set_item_status,
    set_private_note,
    set_suspension_days_avoided,
    update_meeting,
)
from rp_desktop.services.casework.cases import get_case, update_case
from rp_desktop.services.safekeeping.database import Database
from tests.services.casework.setup import (
    FAMILY_NAME,
    TODAY,
    answers_in_speaking_order,
    harmed_is_willing,
    open_four_person_case,
    people_of,
)
from tests.services.conftest import Roster, audit_rows, table_count

PRE = MeetingKind.PRE_CONFERENCE


def test_a_case_from_first_meeting_to_closing(db: Database, roster: Roster) -> None:
    case = open_four_person_case(db, roster)
    people = people_of(case)
    assert get_case_detail(db, case.id).case == case

    # Pre-conferences, one party at a time: Liam on Tuesday, Ana on Wednesday.
    with_liam = record_meeting(
        db,
        case.id,
        MeetingFields(
            PRE,
            date(2026, 3, 3),
            roster.counselor_id,
            25,
            attendee_ids=frozenset({people.caused.id}),
        ),
    )
    assert with_liam.attendees == (people.caused,)
    assert with_liam.facilitator_name == "Rosa Delgado"
    detail = get_case_detail(db, case.id)
    assert detail.case.fields.status is CaseStatus.MEETING_HELD
    assert dict(conference_progress(detail))[ConferenceStep.PRE_CONFERENCES] is False
    record_meeting(
        db,
        case.id,
        MeetingFields(
            PRE,
            date(2026, 3, 4),
            roster.counselor_id,
            30,
            attendee_ids=frozenset({people.harmed.id, people.supporter.id}),
        ),
    )
    assert dict(conference_progress(get_case_detail(db, case.id)))[ConferenceStep.PRE_CONFERENCES]
    # At her pre-conference Ana chose to meet Liam, and said so: the conference may be held.
    harmed_is_willing(db, case, date(2026, 3, 4))

    # The conference: everyone there, every question for each role, Liam first.
    answers = answers_in_speaking_order(case)
    assert len(answers) == 6 + 4 + 4 + 4  # Liam's six; four each for Ana, Łukasz, the family
    assert [a.participant_id for a in answers[:7]] == [people.caused.id] * 6 + [people.harmed.id]
    everyone = frozenset(p.id for p in case.participants)
    conference = record_meeting(
        db,
        case.id,
        MeetingFields(
            MeetingKind.FORMAL_CONFERENCE,
            date(2026, 3, 5),
            roster.counselor_id,
            75,
            "Everyone spoke; the family asked for a call in a week.",
            everyone,
            (*answers, AnswerFields(people.family.id, answers[-1].question, "  ")),
            keep_answers=True,  # the facilitator chose to keep them word for word
        ),
    )
    assert conference.fields.answers == answers  # the blank answer is not kept
    assert conference.attendees == (people.caused, people.harmed, people.supporter, people.family)
    assert [p.display_name for p in conference.attendees] == [
        "Liam O'Brien",
        "Ana Muñoz",
        "Luke Wiśniewski",
        FAMILY_NAME,
    ]

    # The agreement: three things, three owners, three due dates.
    letter = AgreementItemFields("Write a letter to Ana", people.caused.id, None, date(2026, 3, 12))
    check_ins = AgreementItemFields(
        "Weekly check-in with both", None, roster.counselor_id, date(2026, 3, 16)
    )
    call = AgreementItemFields(
        "Call the school after a week", people.family.id, None, date(2026, 3, 9)
    )
    made = save_agreement(
        db, case.id, AgreementFields(date(2026, 3, 5), conference.id, "", (letter, check_ins, call))
    )
    assert [i.owner_name for i in made.items] == ["Liam O'Brien", "Rosa Delgado", FAMILY_NAME]
    assert [i.fields for i in made.items] == [letter, check_ins, call]
    assert made.completion_rate == 0.0  # three open items, none done yet
    assert get_case(db, case.id).fields.status is CaseStatus.AGREEMENT_MADE

    # Today is Tuesday 10 March: the letter (12th) and check-ins (16th) fall within 7 days;
    # the call (9th) is a day overdue.
    due, overdue = due_items(db, TODAY)
    assert [(d.item_id, d.due_on, d.owner_name) for d in due] == [
        (made.items[0].id, date(2026, 3, 12), "Liam O'Brien"),
        (made.items[1].id, date(2026, 3, 16), "Rosa Delgado"),
    ]
    assert [(d.item_id, d.case_id, d.tier) for d in overdue] == [
        (made.items[2].id, case.id, Tier.TARGETED)
    ]

    # The counselor follows up on the call; the family made it, Liam's letter came.
    follow_up = add_follow_up(
        db,
        case.id,
        FollowUpFields(date(2026, 3, 9), roster.counselor_id, "The call came.", made.items[2].id),
    )
    assert follow_up.staff_name == "Rosa Delgado"
    assert get_case(db, case.id).fields.status is CaseStatus.FOLLOWING_UP
    set_item_status(db, made.items[0].id, AgreementStatus.DONE)
    set_item_status(db, made.items[2].id, AgreementStatus.MISSED)
    renegotiated = set_item_status(db, made.items[1].id, AgreementStatus.RENEGOTIATED)
    assert renegotiated.owner_name == "Rosa Delgado"
    detail = get_case_detail(db, case.id)
    # Done: the letter. Missed: the call. Renegotiated check-ins count neither way: 1 / 2.
    assert detail.agreements[0].completion_rate == 0.5
    assert detail.completion_rate == 0.5
    assert due_items(db, TODAY) == ([], [])  # nothing is open any more

    # The completion meeting, after the agreement.
    record_meeting(
        db,
        case.id,
        MeetingFields(
            MeetingKind.AGREEMENT_FOLLOW_UP,
            date(2026, 3, 9),
            roster.counselor_id,
            15,
            attendee_ids=everyone,
        ),
    )
    assert all(done for _, done in conference_progress(get_case_detail(db, case.id)))

    # Harm happened again: the case moves to Tier 3, with a support plan for Liam.
    moved = change_tier(
        db,
        case.id,
        TierChangeFields(
            date(2026, 3, 10),
            Tier.INTENSIVE,
            "Harm repeated after the agreement.",
            Tier3Kind.SUPPORT_PLAN,
        ),
    )
    assert moved.case.fields.tier is Tier.INTENSIVE
    assert moved.case.fields.tier3_kind is Tier3Kind.SUPPORT_PLAN
    assert [(t.from_tier, t.to_tier, t.changed_on) for t in moved.tier_changes] == [
        (Tier.TARGETED, Tier.INTENSIVE, date(2026, 3, 10))
    ]
    plan = save_support_plan(
        db,
        SupportPlanFields(
            roster.liam.id,
            "Settle disagreements with words",
            "Daily check-in; a calm corner",
            roster.counselor_id,
            date(2026, 3, 2),
            date(2026, 4, 2),
            MonitoringFrequency.WEEKLY,
        ),
        case_id=case.id,
    )
    assert plan.case_id == case.id
    assert plan.owner_name == "Rosa Delgado"
    add_progress_entry(db, plan.id, ProgressEntryFields(date(2026, 3, 10), 4, "A good week."))
    plan = add_progress_entry(db, plan.id, ProgressEntryFields(date(2026, 3, 3), 2, "Hard start."))
    # Oldest first, whatever order they were entered in: ready to graph.
    assert [(e.fields.on, e.fields.rating) for e in plan.progress] == [
        (date(2026, 3, 3), 2),
        (date(2026, 3, 10), 4),
    ]
    assert plan.latest_rating == 4

    re_entry = ReEntryPlanFields(
        "A mentor at lunch", "A quiet start", "Check in each morning", date(2026, 3, 9)
    )
    assert save_re_entry_plan(db, case.id, re_entry) == re_entry
    set_suspension_days_avoided(db, case.id, 3)
    set_private_note(db, case.id, "Ask about the bus ride next time.")

    closed = close_case(db, case.id, ClosureReason.AGREEMENT_PARTLY_KEPT, date(2026, 3, 10))
    assert closed.case.fields.status is CaseStatus.CLOSED
    assert closed.case.fields.closure_reason is ClosureReason.AGREEMENT_PARTLY_KEPT
    assert closed.closed_on == date(2026, 3, 10)
    assert closed.suspension_days_avoided == 3
    assert closed.private_note == "Ask about the bus ride next time."
    assert closed.re_entry_plan == re_entry
    assert [m.fields.kind for m in closed.meetings] == [
        PRE,
        PRE,
        MeetingKind.FORMAL_CONFERENCE,
        MeetingKind.AGREEMENT_FOLLOW_UP,
    ]
    assert [s.id for s in closed.support_plans] == [plan.id]
    assert [f.id for f in closed.follow_ups] == [follow_up.id]
    assert closed == get_case_detail(db, case.id)


def test_each_step_leaves_one_event_naming_records_by_id(db: Database, roster: Roster) -> None:
    case = open_four_person_case(db, roster)
    people = people_of(case)
    before = len(audit_rows(db))
    meeting = record_meeting(
        db,
        case.id,
        MeetingFields(PRE, date(2026, 3, 3), attendee_ids=frozenset({people.caused.id})),
    )
    update_meeting(
        db,
        meeting.id,
        MeetingFields(PRE, date(2026, 3, 4), attendee_ids=frozenset({people.caused.id})),
    )
    item = AgreementItemFields(
        "Return the borrowed book", people.caused.id, None, date(2026, 3, 12)
    )
    agreement = save_agreement(db, case.id, AgreementFields(date(2026, 3, 5), items=(item,)))
    set_item_status(db, agreement.items[0].id, AgreementStatus.DONE)
    follow_up = add_follow_up(db, case.id, FollowUpFields(date(2026, 3, 9)))
    move = change_tier(
        db,
        case.id,
        TierChangeFields(
            date(2026, 3, 9), Tier.INTENSIVE, "More support.", Tier3Kind.FORMAL_CONFERENCE
        ),
    )
    close_case(db, case.id, ClosureReason.AGREEMENT_KEPT, date(2026, 3, 10))
    events = [(e.action, e.entity, e.entity_id, e.detail) for e in audit_rows(db)[before:]]
    assert events == [
        (AuditAction.CREATE, "meeting", meeting.id, f"case={case.id} attendees=1 answers=0"),
        (AuditAction.UPDATE, "meeting", meeting.id, f"case={case.id} attendees=1 answers=0"),
        (AuditAction.CREATE, "agreement", agreement.id, f"case={case.id} items=1"),
        (AuditAction.UPDATE, "agreement_item", agreement.items[0].id, "status=done"),
        (AuditAction.CREATE, "follow_up", follow_up.id, f"case={case.id}"),
        (AuditAction.CREATE, "tier_change", move.tier_changes[0].id, f"case={case.id} from=2 to=3"),
        (AuditAction.UPDATE, "case", case.id, "status=closed"),
    ]


def test_a_meeting_can_be_corrected(db: Database, roster: Roster) -> None:
    case = open_four_person_case(db, roster)
    people = people_of(case)
    harmed_is_willing(db, case)
    first = record_meeting(
        db,
        case.id,
        MeetingFields(
            MeetingKind.RESTORATIVE_CONVERSATION,
            date(2026, 3, 3),
            attendee_ids=frozenset({people.caused.id, people.harmed.id}),
            answers=answers_in_speaking_order(case)[:2],
            keep_answers=True,
        ),
    )
    fixed = update_meeting(
        db,
        first.id,
        MeetingFields(
            MeetingKind.REPAIR_HARM_CIRCLE,
            date(2026, 3, 4),
            roster.teacher_id,
            40,
            "Moved to a circle.",
            frozenset({people.harmed.id}),
            answers_in_speaking_order(case)[6:7],
            keep_answers=True,
        ),
    )
    assert fixed.id == first.id
    assert fixed.fields.kind is MeetingKind.REPAIR_HARM_CIRCLE
    assert fixed.attendees == (people.harmed,)
    assert fixed.facilitator_name == "Tom Becker"
    assert fixed.fields.answers == answers_in_speaking_order(case)[6:7]
    assert get_case_detail(db, case.id).meetings == (fixed,)


def test_revising_an_agreement_keeps_the_items_that_stay(db: Database, roster: Roster) -> None:
    case = open_four_person_case(db, roster)
    people = people_of(case)
    a = AgreementItemFields("Apologise in person", people.caused.id, None, date(2026, 3, 11))
    b = AgreementItemFields("Sit apart at lunch", people.harmed.id, None, date(2026, 3, 12))
    c = AgreementItemFields("Check in on Friday", None, roster.counselor_id, date(2026, 3, 13))
    made = save_agreement(db, case.id, AgreementFields(date(2026, 3, 5), items=(a, b, c)))
    ids = [i.id for i in made.items]
    # Drop the first item and edit the third: the second keeps its row, the edited third
    # takes over the first's spare row.
    c2 = AgreementItemFields("Check in on Thursday", None, roster.counselor_id, date(2026, 3, 12))
    revised = save_agreement(db, case.id, AgreementFields(date(2026, 3, 5), items=(b, c2)), made.id)
    assert revised.id == made.id
    assert [(i.id, i.fields) for i in revised.items] == [(ids[1], b), (ids[0], c2)]
    assert len(get_case_detail(db, case.id).agreements) == 1


def test_a_case_closed_in_the_case_form_gets_a_closing_day(db: Database, roster: Roster) -> None:
    case = open_four_person_case(db, roster)
    update_case(
        db,
        case.id,
        replace(case.fields, status=CaseStatus.CLOSED, closure_reason=ClosureReason.DECLINED),
    )
    assert get_case_detail(db, case.id).closed_on == TODAY
    update_case(db, case.id, case.fields)
    assert get_case_detail(db, case.id).closed_on is None


def test_a_meeting_keeps_its_status_time_reasons_and_summaries(
    db: Database, roster: Roster
) -> None:
    case = open_four_person_case(db, roster)
    people = people_of(case)
    fields = MeetingFields(
        MeetingKind.REPAIR_HARM_CIRCLE,
        date(2026, 3, 4),
        attendee_ids=frozenset({people.caused.id, people.harmed.id}),
        status=MeetingStatus.CANCELLED,
        starts_at=time(10, 30),
        cancel_reason="Snow day",
        proceed_reason="",
        keep_answers=True,
        summaries=((people.caused.id, "Said sorry and meant it"),),
    )
    saved = record_meeting(db, case.id, fields)
    assert saved.fields == fields
    assert get_case_detail(db, case.id).meetings[0].fields == fields


def test_unticking_keep_answers_removes_the_answers_and_says_only_how_many(
    db: Database, roster: Roster
) -> None:
    case = open_four_person_case(db, roster)
    people = people_of(case)
    came = frozenset({people.caused.id, people.harmed.id})
    summaries = ((people.caused.id, "Owned up"), (people.harmed.id, "Wants space at lunch"))
    kept = MeetingFields(
        MeetingKind.RESTORATIVE_CONVERSATION,
        date(2026, 3, 3),
        attendee_ids=came,
        answers=answers_in_speaking_order(case)[:3],
        keep_answers=True,
        summaries=summaries,
    )
    saved = record_meeting(db, case.id, kept)
    assert table_count(db, "meeting_answer") == 3
    before = len(audit_rows(db))
    unkept = update_meeting(db, saved.id, replace(kept, answers=(), keep_answers=False))
    assert (unkept.fields.keep_answers, unkept.fields.answers) == (False, ())
    assert dict(unkept.fields.summaries) == dict(summaries)  # the summaries stay
    assert table_count(db, "meeting_answer") == 0
    (event,) = audit_rows(db)[before:]
    assert (event.action, event.entity, event.detail) == (
        AuditAction.UPDATE,
        "meeting",
        f"case={case.id} attendees=2 answers=0 answers_removed=3",
    )
    # Saved again unticked: nothing more to remove, and the trail says nothing of it.
    update_meeting(db, saved.id, replace(kept, answers=(), keep_answers=False))
    assert audit_rows(db)[-1].detail == f"case={case.id} attendees=2 answers=0"


def test_empty_summaries_are_not_kept(db: Database, roster: Roster) -> None:
    case = open_four_person_case(db, roster)
    people = people_of(case)
    fields = MeetingFields(
        MeetingKind.RESTORATIVE_CONVERSATION,
        date(2026, 3, 3),
        attendee_ids=frozenset({people.caused.id, people.harmed.id}),
        summaries=((people.caused.id, "  "), (people.harmed.id, "Listened")),
    )
    saved = record_meeting(db, case.id, fields)
    assert saved.fields.summaries == ((people.harmed.id, "Listened"),)
