"""Setting up a circle for a case: its people seated with their part (the facilitator keeping),
the conference script offered for harm, and its words chosen: young children's for the
students, older people's for the adults, in Spanish when chosen."""

from datetime import date

from rp_desktop.domain.records import CaseFields, ParticipantFields
from rp_desktop.domain.vocabulary import (
    CaseStatus,
    CircleStage,
    MeetingKind,
    Role,
    Tier,
    Tier3Kind,
)
from rp_desktop.services.casework import cases
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui.run_circle.setup_tab import CircleSetupTab
from tests.ui.conference.conftest import Conference, on_screen, shipped
from tests.ui.conftest import School


def test_the_cases_people_sit_with_their_part_and_the_facilitator_keeps(
    tab: CircleSetupTab, conference: Conference
) -> None:
    tab.set_case(conference.case)
    seated = {a.participant_id: a for a in tab.seating.attendees()}
    assert set(seated) == {
        conference.caused,
        conference.harmed,
        conference.supporter,
        conference.facilitator,
    }
    assert seated[conference.supporter].role == Role.SUPPORTER
    assert seated[conference.supporter].name == "Delfina Ibarra-Soto"
    keeper = tab.seating.attendees()[tab.seating.keeper_index() or 0]
    assert keeper.participant_id == conference.facilitator
    # The keeper's own list says each one's part (never the wall: only labels go there).
    lines = [tab.seating.seats.item(row).text() for row in range(tab.seating.seats.count())]
    assert any(line.endswith("Delfina Ibarra-Soto  (Supporter)") for line in lines)
    assert any(line.endswith("(Facilitator, keeper, starts each round)") for line in lines)
    choice = tab.choice()
    assert choice is not None
    assert choice.conference is not None  # on for a repair-harm circle
    assert choice.meeting_kind is MeetingKind.REPAIR_HARM_CIRCLE
    roles = {p.participant_id: p.role for p in choice.seats}
    assert roles[conference.caused] == Role.PERSON_WHO_CAUSED_HARM
    stages = [r.stage for r in choice.rounds]
    assert stages.count(CircleStage.AGREEMENT) == 1
    assert stages.count(CircleStage.REPAIR_HARM) == 6 + 4 + 4  # the facilitator answers none
    tab.conference.on.setChecked(False)
    plain = tab.choice()
    assert plain is not None
    assert plain.conference is None  # the plan as it is


def test_the_script_is_offered_for_harm_and_on_for_conferences_only(
    db: Database, tab: CircleSetupTab, school_db: School
) -> None:
    student = school_db.members[0]

    def case(tier3_kind: Tier3Kind | None, category_id: int = 1):  # type: ignore[no-untyped-def]
        return cases.open_case(
            db,
            CaseFields(
                tier=Tier.INTENSIVE if tier3_kind else Tier.TARGETED,
                occurred_on=date(2026, 3, 2),
                category_id=category_id,
                description="Synthetic.",
                status=CaseStatus.OPEN,
                tier3_kind=tier3_kind,
                participants=(ParticipantFields(Role.PERSON_HARMED, student_id=student.id),),
            ),
        )

    tab.set_case(case(Tier3Kind.FORMAL_CONFERENCE))
    assert tab.conference.on.isChecked()
    choice = tab.choice()
    assert choice is not None
    assert choice.meeting_kind is MeetingKind.FORMAL_CONFERENCE
    tab.set_case(case(Tier3Kind.RE_ENTRY))
    assert not tab.conference.on.isChecked()  # offered, not on: a re-entry circle has its own
    assert not tab.conference.isHidden()


def test_young_childrens_words_for_students_older_peoples_for_adults_in_spanish(
    db: Database, tab: CircleSetupTab, conference: Conference
) -> None:
    tab.set_case(conference.case)
    tab.conference.words.setCurrentIndex(1)  # young children (K–2)
    tab.conference.language.setCurrentIndex(1)  # Español
    choice = tab.choice()
    assert choice is not None
    assert choice.conference is not None
    prompts = {
        (step.participant_id, step.question.value if step.question else None): r.prompt
        for r, step in zip(choice.rounds, choice.conference.steps, strict=True)
        if step is not None
    }
    # the shipped words, by their keys in the library
    young = shipped(db, "repair-what-happened-k2-es")
    assert prompts[(conference.caused, "what_happened")] == young
    # the supporter is an adult: the words for older people, in Spanish
    realised = prompts[(conference.supporter, "thought_when_realised")]
    assert realised == shipped(db, "repair-when-you-realized-es")
    assert realised != shipped(db, "repair-when-you-realized-k2-es")
    assert prompts[(None, None)] == shipped(db, "agreement-what-will-we-do-k2-es")


def test_the_screenshot_of_a_conference_is_at_its_first_question(
    qtbot,
    db: Database,
    conference: Conference,  # type: ignore[no-untyped-def]
) -> None:
    from rp_desktop.ui.screenshots.conference import conference_circle

    runner = on_screen(qtbot, conference_circle(db, 2025))
    assert runner.console.script.person.text() == "Nou Xiong"
    assert runner.console.script.part.text().endswith("Question 1 of 6")
    runner.console.end_circle(ask=False)
