"""RP Desktop's own start-up, through its real entry point, until the first tab (Home) shows.
Prints SHOWN and the peak memory at that moment."""

import sys
from pathlib import Path

from bench.startup.on_screen import drawn, peak_kib
from rp_desktop.app import main as open_window
from rp_desktop.ui.application import application
from rp_desktop.ui.window.main_window import MainWindow


def main(path: str) -> None:
    window = open_window(Path(path), exec=False)
    assert isinstance(window, MainWindow)
    drawn(application(), window)
    # The first tab is Home: today's and this week's circles, what is due, open cases.
    assert window.tabs.currentWidget() is window.home, "the window did not open on Home"
    assert window.home.summary is not None, "Home showed nothing"
    assert window.home.recent.lines.count() > 0, "Home showed no recent activity"
    print(f"SHOWN {peak_kib()}", flush=True)
    window.database.close()


if __name__ == "__main__":
    main(sys.argv[1])
