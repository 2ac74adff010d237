"""What every part of the sample school's continuum is given (kept apart from the list of parts,
so a part can import it without importing every other part)."""

import random
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection

from rp_desktop.services.demo.recipe import stream


@dataclass(frozen=True)
class ContinuumSchool:
    """The open transaction, the seed and today, and the school years the sample covers (the
    last is the current one)."""

    connection: Connection
    seed: int
    today: date
    years: range

    def rng(self, part: str) -> random.Random:
        """The random stream of one part, the same for the same seed."""
        return stream(self.seed, "continuum", part)
