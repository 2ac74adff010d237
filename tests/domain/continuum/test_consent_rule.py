"""The consent rule, branch by branch: which meetings it holds back, when, and what a reason to
go ahead must answer (domain/continuum/preparation.py)."""

from datetime import date

import pytest

from rp_desktop.domain.continuum.kinds import MeetingStatus, Willingness
from rp_desktop.domain.continuum.preparation import (
    NEEDS_CONSENT,
    ConsentGap,
    PreparationFields,
    consent_gap,
    validate_preparation,
)
from rp_desktop.domain.validation import FieldProblem, Problem
from rp_desktop.domain.vocabulary import MeetingKind

HELD = MeetingStatus.HELD
W = Willingness
CASE_ON = date(2026, 3, 2)
TODAY = date(2026, 3, 10)


@pytest.mark.parametrize("kind", sorted(NEEDS_CONSENT))
@pytest.mark.parametrize(
    ("choices", "gap"),
    [
        ((), None),  # no person harmed on the case: nobody's choice to wait for
        ((W.WILLING,), None),
        ((W.WILLING, W.WILLING), None),
        ((W.NOT_ASKED,), ConsentGap.NOT_RECORDED),
        ((W.WILLING, W.NOT_ASKED), ConsentGap.NOT_RECORDED),
        ((W.NOT_ASKED, W.INDIRECT_LETTER), ConsentGap.NOT_RECORDED),  # unknown comes first
        ((W.INDIRECT_LETTER,), ConsentGap.NOT_MEETING),
        ((W.INDIRECT_GO_BETWEEN,), ConsentGap.NOT_MEETING),
        ((W.NOT_WILLING,), ConsentGap.NOT_MEETING),
        ((W.WILLING, W.NOT_WILLING), ConsentGap.NOT_MEETING),
    ],
)
def test_a_meeting_that_brings_the_sides_together_waits_for_the_person_harmed(
    kind: MeetingKind, choices: tuple[Willingness, ...], gap: ConsentGap | None
) -> None:
    assert consent_gap(kind, HELD, choices) is gap


@pytest.mark.parametrize("status", [MeetingStatus.PLANNED, MeetingStatus.CANCELLED])
def test_a_meeting_not_held_is_never_held_back(status: MeetingStatus) -> None:
    assert consent_gap(MeetingKind.FORMAL_CONFERENCE, status, [W.NOT_ASKED]) is None


@pytest.mark.parametrize("kind", sorted(set(MeetingKind) - NEEDS_CONSENT))
def test_other_meetings_are_never_held_back(kind: MeetingKind) -> None:
    assert consent_gap(kind, HELD, [W.NOT_ASKED, W.NOT_WILLING]) is None


def test_the_three_kinds_that_need_consent() -> None:
    expected = {
        MeetingKind.REPAIR_HARM_CIRCLE,
        MeetingKind.FORMAL_CONFERENCE,
        MeetingKind.RE_ENTRY_CIRCLE,
    }
    assert expected == NEEDS_CONSENT


def test_a_full_preparation_is_accepted() -> None:
    fields = PreparationFields(
        met_on=date(2026, 3, 3),
        explained=True,
        willingness=W.INDIRECT_LETTER,
        safety_concerns="Keep them apart at lunch",
        supporters_chosen=True,
        supporters="An aunt",
        consent_on=date(2026, 3, 4),
        note="Wants to write first",
    )
    assert validate_preparation(fields, CASE_ON, TODAY) == []
    assert validate_preparation(PreparationFields(), CASE_ON, TODAY) == []


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        (PreparationFields(met_on=date(2026, 3, 11)), FieldProblem("met_on", Problem.IN_FUTURE)),
        (PreparationFields(met_on=date(2026, 3, 1)), FieldProblem("met_on", Problem.BEFORE_CASE)),
        (
            PreparationFields(willingness=W.WILLING, consent_on=date(2026, 3, 11)),
            FieldProblem("consent_on", Problem.IN_FUTURE),
        ),
        (
            PreparationFields(consent_on=date(2026, 3, 4)),
            FieldProblem("willingness", Problem.REQUIRED),
        ),
        (
            PreparationFields(willingness=W.NOT_WILLING, consent_on=date(2026, 3, 4)),
            FieldProblem("willingness", Problem.REQUIRED),
        ),
    ],
)
def test_preparation_rules(fields: PreparationFields, problem: FieldProblem) -> None:
    assert validate_preparation(fields, CASE_ON, TODAY) == [problem]
