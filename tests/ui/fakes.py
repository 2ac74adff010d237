"""Stand-ins for the parts of the screens that touch hardware."""

from rp_desktop.ui.run_circle import chime


class FakeChime:
    """A chime for tests of the screens that use one: it counts what it was asked to play."""

    def __init__(self, available: bool = True) -> None:
        self.plays = 0
        self.volume = chime.DEFAULT_VOLUME
        self.muted = False
        self.available = available
        self.problem = None if available else "No sound in this test."

    def play(self) -> None:
        if self.available and not self.muted:
            self.plays += 1

    def set_volume(self, volume: float) -> None:
        self.volume = min(1.0, max(0.0, volume))

    def set_muted(self, muted: bool) -> None:
        self.muted = muted
