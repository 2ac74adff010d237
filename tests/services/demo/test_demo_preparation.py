"""The sample school's preparation and scheduled meetings: every repair-harm circle, conference
and re-entry circle held keeps the consent rule; preparations are plausible; a few meetings are
planned on open cases over the next two weeks (one whose day passed unmarked), some were
cancelled with a reason; and the same seed gives the same rows."""

from collections import defaultdict
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from rp_desktop.domain.continuum.kinds import MeetingStatus, Willingness
from rp_desktop.domain.continuum.preparation import NEEDS_CONSENT, consent_gap
from rp_desktop.domain.vocabulary import MeetingKind
from rp_desktop.services.demo import DemoSummary, build_demo_school
from rp_desktop.services.home import home_summary
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.opening import open_database
from tests.conftest import FakeClock
from tests.services.demo.test_demo import SMALL, count, rows, table

SCHOOL = {"students": 300, "years": 2}
TODAY = date(2026, 3, 10)


@pytest.fixture(scope="module")
def school(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, DemoSummary]]:
    clock = FakeClock(datetime(2026, 3, 10, 15, 0, tzinfo=UTC))
    path = tmp_path_factory.mktemp("preparation") / "school.db"
    with open_database(path, unencrypted=True, clock=clock) as db:
        yield db, build_demo_school(db, **SCHOOL)


def test_every_meeting_held_keeps_the_consent_rule(school: tuple[Database, DemoSummary]) -> None:
    db, _ = school
    choices: dict[int, list[Willingness]] = defaultdict(list)
    for case_id, willingness in rows(
        db,
        """SELECT p.case_id, coalesce(r.willingness, 'not_asked') FROM case_participant p
           LEFT JOIN preparation r ON r.participant_id = p.id WHERE p.role = 'person_harmed'""",
    ):
        assert isinstance(case_id, int)
        choices[case_id].append(Willingness(str(willingness)))
    held = rows(db, "SELECT case_id, kind, proceed_reason FROM meeting WHERE status = 'held'")
    checked = 0
    for case_id, kind, reason in held:
        assert isinstance(case_id, int)
        meeting_kind = MeetingKind(str(kind))
        gap = consent_gap(meeting_kind, MeetingStatus.HELD, choices[case_id])
        assert gap is None or str(reason).strip(), (case_id, kind)
        checked += meeting_kind in NEEDS_CONSENT
    assert checked > 5  # the check went over real conferences and circles


def test_preparations_are_plausible(school: tuple[Database, DemoSummary]) -> None:
    db, summary = school
    assert summary.preparations == count(db, "SELECT count(*) FROM preparation") > 20
    found = rows(
        db,
        """SELECT r.explained, r.willingness, r.met_on, r.consent_on, c.occurred_on,
                  r.safety_concerns, r.supporters_chosen, r.supporters
           FROM preparation r JOIN case_participant p ON p.id = r.participant_id
           JOIN "case" c ON c.id = p.case_id""",
    )
    explained = sum(bool(row[0]) for row in found)
    willing = sum(row[1] == Willingness.WILLING for row in found)
    assert explained > 0.7 * len(found)
    assert willing > 0.7 * len(found)
    assert any(row[5] for row in found)  # a few safety concerns
    assert any(row[6] and row[7] for row in found)  # supporters chosen and named
    for _, choice, met_on, consent_on, occurred_on, *_rest in found:
        if consent_on is not None:
            assert str(occurred_on) <= str(consent_on) <= TODAY.isoformat()
            assert choice not in (Willingness.NOT_ASKED, Willingness.NOT_WILLING)
        if met_on is not None:
            assert str(met_on) <= TODAY.isoformat()
    # Before a meeting held, consent came on or before its day.
    late = """SELECT count(*) FROM preparation r JOIN case_participant p ON p.id = r.participant_id
        JOIN meeting m ON m.case_id = p.case_id
        WHERE m.status = 'held' AND m.kind IN ('repair_harm_circle', 'formal_conference',
              're_entry_circle') AND r.consent_on > m.held_on"""
    assert count(db, late) == 0


def test_a_few_meetings_are_planned_and_some_were_cancelled(
    school: tuple[Database, DemoSummary],
) -> None:
    db, summary = school
    planned = rows(
        db,
        """SELECT m.held_on, m.starts_at, c.status FROM meeting m JOIN "case" c ON c.id = m.case_id
           WHERE m.status = 'planned' ORDER BY m.held_on""",
    )
    assert summary.planned_meetings == len(planned) >= 2
    days = [date.fromisoformat(str(row[0])) for row in planned]
    assert sum(day < TODAY for day in days) == 1  # "Was this held?"
    assert all((day - TODAY).days <= 14 for day in days)
    assert all(day.weekday() < 5 for day in days)
    assert all(row[1] is not None and row[2] != "closed" for row in planned)
    cancelled = rows(
        db,
        """SELECT m.held_on, m.cancel_reason, c.closed_on FROM meeting m
           JOIN "case" c ON c.id = m.case_id WHERE m.status = 'cancelled'""",
    )
    assert cancelled
    for held_on, reason, closed_on in cancelled:
        assert str(reason).strip()
        assert str(held_on) < TODAY.isoformat()
        assert closed_on is None or str(held_on) <= str(closed_on)
    assert home_summary(db, TODAY).meetings  # Home shows them


def test_the_same_seed_gives_the_same_preparation(
    db: Database, tmp_path: Path, clock: FakeClock
) -> None:
    build_demo_school(db, **SMALL, seed=5)
    with open_database(tmp_path / "again.db", unencrypted=True, clock=clock) as again:
        build_demo_school(again, **SMALL, seed=5)
        for name in ("preparation", "meeting", "meeting_attendee"):
            assert table(db, name) == table(again, name), name
    assert table(db, "preparation")
