"""What is due this week and what is overdue, by a fake clock; and a student's timeline: only
their own records, newest first, with no one else's name in it."""

from datetime import date, timedelta

from rp_desktop.domain.casework.records import (
    AgreementFields,
    AgreementItemFields,
    DueItem,
    MeetingFields,
    MonitoringFrequency,
    ProgressEntryFields,
    SupportPlanFields,
    TierChangeFields,
    TimelineEntry,
    TimelineKind,
)
from rp_desktop.domain.records import CaseFields, CircleFields, ParticipantFields
from rp_desktop.domain.vocabulary import (
    AgreementStatus,
    CaseStatus,
    CircleKind,
    CircleStatus,
    ClosureReason,
    MeetingKind,
    Role,
    Tier,
    Tier3Kind,
)
from rp_desktop.services.casework.case_detail import (
    add_progress_entry,
    change_tier,
    close_case,
    due_items,
    record_meeting,
    save_agreement,
    save_support_plan,
    student_timeline,
)
from rp_desktop.services.casework.cases import list_categories, open_case
from rp_desktop.services.circles.records import record_circle
from rp_desktop.services.safekeeping.database import Database
from tests.conftest import FakeClock
from tests.services.casework.setup import (
    FAMILY_NAME,
    harmed_is_willing,
    open_four_person_case,
    people_of,
)
from tests.services.conftest import Roster

# Due and overdue


def test_due_this_week_and_overdue_move_with_the_clock(
    db: Database, roster: Roster, clock: FakeClock
) -> None:
    case = open_four_person_case(db, roster)
    liam = people_of(case).caused.id

    def item(
        day: int, status: AgreementStatus = AgreementStatus.OPEN, owner: int = liam
    ) -> AgreementItemFields:
        return AgreementItemFields(f"Due on the {day}th", owner, None, date(2026, 3, day), status)

    # Entered out of order; one already done.
    items = (item(18), item(10), item(17), item(9), item(11, AgreementStatus.DONE))
    made = save_agreement(db, case.id, AgreementFields(date(2026, 3, 5), items=items))
    ids = {i.fields.due_on.day: i.id for i in made.items if i.fields.due_on}
    # An open item on a closed case nags no one.
    other = open_four_person_case(db, roster)
    save_agreement(
        db,
        other.id,
        AgreementFields(date(2026, 3, 5), items=(item(11, owner=people_of(other).caused.id),)),
    )
    close_case(db, other.id, ClosureReason.RESOLVED_WITHOUT_AGREEMENT, date(2026, 3, 9))

    def days(found: list[DueItem]) -> list[int]:
        return [d.due_on.day for d in found]

    # Tuesday 10 March: due from the 10th to the 17th (7 days on), both included.
    due, overdue = due_items(db, db.today())
    assert days(due) == [10, 17]
    assert days(overdue) == [9]
    assert [d.item_id for d in due] == [ids[10], ids[17]]
    assert {d.status for d in due + overdue} == {AgreementStatus.OPEN}
    assert due_items(db, db.today(), within_days=0) == ([due[0]], overdue)

    clock.advance(days=8)  # Wednesday 18 March
    due, overdue = due_items(db, db.today())
    assert days(due) == [18]
    assert days(overdue) == [9, 10, 17]


# The timeline


def test_a_student_s_timeline(db: Database, roster: Roster) -> None:
    ana, liam = roster.ana.id, roster.liam.id
    circle = record_circle(
        db,
        CircleFields(
            held_on=date(2026, 3, 2),
            kind=CircleKind.CHECK_IN,
            purpose="Monday check-in",
            attendee_ids=frozenset({ana, liam}),
        ),
    )
    record_circle(db, CircleFields(date(2026, 3, 3), attendee_ids=frozenset({ana})))
    record_circle(  # planned, not yet attended
        db,
        CircleFields(date(2026, 3, 20), CircleStatus.PLANNED, attendee_ids=frozenset({liam})),
    )
    case = open_four_person_case(db, roster)
    people = people_of(case)
    category = list_categories(db)[0].name

    def meet(kind: MeetingKind, day: int, *attendees: int) -> int:
        fields = MeetingFields(kind, date(2026, 3, day), attendee_ids=frozenset(attendees))
        return record_meeting(db, case.id, fields).id

    with_liam = meet(MeetingKind.PRE_CONFERENCE, 3, people.caused.id)
    with_ana = meet(MeetingKind.PRE_CONFERENCE, 4, people.harmed.id)
    unrecorded = meet(MeetingKind.RESTORATIVE_CONVERSATION, 5)  # attendance never taken
    letter = AgreementItemFields("Write a letter", people.caused.id, None, date(2026, 3, 12))
    seat = AgreementItemFields("Choose a seat", people.harmed.id, None, date(2026, 3, 11))
    items = save_agreement(
        db, case.id, AgreementFields(date(2026, 3, 5), items=(letter, seat))
    ).items
    moved = change_tier(
        db,
        case.id,
        TierChangeFields(date(2026, 3, 9), Tier.INTENSIVE, "Needs more.", Tier3Kind.SUPPORT_PLAN),
    )
    on_case = save_support_plan(
        db,
        SupportPlanFields(liam, "Calm mornings", start_on=date(2026, 3, 6)),
        case_id=case.id,
    )
    progress = add_progress_entry(db, on_case.id, ProgressEntryFields(date(2026, 3, 9), 3, "Ok"))
    alone = save_support_plan(
        db,
        SupportPlanFields(
            liam, "Reading goals", start_on=date(2026, 3, 10), frequency=MonitoringFrequency.MONTHLY
        ),
    )
    other_case = open_case(
        db,
        CaseFields(
            Tier.TARGETED,
            date(2026, 3, 6),
            roster.other_category_id,
            "A lost jacket.",
            participants=(
                ParticipantFields(Role.PERSON_HARMED, student_id=roster.zoe.id),
                ParticipantFields(Role.WITNESS, student_id=roster.lukasz.id),
            ),
        ),
    )
    record_meeting(db, other_case.id, MeetingFields(MeetingKind.PEER_MEDIATION, date(2026, 3, 9)))

    caused = Role.PERSON_WHO_CAUSED_HARM
    three = Tier.INTENSIVE
    entry_id = progress.progress[0].id
    assert student_timeline(db, liam) == [
        TimelineEntry(
            date(2026, 3, 12),
            TimelineKind.AGREEMENT_ITEM,
            items[0].id,
            case.id,
            three,
            caused,
            AgreementStatus.OPEN,
            "Write a letter",
        ),
        TimelineEntry(
            date(2026, 3, 10),
            TimelineKind.SUPPORT_PLAN,
            alone.id,
            None,
            three,
            None,
            MonitoringFrequency.MONTHLY,
            "Reading goals",
        ),
        TimelineEntry(
            date(2026, 3, 9),
            TimelineKind.PROGRESS,
            entry_id,
            case.id,
            three,
            caused,
            None,
            "Ok",
            rating=3,
        ),
        TimelineEntry(
            date(2026, 3, 9),
            TimelineKind.TIER_CHANGE,
            moved.tier_changes[0].id,
            case.id,
            three,
            caused,
            None,
            category,
            from_tier=Tier.TARGETED,
        ),
        TimelineEntry(
            date(2026, 3, 6),
            TimelineKind.SUPPORT_PLAN,
            on_case.id,
            case.id,
            three,
            caused,
            MonitoringFrequency.WEEKLY,
            "Calm mornings",
        ),
        TimelineEntry(
            date(2026, 3, 5),
            TimelineKind.MEETING,
            unrecorded,
            case.id,
            three,
            caused,
            MeetingKind.RESTORATIVE_CONVERSATION,
            category,
        ),
        TimelineEntry(
            date(2026, 3, 3),
            TimelineKind.MEETING,
            with_liam,
            case.id,
            three,
            caused,
            MeetingKind.PRE_CONFERENCE,
            category,
        ),
        TimelineEntry(
            date(2026, 3, 2),
            TimelineKind.CASE,
            case.id,
            case.id,
            three,
            caused,
            CaseStatus.AGREEMENT_MADE,
            category,
        ),
        TimelineEntry(
            date(2026, 3, 2),
            TimelineKind.CIRCLE,
            circle.id,
            None,
            Tier.UNIVERSAL,
            None,
            CircleKind.CHECK_IN,
            "Monday check-in",
        ),
    ]
    # Ana's shows her own pre-conference and item, not Liam's.
    of_ana = {(e.kind, e.record_id) for e in student_timeline(db, ana)}
    assert (TimelineKind.MEETING, with_ana) in of_ana
    assert (TimelineKind.MEETING, unrecorded) in of_ana
    assert (TimelineKind.MEETING, with_liam) not in of_ana
    assert (TimelineKind.AGREEMENT_ITEM, items[1].id) in of_ana
    assert (TimelineKind.AGREEMENT_ITEM, items[0].id) not in of_ana
    assert len(of_ana) == 7  # 2 circles, the case, 2 meetings (hers, the unrecorded), item, move


def test_another_case_s_people_never_appear(db: Database, roster: Roster) -> None:
    case = open_four_person_case(db, roster)
    harmed_is_willing(db, case)
    record_meeting(
        db,
        case.id,
        MeetingFields(
            MeetingKind.FORMAL_CONFERENCE,
            date(2026, 3, 5),
            roster.counselor_id,
            attendee_ids=frozenset(p.id for p in case.participants),
        ),
    )
    save_agreement(
        db,
        case.id,
        AgreementFields(
            date(2026, 3, 5),
            items=(
                AgreementItemFields("Help tidy up", None, roster.counselor_id, date(2026, 3, 9)),
            ),
        ),
    )
    # Zoë was in no case and no circle: her timeline is empty.
    assert student_timeline(db, roster.zoe.id) == []
    entries = student_timeline(db, roster.lukasz.id)  # the supporter
    assert {e.role for e in entries} == {Role.SUPPORTER}
    assert {e.case_id for e in entries} == {case.id}
    words = " ".join(e.text for e in entries)
    for name in ("Ana", "Muñoz", "Liam", "O'Brien", FAMILY_NAME, "Rosa", "Delgado"):
        assert name not in words


def test_a_student_in_two_roles_appears_once_per_record(db: Database, roster: Roster) -> None:
    both = (
        ParticipantFields(Role.PERSON_HARMED, student_id=roster.ana.id),
        ParticipantFields(Role.PERSON_WHO_CAUSED_HARM, student_id=roster.ana.id),
    )
    case = open_case(
        db,
        CaseFields(
            Tier.TARGETED, date(2026, 3, 2), roster.category_id, "A scuffle.", participants=both
        ),
    )
    entries = student_timeline(db, roster.ana.id)
    assert [(e.kind, e.record_id, e.role) for e in entries] == [
        (TimelineKind.CASE, case.id, Role.PERSON_HARMED)
    ]


def test_a_timeline_goes_back_years(db: Database, roster: Roster) -> None:
    days = [date(2016, 9, 1) + timedelta(days=100 * n) for n in range(34)]
    for day in days:
        record_circle(db, CircleFields(day, attendee_ids=frozenset({roster.liam.id})))
    assert [e.on for e in student_timeline(db, roster.liam.id)] == sorted(days, reverse=True)
