"""The circle on the wall: how far a shown time can lag the clock's truth, and what the wall
costs in CPU while a circle runs.

1. Simulated 90 minutes, 30 seats, passes and pauses, on a fake clock: at every wake-up the
   session schedules, the shown numbers are compared with the truth, and the lag between a
   number's true change and the wake-up is measured. Beside it: a screen ticking every 100 ms.
2. Real time, 60 s offscreen at 1920x1080: the wall driven by the session's one timer while a
   keeper passes the piece every 8 s; process CPU time over wall time, and how late each
   wake-up really was. Beside it: the same wall repainted by a 60 fps ticking timer.
"""

import math
import os
import random
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer

from rp_desktop.domain.circle import (
    CircleEngine,
    CircleSettings,
    CircleSnapshot,
    CircleState,
    Move,
    RoundPlan,
    Seat,
    Timing,
)
from rp_desktop.domain.circle.display import seconds_to_next_change
from rp_desktop.domain.vocabulary import CircleStage
from rp_desktop.ui.application import application
from rp_desktop.ui.run_circle.chime import SilentChime
from rp_desktop.ui.run_circle.session import WAKE_MARGIN_MS, CircleSession
from rp_desktop.ui.run_circle.wall.window import WallWindow

SEATS = 30
SIMULATED_SECONDS = 90 * 60
REAL_SECONDS = int(os.environ.get("RP_BENCH_WALL_SECONDS", "60"))
NAIVE_TICK = 0.1
TICK_PHASE = 0.0371  # a ticking timer started at some moment unrelated to the circle


@dataclass(frozen=True)
class Lag:
    worst_ms: float
    median_ms: float
    changes: int  # shown-number changes over the circle


def circle(clock: Callable[[], float]) -> CircleEngine:
    seats = [Seat(k, f"Seat {k}") for k in range(SEATS)]
    rounds = [
        RoundPlan(CircleStage.CHECK_IN, "One word", Timing.PER_SPEAKER, 20),
        RoundPlan(CircleStage.DISCUSSION, "A story", Timing.PER_ROUND, 25 * 60),
        RoundPlan(CircleStage.DISCUSSION, "Another", Timing.PER_SPEAKER, 90),
        RoundPlan(CircleStage.CHECK_OUT, "One word out", Timing.NONE),
    ]
    return CircleEngine(seats, rounds, clock, CircleSettings())


def simulated_lag(tick: float | None) -> Lag:
    """For 90 minutes, wake up as the session does (tick None) or every `tick` seconds; each
    time a shown number changes, note how long after the change the screen woke to show it.
    The numbers themselves are read from the clock when drawn, so a late wake-up is the only
    way a shown time can differ from the truth."""
    rng = random.Random(11)
    now = [0.0]
    engine = circle(lambda: now[0])
    engine.start()
    lags: list[float] = []
    due = _change_due(engine, now[0])
    keeper_at = rng.uniform(3, 40)
    while now[0] < SIMULATED_SECONDS:
        wake = _next_wake(now[0], due, tick)
        if wake is None or keeper_at <= wake:  # the keeper acts first (at a moment of their own)
            now[0] = keeper_at if wake is not None else now[0] + 5
            _keeper_moves(engine, rng)
            keeper_at = now[0] + rng.uniform(3, 40)
            due = _change_due(engine, now[0])
            continue
        now[0] = wake
        if due is not None and now[0] >= due:
            lags.append(now[0] - due)
            due = _change_due(engine, now[0])
    return Lag(max(lags) * 1000, statistics.median(lags) * 1000, len(lags))


def _next_wake(now: float, due: float | None, tick: float | None) -> float | None:
    """When the screen next wakes: just after the due change (the session's one timer, in
    whole milliseconds plus its margin), or at the ticking timer's next tick."""
    if due is None:
        return None
    if tick is None:
        return now + math.ceil((due - now) * 1000) / 1000 + WAKE_MARGIN_MS / 1000
    ticks = math.floor((now - TICK_PHASE) / tick + 1e-9) + 1
    return ticks * tick + TICK_PHASE


def _change_due(engine: CircleEngine, now: float) -> float | None:
    wait = seconds_to_next_change(engine.snapshot())
    return None if wait is None else now + wait


def _keeper_moves(engine: CircleEngine, rng: random.Random) -> None:
    allowed = engine.snapshot().allowed
    state = engine.snapshot().state
    if state is CircleState.PAUSED:
        engine.resume()
    elif state is CircleState.BETWEEN_ROUNDS:
        engine.next_round()
    elif rng.random() < 0.03 and Move.PAUSE in allowed:
        engine.pause()
    elif rng.random() < 0.15 and Move.PASS in allowed:
        engine.pass_()
    elif Move.NEXT in allowed:
        engine.next()


@dataclass(frozen=True)
class WallCost:
    cpu_percent: float
    repaints: int
    late_worst_ms: float
    late_median_ms: float


def wall_cost(naive_fps: int | None) -> WallCost:
    """Run the wall for REAL_SECONDS, driven by the session (naive_fps None) or by a timer
    repainting it `naive_fps` times a second; measure CPU and the wake-ups' lateness."""
    app = application()
    engine = circle(time.monotonic)
    session = CircleSession(engine, SilentChime())
    wall = WallWindow()
    wall.resize(1920, 1080)
    wall.show()
    session.changed.connect(wall.show_snapshot)
    repaints = [0]
    original_paint = wall.view.paintEvent

    def counting_paint(event: object) -> None:
        repaints[0] += 1
        original_paint(event)  # type: ignore[arg-type]

    wall.view.paintEvent = counting_paint  # type: ignore[method-assign]
    lateness: list[float] = []
    _watch_lateness(session, lateness)
    keeper = QTimer()
    keeper.timeout.connect(lambda: session.move(Move.NEXT))
    ticker = QTimer()
    ticker.timeout.connect(lambda: wall.show_snapshot(engine.snapshot()))
    session.move(Move.START)
    keeper.start(8000)
    if naive_fps is not None:
        ticker.start(round(1000 / naive_fps))
    cpu_before, wall_clock = time.process_time(), QElapsedTimer()
    wall_clock.start()
    loop = QEventLoop()
    QTimer.singleShot(REAL_SECONDS * 1000, loop.quit)
    loop.exec()
    cpu = time.process_time() - cpu_before
    elapsed = wall_clock.elapsed() / 1000
    for timer in (keeper, ticker):
        timer.stop()
    session.stop()
    wall.close_from_console()
    app.processEvents()
    return WallCost(
        cpu_percent=100 * cpu / elapsed,
        repaints=repaints[0],
        late_worst_ms=max(lateness, default=0.0) * 1000,
        late_median_ms=statistics.median(lateness) * 1000 if lateness else 0.0,
    )


def _watch_lateness(session: CircleSession, lateness: list[float]) -> None:
    """At each snapshot, note when the next shown change is due; at the next wake-up, how
    long after that moment it really came."""
    due = [None]

    def on_change(snapshot: CircleSnapshot) -> None:
        now = time.monotonic()
        if due[0] is not None and now >= due[0]:
            lateness.append(now - due[0])
        wait = seconds_to_next_change(snapshot)
        due[0] = None if wait is None else now + wait

    session.changed.connect(on_change)


@dataclass(frozen=True)
class CircleFigures:
    sim: Lag
    sim_naive: Lag
    wall: WallCost
    wall_naive: WallCost


def measure() -> CircleFigures:
    application()
    return CircleFigures(
        sim=simulated_lag(None),
        sim_naive=simulated_lag(NAIVE_TICK),
        wall=wall_cost(None),
        wall_naive=wall_cost(60),
    )
