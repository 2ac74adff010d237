"""The rules for tier moves, support and re-entry plans and the case itself, through the
services, and audit events that carry no typed text (the same checks as test_casework_rules.py)."""

from dataclasses import replace
from datetime import date, timedelta

import pytest

from rp_desktop.domain.casework.records import (
    AgreementFields,
    FollowUpFields,
    ProgressEntryFields,
    ReEntryPlanFields,
    RestorativeQuestion,
    TierChangeFields,
)
from rp_desktop.domain.validation import FieldProblem, Problem
from rp_desktop.domain.vocabulary import ClosureReason, Tier, Tier3Kind
from rp_desktop.services.casework.case_detail import (
    add_follow_up,
    add_progress_entry,
    change_tier,
    close_case,
    get_case_detail,
    record_meeting,
    save_agreement,
    save_re_entry_plan,
    save_support_plan,
    set_private_note,
    set_suspension_days_avoided,
    update_meeting,
)
from rp_desktop.services.safekeeping.database import Database
from tests.services.casework.rules_setup import (
    BEFORE_CASE,
    SECRET,
    TOMORROW,
    Scene,
    answer,
    item,
    meeting,
    refused,
    set_the_scene,
    support_plan,
)
from tests.services.casework.setup import TODAY, people_of
from tests.services.conftest import Roster, audit_rows

Q = RestorativeQuestion


@pytest.fixture
def scene(db: Database, roster: Roster) -> Scene:
    return set_the_scene(db, roster)


# Tier changes


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        (
            TierChangeFields(TODAY, Tier.TARGETED, f"{SECRET} again"),
            FieldProblem("to_tier", Problem.SAME_TIER),
        ),
        (
            TierChangeFields(TODAY, Tier.UNIVERSAL, f"{SECRET} again"),
            FieldProblem("to_tier", Problem.OUT_OF_RANGE),
        ),
        (
            TierChangeFields(TODAY, Tier.INTENSIVE, f"{SECRET} again"),
            FieldProblem("tier3_kind", Problem.REQUIRED),
        ),
        (
            TierChangeFields(TODAY, Tier.INTENSIVE, "  ", Tier3Kind.RE_ENTRY),
            FieldProblem("reason", Problem.REQUIRED),
        ),
        (
            TierChangeFields(BEFORE_CASE, Tier.INTENSIVE, SECRET, Tier3Kind.RE_ENTRY),
            FieldProblem("changed_on", Problem.BEFORE_CASE),
        ),
        (
            TierChangeFields(TOMORROW, Tier.INTENSIVE, SECRET, Tier3Kind.RE_ENTRY),
            FieldProblem("changed_on", Problem.IN_FUTURE),
        ),
    ],
)
def test_tier_change_rules(
    db: Database, scene: Scene, fields: TierChangeFields, problem: FieldProblem
) -> None:
    assert refused(db, lambda: change_tier(db, scene.case.id, fields)) == (problem,)
    assert get_case_detail(db, scene.case.id).case.fields.tier is Tier.TARGETED


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"goal": ""}, FieldProblem("goal", Problem.REQUIRED)),
        ({"student_id": None}, FieldProblem("student_id", Problem.REQUIRED)),
        ({"student_id": 9999}, FieldProblem("student_id", Problem.UNKNOWN)),
        ({"start_on": None}, FieldProblem("start_on", Problem.REQUIRED)),
        ({"review_on": date(2026, 3, 2)}, FieldProblem("review_on", Problem.BEFORE_START)),
        ({"owner_staff_id": 9999}, FieldProblem("owner_staff_id", Problem.UNKNOWN)),
    ],
)
def test_support_plan_rules(
    db: Database, scene: Scene, changes: dict[str, object], problem: FieldProblem
) -> None:
    assert refused(db, lambda: save_support_plan(db, support_plan(scene, **changes))) == (problem,)


def test_a_support_plan_on_a_case_is_for_one_of_its_students(db: Database, scene: Scene) -> None:
    fields = support_plan(scene, student_id=scene.roster.zoe.id)
    found = refused(db, lambda: save_support_plan(db, fields, case_id=scene.case.id))
    assert found == (FieldProblem("student_id", Problem.NOT_IN_CASE),)


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        (ProgressEntryFields(TODAY, 0, SECRET), FieldProblem("rating", Problem.OUT_OF_RANGE, 5)),
        (ProgressEntryFields(TODAY, 6, SECRET), FieldProblem("rating", Problem.OUT_OF_RANGE, 5)),
        (ProgressEntryFields(None, 3, SECRET), FieldProblem("on", Problem.REQUIRED)),
        (ProgressEntryFields(TOMORROW, 3, SECRET), FieldProblem("on", Problem.IN_FUTURE)),
        (
            ProgressEntryFields(date(2026, 3, 2), 3, SECRET),
            FieldProblem("on", Problem.BEFORE_START),
        ),
    ],
)
def test_progress_rules(
    db: Database, scene: Scene, fields: ProgressEntryFields, problem: FieldProblem
) -> None:
    assert refused(db, lambda: add_progress_entry(db, scene.plan_id, fields)) == (problem,)


@pytest.mark.parametrize("rating", [1, 5])
def test_ratings_one_and_five_are_fine(db: Database, scene: Scene, rating: int) -> None:
    saved = add_progress_entry(db, scene.plan_id, ProgressEntryFields(TODAY, rating))
    assert saved.latest_rating == rating


def test_a_return_is_not_before_the_case(db: Database, scene: Scene) -> None:
    fields = ReEntryPlanFields(SECRET, SECRET, SECRET, BEFORE_CASE)
    found = refused(db, lambda: save_re_entry_plan(db, scene.case.id, fields))
    assert found == (FieldProblem("returned_on", Problem.BEFORE_CASE),)
    # The day records a return that happened: next week is refused, today is fine.
    later = ReEntryPlanFields(returned_on=TODAY + timedelta(days=7))
    found = refused(db, lambda: save_re_entry_plan(db, scene.case.id, later))
    assert found == (FieldProblem("returned_on", Problem.IN_FUTURE),)
    back = ReEntryPlanFields(returned_on=TODAY)
    assert save_re_entry_plan(db, scene.case.id, back) == back


# On the case itself


@pytest.mark.parametrize("days", [-1, 181])
def test_suspension_days_avoided_are_0_to_180(db: Database, scene: Scene, days: int) -> None:
    found = refused(db, lambda: set_suspension_days_avoided(db, scene.case.id, days))
    assert found == (FieldProblem("suspension_days_avoided", Problem.OUT_OF_RANGE, 180),)


@pytest.mark.parametrize("days", [0, 180, None])
def test_suspension_days_at_the_limits(db: Database, scene: Scene, days: int | None) -> None:
    detail = set_suspension_days_avoided(db, scene.case.id, days)
    assert detail.suspension_days_avoided == days


@pytest.mark.parametrize(
    ("closed_on", "problem"),
    [
        (None, FieldProblem("closed_on", Problem.REQUIRED)),
        (BEFORE_CASE, FieldProblem("closed_on", Problem.BEFORE_CASE)),
        (TOMORROW, FieldProblem("closed_on", Problem.IN_FUTURE)),
    ],
)
def test_closing_rules(
    db: Database, scene: Scene, closed_on: date | None, problem: FieldProblem
) -> None:
    found = refused(
        db, lambda: close_case(db, scene.case.id, ClosureReason.AGREEMENT_KEPT, closed_on)
    )
    assert found == (problem,)


def test_the_private_note_never_reaches_the_audit_trail(db: Database, scene: Scene) -> None:
    note = f"{SECRET} told me about home; follow up gently."
    assert set_private_note(db, scene.case.id, note).private_note == note
    event = audit_rows(db)[-1]
    assert (event.entity, event.entity_id, event.detail) == (
        "case",
        scene.case.id,
        "field=private_note",
    )
    everything = repr([vars(e) for e in audit_rows(db)])
    assert "Zebulon" not in everything
    assert "Quarrington" not in everything


def test_audit_events_carry_no_text_typed_anywhere(db: Database, scene: Scene) -> None:
    people = people_of(scene.case)
    answers = (answer(people.caused.id, Q.WHAT_HAPPENED),)
    summaries = ((people.caused.id, SECRET),)
    came = frozenset({people.caused.id})
    kept = meeting(
        scene, answers=answers, keep_answers=True, summaries=summaries, attendee_ids=came
    )
    saved = record_meeting(db, scene.case.id, kept)
    update_meeting(db, saved.id, replace(kept, answers=(), keep_answers=False))
    save_agreement(db, scene.case.id, AgreementFields(TODAY, saved.id, SECRET, (item(scene),)))
    add_follow_up(db, scene.case.id, FollowUpFields(TODAY, note=SECRET))
    change_tier(
        db, scene.case.id, TierChangeFields(TODAY, Tier.INTENSIVE, SECRET, Tier3Kind.RE_ENTRY)
    )
    save_support_plan(db, support_plan(scene), case_id=scene.case.id)
    add_progress_entry(db, scene.plan_id, ProgressEntryFields(TODAY, 3, SECRET))
    save_re_entry_plan(db, scene.case.id, ReEntryPlanFields(SECRET, SECRET, SECRET))
    everything = repr([vars(e) for e in audit_rows(db)])
    for word in ("Zebulon", "Quarrington", "Ana", "Liam", "Brackwater"):
        assert word not in everything
