"""Every change a user can make through a service leaves exactly one audit event naming the
record by id, and no event's detail holds a student's name: checked action by action on a small
school, and all together on a demo building."""

import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from rp_desktop.db.models import AuditEventRow, PreparationRow, StudentRow
from rp_desktop.domain.casework.records import (
    AgreementFields,
    AgreementItemFields,
    FollowUpFields,
    MeetingFields,
    TierChangeFields,
)
from rp_desktop.domain.casework.support_plans import (
    ProgressEntryFields,
    ReEntryPlanFields,
    SupportPlanFields,
)
from rp_desktop.domain.circle.types import RoundPlan, TurnRecord
from rp_desktop.domain.circle_runs import CircleRunFields, SeatedPerson
from rp_desktop.domain.continuum.kinds import MeetingStatus, PracticeKind, ReferralDecision
from rp_desktop.domain.continuum.practice import PracticeFields
from rp_desktop.domain.continuum.preparation import PreparationFields
from rp_desktop.domain.continuum.referrals import ReferralFields, Triage
from rp_desktop.domain.library import PlanFields, PlannedRound, PromptFields
from rp_desktop.domain.records import (
    Case,
    CaseFields,
    CircleFields,
    ParticipantFields,
    StudentFields,
)
from rp_desktop.domain.reports.model import Period
from rp_desktop.domain.vocabulary import (
    AgreementStatus,
    AuditAction,
    CategoryKind,
    CircleStage,
    ClosureReason,
    MeetingKind,
    Role,
    Tier,
    Tier3Kind,
)
from rp_desktop.services import people, school
from rp_desktop.services.casework import (
    agreements,
    cases,
    categories,
    meetings,
    printing,
    support_plans,
)
from rp_desktop.services.casework import case_detail as casework
from rp_desktop.services.circles import library
from rp_desktop.services.circles import records as circles
from rp_desktop.services.circles import runs as circle_runs
from rp_desktop.services.circles import seeding as library_seed
from rp_desktop.services.continuum import practice, preparation, referrals
from rp_desktop.services.demo import build_demo_school
from rp_desktop.services.exports import pdf as pdf_export
from rp_desktop.services.exports import table as table_export
from rp_desktop.services.exports.district import package as district_package
from rp_desktop.services.exports.records import export as exports
from rp_desktop.services.safekeeping import recovery_notes
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.opening import open_database
from rp_desktop.services.safekeeping.retention import reminder as retention_reminder
from rp_desktop.services.students import records as students
from rp_desktop.services.students import roster_import
from tests.conftest import FakeClock
from tests.services.conftest import Roster, audit_rows

CASE_DAY = date(2026, 3, 2)
TYPED = "Philippa Crowthorne-Abernethy"  # invented; typed into every free-text field
Expected = tuple[AuditAction, str, int | None]


@dataclass(frozen=True)
class World:
    """A case with a meeting, an agreement and a support plan, a circle, a category, a prompt
    and a plan of one's own: something for every action to change."""

    db: Database
    student_ids: tuple[int, int, int]
    staff_id: int
    case: Case
    circle_id: int
    meeting_id: int
    agreement_id: int
    item_id: int
    support_plan_id: int
    category_id: int
    prompt_id: int
    circle_plan_id: int


def make_world(db: Database, student_ids: tuple[int, int, int], staff_id: int) -> World:
    category = categories.add_category(db, f"{TYPED} category", CategoryKind.HARM)
    case = cases.open_case(db, case_fields(category.id, student_ids))
    _harmed, caused, _family = case.participants
    meeting = meetings.record_meeting(
        db, case.id, MeetingFields(MeetingKind.PRE_CONFERENCE, CASE_DAY, notes=TYPED)
    )
    item = AgreementItemFields(TYPED, caused.id, None, date(2026, 3, 12))
    agreement = agreements.save_agreement(db, case.id, AgreementFields(CASE_DAY, items=(item,)))
    support_plan = support_plans.save_support_plan(
        db, support_plan_fields(student_ids[0]), case_id=case.id
    )
    circle = circles.record_circle(db, CircleFields(CASE_DAY, purpose=TYPED))
    prompt = library.add_prompt(db, PromptFields(f"{TYPED}?", CircleStage.CHECK_IN))
    circle_plan = library.save_plan(db, plan_of_rounds(TYPED))
    return World(
        db,
        student_ids,
        staff_id,
        case,
        circle.id,
        meeting.id,
        agreement.id,
        agreement.items[0].id,
        support_plan.id,
        category.id,
        prompt.id,
        circle_plan.id,
    )


def referral_fields(w: World) -> ReferralFields:
    return ReferralFields(CASE_DAY, w.staff_id, "", TYPED, TYPED, TYPED, student_ids=w.student_ids)


def waiting(w: World) -> int:
    """The referral waiting longest."""
    return referrals.waiting_referrals(w.db, limit=1)[0][0].id


NO_ACTION = Triage(ReferralDecision.NO_ACTION, reason=TYPED)


def case_fields(category_id: int, student_ids: tuple[int, int, int]) -> CaseFields:
    return CaseFields(
        tier=Tier.TARGETED,
        occurred_on=CASE_DAY,
        category_id=category_id,
        description=TYPED,
        place=TYPED,
        participants=(
            ParticipantFields(Role.PERSON_HARMED, student_id=student_ids[0]),
            ParticipantFields(Role.PERSON_WHO_CAUSED_HARM, student_id=student_ids[1]),
            ParticipantFields(Role.FAMILY_MEMBER, other_name=TYPED),
        ),
    )


def support_plan_fields(student_id: int) -> SupportPlanFields:
    return SupportPlanFields(student_id, TYPED, TYPED, start_on=date(2026, 3, 3))


def plan_of_rounds(name: str) -> PlanFields:
    return PlanFields(name, TYPED, (PlannedRound(CircleStage.CHECK_IN, f"{TYPED}?"),))


def run_fields(w: World, case_id: int | None) -> CircleRunFields:
    start = datetime(2026, 3, 10, 14, 0, tzinfo=UTC)
    seats = tuple(
        SeatedPerson(key, TYPED, student_id=student_id)
        for key, student_id in enumerate(w.student_ids)
    )
    return CircleRunFields(
        seats=seats,
        rounds=(RoundPlan(CircleStage.CHECK_IN, f"{TYPED}?"),),
        turns=(TurnRecord(0, 0, 0.0, 20.0, False),),
        started_at=start,
        ended_at=start + timedelta(minutes=20),
        running_seconds=1200,
        purpose=TYPED,
        talking_piece=TYPED,
        case_id=case_id,
    )


def roster_csv() -> bytes:
    return (
        b"Student_Number,Last_Name,First_Name,Grade_Level\n"
        b"R-9001,Crowthorne,Philippa,7\nR-9002,Abernethy,Ignatius,8\n"
    )


# Each action: an optional step that gets the record ready (its events are not counted), then
# the user's action, which returns the event it must leave.
Step = Callable[[World], object]
Act = Callable[[World], Expected]
C, U, D = AuditAction.CREATE, AuditAction.UPDATE, AuditAction.DEACTIVATE


def nothing(_w: World) -> None:
    return None


def student_renamed(w: World) -> Expected:
    old = students.get_student(w.db, w.student_ids[2])
    fields = StudentFields(
        old.student_number, old.first_name, "Renamed", "", old.grade, old.homeroom
    )
    return U, "student", students.update_student(w.db, old.id, fields).id


def tier_changed(w: World) -> Expected:
    moved = casework.change_tier(
        w.db, w.case.id, TierChangeFields(CASE_DAY, Tier.INTENSIVE, TYPED, Tier3Kind.RE_ENTRY)
    )
    return C, "tier_change", moved.tier_changes[-1].id


def progress_added(w: World) -> Expected:
    plan = support_plans.add_progress_entry(
        w.db, w.support_plan_id, ProgressEntryFields(date(2026, 3, 9), 4, TYPED)
    )
    return C, "progress_entry", max(entry.id for entry in plan.progress)


def agreement_revised(w: World) -> Expected:
    item = AgreementItemFields(TYPED, None, w.staff_id, date(2026, 3, 13))
    fields = AgreementFields(CASE_DAY, notes=TYPED, items=(item,))
    return U, "agreement", agreements.save_agreement(w.db, w.case.id, fields, w.agreement_id).id


def chat(w: World) -> PracticeFields:
    return PracticeFields(
        PracticeKind.RESTORATIVE_CHAT, CASE_DAY, 5, 1, w.staff_id, TYPED, w.student_ids[:2]
    )


def chat_logged(w: World) -> None:
    practice.log_practice(w.db, chat(w))


def newest_log(w: World) -> int:
    """The log entered last with the world's first student (a demo school has older ones)."""
    return max(log.id for log in practice.practice_for_student(w.db, w.student_ids[0]))


def chat_removed(w: World) -> Expected:
    log_id = newest_log(w)
    practice.delete_practice(w.db, log_id)
    return AuditAction.DELETE, "practice_log", log_id


def re_entry(w: World) -> Expected:
    fields = ReEntryPlanFields(TYPED, TYPED, TYPED, date(2026, 3, 9))
    support_plans.save_re_entry_plan(w.db, w.case.id, fields)
    return C, "re_entry_plan", w.case.id


def re_entry_revised(w: World) -> Expected:
    support_plans.save_re_entry_plan(w.db, w.case.id, ReEntryPlanFields(TYPED))
    return U, "re_entry_plan", w.case.id


def planned(w: World) -> None:
    """A meeting planned on the case, for the next action to mark held or cancel."""
    fields = MeetingFields(
        MeetingKind.RESTORATIVE_CONVERSATION, CASE_DAY, notes=TYPED, status=MeetingStatus.PLANNED
    )
    meetings.record_meeting(w.db, w.case.id, fields)


def last_planned(w: World) -> int:
    detail = casework.get_case_detail(w.db, w.case.id)
    return max(m.id for m in detail.meetings if m.fields.status is MeetingStatus.PLANNED)


def prepared(w: World) -> Expected:
    harmed = w.case.participants[0]
    fields = PreparationFields(safety_concerns=TYPED, supporters=TYPED, note=TYPED)
    preparation.put_preparation(w.db, harmed.id, fields)
    with Session(w.db.engine) as session:
        row_id = session.scalar(
            select(PreparationRow.id).where(PreparationRow.participant_id == harmed.id)
        )
    return C, "preparation", row_id


ACTIONS: dict[str, tuple[Step, Act]] = {
    "add a student": (
        nothing,
        lambda w: (
            C,
            "student",
            students.add_student(w.db, StudentFields("N-1", "Ida", "Quell", "", 7)).id,
        ),
    ),
    "edit a student": (nothing, student_renamed),
    "mark a student inactive": (
        nothing,
        lambda w: (D, "student", students.set_student_active(w.db, w.student_ids[2], False).id),
    ),
    "bring a student back": (
        lambda w: students.set_student_active(w.db, w.student_ids[2], False),
        lambda w: (
            AuditAction.REACTIVATE,
            "student",
            students.set_student_active(w.db, w.student_ids[2], True).id,
        ),
    ),
    "record a circle": (
        nothing,
        lambda w: (C, "community_circle", circles.record_circle(w.db, CircleFields(CASE_DAY)).id),
    ),
    "edit a circle": (
        nothing,
        lambda w: (
            U,
            "community_circle",
            circles.update_circle(w.db, w.circle_id, CircleFields(CASE_DAY, notes=TYPED)).id,
        ),
    ),
    "open a case": (
        nothing,
        lambda w: (
            C,
            "case",
            cases.open_case(w.db, case_fields(w.category_id, w.student_ids)).id,
        ),
    ),
    "edit a case": (
        nothing,
        lambda w: (
            U,
            "case",
            cases.update_case(w.db, w.case.id, case_fields(w.category_id, w.student_ids)).id,
        ),
    ),
    "change a case's tier": (nothing, tier_changed),
    "write the private note": (
        nothing,
        lambda w: (U, "case", casework.set_private_note(w.db, w.case.id, TYPED).case.id),
    ),
    "count suspension days avoided": (
        nothing,
        lambda w: (U, "case", casework.set_suspension_days_avoided(w.db, w.case.id, 3).case.id),
    ),
    "take in a referral": (
        nothing,
        lambda w: (C, "referral", referrals.add_referral(w.db, referral_fields(w)).id),
    ),
    "decide no action on a referral": (
        lambda w: referrals.add_referral(w.db, referral_fields(w)) and None,
        lambda w: (U, "referral", referrals.triage_referral(w.db, waiting(w), NO_ACTION).id),
    ),
    "close a case": (
        nothing,
        lambda w: (
            U,
            "case",
            casework.close_case(w.db, w.case.id, ClosureReason.AGREEMENT_KEPT, CASE_DAY).case.id,
        ),
    ),
    "record a meeting": (
        nothing,
        lambda w: (
            C,
            "meeting",
            meetings.record_meeting(
                w.db, w.case.id, MeetingFields(MeetingKind.RESTORATIVE_CONVERSATION, CASE_DAY)
            ).id,
        ),
    ),
    "edit a meeting": (
        nothing,
        lambda w: (
            U,
            "meeting",
            meetings.update_meeting(
                w.db, w.meeting_id, MeetingFields(MeetingKind.PRE_CONFERENCE, CASE_DAY, notes="x")
            ).id,
        ),
    ),
    "mark a planned meeting held": (
        planned,
        lambda w: (U, "meeting", meetings.mark_meeting_held(w.db, last_planned(w)).id),
    ),
    "cancel a planned meeting": (
        planned,
        lambda w: (U, "meeting", meetings.cancel_meeting(w.db, last_planned(w), TYPED).id),
    ),
    "prepare a person for a conference": (nothing, prepared),
    "make an agreement": (
        nothing,
        lambda w: (
            C,
            "agreement",
            agreements.save_agreement(
                w.db,
                w.case.id,
                AgreementFields(
                    CASE_DAY, items=(AgreementItemFields(TYPED, None, w.staff_id, CASE_DAY),)
                ),
            ).id,
        ),
    ),
    "revise an agreement": (nothing, agreement_revised),
    "mark an agreed item done": (
        nothing,
        lambda w: (
            U,
            "agreement_item",
            agreements.set_item_status(w.db, w.item_id, AgreementStatus.DONE).id,
        ),
    ),
    "add a follow-up": (
        nothing,
        lambda w: (
            C,
            "follow_up",
            agreements.add_follow_up(w.db, w.case.id, FollowUpFields(CASE_DAY, note=TYPED)).id,
        ),
    ),
    "make a support plan": (
        nothing,
        lambda w: (
            C,
            "support_plan",
            support_plans.save_support_plan(w.db, support_plan_fields(w.student_ids[1])).id,
        ),
    ),
    "revise a support plan": (
        nothing,
        lambda w: (
            U,
            "support_plan",
            support_plans.save_support_plan(
                w.db, support_plan_fields(w.student_ids[0]), w.support_plan_id
            ).id,
        ),
    ),
    "add a progress check": (nothing, progress_added),
    "write a re-entry plan": (nothing, re_entry),
    "revise a re-entry plan": (re_entry, re_entry_revised),
    "add a category": (
        nothing,
        lambda w: (
            C,
            "case_category",
            categories.add_category(w.db, "Lunchroom", CategoryKind.HARM).id,
        ),
    ),
    "rename a category": (
        nothing,
        lambda w: (
            U,
            "case_category",
            categories.rename_category(w.db, w.category_id, "Renamed").id,
        ),
    ),
    "retire a category": (
        nothing,
        lambda w: (
            D,
            "case_category",
            categories.set_category_active(w.db, w.category_id, False).id,
        ),
    ),
    "bring a category back": (
        lambda w: categories.set_category_active(w.db, w.category_id, False),
        lambda w: (
            AuditAction.REACTIVATE,
            "case_category",
            categories.set_category_active(w.db, w.category_id, True).id,
        ),
    ),
    "add a prompt": (
        nothing,
        lambda w: (
            C,
            "prompt",
            library.add_prompt(w.db, PromptFields("What went well?", CircleStage.CHECK_OUT)).id,
        ),
    ),
    "edit a prompt": (
        nothing,
        lambda w: (
            U,
            "prompt",
            library.update_prompt(
                w.db, w.prompt_id, PromptFields("What changed?", CircleStage.CHECK_IN)
            ).id,
        ),
    ),
    "retire a prompt": (
        nothing,
        lambda w: (D, "prompt", library.set_prompt_active(w.db, w.prompt_id, False).id),
    ),
    "save a new plan": (
        nothing,
        lambda w: (C, "circle_plan", library.save_plan(w.db, plan_of_rounds("Monday")).id),
    ),
    "edit a plan": (
        nothing,
        lambda w: (
            U,
            "circle_plan",
            library.save_plan(w.db, plan_of_rounds("Tuesday"), w.circle_plan_id).id,
        ),
    ),
    "copy a plan": (
        nothing,
        lambda w: (
            C,
            "circle_plan",
            library.copy_plan(w.db, w.circle_plan_id, "Copied").id,
        ),
    ),
    "delete a plan": (
        nothing,
        lambda w: (
            AuditAction.DELETE,
            "circle_plan",
            library.delete_plan(w.db, w.circle_plan_id) or w.circle_plan_id,
        ),
    ),
    "save a circle that was run": (
        nothing,
        lambda w: (
            C,
            "community_circle",
            circle_runs.save_circle_run(w.db, run_fields(w, None)).community_circle_id,
        ),
    ),
    "save a circle run for a case": (
        nothing,
        lambda w: (
            C,
            "meeting",
            circle_runs.save_circle_run(w.db, run_fields(w, w.case.id)).meeting_id,
        ),
    ),
    "print an agreement": (
        nothing,
        lambda w: (
            AuditAction.PRINT,
            "agreement",
            printing.save_printed_agreement(
                w.db, w.agreement_id, new_folder(w) / "agreement.pdf", b"%PDF-1.4 signed"
            )
            or w.agreement_id,
        ),
    ),
    "set up the school": (
        nothing,
        lambda w: (
            U,
            "school_setting",
            school.set_up_school(w.db, "Crowthorne Academy", 2025) and None,
        ),
    ),
    "import the roster": (
        nothing,
        lambda w: (
            AuditAction.IMPORT,
            "student",
            roster_import.import_roster(w.db, roster_csv(), full_roster=False) and None,
        ),
    ),
    "add the built-in circle library": (
        nothing,
        lambda w: (
            AuditAction.IMPORT,
            "circle_library",
            library_seed.ensure_circle_library(w.db) and None,
        ),
    ),
    "export every record": (
        nothing,
        lambda w: (EX, "export", exports.export_records(w.db, new_folder(w)) and None),
    ),
    "export every record with the answers": (
        nothing,
        lambda w: (
            EX,
            "export",
            exports.export_records(w.db, new_folder(w), with_answers=True) and None,
        ),
    ),
    "review old records this school year": (
        nothing,
        lambda w: (U, "school_setting", retention_reminder.mark_retention_reviewed(w.db, 7)),
    ),
    "keep private notes out of the recovery copy": (
        nothing,
        lambda w: (U, "school_setting", recovery_notes.leave_private_notes_out(w.db, True)),
    ),
    "export the district package": (
        nothing,
        lambda w: (
            EX,
            "export",
            district_package.write_district_package(w.db, new_folder(w), YEAR) and None,
        ),
    ),
    "save a list or a report's table": (
        nothing,
        lambda w: (
            EX,
            "export",
            table_export.export_table(
                w.db, new_folder(w) / "t.csv", ["a"], [[TYPED]], what="students list"
            )
            and None,
        ),
    ),
    "log a practice": (
        nothing,
        lambda w: (C, "practice_log", practice.log_practice(w.db, chat(w)).id),
    ),
    "correct a practice log": (
        chat_logged,
        lambda w: (
            U,
            "practice_log",
            practice.update_practice(w.db, newest_log(w), replace(chat(w), minutes=9)).id,
        ),
    ),
    "remove a practice log": (chat_logged, chat_removed),
    "save the monthly summary": (
        nothing,
        lambda w: (
            EX,
            "export",
            pdf_export.save_pdf(
                w.db, new_folder(w) / "s.pdf", b"%PDF-1.4\n%%EOF\n", "monthly summary 2026-03"
            ),
        ),
    ),
}
EX = AuditAction.EXPORT
YEAR = Period(date(2025, 8, 1), date(2026, 7, 31))


def new_folder(w: World) -> Path:
    """A new folder beside the test's database (removed with it)."""
    return Path(tempfile.mkdtemp(dir=w.db.path.parent))


@pytest.fixture
def world(db: Database, roster: Roster) -> World:
    ids = (roster.ana.id, roster.liam.id, roster.lukasz.id)
    return make_world(db, ids, roster.counselor_id)


@pytest.mark.parametrize("name", ACTIONS)
def test_each_action_leaves_one_event_naming_its_record(world: World, name: str) -> None:
    prepare, act = ACTIONS[name]
    prepare(world)
    before = len(audit_rows(world.db))
    expected = act(world)
    events = audit_rows(world.db)[before:]
    assert [(e.action, e.entity, e.entity_id) for e in events] == [expected]
    # Only imports, school settings and exports concern no one record.
    assert expected[2] is not None or expected[0] in (
        AuditAction.IMPORT,
        AuditAction.UPDATE,
        AuditAction.EXPORT,
    )


# "case=12 items=1", "field=private_note", "status=done": a field's name, an id, a count or a
# stored value; never text someone typed.
KEY_VALUES = re.compile(r"(?:[a-z_]+=[a-z0-9_]+(?: [a-z_]+=[a-z0-9_]+)*)?")
ROSTER_COUNTS = re.compile(
    r"roster import: added \d+, updated \d+, unchanged \d+, marked inactive \d+(?:, full roster)?"
)
# What was exported, the dates, and counts: "records; every date; 18 files, 40 rows".
EXPORT_WORDS = re.compile(
    r"(records|district package|students list|monthly summary [\d-]+)"
    r"(; (every date|[\d-]+ to [\d-]+))?(; threshold \d+)?"
    r"(; (\d+ files, \d+ (rows|cells suppressed)|\d+ rows))?"
    r"(; answers (left out|word for word included))?"
)


def run_every_action(world: World) -> None:
    for prepare, act in ACTIONS.values():
        prepare(world)
        act(world)


def test_details_hold_field_names_and_counts_only(world: World) -> None:
    run_every_action(world)
    details = {event.detail for event in audit_rows(world.db)}
    assert len(details) > 10
    for detail in details:
        assert any(
            pattern.fullmatch(detail) for pattern in (KEY_VALUES, ROSTER_COUNTS, EXPORT_WORDS)
        ), detail


def words(text: str) -> set[str]:
    return {word.casefold() for word in re.findall(r"[^\W\d_]+", text)}


def test_no_event_in_a_demo_building_names_a_student(tmp_path, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    with open_database(tmp_path / "demo.db", unencrypted=True, clock=clock) as db:
        build_demo_school(db, students=60, years=1, seed=11)
        with Session(db.engine) as session:
            enrolled = list(session.scalars(select(StudentRow).order_by(StudentRow.id).limit(3)))
        ids = (enrolled[0].id, enrolled[1].id, enrolled[2].id)
        world = make_world(db, ids, people.list_staff(db)[0].id)
        run_every_action(world)
        with Session(db.engine) as session:
            names = set()
            for row in session.scalars(select(StudentRow)):
                names |= words(f"{row.first_name} {row.last_name} {row.preferred_name}")
            details = list(session.scalars(select(AuditEventRow.detail)))
            actors = set(session.scalars(select(AuditEventRow.actor)))
    assert len(details) > len(ACTIONS) + 10  # the demo's own events, the setup and each action
    assert len(names) > 60
    for detail in details:
        assert not words(detail) & names, detail
        assert not words(detail) & words(TYPED), detail
    assert actors == {db.actor}
