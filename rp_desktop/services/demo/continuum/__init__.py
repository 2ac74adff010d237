"""The continuum's records in the sample school, written after its people, circles and cases:
everyday practice logs, referrals, caregivers and their contacts, preparation before meetings,
planned meetings, and the outcomes of cases. Each part reads what the school already holds and
adds to it from a random stream of its own, so the rest of the school comes out as before."""

from collections.abc import Callable

from rp_desktop.services.demo.continuum.caregivers import add_caregivers
from rp_desktop.services.demo.continuum.outcomes import add_outcomes
from rp_desktop.services.demo.continuum.practice import add_practice
from rp_desktop.services.demo.continuum.preparation import add_preparation
from rp_desktop.services.demo.continuum.referrals import add_referrals
from rp_desktop.services.demo.continuum.school import ContinuumSchool
from rp_desktop.services.demo.continuum.summaries import add_summaries

# A part adds its rows and says how many of each it wrote, by DemoSummary's field names.
Part = Callable[[ContinuumSchool], dict[str, int]]

# Parts run in this order; a later part may read what an earlier one wrote.
PARTS: tuple[Part, ...] = (
    add_caregivers,
    add_outcomes,
    add_summaries,
    add_preparation,
    add_practice,
    add_referrals,
)

__all__ = ["PARTS", "ContinuumSchool", "Part", "add_continuum"]


def add_continuum(school: ContinuumSchool) -> dict[str, int]:
    """Run every part; the counts of what they wrote, added up by name."""
    counts: dict[str, int] = {}
    for part in PARTS:
        for name, written in part(school).items():
            counts[name] = counts.get(name, 0) + written
    return counts
