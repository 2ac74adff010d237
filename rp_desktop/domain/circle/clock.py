"""Circle time: the running time of a circle, from a monotonic clock, with pauses taken out.

Every time the engine keeps is in circle time, so undoing a move never disturbs the record of
when the circle was paused. The clock is only read, never ticked: a time shown is always the
clock's own truth at that moment."""

from rp_desktop.domain.circle.types import Clock


class CircleClock:
    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self._origin: float | None = None
        self._paused_at: float | None = None
        self._paused_total = 0.0

    def start(self) -> None:
        self._origin = self._clock()
        self._paused_at = None
        self._paused_total = 0.0

    @property
    def started(self) -> bool:
        return self._origin is not None

    @property
    def paused(self) -> bool:
        return self._paused_at is not None

    def now(self) -> float:
        """Seconds the circle has been running, pauses excluded; 0 before it starts."""
        if self._origin is None:
            return 0.0
        moment = self._paused_at if self._paused_at is not None else self._clock()
        return moment - self._origin - self._paused_total

    def pause(self) -> None:
        if self._paused_at is None:
            self._paused_at = self._clock()

    def resume(self) -> None:
        if self._paused_at is not None:
            self._paused_total += self._clock() - self._paused_at
            self._paused_at = None
