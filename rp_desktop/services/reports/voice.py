"""Equity of voice from recorded circle runs: one query sums each participant seat's turns (the
keeper's seat left out), and domain.reports.voice turns the seats into figures.

A run's day is the local day it started (as the circle record it made is dated). Voice is broken
down per month of circles and per group: the group each run was kept for (its class or
advisory), never a student's own attribute (a demographic field, grade or homeroom:
domain.reports.voice.VOICE_BREAKDOWNS); a grouping of another kind is refused here."""

from collections import defaultdict
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from rp_desktop.db.models import CircleRunRow, RunSeatRow, TurnRow
from rp_desktop.domain.reports.keys import measure_key
from rp_desktop.domain.reports.model import Period
from rp_desktop.domain.reports.months import bucket
from rp_desktop.domain.reports.voice import (
    SeatTally,
    group_voice,
    pass_rate,
    refuse_voice_breakdown,
    talk_ratios,
    voice_figures,
)
from rp_desktop.services.reports.counts import Cells
from rp_desktop.services.reports.grouping import Grouping

GINI, PASS_RATE, TALK_RATIO = (measure_key(m) for m in ("gini", "pass_rate", "talk_ratio"))

DatedTally = tuple[date, SeatTally]


def seat_tallies(session: Session, period: Period) -> list[DatedTally]:
    """Every participant seat with at least one turn, in runs started in the period.

    The period's runs come first, by the index on when they started (a few hundred in a school
    year), and each run's day is worked out once; then their seats' turns are summed by seat."""
    start = datetime.combine(period.first, time()).astimezone().astimezone(UTC)
    end = datetime.combine(period.last + timedelta(days=1), time()).astimezone().astimezone(UTC)
    in_period = CircleRunRow.started_at >= start, CircleRunRow.started_at < end
    days = {
        run_id: started.astimezone().date()
        for run_id, started in session.execute(
            select(CircleRunRow.id, CircleRunRow.started_at).where(*in_period)
        )
    }
    runs = select(CircleRunRow.id).where(*in_period).scalar_subquery()
    # Core rows (not ORM-loaded ones): some 10,000 seats a school year.
    rows = session.connection().execute(
        select(
            RunSeatRow.run_id,
            RunSeatRow.id,
            RunSeatRow.student_id,
            func.sum(case((TurnRow.passed, 0), else_=TurnRow.duration_ms)),
            func.count(TurnRow.id),
            func.sum(case((TurnRow.passed, 1), else_=0)),
        )
        .join(TurnRow, TurnRow.seat_id == RunSeatRow.id)
        .where(~RunSeatRow.is_keeper, RunSeatRow.run_id.in_(runs))
        .group_by(RunSeatRow.id)
        .order_by(RunSeatRow.run_id, RunSeatRow.position)
    )
    tallies = []
    for run_id, seat_id, student_id, talk, turns, passes in rows:
        day = days[run_id]
        if period.first <= day <= period.last:
            tallies.append((day, SeatTally(run_id, seat_id, student_id, talk, turns, passes)))
    return tallies


def voice_cells(session: Session, period: Period, grouping: Grouping | None) -> tuple[Cells, int]:
    """The figures per month (median Gini, pass rate) or per group (the pass rate in its
    circles, its students' talk against an even share), and how many runs there were."""
    dated = seat_tallies(session, period)
    runs = len({tally.run_id for _, tally in dated})
    cells: Cells = {}
    if grouping is None:
        for month, tallies in bucket(dated, period).items():
            figures = voice_figures(tallies)
            cells[month, GINI], cells[month, PASS_RATE] = figures.gini, figures.pass_rate
        return cells, runs
    ratios = talk_ratios(tally for _, tally in dated)
    for category, seats in seats_by_category(session, grouping, dated).items():
        students = [seat for seat in seats if seat.student_id is not None]
        cells[category, PASS_RATE] = pass_rate(seats)
        cells[category, TALK_RATIO] = group_voice(students, ratios)[1]
    return cells, runs


def seats_by_category(
    session: Session, grouping: Grouping, dated: list[DatedTally]
) -> dict[str, list[SeatTally]]:
    """The participant seats of the runs of each group: the group a run was kept for, whoever
    sat in it (a student of another class, staff, a guest). A run kept for no group (a circle
    for a case) is in none. Raises ValueError for a grouping voice is never broken down by (a
    demographic field, grade, homeroom)."""
    refuse_voice_breakdown(grouping.kind)
    run_ids = {tally.run_id for _, tally in dated}
    found = select(CircleRunRow.id, CircleRunRow.group_id).where(CircleRunRow.id.in_(run_ids))
    groups: dict[int, int | None] = dict(session.execute(found).all())
    seats: dict[str, list[SeatTally]] = defaultdict(list)
    for _, tally in dated:
        group_id = groups.get(tally.run_id)
        if group_id is not None:
            seats[grouping.key(group_id)].append(tally)
    return seats
