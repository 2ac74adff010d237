"""The sample school's everyday practice: logged on school days before today, each kind with
the people it usually has, read back by the services, and the same for the same seed."""

from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

from rp_desktop.domain.continuum.kinds import PracticeKind
from rp_desktop.services.continuum import practice
from rp_desktop.services.demo import build_demo_school
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.opening import open_database
from tests.conftest import FakeClock
from tests.services.demo.test_demo import SMALL, count, rows, table


def _students_per_log(db: Database) -> dict[int, int]:
    counted = rows(db, "SELECT log_id, count(*) FROM practice_log_student GROUP BY log_id")
    return {int(log_id): int(n) for log_id, n in counted}  # type: ignore[call-overload]


def test_practice_is_logged_on_school_days_before_today(db: Database) -> None:
    summary = build_demo_school(db, **SMALL)
    assert summary.practice_logs == count(db, "SELECT count(*) FROM practice_log")
    assert summary.practice_logs > 300  # two years of school days
    days = [
        date.fromisoformat(str(day)) for (day,) in rows(db, "SELECT happened_on FROM practice_log")
    ]
    assert max(days) < db.today()
    assert all(day.weekday() < 5 for day in days)
    assert {day.year for day in days} == {2024, 2025, 2026}  # school years 2024-25, 2025-26
    kinds = Counter(PracticeKind(kind) for (kind,) in rows(db, "SELECT kind FROM practice_log"))
    assert set(kinds) == set(PracticeKind)
    assert kinds[PracticeKind.RESTORATIVE_CHAT] > kinds[PracticeKind.IMPROMPTU_CONFERENCE]
    assert count(db, "SELECT count(*) FROM practice_log WHERE case_id IS NOT NULL") == 0
    assert count(db, "SELECT count(*) FROM practice_log WHERE staff_id IS NULL") == 0


def test_each_kind_has_the_people_and_minutes_it_usually_has(db: Database) -> None:
    build_demo_school(db, **SMALL)
    students = _students_per_log(db)
    seen: dict[PracticeKind, set[tuple[int, object, object]]] = defaultdict(set)
    # The practice part's own logs: a referral triaged to a quick log has the referral's
    # students, however many (the referrals part writes those).
    own_logs = (
        "SELECT id, kind, tally, minutes FROM practice_log WHERE id NOT IN"
        " (SELECT practice_log_id FROM referral WHERE practice_log_id IS NOT NULL)"
    )
    for log_id, kind, tally, minutes in rows(db, own_logs):
        seen[PracticeKind(str(kind))].add((students.get(int(str(log_id)), 0), tally, minutes))
    statements = seen[PracticeKind.AFFECTIVE_STATEMENT]
    assert {n for n, _, _ in statements} == {0}  # a tally names no one
    assert {m for _, _, m in statements} == {None}
    assert max(int(str(t)) for _, t, _ in statements) > 1
    assert {n for n, _, _ in seen[PracticeKind.RESTORATIVE_CHAT]} == {1, 2}
    assert {n for n, _, _ in seen[PracticeKind.CHECK_IN_OUT]} == {1}
    assert {n for n, _, _ in seen[PracticeKind.IMPROMPTU_CONFERENCE]} <= {3, 4}
    assert {n for n, _, _ in seen[PracticeKind.POSITIVE_OBSERVATION]} == {1}
    for kind in PracticeKind:
        if kind is not PracticeKind.AFFECTIVE_STATEMENT:
            assert {t for _, t, _ in seen[kind]} == {1}, kind
    assert all(0 < int(str(m)) <= 20 for _, _, m in seen[PracticeKind.RESTORATIVE_CHAT])


def test_the_services_read_it_back(db: Database) -> None:
    build_demo_school(db, **SMALL)
    newest = practice.recent_practice(db, limit=20)
    assert len(newest) == 20
    assert all(log.staff_name for log in newest)
    chat = next(log for log in newest if log.fields.kind is PracticeKind.RESTORATIVE_CHAT)
    assert chat.student_names
    student_id = chat.fields.student_ids[0]
    assert chat in practice.practice_for_student(db, student_id)


def test_the_same_seed_gives_the_same_practice(
    db: Database, tmp_path: Path, clock: FakeClock
) -> None:
    build_demo_school(db, **SMALL, seed=3)
    with open_database(tmp_path / "again.db", unencrypted=True, clock=clock) as again:
        build_demo_school(again, **SMALL, seed=3)
        for name in ("practice_log", "practice_log_student"):
            assert table(db, name) == table(again, name), name
    with open_database(tmp_path / "other.db", unencrypted=True, clock=clock) as other:
        build_demo_school(other, **SMALL, seed=4)
        assert table(db, "practice_log") != table(other, "practice_log")
