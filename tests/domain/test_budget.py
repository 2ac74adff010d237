"""A plan's time for a group, and a plan scaled to fit a period: counted by hand on small plans,
and held to its promises on random ones."""

from hypothesis import given, settings
from hypothesis import strategies as st

from rp_desktop.domain.circle.budget import (
    KEEPER_ROUND_ESTIMATE,
    PlanTime,
    fit_to_period,
    plan_seconds,
    speakers,
)
from rp_desktop.domain.circle.types import Timing
from rp_desktop.domain.library import PlannedRound
from rp_desktop.domain.vocabulary import CircleStage

EACH, SHARED, NONE = Timing.PER_SPEAKER, Timing.PER_ROUND, Timing.NONE
OPENING = PlannedRound(CircleStage.OPENING, "Breathe.", NONE)
CHECK_IN = PlannedRound(CircleStage.CHECK_IN, "A word?", EACH, 30)
TALK = PlannedRound(CircleStage.DISCUSSION, "What helps?", EACH, 60)
SHARED_TALK = PlannedRound(CircleStage.DISCUSSION, "Plan it.", SHARED, 600)
OPEN_TALK = PlannedRound(CircleStage.DISCUSSION, "Anything else?", NONE)
AGREEMENT = PlannedRound(CircleStage.AGREEMENT, "What will we do?", NONE, to_roles=("keeper",))
CLOSING = PlannedRound(CircleStage.CLOSING, "Thank you.", NONE)
TO_HARM = PlannedRound(
    CircleStage.REPAIR_HARM, "What happened?", EACH, 120, to_roles=("person_who_caused_harm",)
)
TO_AFFECTED = PlannedRound(
    CircleStage.REPAIR_HARM,
    "How were you affected?",
    EACH,
    90,
    to_roles=("person_harmed", "supporter"),
)


def test_a_plan_counts_each_speaker_and_a_minute_for_the_keepers_rounds() -> None:
    rounds = [OPENING, CHECK_IN, TALK, SHARED_TALK, CLOSING]
    assert plan_seconds(rounds, 24) == PlanTime(30 * 24 + 60 * 24 + 600 + 2 * 60, estimated=2)
    assert plan_seconds([], 24) == PlanTime(0)
    assert plan_seconds([CHECK_IN], 0) == PlanTime(0)


def test_untimed_rounds_others_speak_in_are_counted_apart_not_guessed() -> None:
    time = plan_seconds([OPEN_TALK, AGREEMENT, CHECK_IN, OPEN_TALK], 10)
    assert time == PlanTime(300 + KEEPER_ROUND_ESTIMATE, estimated=1, untimed=2)
    # An opening directed to the person harmed is theirs, not the keeper's.
    theirs = PlannedRound(CircleStage.OPENING, "Say it.", NONE, to_roles=("person_harmed",))
    assert plan_seconds([theirs], 10) == PlanTime(0, untimed=1)


def test_a_directed_round_counts_the_seats_in_its_roles() -> None:
    rounds = [TO_HARM, TO_AFFECTED]
    # Without the seats, one person per role named.
    assert plan_seconds(rounds, 30).seconds == 120 + 2 * 90
    seated = {"person_who_caused_harm": 1, "person_harmed": 2, "supporter": 3, "keeper": 1}
    assert plan_seconds(rounds, 30, seated).seconds == 120 + 5 * 90
    assert plan_seconds(rounds, 30, {"supporter": 1}).seconds == 90


def test_a_long_plan_is_scaled_down_by_one_factor_to_fit() -> None:
    rounds = (OPENING, CHECK_IN, TALK, TALK, CLOSING)  # 150 s each for 25: 62.5 min + 2
    fitted = fit_to_period(rounds, 25, 45 * 60)
    assert [r.seconds for r in fitted] == [None, 20, 40, 40, None]
    assert plan_seconds(fitted, 25).seconds <= 45 * 60
    assert [(r.stage, r.prompt_text, r.timing) for r in fitted] == [
        (r.stage, r.prompt_text, r.timing) for r in rounds
    ]


def test_spare_time_scales_the_rounds_up() -> None:
    fitted = fit_to_period((CHECK_IN, SHARED_TALK), 10, 1800)
    assert [r.seconds for r in fitted] == [60, 1200]  # 600 + 1200 = 1800


def test_a_round_at_the_floor_stays_at_five_seconds_and_the_others_make_up_for_it() -> None:
    short = PlannedRound(CircleStage.CHECK_OUT, "One word.", EACH, 5)
    fitted = fit_to_period((short, TALK), 20, 20 * 5 + 20 * 30)
    assert [r.seconds for r in fitted] == [5, 30]
    # Nothing can fit: every round at 5 seconds, the least there is.
    assert [r.seconds for r in fit_to_period((short, TALK, SHARED_TALK), 20, 60)] == [5, 5, 5]


def test_untimed_rounds_alone_are_left_as_they_are() -> None:
    rounds = (OPENING, OPEN_TALK, AGREEMENT, CLOSING)
    assert fit_to_period(rounds, 25, 600) == rounds


def rounds_strategy() -> st.SearchStrategy[tuple[PlannedRound, ...]]:
    timed = st.builds(
        PlannedRound,
        stage=st.sampled_from(list(CircleStage)),
        prompt_text=st.just("?"),
        timing=st.sampled_from([EACH, SHARED]),
        seconds=st.integers(5, 600),
        to_roles=st.sampled_from([(), ("person_harmed",), ("keeper",), ("staff", "supporter")]),
    )
    untimed = st.sampled_from([OPENING, OPEN_TALK, AGREEMENT, CLOSING])
    return st.lists(st.one_of(timed, untimed), max_size=12).map(tuple)


@settings(max_examples=200, deadline=None)
@given(
    rounds=rounds_strategy(),
    people=st.integers(0, 40),
    minutes=st.integers(1, 120),
    roles=st.one_of(
        st.none(), st.dictionaries(st.sampled_from(["person_harmed", "staff"]), st.integers(0, 4))
    ),
)
def test_a_fitted_plan_fits_keeps_its_shape_and_steps_by_five(
    rounds: tuple[PlannedRound, ...], people: int, minutes: int, roles: dict[str, int] | None
) -> None:
    fitted = fit_to_period(rounds, people, minutes * 60, roles)
    assert len(fitted) == len(rounds)
    for before, after in zip(rounds, fitted, strict=True):
        assert (before.stage, before.timing, before.to_roles) == (
            after.stage,
            after.timing,
            after.to_roles,
        )
        if before.timing is NONE:
            assert after == before
        else:
            assert after.seconds is not None
            assert after.seconds >= 5
            assert after.seconds % 5 == 0
    # It fits, unless every round that takes time is already at the 5 s floor (or the keeper's
    # untimed rounds alone, counted a minute each, take longer than the period).
    counted = [r for r in fitted if r.timing is not NONE and speakers(r, people, roles)]
    fits = plan_seconds(fitted, people, roles).seconds <= minutes * 60
    assert fits or all(r.seconds == 5 for r in counted)
