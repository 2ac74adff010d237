"""A small invented school for the report tests, every figure worked out by hand.

Period: January to March 2026 (PERIOD); today is Tuesday 2026-03-10 (the `clock` fixture).
Records just outside the period (December 2025, a planned circle, a cancelled one) must not
count. Names are invented.

Students (grade, homeroom, groups of 2025-26):
  s1 Ada Quill 6 6A North        s5 Eli Fenn 7 7A North     s9  Ira Lusk 8 8A South
  s2 Bo Rask 6 6A North          s6 Fay Gorm 7 7A North     s10 Jo Moss 8 8A (none)
  s3 Cy Penn 6 6B South          s7 Gus Holt 7 7A South     s11 Kit Nye 8 8A (none)
  s4 Dee Orr 6 "" (none)         s8 Hal Ivo 7 7A (none)     s12 Lu Pike 8 8A (none), inactive
  "Old Club" (2024-25) has s1: a group of another year, never a category.
  Gender (demographic): Female s1 s2 s5; Male s3 s6 s9; Nonbinary s10; the others unknown.

Circles (community_circle):
  C1 2026-01-12 held community_building  s1 s2 s5
  C2 2026-01-20 held check_in            s3 s7 s9
  C3 2026-02-03 held community_building  s1 s5 s6 s10
  C4 2026-02-10 cancelled check_in       s1            (not counted)
  C5 2026-03-05 planned                  s2            (not counted)
  C6 2025-12-15 held                     s8            (before the period)
  C7 2026-03-02 held academic            nobody recorded (counted by month, in no group)

Cases (participants; only student rows count for groups):
  K1 tier 2 occurred 2026-01-15, closed 2026-02-20: s1 harmed, s3 caused harm, staff keeper
  K2 tier 2 occurred 2026-02-05, open, 1 day avoided: s5 and s6 caused harm, s9 harmed
  K3 tier 3 occurred 2026-02-18, 3 days avoided: s9 caused harm, a family member by name
  K4 tier 3 occurred 2026-03-03, closed 2026-03-09, 2 days avoided: s10 caused harm
  K5 tier 2 occurred 2025-12-10, closed 2026-01-08, 4 days avoided: s8 caused harm

Outcomes: K1 was repaired as felt ("yes"); K4 is closed with no answer; s10 came back on
  2026-03-05 after K4's re-entry plan (2 days after the case). Every category is of the harm kind.

Meetings (all held): M1 K1 restorative_conversation 01-16; M2 K1 agreement_follow_up 02-10;
  M3 K2 repair_harm_circle 02-06; M4 K3 formal_conference 02-20; M5 K4 re_entry_circle 03-04;
  M6 K5 restorative_conversation 2025-12-11 (before the period).

Agreements and items (status, due; follow-ups):
  A1 K1 made 01-16: I1 done due 01-30, linked follow-up 01-29        -> on time
                    I2 missed due 02-05, linked follow-up 02-09      -> late
                    I3 done due 02-10, case follow-up (unlinked) 02-01 -> on time
  A2 K2 made 02-06: I4 open due 02-20, nothing                        -> overdue
                    I5 renegotiated due 02-27, linked follow-up 02-26 -> on time
                    I6 open due 03-20                                 -> not yet due
                    I7 done due 03-13, none (K2's is I5's)            -> not yet due
  A3 K3 made 02-20: I8 missed due 03-06, no follow-up                 -> late
                    I9 open, no due day                               (in no follow-up count)
  A4 K5 made 2025-12-11: I10 done due 01-09, linked follow-up 01-09   -> on time (due in Jan)

Circle runs (keeper seat in each, never counted; talk in seconds, p = passed for 3 s), each
kept for a group (its circles' own group, which voice is broken down by) or for none:
  R1 2026-01-12 North: s1 60+30, s2 30+30, s5 p+30  -> talk 90/60/30, Gini 2/9, 1 pass / 6 turns
  R2 2026-02-03 no group: s1 40+p, s5 40+p, s6 40+20, s10 40+20 -> talk 40/40/60/60, Gini 0.1,
                 2 passes / 8 turns
  R3 2026-02-17 South: s2, s3 seated, only the keeper spoke -> no participant turns, left out
  R4 2026-02-24 South: s7 30, s9 10                 -> Gini 0.25, 0 passes / 2 turns
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy.orm import Session

from rp_desktop.db.models import (
    AgreementItemRow,
    AgreementRow,
    CaseCategoryRow,
    CaseParticipantRow,
    CaseRow,
    CircleAttendanceRow,
    CircleRunRow,
    CommunityCircleRow,
    FollowUpRow,
    GroupMemberRow,
    GroupRow,
    MeetingRow,
    ReEntryPlanRow,
    RunSeatRow,
    StaffRow,
    StudentDemographicRow,
    StudentRow,
    TurnRow,
)
from rp_desktop.domain.continuum.kinds import RepairFelt
from rp_desktop.domain.reports.model import Period
from rp_desktop.domain.vocabulary import (
    AgreementStatus as Item,
)
from rp_desktop.domain.vocabulary import (
    CaseStatus,
    CategoryKind,
    CircleKind,
    CircleStatus,
    GroupKind,
    MeetingKind,
    Role,
    StaffRole,
    Tier,
)
from rp_desktop.services.safekeeping.database import Database

Add = Callable[[str, Any], int]  # adds a row and keeps its id under a label

PERIOD = Period(date(2026, 1, 1), date(2026, 3, 31))
MONTHS = ("2026-01", "2026-02", "2026-03")
CATEGORY = "Report fixture conflict"
STUDENTS = (  # label, first, last, grade, homeroom, active
    ("s1", "Ada", "Quill", 6, "6A", True),
    ("s2", "Bo", "Rask", 6, "6A", True),
    ("s3", "Cy", "Penn", 6, "6B", True),
    ("s4", "Dee", "Orr", 6, "", True),
    ("s5", "Eli", "Fenn", 7, "7A", True),
    ("s6", "Fay", "Gorm", 7, "7A", True),
    ("s7", "Gus", "Holt", 7, "7A", True),
    ("s8", "Hal", "Ivo", 7, "7A", True),
    ("s9", "Ira", "Lusk", 8, "8A", True),
    ("s10", "Jo", "Moss", 8, "8A", True),
    ("s11", "Kit", "Nye", 8, "8A", True),
    ("s12", "Lu", "Pike", 8, "8A", False),
)
GENDER = {"Female": ("s1", "s2", "s5"), "Male": ("s3", "s6", "s9"), "Nonbinary": ("s10",)}


@dataclass(frozen=True)
class ReportSchool:
    """Ids by the labels of the module docstring ("s1", "C1", "K1", "M1", "A1", "I1", "R1",
    "North", "South", "Old Club")."""

    ids: dict[str, int]

    def __getitem__(self, label: str) -> int:
        return self.ids[label]

    def group_key(self, name: str) -> str:
        return f"group:{self.ids[name]}"


def d(month: int, day: int, year: int = 2026) -> date:
    return date(year, month, day)


def build_report_school(db: Database) -> ReportSchool:
    ids: dict[str, int] = {}
    now = db.now()
    with Session(db.engine) as session, session.begin():

        def add(label: str, row: Any) -> int:
            session.add(row)
            session.flush()
            ids[label] = row.id
            return ids[label]

        keeper = add(
            "keeper", StaffRow(first_name="Rae", last_name="Tamsin", role=StaffRole.COUNSELOR)
        )
        for label, first, last, grade, homeroom, active in STUDENTS:
            student = StudentRow(student_number=f"R-{label}", first_name=first, last_name=last,
                              grade=grade, homeroom=homeroom, active=active,
                              created_at=now, updated_at=now)  # fmt: skip
            add(label, student)
        for name, year, members in (
            ("North", 2025, ("s1", "s2", "s5", "s6")),
            ("South", 2025, ("s3", "s7", "s9")),
            ("Old Club", 2024, ("s1",)),
        ):
            group_id = add(name, GroupRow(name=name, kind=GroupKind.ADVISORY, school_year=year))
            session.add_all(GroupMemberRow(group_id=group_id, student_id=ids[s]) for s in members)
        for value, labels in GENDER.items():
            session.add_all(
                StudentDemographicRow(student_id=ids[s], field="gender", value=value)
                for s in labels
            )
        _circles(session, ids, add, now)
        category = add("category", CaseCategoryRow(name=CATEGORY, kind=CategoryKind.HARM))
        _cases(session, ids, add, now, category, keeper)
        _agreements(session, ids, add)
        _runs(session, ids, add, keeper)
    return ReportSchool(ids)


def _circles(session: Session, ids: dict[str, int], add: Add, now: datetime) -> None:
    held, cancelled, planned = CircleStatus.HELD, CircleStatus.CANCELLED, CircleStatus.PLANNED
    for label, on, status, kind, present in (
        ("C1", d(1, 12), held, CircleKind.COMMUNITY_BUILDING, ("s1", "s2", "s5")),
        ("C2", d(1, 20), held, CircleKind.CHECK_IN, ("s3", "s7", "s9")),
        ("C3", d(2, 3), held, CircleKind.COMMUNITY_BUILDING, ("s1", "s5", "s6", "s10")),
        ("C4", d(2, 10), cancelled, CircleKind.CHECK_IN, ("s1",)),
        ("C5", d(3, 5), planned, CircleKind.CHECK_IN, ("s2",)),
        ("C6", d(12, 15, 2025), held, CircleKind.CHECK_IN, ("s8",)),
        ("C7", d(3, 2), held, CircleKind.ACADEMIC, ()),
    ):
        circle = CommunityCircleRow(
            held_on=on,
            status=status,
            kind=kind,
            purpose=f"Purpose {label}",
            group_id=ids["North"] if label == "C1" else None,
            created_at=now,
            updated_at=now,
        )
        circle.attendance = [CircleAttendanceRow(student_id=ids[s]) for s in present]
        add(label, circle)


def _cases(
    session: Session, ids: dict[str, int], add: Add, now: datetime, category: int, keeper: int
) -> None:
    harmed, caused = Role.PERSON_HARMED, Role.PERSON_WHO_CAUSED_HARM
    for label, tier, on, closed, days, people in (
        ("K1", Tier.TARGETED, d(1, 15), d(2, 20), None, (("s1", harmed), ("s3", caused))),
        ("K2", Tier.TARGETED, d(2, 5), None, 1, (("s5", caused), ("s6", caused), ("s9", harmed))),
        ("K3", Tier.INTENSIVE, d(2, 18), None, 3, (("s9", caused),)),
        ("K4", Tier.INTENSIVE, d(3, 3), d(3, 9), 2, (("s10", caused),)),
        ("K5", Tier.TARGETED, d(12, 10, 2025), d(1, 8), 4, (("s8", caused),)),
    ):
        row = CaseRow(
            tier=tier,
            occurred_on=on,
            category_id=category,
            closed_on=closed,
            status=CaseStatus.CLOSED if closed else CaseStatus.OPEN,
            suspension_days_avoided=days,
            repair_felt=RepairFelt.YES if label == "K1" else None,
            description=f"Secret {label} words",
            private_note="never reported",
            created_at=now,
            updated_at=now,
        )
        row.participants = [CaseParticipantRow(role=r, student_id=ids[s]) for s, r in people]
        if label == "K1":
            row.participants.append(CaseParticipantRow(role=Role.FACILITATOR, staff_id=keeper))
        if label == "K3":
            row.participants.append(
                CaseParticipantRow(role=Role.FAMILY_MEMBER, other_name="Uma Vey")
            )
        add(label, row)
    session.add(ReEntryPlanRow(case_id=ids["K4"], returned_on=d(3, 5)))
    for label, case, kind, on in (
        ("M1", "K1", MeetingKind.RESTORATIVE_CONVERSATION, d(1, 16)),
        ("M2", "K1", MeetingKind.AGREEMENT_FOLLOW_UP, d(2, 10)),
        ("M3", "K2", MeetingKind.REPAIR_HARM_CIRCLE, d(2, 6)),
        ("M4", "K3", MeetingKind.FORMAL_CONFERENCE, d(2, 20)),
        ("M5", "K4", MeetingKind.RE_ENTRY_CIRCLE, d(3, 4)),
        ("M6", "K5", MeetingKind.RESTORATIVE_CONVERSATION, d(12, 11, 2025)),
    ):
        add(label, MeetingRow(case_id=ids[case], kind=kind, held_on=on))


# Items: label, agreement, status, due day ("--" for none).
ITEMS = """
I1 A1 done 01-30   I2 A1 missed 02-05   I3 A1 done 02-10
I4 A2 open 02-20   I5 A2 renegotiated 02-27   I6 A2 open 03-20   I7 A2 done 03-13
I8 A3 missed 03-06   I9 A3 open --   I10 A4 done 01-09
"""
# Turns of each run: seat:round:seconds, "p" for a pass; "k" is the keeper.
RUNS = {
    "R1": (d(1, 12), "k:0:100 s1:0:60 s2:0:30 s5:0:3p s1:1:30 s2:1:30 s5:1:30", ("s1", "s2", "s5")),
    "R2": (d(2, 3), "s1:0:40 s5:0:40 s6:0:40 s10:0:40 s1:1:3p s5:1:3p s6:1:20 s10:1:20",
           ("s1", "s5", "s6", "s10")),
    "R3": (d(2, 17), "k:0:50", ("s2", "s3")),
    "R4": (d(2, 24), "s7:0:30 s9:0:10", ("s7", "s9")),
}  # fmt: skip
RUN_GROUPS = {"R1": "North", "R2": "", "R3": "South", "R4": "South"}


def _agreements(session: Session, ids: dict[str, int], add: Add) -> None:
    for label, case, made in (
        ("A1", "K1", d(1, 16)),
        ("A2", "K2", d(2, 6)),
        ("A3", "K3", d(2, 20)),
        ("A4", "K5", d(12, 11, 2025)),
    ):
        add(label, AgreementRow(case_id=ids[case], made_on=made))
    words = ITEMS.split()
    for item, agreement, status, due in zip(*[iter(words)] * 4, strict=True):
        due_on = None if due == "--" else date(2026, int(due[:2]), int(due[3:]))
        row = AgreementItemRow(agreement_id=ids[agreement], description=f"Item {item} to do",
                            status=Item(status), due_on=due_on)  # fmt: skip
        add(item, row)
    for case, on, linked in (
        ("K1", d(1, 29), "I1"),
        ("K1", d(2, 9), "I2"),
        ("K1", d(2, 1), None),
        ("K2", d(2, 26), "I5"),
        ("K5", d(1, 9), "I10"),
    ):
        session.add(FollowUpRow(case_id=ids[case], on=on, agreement_item_id=ids.get(linked or "")))


def _runs(session: Session, ids: dict[str, int], add: Add, keeper: int) -> None:
    for label, (on, turns, seats) in RUNS.items():
        started = datetime.combine(on, datetime.min.time(), UTC).replace(hour=12)
        run = CircleRunRow(started_at=started, ended_at=started, talking_piece="Stone",
                        community_circle_id=ids["C1"] if label == "R1" else None,
                        group_id=ids.get(RUN_GROUPS[label]))  # fmt: skip
        seat_rows = {"k": RunSeatRow(position=0, staff_id=keeper, label="Keeper", is_keeper=True)}
        for position, s in enumerate(seats, start=1):
            seat_rows[s] = RunSeatRow(position=position, student_id=ids[s], label=s)
        run.seats = list(seat_rows.values())
        run_id = add(label, run)
        for turn in turns.split():
            seat, number, seconds = turn.rstrip("p").split(":")
            session.add(TurnRow(run_id=run_id, round_number=int(number), seat_id=seat_rows[seat].id,
                             start_offset_ms=0, duration_ms=int(seconds) * 1000,
                             passed=turn.endswith("p")))  # fmt: skip
