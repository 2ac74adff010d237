"""Every validation problem has its own words; a field with its own words keeps them."""

import pytest

from rp_desktop.domain.validation import FieldProblem, Problem
from rp_desktop.ui.words.problems import problem_text

ANY = "Check this field."


@pytest.mark.parametrize("problem", list(Problem))
def test_every_problem_says_what_to_fix(problem: Problem) -> None:
    words = problem_text(FieldProblem("some_field", problem, limit=3))
    assert words
    assert words != ANY


def test_a_field_with_its_own_words_uses_them_and_others_the_general_ones() -> None:
    assert problem_text(FieldProblem("grade", Problem.REQUIRED)) == "Choose a grade."
    assert problem_text(FieldProblem("name", Problem.REQUIRED)) == "This needs to be filled in."
    assert problem_text(FieldProblem("held_on", Problem.IN_FUTURE)) == (
        "This date is in the future. Choose an earlier day, or set the status to Planned."
    )
    assert problem_text(FieldProblem("born_on", Problem.IN_FUTURE)) == (
        "This date is in the future. Choose today or an earlier day."
    )


def test_a_limit_is_written_into_the_words() -> None:
    assert problem_text(FieldProblem("notes", Problem.TOO_LONG, limit=500)) == (
        "This is too long: keep it under 500 characters."
    )
    assert problem_text(FieldProblem("rounds", Problem.TOO_MANY_ROUNDS, limit=40)) == (
        "A plan can hold at most 40 rounds."
    )
