"""Voice by group is by the group a circle was kept for, from runs saved as a keeper saves them:
whoever sat (staff beside the keeper, students of another class) counts in that circle's
figures, the group's students' talk is set against an even share of it, and a circle kept for
no group is in no group's figures."""

from datetime import UTC, date, datetime, timedelta

import pytest

from rp_desktop.domain.circle.types import RoundPlan, Timing, TurnRecord
from rp_desktop.domain.circle_runs import CircleRunFields, SeatedPerson
from rp_desktop.domain.reports.model import (
    Breakdown,
    BreakdownKind,
    Period,
    ReportKind,
    ReportRequest,
)
from rp_desktop.domain.vocabulary import CircleStage
from rp_desktop.services.circles.runs import save_circle_run
from rp_desktop.services.reports.reporting import report
from rp_desktop.services.safekeeping.database import Database
from tests.services.conftest import Roster

MARCH = Period(date(2026, 3, 1), date(2026, 3, 31))
START = datetime(2026, 3, 9, 14, 0, tzinfo=UTC)


def run(
    db: Database, roster: Roster, group_id: int | None, talk: tuple[float, float, float]
) -> None:
    """Rosa keeps (100 s, never counted); Tom, Ana and Liam speak once each for `talk`."""
    seats = (
        SeatedPerson(0, "Ms D", True, staff_id=roster.counselor_id),
        SeatedPerson(1, "Mr B", staff_id=roster.teacher_id),
        SeatedPerson(2, "Ana", student_id=roster.ana.id),
        SeatedPerson(3, "Liam", student_id=roster.liam.id),
    )
    turns = [TurnRecord(0, 0, 0.0, 100.0, False)]
    speakers = zip((1, 2, 3), talk, strict=True)
    turns += [TurnRecord(0, key, 100.0, seconds, False) for key, seconds in speakers]
    save_circle_run(
        db,
        CircleRunFields(
            seats=seats,
            rounds=(RoundPlan(CircleStage.CHECK_IN, "One word", Timing.PER_SPEAKER, 60.0),),
            turns=tuple(turns),
            started_at=START,
            ended_at=START + timedelta(minutes=10),
            running_seconds=600,
            group_id=group_id,
            keeper_id=roster.counselor_id,
        ),
    )


def test_voice_by_the_circles_own_group(db: Database, roster: Roster) -> None:
    run(db, roster, roster.advisory_id, (60.0, 20.0, 20.0))
    run(db, roster, None, (10.0, 10.0, 80.0))  # kept for no group: in none
    table = report(
        db, ReportRequest(ReportKind.EQUITY_OF_VOICE, MARCH, Breakdown(BreakdownKind.GROUP))
    )
    advisory = f"group:{roster.advisory_id}"
    assert advisory in table.categories
    figures = {s.key: s.values[table.categories.index(advisory)] for s in table.series}
    # Tom 60 s, Ana 20 s, Liam 20 s: nobody passed; each student had 20 of 100 s among 3
    # speakers: 0.6 of an even share (Tom, staff, spoke for 1.8).
    assert set(figures) == {"measure:pass_rate", "measure:talk_ratio"}
    assert figures["measure:pass_rate"] == 0.0
    assert figures["measure:talk_ratio"] == pytest.approx(0.6)
    others = [c for c in table.categories if c != advisory]
    for series in table.series:
        assert all(series.values[table.categories.index(c)] is None for c in others)
