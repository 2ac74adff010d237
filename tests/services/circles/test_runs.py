"""Saving a circle run: the keeper of the run keeps the circle it records or facilitates the
meeting it records; a run for a case that is gone saves nothing and says which case."""

from datetime import UTC, datetime, timedelta

import pytest

from rp_desktop.domain.circle.types import RoundPlan, TurnRecord
from rp_desktop.domain.circle_runs import CircleRunFields, SeatedPerson
from rp_desktop.domain.vocabulary import CircleStage
from rp_desktop.services.casework import cases
from rp_desktop.services.casework.case_detail import get_case_detail
from rp_desktop.services.circles.records import get_circle
from rp_desktop.services.circles.runs import save_circle_run
from rp_desktop.services.safekeeping.opening import Database
from tests.services.casework.test_cases import case as case_fields
from tests.services.conftest import Roster, table_count

START = datetime(2026, 3, 10, 14, 0, tzinfo=UTC)


def run(roster: Roster, case_id: int | None = None) -> CircleRunFields:
    return CircleRunFields(
        seats=(
            SeatedPerson(0, "Keeper", is_keeper=True, staff_id=roster.counselor_id),
            SeatedPerson(1, "Ana", student_id=roster.ana.id),
        ),
        rounds=(RoundPlan(CircleStage.CHECK_IN, "One word for today"),),
        turns=(TurnRecord(0, 0, 0.0, 20.0, False), TurnRecord(0, 1, 20.0, 15.0, False)),
        started_at=START,
        ended_at=START + timedelta(minutes=20),
        running_seconds=1200,
        keeper_id=roster.counselor_id,
        case_id=case_id,
    )


def test_a_tier_1_run_records_its_keeper(db: Database, roster: Roster) -> None:
    saved = save_circle_run(db, run(roster))
    assert saved.community_circle_id is not None
    circle = get_circle(db, saved.community_circle_id)
    assert circle.fields.keeper_id == roster.counselor_id
    assert circle.keeper_name == "Rosa Delgado"


def test_a_run_for_a_case_records_its_keeper_as_the_meetings_facilitator(
    db: Database, roster: Roster
) -> None:
    case = cases.open_case(db, case_fields(roster))
    saved = save_circle_run(db, run(roster, case.id))
    [meeting] = get_case_detail(db, case.id).meetings
    assert meeting.id == saved.meeting_id
    assert meeting.fields.facilitator_id == roster.counselor_id


def test_a_run_for_a_case_that_is_gone_saves_nothing(db: Database, roster: Roster) -> None:
    with pytest.raises(cases.CaseNotFound, match="no case with id 4242"):
        save_circle_run(db, run(roster, 4242))
    assert table_count(db, "circle_run") == 0
    assert table_count(db, "meeting") == 0
