"""The continuum's records in the sample school, written after its people, circles and cases:
everyday practice logs, referrals, caregivers and their contacts, preparation before meetings,
planned meetings, and the outcomes of cases. Each part reads what the school already holds and
adds to it from a random stream of its own, so the rest of the school comes out as before."""

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection

from rp_desktop.services.demo.continuum.caregivers import add_caregivers
from rp_desktop.services.demo.recipe import stream


@dataclass(frozen=True)
class ContinuumSchool:
    """What every part is given: the open transaction, the seed and today, and the school years
    the sample covers (the last is the current one)."""

    connection: Connection
    seed: int
    today: date
    years: range

    def rng(self, part: str) -> random.Random:
        """The random stream of one part, the same for the same seed."""
        return stream(self.seed, "continuum", part)


# A part adds its rows and says how many of each it wrote, by DemoSummary's field names.
Part = Callable[[ContinuumSchool], dict[str, int]]

# Parts run in this order; a later part may read what an earlier one wrote.
PARTS: tuple[Part, ...] = (add_caregivers,)


def add_continuum(school: ContinuumSchool) -> dict[str, int]:
    """Run every part; the counts of what they wrote, added up by name."""
    counts: dict[str, int] = {}
    for part in PARTS:
        for name, written in part(school).items():
            counts[name] = counts.get(name, 0) + written
    return counts
