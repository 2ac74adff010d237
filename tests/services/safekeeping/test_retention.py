"""Removing old records: the preview's counts, what is kept (held and open cases, students
still named by kept records), the audit event, a stale preview refused, and the bytes really
gone from the file and its -wal.

Today is 2026-03-10 (school year 2025-26). Keeping 3 school years, the cut-off is 1 August 2022.
All names and texts are invented; the distinctive ones are searched for in the raw file.
"""

import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from rp_desktop.db.models import (
    AgreementItemRow,
    AgreementRow,
    AuditEventRow,
    CaseCategoryRow,
    CaseParticipantRow,
    CaseRow,
    CircleAttendanceRow,
    CircleRunRow,
    CommunityCircleRow,
    FollowUpRow,
    FormDraftRow,
    GroupMemberRow,
    GroupRow,
    MeetingAnswerRow,
    MeetingAttendeeRow,
    MeetingRow,
    ProgressEntryRow,
    ReEntryPlanRow,
    RunRoundRow,
    RunSeatRow,
    StudentDemographicRow,
    StudentRow,
    SupportPlanRow,
    TierChangeRow,
    TurnRow,
)
from rp_desktop.domain.casework.support_plans import MonitoringFrequency
from rp_desktop.domain.circle.types import Timing
from rp_desktop.domain.safekeeping.passphrase import Passphrase
from rp_desktop.domain.safekeeping.retention import PurgeCounts
from rp_desktop.domain.vocabulary import (
    AgreementStatus,
    AuditAction,
    CaseStatus,
    CategoryKind,
    CircleKind,
    CircleStage,
    CircleStatus,
    GroupKind,
    MeetingKind,
    Role,
    Tier,
)
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.opening import open_database
from rp_desktop.services.safekeeping.retention import removal
from tests.conftest import FakeClock

CUTOFF = date(2022, 8, 1)
LONG_AGO = datetime(2020, 6, 1, 12, 0, tzinfo=UTC)
# Words that appear only in records that are removed.
GONE = (
    "Zebrafish lantern 7781",  # the old case's story
    "Marmalade compass 4410",  # an answer in its meeting
    "Quillon",  # a former student in it
    "Vexbridge",
    "Ysolde",  # a former student who sat in an old circle run
    "Tarrabin",
    "Periwinkle oath 5521",  # the old case's private note
    "Gossamer ledger 9032",  # an old circle's notes
)
KEPT_WORDS = ("Held harbour 1209", "Open orchard 3342", "Recent river 8876")


@dataclass(frozen=True)
class Building:
    old_case: int
    held_case: int
    open_case: int
    recent_case: int
    old_circle: int
    recent_circle: int
    gone_students: tuple[int, ...]
    kept_students: tuple[int, ...]


def _student(session: Session, number: str, first: str, last: str, *, active: bool) -> int:
    changed = LONG_AGO if not active else datetime(2026, 1, 5, tzinfo=UTC)
    row = StudentRow(
        student_number=number,
        first_name=first,
        last_name=last,
        grade=8,
        active=active,
        search_key=f"{first} {last}".lower(),
        created_at=LONG_AGO,
        updated_at=changed,
    )
    session.add(row)
    session.flush()
    return row.id


def _case(
    session: Session, category: int, story: str, *, closed_on: date | None, hold: bool = False
) -> CaseRow:
    row = CaseRow(
        tier=Tier.TARGETED,
        occurred_on=date(2020, 2, 3)
        if closed_on is None or closed_on < CUTOFF
        else date(2024, 1, 8),
        category_id=category,
        description=story,
        status=CaseStatus.CLOSED if closed_on else CaseStatus.OPEN,
        closed_on=closed_on,
        hold=hold,
        search_key=story.lower(),
        created_at=LONG_AGO,
        updated_at=LONG_AGO,
    )
    session.add(row)
    session.flush()
    return row


def _full_old_case(session: Session, category: int, quillon: int) -> int:
    """A closed 2020 case with a meeting, answers, an agreement, follow-up, a tier move, a
    support plan, a re-entry plan and a private note."""
    case = _case(session, category, GONE[0], closed_on=date(2020, 4, 1))
    case.private_note = GONE[6]
    person = CaseParticipantRow(case_id=case.id, role=Role.PERSON_HARMED, student_id=quillon)
    family = CaseParticipantRow(case_id=case.id, role=Role.FAMILY_MEMBER, other_name="Ondine Vale")
    session.add_all([person, family])
    session.flush()
    meeting = MeetingRow(
        case_id=case.id, kind=MeetingKind.RESTORATIVE_CONVERSATION, held_on=date(2020, 2, 10)
    )
    session.add(meeting)
    session.flush()
    session.add_all(
        [
            MeetingAttendeeRow(meeting_id=meeting.id, participant_id=person.id),
            MeetingAnswerRow(
                meeting_id=meeting.id, participant_id=person.id, question="q", answer=GONE[1]
            ),
        ]
    )
    agreement = AgreementRow(case_id=case.id, meeting_id=meeting.id, made_on=date(2020, 2, 10))
    session.add(agreement)
    session.flush()
    item = AgreementItemRow(
        agreement_id=agreement.id,
        description="Replace the notebook",
        owner_participant_id=person.id,
        status=AgreementStatus.DONE,
    )
    session.add(item)
    session.flush()
    plan = SupportPlanRow(
        case_id=case.id,
        student_id=quillon,
        goal="Check in weekly",
        start_on=date(2020, 2, 11),
        frequency=MonitoringFrequency.WEEKLY,
        active=False,
        created_at=LONG_AGO,
        updated_at=LONG_AGO,
    )
    session.add(plan)
    session.flush()
    session.add_all(
        [
            FollowUpRow(case_id=case.id, on=date(2020, 3, 1), agreement_item_id=item.id, note="ok"),
            TierChangeRow(
                case_id=case.id,
                changed_on=date(2020, 2, 20),
                from_tier=Tier.TARGETED,
                to_tier=Tier.INTENSIVE,
            ),
            ReEntryPlanRow(case_id=case.id, supports="A mentor"),
            ProgressEntryRow(plan_id=plan.id, on=date(2020, 3, 2), rating=4),
            FormDraftRow(
                key="case-old", form="case", record_id=case.id, fields="{}", saved_at=LONG_AGO
            ),
        ]
    )
    return case.id


def _circle(session: Session, day: date, notes: str, attendees: tuple[int, ...]) -> int:
    circle = CommunityCircleRow(
        held_on=day,
        status=CircleStatus.HELD,
        kind=CircleKind.CHECK_IN,
        notes=notes,
        created_at=LONG_AGO,
        updated_at=LONG_AGO,
    )
    session.add(circle)
    session.flush()
    session.add_all(CircleAttendanceRow(circle_id=circle.id, student_id=s) for s in attendees)
    return circle.id


def _run(session: Session, circle_id: int, student: int, label: str) -> None:
    run = CircleRunRow(community_circle_id=circle_id, started_at=LONG_AGO, talking_piece="A stone")
    session.add(run)
    session.flush()
    seat = RunSeatRow(run_id=run.id, position=0, student_id=student, label=label)
    session.add_all(
        [
            seat,
            RunRoundRow(
                run_id=run.id,
                number=1,
                stage=CircleStage.CHECK_IN,
                prompt_text="How are you arriving?",
                timing=Timing.NONE,
            ),
        ]
    )
    session.flush()
    session.add(
        TurnRow(run_id=run.id, round_number=1, seat_id=seat.id, start_offset_ms=0, duration_ms=9)
    )


def build(db: Database) -> Building:
    with Session(db.engine) as session, session.begin():
        category = CaseCategoryRow(name="Test harm", kind=CategoryKind.HARM)
        session.add(category)
        session.flush()
        quillon = _student(session, "900001", "Quillon", "Vexbridge", active=False)
        ysolde = _student(session, "900002", "Ysolde", "Tarrabin", active=False)
        held_person = _student(session, "900003", "Brannoch", "Held", active=False)
        recent_circler = _student(session, "900004", "Corvina", "Recent", active=False)
        current = _student(session, "900005", "Delphine", "Current", active=True)
        old_case = _full_old_case(session, category.id, quillon)
        held = _case(session, category.id, KEPT_WORDS[0], closed_on=date(2020, 5, 1), hold=True)
        session.add(CaseParticipantRow(case_id=held.id, role=Role.WITNESS, student_id=held_person))
        opened = _case(session, category.id, KEPT_WORDS[1], closed_on=None)
        recent = _case(session, category.id, KEPT_WORDS[2], closed_on=date(2024, 2, 1))
        old_circle = _circle(session, date(2020, 10, 5), GONE[7], (ysolde, recent_circler))
        _run(session, old_circle, ysolde, "Ysolde")
        recent_circle = _circle(session, date(2025, 10, 6), "", (recent_circler, current))
        case_ids = held.id, opened.id, recent.id
        group = GroupRow(name="Advisory 2019", kind=GroupKind.ADVISORY, school_year=2019)
        session.add(group)
        session.flush()
        session.add(GroupMemberRow(group_id=group.id, student_id=ysolde))
        session.add(
            SupportPlanRow(
                student_id=current,
                goal="Attendance",
                start_on=date(2019, 9, 3),
                frequency=MonitoringFrequency.MONTHLY,
                active=False,
                created_at=LONG_AGO,
                updated_at=LONG_AGO,
            )
        )
    return Building(
        old_case,
        *case_ids,
        old_circle,
        recent_circle,
        gone_students=(quillon, ysolde),
        kept_students=(held_person, recent_circler, current),
    )


EXPECTED = PurgeCounts(
    cases=1,
    circles=1,
    runs=1,
    support_plans=1,
    groups=1,
    students=2,
    held_cases_kept=1,
    open_cases_kept=1,
)


def ids(
    db: Database, model: type[CaseRow] | type[StudentRow] | type[CommunityCircleRow]
) -> set[int]:
    with Session(db.engine) as session:
        return set(session.scalars(select(model.id)))


def count(db: Database, table: str) -> int:
    with db.engine.connect() as connection:
        return int(connection.execute(text(f'SELECT count(*) FROM "{table}"')).scalar_one())


def test_the_preview_counts_what_would_go_and_changes_nothing(db: Database) -> None:
    build(db)

    preview = removal.preview_purge(db, 3)

    assert preview.cutoff == CUTOFF
    assert preview.years == 3
    assert preview.counts == EXPECTED
    assert count(db, "case") == 4
    assert count(db, "student") == 5


def test_a_purge_removes_old_records_and_keeps_held_open_recent_and_named(db: Database) -> None:
    building = build(db)

    removed = removal.purge(db, 3, confirm_counts=removal.preview_purge(db, 3).counts)

    assert removed == EXPECTED
    assert ids(db, CaseRow) == {building.held_case, building.open_case, building.recent_case}
    assert ids(db, CommunityCircleRow) == {building.recent_circle}
    assert ids(db, StudentRow) == set(building.kept_students)
    for table in (
        "meeting",
        "meeting_answer",
        "meeting_attendee",
        "agreement",
        "agreement_item",
        "follow_up",
        "tier_change",
        "re_entry_plan",
        "progress_entry",
        "support_plan",
        "circle_run",
        "run_seat",
        "run_round",
        "turn",
        "student_group",
        "group_member",
        "form_draft",
    ):
        assert count(db, table) == 0, table
    assert count(db, "case_participant") == 1  # the held case's witness
    assert count(db, "circle_attendance") == 2  # the recent circle's
    # A second purge finds nothing more.
    assert removal.preview_purge(db, 3).counts.removed == 0


def test_the_purge_leaves_one_audit_event_with_counts_only(db: Database) -> None:
    build(db)

    removal.purge(db, 3, confirm_counts=EXPECTED)

    with Session(db.engine) as session:
        events = list(session.scalars(select(AuditEventRow)))
    assert [(e.action, e.entity, e.entity_id) for e in events] == [
        (AuditAction.PURGE, "database", None)
    ]
    detail = events[0].detail
    assert re.fullmatch(r"years=3 cutoff=2022-08-01( [a-z_]+=\d+)+", detail)
    assert "cases=1 " in detail
    assert "students=2 " in detail
    assert "held_cases_kept=1" in detail
    assert not any(word.lower() in detail.lower() for word in GONE)


def test_the_removed_words_are_gone_from_the_file_and_its_wal(db: Database, db_path: Path) -> None:
    build(db)
    before = raw_bytes(db_path)
    assert all(word.encode() in before for word in GONE)  # the test can fail

    removal.purge(db, 3, confirm_counts=EXPECTED)

    after = raw_bytes(db_path).lower()
    assert [word for word in GONE if word.lower().encode() in after] == []
    assert all(word.encode().lower() in after for word in KEPT_WORDS)
    wal = db_path.with_name(db_path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0


def raw_bytes(path: Path) -> bytes:
    """The database file and its -wal, as they are on disk."""
    data = path.read_bytes()
    wal = path.with_name(path.name + "-wal")
    return data + (wal.read_bytes() if wal.exists() else b"")


def test_a_stale_preview_is_refused_and_nothing_is_removed(db: Database) -> None:
    building = build(db)
    preview = removal.preview_purge(db, 3)
    removal.set_hold(db, building.old_case, True)  # someone puts a hold after the preview

    with pytest.raises(removal.PreviewOutdated):
        removal.purge(db, 3, confirm_counts=preview.counts)

    assert count(db, "case") == 4
    assert count(db, "community_circle") == 2
    assert pending_purges(db) == 0
    with db.engine.connect() as connection:  # the pooled connection enforces keys again
        assert connection.execute(text("PRAGMA foreign_keys")).scalar_one() == 1


def pending_purges(db: Database) -> int:
    with Session(db.engine) as session:
        return len(
            list(session.scalars(select(AuditEventRow).where(AuditEventRow.action == "purge")))
        )


def test_the_database_is_whole_after_a_purge(db: Database) -> None:
    build(db)

    removal.purge(db, 3, confirm_counts=EXPECTED)

    with db.engine.connect() as connection:
        assert connection.execute(text("PRAGMA foreign_key_check")).all() == []
        assert connection.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar_one() == 1
        assert connection.execute(text("PRAGMA journal_mode")).scalar_one() == "wal"


def test_a_hold_is_set_and_released_with_an_audit_event(db: Database, clock: FakeClock) -> None:
    building = build(db)

    assert removal.set_hold(db, building.old_case, True) is True
    assert removal.is_on_hold(db, building.old_case)
    assert removal.preview_purge(db, 3).counts.held_cases_kept == 2
    assert removal.set_hold(db, building.old_case, True) is True  # no change, no event
    assert removal.set_hold(db, building.old_case, False) is False

    with Session(db.engine) as session:
        events = list(session.scalars(select(AuditEventRow).order_by(AuditEventRow.id)))
    assert [(e.action, e.entity, e.entity_id, e.detail) for e in events] == [
        (AuditAction.UPDATE, "case", building.old_case, "field=hold"),
    ] * 2
    assert not removal.is_on_hold(db, building.old_case)


def test_an_encrypted_database_is_purged_and_compacted(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "secret.db"
    passphrase = Passphrase("lantern quietly folds the river map")
    db = open_database(path, passphrase=passphrase, clock=clock)
    try:
        build(db)

        removed = removal.purge(db, 3, confirm_counts=removal.preview_purge(db, 3).counts)

        assert removed == EXPECTED
        found = text_found(db, GONE)
        assert found == [], found
        assert text_found(db, KEPT_WORDS) != []  # the search itself works
        assert not path.read_bytes().startswith(b"SQLite format 3")  # VACUUM kept the cipher
        assert path.with_name("secret.db-wal").stat().st_size == 0
    finally:
        db.close()
    with open_database(path, passphrase=passphrase, clock=clock) as again:
        assert removal.preview_purge(again, 3).counts.removed == 0


def text_found(db: Database, words: tuple[str, ...]) -> list[str]:
    """Every table and text column that holds any of `words`, read through the key."""
    found = []
    with db.engine.connect() as connection:
        tables = connection.execute(
            text("SELECT name FROM sqlite_schema WHERE type = 'table'")
        ).scalars()
        for table in list(tables):
            columns = connection.execute(text(f'PRAGMA table_info("{table}")')).all()
            for column in columns:
                for word in words:
                    hits = connection.execute(
                        text(f'SELECT count(*) FROM "{table}" WHERE "{column[1]}" LIKE :w'),
                        {"w": f"%{word}%"},
                    ).scalar_one()
                    if hits:
                        found.append(f"{table}.{column[1]}")
    return found


def test_a_file_that_cannot_be_compacted_is_said_with_what_was_removed(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    build(db)

    def blocked(_db: Database) -> None:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(removal, "compact", blocked)

    with pytest.raises(removal.NotCompacted) as raised:
        removal.purge(db, 3, confirm_counts=EXPECTED)

    assert raised.value.counts == EXPECTED
    assert count(db, "case") == 3  # the removal itself was committed


def test_a_removed_student_s_demographic_values_go_with_them(db: Database) -> None:
    building = build(db)
    current = building.kept_students[-1]
    with Session(db.engine) as session, session.begin():
        session.add_all(
            StudentDemographicRow(student_id=student, field="gender", value="Female")
            for student in (*building.gone_students, current)
        )
        session.add(StudentDemographicRow(student_id=current, field="english_learner", value="No"))

    removal.purge(db, 3, confirm_counts=removal.preview_purge(db, 3).counts)

    with db.engine.connect() as connection:
        left = connection.execute(
            text("SELECT student_id, field FROM student_demographic ORDER BY field")
        ).all()
    assert left == [(current, "english_learner"), (current, "gender")]
