"""When rows say they were written: during the school day the thing happened (Central time,
kept as UTC), and never later than noon yesterday, so nothing claims to be written in the future."""

import random
from datetime import UTC, date, datetime, time, timedelta

SCHOOL_DAY_UTC = (13 * 60, 22 * 60)  # 8:00 to 17:00 in Chicago, as minutes after midnight UTC


class Stamps:
    def __init__(self, today: date) -> None:
        self.latest = datetime.combine(today - timedelta(days=1), time(12), UTC)

    def on(self, rng: random.Random, day: date) -> datetime:
        minutes = rng.randrange(*SCHOOL_DAY_UTC)
        stamp = datetime.combine(day, time(), UTC) + timedelta(minutes=minutes)
        return min(stamp, self.latest)
