"""When a window counts as on screen for the start-up benchmarks (shown, exposed by the platform
and drawn), and the peak memory of the process so far. Every start-up script uses these, and
they import nothing but Qt."""

import resource
import sys

from PySide6.QtWidgets import QApplication, QWidget


def peak_kib() -> int:
    """The most memory this process has held (resident). On Linux, read from the process's own
    record: getrusage's maximum survives exec(), so a small child of a large parent (the
    benchmark itself) would report the parent's peak."""
    if sys.platform.startswith("linux"):
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def drawn(app: QApplication, window: QWidget) -> None:
    """Return once `window`, already shown, is on screen with what it holds now: exposed (and so
    drawn), then any change still waiting to be drawn drawn. Only posted events are handled
    after the exposure, not timers: a window may have more to do later (building a page it
    does not show yet), which is not what is on screen."""
    handle = window.windowHandle()
    while handle is None or not handle.isExposed():
        app.processEvents()
        handle = window.windowHandle()
    app.sendPostedEvents()


def shown(app: QApplication, window: QWidget) -> None:
    """Show `window`, let it be drawn, then print SHOWN and the peak memory (KiB) so far.

    Qt draws a widget's window while it delivers the window's exposure, so the window has been
    drawn once it is exposed; SHOWN is printed then, before the event loop runs anything else."""
    window.show()
    handle = window.windowHandle()
    while handle is None or not handle.isExposed():
        app.processEvents()
        handle = window.windowHandle()
    print(f"SHOWN {peak_kib()}", flush=True)
