"""Where a problem with what was said is shown: a summary's problem under the same field as the
answers ("What each said"), since the summaries live on the same pages."""

from dataclasses import replace

from rp_desktop.domain.validation import FieldProblem


def answers_problem(problem: FieldProblem) -> FieldProblem:
    """`problem`, said under the answers when it is about a summary."""
    if problem.field == "summaries":
        return replace(problem, field="answers", index=None)
    return problem
