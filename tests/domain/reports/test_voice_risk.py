"""Equity of voice over circle runs, and disproportionality risk ratios, against hand-worked
figures."""

import pytest

from rp_desktop.domain.reports.risk import Headcount, group_risk, risk_ratio
from rp_desktop.domain.reports.voice import (
    SeatTally,
    group_voice,
    pass_rate,
    talk_ratios,
    voice_figures,
)


def seat(run: int, seat_id: int, talk_s: int, turns: int = 2, passes: int = 0) -> SeatTally:
    return SeatTally(
        run, seat_id, student_id=seat_id, talk_ms=talk_s * 1000, turns=turns, passes=passes
    )


# Run 1: talk 90 / 60 / 30 s, one pass in six turns. Gini 2/9 (see test_reports_arithmetic).
RUN_1 = [seat(1, 11, 90), seat(1, 12, 60), seat(1, 13, 30, passes=1)]
# Run 2: talk 40 / 40 / 60 / 60 s, two passes in eight turns. Gini: pairs 40-60 differ by 20,
# four such pairs, counted both ways 160, over 2 * 4^2 * 50 = 1600: 0.1.
RUN_2 = [
    seat(2, 21, 40, passes=1),
    seat(2, 22, 40, passes=1),
    seat(2, 23, 60),
    seat(2, 24, 60),
]
# Run 3: nobody but the keeper spoke; the participants' seats had no turns.
RUN_3 = [seat(3, 31, 0, turns=0), seat(3, 32, 0, turns=0)]


def test_one_run_gives_its_own_gini_and_pass_rate() -> None:
    figures = voice_figures(RUN_1)
    assert figures.gini == pytest.approx(2 / 9)
    assert figures.pass_rate == pytest.approx(1 / 6)
    assert figures.runs == 1


def test_two_runs_give_the_median_gini_and_the_pooled_pass_rate() -> None:
    figures = voice_figures(RUN_1 + RUN_2)
    assert figures.gini == pytest.approx((2 / 9 + 0.1) / 2)
    assert figures.pass_rate == pytest.approx(3 / 14)  # (1 + 2) passes / (6 + 8) turns


def test_runs_without_participant_turns_are_left_out() -> None:
    figures = voice_figures(RUN_1 + RUN_3)
    assert figures.runs == 1
    assert figures.gini == pytest.approx(2 / 9)


def test_no_runs_no_figures() -> None:
    figures = voice_figures(RUN_3)
    assert (figures.gini, figures.pass_rate, figures.runs) == (None, None, 0)
    assert pass_rate([]) is None


def test_talk_ratio_is_the_share_against_an_even_share() -> None:
    ratios = talk_ratios(RUN_1 + RUN_2 + RUN_3)
    # Run 1: 90 of 180 s among three seats: 0.5 * 3.
    assert ratios[11] == pytest.approx(1.5)
    assert ratios[13] == pytest.approx(0.5)
    # Run 2: 60 of 200 s among four: 0.3 * 4.
    assert ratios[23] == pytest.approx(1.2)
    assert 31 not in ratios


def test_a_run_where_everyone_passed_has_no_talk_ratios() -> None:
    silent = [seat(4, 41, 0, turns=1, passes=1), seat(4, 42, 0, turns=1, passes=1)]
    assert talk_ratios(silent) == {}
    assert voice_figures(silent).pass_rate == 1.0


def test_group_voice_over_its_seats() -> None:
    ratios = talk_ratios(RUN_1 + RUN_2)
    group = [RUN_1[0], RUN_2[0]]  # 1.5 and 40/200 * 4 = 0.8; passes 0 + 1 of 4 turns
    rate, talk = group_voice(group, ratios)
    assert rate == pytest.approx(0.25)
    assert talk == pytest.approx(1.15)
    assert group_voice([], ratios) == (None, None)


# A school of 100 students, 20 of them in a case.
def test_risk_ratio_of_a_group_against_everyone_else() -> None:
    row = group_risk(Headcount("grade:7", enrolled=40, with_case=12), 100, 20, minimum_group=10)
    # Group: 12/40 = 0.3. Everyone else: 8/60. Ratio 0.3 / (8/60) = 2.25.
    assert row.risk == pytest.approx(0.3)
    assert row.risk_ratio == pytest.approx(2.25)
    assert row.enrollment_share == pytest.approx(0.4)
    assert row.case_share == pytest.approx(0.6)
    assert row.shown


def test_a_group_under_the_minimum_is_not_shown_and_has_no_ratio() -> None:
    row = group_risk(Headcount("grade:12", enrolled=9, with_case=5), 100, 20, minimum_group=10)
    assert not row.shown
    assert row.risk_ratio is None


def test_everyone_else_under_the_minimum_gives_no_ratio() -> None:
    # 95 of 100 students in the group leaves 5 others: too few to compare with.
    row = group_risk(Headcount("unknown", enrolled=95, with_case=19), 100, 20, minimum_group=10)
    assert row.shown
    assert row.risk == pytest.approx(0.2)
    assert row.risk_ratio is None


def test_no_ratio_when_nobody_else_is_in_a_case() -> None:
    row = group_risk(Headcount("grade:8", enrolled=30, with_case=20), 100, 20, minimum_group=10)
    assert row.risk == pytest.approx(2 / 3)
    assert row.risk_ratio is None
    assert risk_ratio(0.5, 0.0) is None
    assert risk_ratio(None, 0.5) is None


def test_no_cases_at_all_gives_zero_risk_and_no_case_share() -> None:
    row = group_risk(Headcount("grade:6", enrolled=50, with_case=0), 100, 0, minimum_group=10)
    assert row.risk == 0
    assert row.case_share is None
    assert row.risk_ratio is None


def test_an_empty_group_has_no_risk() -> None:
    row = group_risk(Headcount("grade:5", enrolled=0, with_case=0), 100, 20, minimum_group=1)
    assert row.risk is None
    assert not row.shown
