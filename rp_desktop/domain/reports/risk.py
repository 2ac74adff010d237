"""Disproportionality: whether the students of one group land in Tier 2 and Tier 3 cases more
often than everyone else, as a risk ratio.

A group's risk is the share of its students in at least one case; the ratio compares it with the
same share among all the other students. With a handful of students one case swings the ratio
wildly, so a minimum size applies to the group and to everyone else alike: below it the ratio is
not computed at all (and the group is not shown), rather than shown and misread.
"""

from dataclasses import dataclass

from rp_desktop.domain.reports.measures import share
from rp_desktop.domain.reports.model import GroupRisk


@dataclass(frozen=True, slots=True)
class Headcount:
    """A group's enrolled students, and those among them in at least one case."""

    key: str
    enrolled: int
    with_case: int


def risk_ratio(risk: float | None, other_risk: float | None) -> float | None:
    """risk / other_risk; None when either is unknown or the others' risk is 0."""
    if risk is None or not other_risk:
        return None
    return risk / other_risk


def group_risk(group: Headcount, enrolled: int, with_case: int, minimum_group: int) -> GroupRisk:
    """The risk row of `group`, against the whole enrollment (`enrolled` students, `with_case`
    of them in a case). Everyone else is the whole less the group: a student in two groups is
    "everyone else" for neither of them."""
    others_enrolled = enrolled - group.enrolled
    others_with_case = with_case - group.with_case
    risk = share(group.with_case, group.enrolled)
    big_enough = group.enrolled >= minimum_group and others_enrolled >= minimum_group
    return GroupRisk(
        key=group.key,
        enrolled=group.enrolled,
        with_case=group.with_case,
        enrollment_share=share(group.enrolled, enrolled),
        case_share=share(group.with_case, with_case),
        risk=risk,
        risk_ratio=(
            risk_ratio(risk, share(others_with_case, others_enrolled)) if big_enough else None
        ),
        shown=group.enrolled >= minimum_group,
    )
