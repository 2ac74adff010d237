"""Who signs a printed agreement and in which order its items come: those present at its
meeting (never a witness or someone absent), each with their part; items by due date."""

from datetime import UTC, date, datetime

from rp_desktop.domain.casework.agreement_page import (
    Signer,
    family_may_read_owner,
    items_in_order,
    signers,
)
from rp_desktop.domain.casework.records import (
    Agreement,
    AgreementItem,
    AgreementItemFields,
    CaseDetail,
    Meeting,
    MeetingFields,
)
from rp_desktop.domain.records import Case, CaseFields, Participant, ParticipantFields
from rp_desktop.domain.vocabulary import MeetingKind, Role, Tier

COUNSELOR_STAFF_ID = 7


def person(id_: int, role: Role, name: str, staff_id: int | None = None) -> Participant:
    fields = (
        ParticipantFields(role, staff_id=staff_id)
        if staff_id is not None
        else ParticipantFields(role, student_id=id_)
    )
    return Participant(id_, fields, name)


CAUSED = person(1, Role.PERSON_WHO_CAUSED_HARM, "Tomasz Wrona")
HARMED = person(2, Role.PERSON_HARMED, "Amara Osei")
WITNESS = person(3, Role.WITNESS, "Leilani Kahale")
FAMILY = person(4, Role.FAMILY_MEMBER, "Rosa Osei")
ABSENT = person(5, Role.SUPPORTER, "Bjorn Aas")
COUNSELOR = person(6, Role.FACILITATOR, "Ines Duarte", staff_id=COUNSELOR_STAFF_ID)
EVERYONE = (CAUSED, HARMED, WITNESS, FAMILY, ABSENT, COUNSELOR)


def meeting(
    id_: int,
    attendees: tuple[Participant, ...],
    facilitator_id: int | None = COUNSELOR_STAFF_ID,
    facilitator_name: str = "Ines Duarte",
) -> Meeting:
    fields = MeetingFields(
        MeetingKind.RESTORATIVE_CONVERSATION,
        date(2026, 3, 9),
        facilitator_id=facilitator_id,
        attendee_ids=frozenset(p.id for p in attendees),
    )
    return Meeting(id_, 1, fields, facilitator_name, attendees)


def detail(*meetings: Meeting) -> CaseDetail:
    case = Case(
        1,
        CaseFields(Tier.TARGETED, date(2026, 3, 2), 1, "", participants=()),
        "Bullying",
        EVERYONE,
        datetime(2026, 3, 2, tzinfo=UTC),
        datetime(2026, 3, 2, tzinfo=UTC),
    )
    return CaseDetail(case, "", None, None, meetings, (), (), (), (), None)


def agreement(meeting_id: int | None, *due: date | None) -> Agreement:
    items = tuple(
        AgreementItem(number, AgreementItemFields(f"item {number}", due_on=on), "Tomasz Wrona")
        for number, on in enumerate(due, start=1)
    )
    return Agreement(10, 1, date(2026, 3, 9), meeting_id, "", items)


def test_the_signers_are_those_present_at_its_meeting_never_witnesses_or_absentees() -> None:
    held = meeting(20, (CAUSED, WITNESS, HARMED, COUNSELOR))

    signed = signers(detail(held), agreement(20))

    assert signed == (
        Signer("Amara Osei", Role.PERSON_HARMED),
        Signer("Tomasz Wrona", Role.PERSON_WHO_CAUSED_HARM),
        Signer("Ines Duarte", Role.FACILITATOR),
    )
    names = {s.name for s in signed}
    assert "Leilani Kahale" not in names  # a witness
    assert "Bjorn Aas" not in names
    assert "Rosa Osei" not in names


def test_the_meetings_facilitator_signs_even_when_not_one_of_the_cases_people() -> None:
    held = meeting(20, (CAUSED, HARMED), facilitator_id=99, facilitator_name="Kofi Mensah")

    signed = signers(detail(held), agreement(20))

    assert signed[-1] == Signer("Kofi Mensah", Role.FACILITATOR)
    assert len(signed) == 3


def test_a_facilitator_present_as_one_of_the_cases_people_signs_once() -> None:
    held = meeting(20, (CAUSED, COUNSELOR))

    signed = signers(detail(held), agreement(20))

    assert [s.name for s in signed].count("Ines Duarte") == 1


def test_only_the_meeting_it_was_made_at_counts() -> None:
    other = meeting(21, (FAMILY, ABSENT))
    held = meeting(20, (CAUSED, HARMED), facilitator_id=None)

    assert {s.name for s in signers(detail(other, held), agreement(20))} == {
        "Tomasz Wrona",
        "Amara Osei",
    }


def test_without_a_meeting_the_cases_people_who_are_not_witnesses_sign() -> None:
    signed = signers(detail(meeting(20, (CAUSED,))), agreement(None))

    assert [s.role for s in signed] == [
        Role.PERSON_HARMED,
        Role.PERSON_WHO_CAUSED_HARM,
        Role.SUPPORTER,
        Role.FAMILY_MEMBER,
        Role.FACILITATOR,
    ]
    assert "Leilani Kahale" not in {s.name for s in signed}


def test_a_meeting_without_recorded_attendance_falls_back_to_the_cases_people() -> None:
    signed = signers(detail(meeting(20, ())), agreement(20))

    assert len(signed) == 5
    assert Role.WITNESS not in {s.role for s in signed}


def test_items_come_by_due_date_and_undated_ones_last() -> None:
    items = agreement(
        None,
        None,
        date(2026, 4, 1),
        date(2026, 3, 13),
        None,
        date(2026, 3, 13),
    ).items

    ordered = items_in_order(items)

    assert [item.id for item in ordered] == [3, 5, 2, 1, 4]


def test_a_letter_home_names_only_its_own_student_and_the_staff() -> None:
    """Person ids double as student ids in these participants (see `person`)."""

    def item(owner: int | None) -> AgreementItem:
        return AgreementItem(1, AgreementItemFields("Say sorry", owner), "")

    case = detail()
    # To the family of the person harmed (student 2):
    assert family_may_read_owner(case, item(HARMED.id), HARMED.id)
    assert family_may_read_owner(case, item(COUNSELOR.id), HARMED.id)
    assert family_may_read_owner(case, item(None), HARMED.id)  # a staff member's, or no one's
    assert not family_may_read_owner(case, item(CAUSED.id), HARMED.id)  # the other child
    assert not family_may_read_owner(case, item(FAMILY.id), HARMED.id)
    assert not family_may_read_owner(case, item(99), HARMED.id)  # no longer on the case
    # A family member typed on the case only (no student known): only the staff's items.
    assert not family_may_read_owner(case, item(HARMED.id), None)
    assert family_may_read_owner(case, item(COUNSELOR.id), None)
