"""Removing old records reaches the continuum's records too: everyday practice logs, referrals
and caregivers, and the former students they name.

Today is 2026-03-10 (school year 2025-26). Keeping 3 school years, the cut-off is 1 August 2022.
All names and texts are invented; the distinctive ones are searched for in the raw file.
"""

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from rp_desktop.db.models import (
    AuditEventRow,
    CaregiverContactRow,
    CaregiverRow,
    CaregiverStudentRow,
    CaseCategoryRow,
    CaseParticipantRow,
    CaseRow,
    FormDraftRow,
    PracticeLogRow,
    PracticeLogStudentRow,
    PreparationRow,
    ReferralRow,
    ReferralStudentRow,
    StudentRow,
)
from rp_desktop.domain.continuum.kinds import (
    CaregiverRelationship,
    ContactKind,
    ContactOutcome,
    PracticeKind,
    ReferralDecision,
    Willingness,
)
from rp_desktop.domain.safekeeping.retention import PurgeCounts
from rp_desktop.domain.vocabulary import AuditAction, CaseStatus, CategoryKind, Role, Tier
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.retention import removal
from rp_desktop.services.safekeeping.retention.reminder import retention_reminder

LONG_AGO = datetime(2020, 6, 1, 12, 0, tzinfo=UTC)
RECENTLY = datetime(2026, 1, 5, 12, 0, tzinfo=UTC)
OLD_DAY = date(2020, 3, 2)
RECENT_DAY = date(2025, 10, 6)
# Words found only in records a purge removes, and only in records it keeps.
GONE = (
    "Tamarind whistle 6620",  # an old practice log's note
    "Saffron kettle 5150",  # what happened, in a referral of the removed case
    "Cobalt meadow 2291",  # a decided referral of its own
    "555-0199-771",  # the phone of a caregiver whose only child is removed
    "Wrenfield",  # that caregiver's last name
    "Lichen spiral 8804",  # safety concerns in a removed case's preparation
    "Ostrava",  # a former student named only in an old practice log
)
KEPT = (
    "Juniper anchor 4471",  # the referral of the held case
    "Bramble lamp 3390",  # an old referral still waiting
    "Halvorsen",  # a caregiver taking part in the held case
)


@dataclass(frozen=True)
class School:
    old_case: int
    held_case: int
    kept_logs: frozenset[int]
    kept_referrals: frozenset[int]
    kept_caregivers: frozenset[int]
    kept_students: frozenset[int]


EXPECTED = PurgeCounts(
    cases=1, practice_logs=2, referrals=3, students=2, caregivers=3, held_cases_kept=1
)


def _student(session: Session, number: str, last: str, *, active: bool = False) -> int:
    row = StudentRow(
        student_number=number,
        first_name="Pim",
        last_name=last,
        grade=7,
        active=active,
        search_key=f"pim {last}".lower(),
        created_at=LONG_AGO,
        updated_at=RECENTLY if active else LONG_AGO,
    )
    session.add(row)
    session.flush()
    return row.id


def _case(session: Session, category: int, *, hold: bool) -> int:
    row = CaseRow(
        tier=Tier.TARGETED,
        occurred_on=OLD_DAY,
        category_id=category,
        description="A story",
        status=CaseStatus.CLOSED,
        closed_on=date(2020, 5, 1),
        hold=hold,
        created_at=LONG_AGO,
        updated_at=LONG_AGO,
    )
    session.add(row)
    session.flush()
    return row.id


def _log(session: Session, day: date, students: tuple[int, ...], **more: object) -> int:
    row = PracticeLogRow(
        kind=PracticeKind.RESTORATIVE_CHAT,
        happened_on=day,
        created_at=LONG_AGO,
        updated_at=LONG_AGO,
        **more,
    )
    session.add(row)
    session.flush()
    session.add_all(PracticeLogStudentRow(log_id=row.id, student_id=s) for s in students)
    return row.id


def _referral(
    session: Session, day: date, story: str, students: tuple[int, ...] = (), **more: object
) -> int:
    row = ReferralRow(
        received_on=day,
        referred_by_name="A bus driver",
        what_happened=story,
        created_at=LONG_AGO,
        updated_at=LONG_AGO,
        **more,
    )
    session.add(row)
    session.flush()
    session.add_all(ReferralStudentRow(referral_id=row.id, student_id=s) for s in students)
    return row.id


def _caregiver(
    session: Session, last: str, students: tuple[int, ...], *, changed: datetime = LONG_AGO
) -> int:
    row = CaregiverRow(
        first_name="Ada",
        last_name=last,
        phone="555-0100" if last != "Wrenfield" else GONE[3],
        created_at=LONG_AGO,
        updated_at=changed,
    )
    session.add(row)
    session.flush()
    session.add_all(
        CaregiverStudentRow(
            caregiver_id=row.id, student_id=s, relation=CaregiverRelationship.PARENT
        )
        for s in students
    )
    return row.id


def build(db: Database) -> School:
    with Session(db.engine) as session, session.begin():
        category = CaseCategoryRow(name="Test harm", kind=CategoryKind.HARM)
        session.add(category)
        session.flush()
        logged = _student(session, "800001", GONE[6])  # only in an old practice log: removed
        referred = _student(session, "800002", "Referred")  # in the removed case's referral
        in_recent_log = _student(session, "800003", "Recentlog")  # kept by a recent log
        caregivers_child = _student(session, "800004", "Childof")  # a caregiver in the held case
        waiting_one = _student(session, "800005", "Waiting")  # named by a waiting referral
        current = _student(session, "800006", "Current", active=True)
        old_case = _case(session, category.id, hold=False)
        held_case = _case(session, category.id, hold=True)
        _log(session, OLD_DAY, (logged,), note=GONE[0])
        _log(session, OLD_DAY, (), case_id=old_case, tally=3)
        kept_logs = {
            _log(session, OLD_DAY, (), case_id=held_case),
            _log(session, RECENT_DAY, (in_recent_log, current)),
        }
        decided = {"decision": ReferralDecision.TIER2_CASE, "decided_on": OLD_DAY}
        _referral(session, OLD_DAY, GONE[1], (referred,), case_id=old_case, **decided)
        _referral(session, RECENT_DAY, "Late paperwork", case_id=old_case, **decided)
        _referral(
            session, OLD_DAY, GONE[2], decision=ReferralDecision.NO_ACTION, decided_on=OLD_DAY
        )
        kept_referrals = {
            _referral(session, OLD_DAY, KEPT[0], case_id=held_case, **decided),
            _referral(session, OLD_DAY, KEPT[1], (waiting_one,)),  # no decision yet
            _referral(session, RECENT_DAY, "This year", decision=ReferralDecision.NO_ACTION),
        }
        _caregiver(session, "Wrenfield", (logged,))
        _caregiver(session, "Nochild", ())
        in_old_case = _caregiver(session, "Oldcase", (referred,))
        kept_caregivers = {
            _caregiver(session, KEPT[2], (caregivers_child,)),
            _caregiver(session, "Current", (current,)),
            _caregiver(session, "Justadded", (), changed=RECENTLY),
        }
        halvorsen, current_parent = sorted(kept_caregivers)[:2]
        participants = [
            CaseParticipantRow(case_id=old_case, role=Role.PERSON_HARMED, student_id=referred),
            CaseParticipantRow(case_id=old_case, role=Role.FAMILY_MEMBER, caregiver_id=in_old_case),
            CaseParticipantRow(case_id=held_case, role=Role.FAMILY_MEMBER, caregiver_id=halvorsen),
        ]
        session.add_all(participants)
        session.flush()
        session.add(PreparationRow(participant_id=participants[0].id, safety_concerns=GONE[5]))
        session.add_all(
            CaregiverContactRow(
                case_id=case_id,
                caregiver_id=caregiver_id,
                kind=ContactKind.CALL,
                contacted_on=OLD_DAY,
                outcome=ContactOutcome.REACHED,
            )
            for case_id, caregiver_id in ((old_case, in_old_case), (held_case, current_parent))
        )
    return School(
        old_case,
        held_case,
        frozenset(kept_logs),
        frozenset(kept_referrals),
        frozenset(kept_caregivers),
        frozenset({in_recent_log, caregivers_child, waiting_one, current}),
    )


def ids(
    db: Database, model: type[PracticeLogRow | ReferralRow | CaregiverRow | StudentRow]
) -> set[int]:
    with Session(db.engine) as session:
        return set(session.scalars(select(model.id)))


def count(db: Database, table: str) -> int:
    with db.engine.connect() as connection:
        return int(connection.execute(text(f'SELECT count(*) FROM "{table}"')).scalar_one())


def test_a_former_student_in_a_kept_practice_log_does_not_break_the_purge(db: Database) -> None:
    """Named only by a recent practice log, a former student must stay: removing them would
    leave the log pointing at no one, and the purge would fail at its last check."""
    school = build(db)

    removal.purge(db, 3, confirm_counts=removal.preview_purge(db, 3).counts)

    assert school.kept_students <= ids(db, StudentRow)
    with db.engine.connect() as connection:
        assert connection.execute(text("PRAGMA foreign_key_check")).all() == []


def test_the_preview_counts_practice_logs_referrals_and_caregivers(db: Database) -> None:
    build(db)

    preview = removal.preview_purge(db, 3)

    assert preview.counts == EXPECTED
    assert count(db, "practice_log") == 4
    assert count(db, "referral") == 6
    assert count(db, "caregiver") == 6


def test_the_purge_removes_exactly_the_old_ones(db: Database) -> None:
    school = build(db)

    removed = removal.purge(db, 3, confirm_counts=removal.preview_purge(db, 3).counts)

    assert removed == EXPECTED
    assert ids(db, CaseRow) == {school.held_case}
    assert ids(db, PracticeLogRow) == school.kept_logs
    assert ids(db, ReferralRow) == school.kept_referrals
    assert ids(db, CaregiverRow) == school.kept_caregivers
    assert ids(db, StudentRow) == school.kept_students
    # The parts go with their records: links, the removed case's contacts and preparations.
    assert count(db, "practice_log_student") == 2  # the recent log's two students
    assert count(db, "referral_student") == 1  # the waiting referral's
    assert count(db, "caregiver_student") == 2  # Halvorsen's child and the current parent's
    assert count(db, "caregiver_contact") == 1  # the held case's
    assert count(db, "preparation") == 0
    with db.engine.connect() as connection:
        assert connection.execute(text("PRAGMA foreign_key_check")).all() == []
        # The held case keeps its log and referral linked; nothing kept points at nothing.
        linked = connection.execute(
            text("SELECT count(*) FROM referral WHERE case_id = :c"), {"c": school.held_case}
        ).scalar_one()
    assert linked == 1
    assert removal.preview_purge(db, 3).counts.removed == 0


def test_a_held_case_keeps_its_referral_log_and_caregiver(db: Database) -> None:
    school = build(db)
    removal.set_hold(db, school.held_case, False)  # the hold lifted: they go with it

    counts = removal.preview_purge(db, 3).counts

    assert counts.cases == 2
    assert counts.referrals == EXPECTED.referrals + 1
    assert counts.practice_logs == EXPECTED.practice_logs + 1
    # Halvorsen goes with the case, and so does the former student known through them.
    assert counts.caregivers == EXPECTED.caregivers + 1
    assert counts.students == EXPECTED.students + 1


def test_the_audit_event_has_counts_only(db: Database) -> None:
    build(db)

    removal.purge(db, 3, confirm_counts=EXPECTED)

    with Session(db.engine) as session:
        (event,) = session.scalars(
            select(AuditEventRow).where(AuditEventRow.action == AuditAction.PURGE)
        )
    assert re.fullmatch(r"years=3 cutoff=2022-08-01( [a-z_]+=\d+)+", event.detail)
    assert "practice_logs=2 referrals=3 students=2 caregivers=3 " in event.detail
    assert not any(word.lower() in event.detail.lower() for word in (*GONE, *KEPT))


def test_the_removed_words_are_gone_from_the_file(db: Database, db_path: Path) -> None:
    build(db)
    before = raw_bytes(db_path)
    assert all(word.encode() in before for word in (*GONE, *KEPT))  # the test can fail

    removal.purge(db, 3, confirm_counts=EXPECTED)

    after = raw_bytes(db_path)
    assert [word for word in GONE if word.encode() in after] == []
    assert [word for word in KEPT if word.encode() not in after] == []


def raw_bytes(path: Path) -> bytes:
    wal = path.with_name(path.name + "-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def test_the_home_reminder_counts_what_the_preview_removes(db: Database) -> None:
    build(db)

    reminder = retention_reminder(db)

    assert reminder is not None
    assert reminder.cases == removal.preview_purge(db, reminder.years).counts.cases == 1


@pytest.mark.parametrize(
    ("form", "model", "kept"),
    [
        ("caregiver", CaregiverRow, "kept_caregivers"),
        ("practice", PracticeLogRow, "kept_logs"),
        ("referral", ReferralRow, "kept_referrals"),
        ("triage", ReferralRow, "kept_referrals"),
    ],
)
def test_a_half_typed_form_about_a_removed_record_goes_with_it(
    db: Database, form: str, model: type[CaregiverRow | PracticeLogRow | ReferralRow], kept: str
) -> None:
    school = build(db)
    kept_ids: frozenset[int] = getattr(school, kept)
    gone = min(ids(db, model) - kept_ids)
    with Session(db.engine) as session, session.begin():
        for key, record in (("gone", gone), ("kept", max(kept_ids))):
            session.add(
                FormDraftRow(key=key, form=form, record_id=record, fields="{}", saved_at=LONG_AGO)
            )

    removal.purge(db, 3, confirm_counts=EXPECTED)

    with Session(db.engine) as session:
        assert list(session.scalars(select(FormDraftRow.key))) == ["kept"]


def test_a_caregiver_s_preparation_and_willingness_go_with_the_case(db: Database) -> None:
    school = build(db)
    with Session(db.engine) as session, session.begin():
        participant = session.scalars(
            select(CaseParticipantRow).where(CaseParticipantRow.case_id == school.held_case)
        ).one()
        session.add(PreparationRow(participant_id=participant.id, willingness=Willingness.WILLING))

    removal.purge(db, 3, confirm_counts=EXPECTED)

    assert count(db, "preparation") == 1  # the held case's stays
