"""A small synthetic school for the export tests, with every kind of record, names and typed text
in every free-text field, a private note on each case, and counts worked out by hand.

School year 2025 (Aug 1 2025 to Jul 31 2026), 24 active students: 13 in grade 7 (S-7001..S-7013)
and 11 in grade 8 (S-8001..S-8011), plus one inactive grade-8 student. Gender is known for 20
of them (the first 10 of each grade, alternating: 5 "F" and 5 "M" in each), unknown for 4.

- Tier 1 circles held: 12 in September 2025, 3 in October, 15 in November, each attended by the
  first five grade-7 students; one cancelled circle in October (not counted); 2 circles held in
  the year before (2024-25).
- Case A (Tier 2, Oct 6 2025): grade-7 students 1 and 2 caused harm, student 3 was harmed, a
  staff member and a family member (named only in the case) took part. Two meetings in
  October, one agreement with two items (one done, one missed), two follow-ups, a re-entry plan.
- Case B (Tier 3, Nov 10 2025): grade-8 student 1 harmed, moved from Tier 2; one meeting in
  November, a support plan with a progress entry, 5 days of suspension avoided.
- Case C (Tier 2, Mar 3 2025): in the year before, with one meeting.
"""

from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from sqlalchemy.orm import Session

from rp_desktop.db.models import (
    AgreementItemRow,
    AgreementRow,
    CaseCategoryRow,
    CaseParticipantRow,
    CaseRow,
    CircleAttendanceRow,
    CommunityCircleRow,
    FollowUpRow,
    GroupMemberRow,
    GroupRow,
    MeetingAnswerRow,
    MeetingAttendeeRow,
    MeetingRow,
    ProgressEntryRow,
    ReEntryPlanRow,
    StaffRow,
    StudentDemographicRow,
    StudentRow,
    SupportPlanRow,
    TierChangeRow,
)
from rp_desktop.domain.casework.support_plans import MonitoringFrequency
from rp_desktop.domain.reports.model import Period
from rp_desktop.domain.vocabulary import (
    AgreementStatus,
    CaseStatus,
    CategoryKind,
    CircleKind,
    CircleStatus,
    GroupKind,
    MeetingKind,
    Role,
    StaffRole,
    Tier,
    Tier3Kind,
)
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.school import set_up_school

SCHOOL = "Juniper Flats Middle School"
YEAR_2025 = Period(date(2025, 8, 1), date(2026, 7, 31))
NOW = datetime(2026, 3, 10, 15, 0, tzinfo=UTC)
PRIVATE = "PRIVATE-MEMO Quillon saw the counselor cry"
FIRST = ("Amaru", "Bettina", "Cosmin", "Dagny", "Eulalie", "Fintan", "Gwenllian", "Hallvard",
         "Ilse", "Jovana", "Kalani", "Leocadia", "Mirela")  # fmt: skip
EIGHTH = ("Naoise", "Oriane", "Pascoe", "Quirina", "Radomir", "Saoirse", "Tancredi", "Ulrika",
          "Vasilisa", "Wendeline", "Xiadani")  # fmt: skip


@dataclass
class ExportSchool:
    """Ids of the fixture's records, and every text that must never reach the district."""

    students: list[int] = field(default_factory=list)  # 13 grade 7, then 11 grade 8
    inactive: int = 0
    case_a: int = 0
    case_b: int = 0
    case_c: int = 0
    secrets: list[str] = field(default_factory=list)  # names, numbers, typed text

    def keep(self, *texts: str) -> None:
        self.secrets.extend(text for text in texts if text)


def build_export_school(db: Database) -> ExportSchool:
    set_up_school(db, SCHOOL, 2025)
    school = ExportSchool()
    with Session(db.engine) as session, session.begin():
        staff = _staff(session, school)
        group = _students(session, school, staff[1])
        _circles(session, school, staff[0], group)
        category = CaseCategoryRow(name="Ravensworth twins lunch dispute", kind=CategoryKind.HARM)
        session.add(category)
        session.flush()
        school.keep(category.name)
        _case_a(session, school, staff, category.id)
        _case_b(session, school, staff, category.id)
        _case_c(session, school, category.id)
    return school


def _stamp() -> dict[str, datetime]:
    return {"created_at": NOW, "updated_at": NOW}


def _staff(session: Session, school: ExportSchool) -> list[StaffRow]:
    staff = [
        StaffRow(first_name="Rosalind", last_name="Delacroix", role=StaffRole.COUNSELOR),
        StaffRow(first_name="Thaddeus", last_name="Bexley", role=StaffRole.TEACHER),
    ]
    session.add_all(staff)
    session.flush()
    for person in staff:
        school.keep(person.first_name, person.last_name)
    return staff


def _students(session: Session, school: ExportSchool, teacher: StaffRow) -> GroupRow:
    rows = [(f"S-70{n + 1:02d}", name, 7) for n, name in enumerate(FIRST)]
    rows += [(f"S-80{n + 1:02d}", name, 8) for n, name in enumerate(EIGHTH)]
    rows.append(("S-8099", "Yseult", 8))
    for number, (student_number, first, grade) in enumerate(rows):
        last = f"{first[:3]}worthy-Pell"
        preferred = f"{first[:4]}kin" if number % 3 == 0 else ""
        student = StudentRow(
            student_number=student_number, first_name=first, last_name=last,
            preferred_name=preferred, grade=grade, homeroom=f"Larkspur Room {grade}",
            active=student_number != "S-8099", **_stamp(),
        )  # fmt: skip
        session.add(student)
        session.flush()
        school.keep(student_number, first, last, preferred, student.homeroom)
        if student.active:
            school.students.append(student.id)
        else:
            school.inactive = student.id
    # Gender known for 20 active students: the first 10 of each grade's list alternate F / M.
    for index in [*range(10), *range(13, 23)]:
        gender = "F" if index % 2 == 0 else "M"
        session.add(StudentDemographicRow(student_id=school.students[index], field="gender",
                                       value=gender))  # fmt: skip
    group = GroupRow(name="Advisory Marigold-7", kind=GroupKind.ADVISORY, school_year=2025)
    group.staff_id = teacher.id
    session.add(group)
    session.flush()
    school.keep(group.name)
    session.add_all(GroupMemberRow(group_id=group.id, student_id=s) for s in school.students[:13])
    return group


def _circles(session: Session, school: ExportSchool, keeper: StaffRow, group: GroupRow) -> None:
    days = [date(2025, 9, d) for d in range(1, 13)] + [date(2025, 10, d) for d in (6, 7, 8)]
    days += [date(2025, 11, d) for d in range(3, 18)] + [date(2024, 9, 2), date(2025, 3, 2)]
    for number, day in enumerate(days):
        circle = CommunityCircleRow(
            held_on=day, status=CircleStatus.HELD, kind=CircleKind.CHECK_IN, group_id=group.id,
            keeper_id=keeper.id, purpose=f"Welcome back Zephyrine {number}",
            duration_minutes=30, notes=f"Talked about Lysander's move {number}", **_stamp(),
        )  # fmt: skip
        session.add(circle)
        session.flush()
        school.keep(f"Welcome back Zephyrine {number}", f"Talked about Lysander's move {number}")
        session.add_all(CircleAttendanceRow(circle_id=circle.id, student_id=s)
                        for s in school.students[:5])  # fmt: skip
    cancelled = CommunityCircleRow(
        held_on=date(2025, 10, 9), status=CircleStatus.CANCELLED, kind=CircleKind.ACADEMIC,
        purpose="=HYPERLINK(\"http://example.invalid\",\"Oswin\")", notes="", **_stamp(),
    )  # fmt: skip
    session.add(cancelled)


def _case(session: Session, school: ExportSchool, **fields: object) -> CaseRow:
    case = CaseRow(private_note=PRIVATE, search_key="", **_stamp(), **fields)
    session.add(case)
    session.flush()
    school.keep(str(fields.get("place", "")), str(fields.get("description", "")))
    return case


def _person(session: Session, case: CaseRow, role: Role, **who: object) -> CaseParticipantRow:
    person = CaseParticipantRow(case_id=case.id, role=role, **who)
    session.add(person)
    session.flush()
    return person


def _case_a(session: Session, school: ExportSchool, staff: list[StaffRow], category: int) -> None:
    s = school.students
    case = _case(
        session, school, tier=Tier.TARGETED, occurred_on=date(2025, 10, 6),
        place="Behind the Tamarack portable", category_id=category,
        description="Cornelius Vantongeren's phone was thrown", status=CaseStatus.FOLLOWING_UP,
    )  # fmt: skip
    school.case_a = case.id
    caused = [_person(session, case, Role.PERSON_WHO_CAUSED_HARM, student_id=x) for x in s[:2]]
    harmed = _person(session, case, Role.PERSON_HARMED, student_id=s[2])
    _person(session, case, Role.STAFF, staff_id=staff[0].id)
    family = _person(session, case, Role.FAMILY_MEMBER, other_name="Odalys Fennimore-Grau")
    school.keep(family.other_name)
    for day, kind in ((date(2025, 10, 7), MeetingKind.RESTORATIVE_CONVERSATION),
                      (date(2025, 10, 14), MeetingKind.REPAIR_HARM_CIRCLE)):  # fmt: skip
        meeting = MeetingRow(case_id=case.id, kind=kind, held_on=day, facilitator_id=staff[0].id,
                          duration_minutes=25, notes=f"Mended with Perpetua {day.day}")  # fmt: skip
        session.add(meeting)
        session.flush()
        school.keep(meeting.notes)
        session.add_all(MeetingAttendeeRow(meeting_id=meeting.id, participant_id=p.id)
                        for p in (*caused, harmed))  # fmt: skip
    answer = "I was angry at Barnaby Quist that morning"
    session.add(MeetingAnswerRow(meeting_id=meeting.id, participant_id=caused[0].id,
                              question="what_happened", answer=answer))  # fmt: skip
    school.keep(answer)
    agreement = AgreementRow(case_id=case.id, meeting_id=meeting.id, made_on=date(2025, 10, 14),
                          notes="Signed at Wexcombe kitchen table")  # fmt: skip
    session.add(agreement)
    session.flush()
    items = [
        AgreementItemRow(agreement_id=agreement.id, description="Replace Anselm's phone case",
                      owner_participant_id=caused[0].id, due_on=date(2025, 10, 31),
                      status=AgreementStatus.DONE),
        AgreementItemRow(agreement_id=agreement.id, description="+Apologise to Isolde in person",
                      owner_participant_id=caused[1].id, due_on=date(2025, 10, 24),
                      status=AgreementStatus.MISSED),
    ]  # fmt: skip
    session.add_all(items)
    session.flush()
    school.keep(agreement.notes, "Replace Anselm's phone case", "Apologise to Isolde in person")
    for day, item, note in (
        (date(2025, 10, 20), items[1].id, "Checked with Marisol Okonkwo"),
        (date(2025, 10, 30), items[0].id, "Done, confirmed by Teodora"),
    ):
        session.add(FollowUpRow(case_id=case.id, on=day, staff_id=staff[0].id,
                             agreement_item_id=item, note=note))  # fmt: skip
        school.keep(note)
    session.add(ReEntryPlanRow(case_id=case.id, supports="Lunch with Ignatius Brannock",
                            needs="Quiet room near Hollis", responsibilities="Text Ottoline",
                            returned_on=date(2025, 10, 20)))  # fmt: skip
    school.keep("Lunch with Ignatius Brannock", "Quiet room near Hollis", "Text Ottoline")


def _case_b(session: Session, school: ExportSchool, staff: list[StaffRow], category: int) -> None:
    case = _case(
        session, school, tier=Tier.INTENSIVE, occurred_on=date(2025, 11, 10),
        place="Bus 14 to Kestrel Lane", category_id=category,
        description="Fight after Wilhelmina's party", status=CaseStatus.OPEN,
        tier3_kind=Tier3Kind.ALTERNATIVE_TO_SUSPENSION, suspension_days_avoided=5,
    )  # fmt: skip
    school.case_b = case.id
    person = _person(session, case, Role.PERSON_WHO_CAUSED_HARM, student_id=school.students[13])
    meeting = MeetingRow(case_id=case.id, kind=MeetingKind.FORMAL_CONFERENCE,
                      held_on=date(2025, 11, 12), notes="Aunt Philippa Morrow came")  # fmt: skip
    session.add(meeting)
    session.flush()
    session.add(MeetingAttendeeRow(meeting_id=meeting.id, participant_id=person.id))
    reason = "Harm again after talking with Evander"
    moved = TierChangeRow(case_id=case.id, changed_on=date(2025, 11, 11), from_tier=Tier.TARGETED,
                       to_tier=Tier.INTENSIVE, reason=reason)  # fmt: skip
    session.add(moved)
    plan = SupportPlanRow(
        case_id=case.id, student_id=school.students[13], goal="Stay clear of Wilhelmina's group",
        strategies="Mentor Cassius Aldane meets weekly", owner_staff_id=staff[0].id,
        start_on=date(2025, 11, 12), frequency=MonitoringFrequency.WEEKLY, **_stamp(),
    )  # fmt: skip
    session.add(plan)
    session.flush()
    session.add(ProgressEntryRow(plan_id=plan.id, on=date(2025, 11, 19), rating=3,
                              note="Good week with Florentyna"))  # fmt: skip
    school.keep(meeting.notes, reason, plan.goal, plan.strategies, "Good week with Florentyna")


def _case_c(session: Session, school: ExportSchool, category: int) -> None:
    case = _case(
        session, school, tier=Tier.TARGETED, occurred_on=date(2025, 3, 3), place="Old gym",
        category_id=category, description="Graffiti about Benedikta", status=CaseStatus.OPEN,
    )  # fmt: skip
    school.case_c = case.id
    _person(session, case, Role.PERSON_HARMED, student_id=school.students[4])
    session.add(MeetingRow(case_id=case.id, kind=MeetingKind.RESTORATIVE_CONVERSATION,
                        held_on=date(2025, 3, 4), notes="Spoke with Casimir"))  # fmt: skip
    school.keep("Spoke with Casimir")
