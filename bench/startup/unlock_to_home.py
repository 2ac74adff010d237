"""From the passphrase accepted to Home showing its data, on the encrypted building, through the
real start-up (`rp_desktop.app.main`): the unlock screen is drawn, the rest of the application
loads behind it (as it does while a user types), then the passphrase is typed and Unlock pressed.
Prints the seconds from the press to Home drawn with its data, and the seconds that deriving the
key alone takes in the same process (the reference)."""

import statistics
import sys
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication

from bench.startup.on_screen import drawn
from rp_desktop.app import main as start
from rp_desktop.ui.application import application
from rp_desktop.ui.passphrase.unlock import UnlockDialog
from rp_desktop.ui.startup.preload import Preload

# What the benchmark itself needs of the rest is imported once the rest has loaded, so that
# the start-up loads it as it would for a user: behind the unlock screen.

DERIVATIONS = 3
pressed: list[float] = []
preloads: list[Preload] = []


def unlock_once_loaded(dialog: UnlockDialog) -> int:
    """In place of the dialog's exec(): wait until the rest has loaded, then unlock."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    dialog.show()
    while not preloads or preloads[0].loading:
        app.processEvents()
        time.sleep(0.005)
    from bench.encryption import PASSPHRASE

    dialog.panel.passphrase.setText(PASSPHRASE.reveal())
    pressed.append(time.perf_counter())
    dialog.panel.unlock_button.click()
    return dialog.result()


def main(path: str) -> None:
    start_preload = Preload.start

    def started(preload: Preload) -> None:
        start_preload(preload)
        preloads.append(preload)

    setattr(Preload, "start", started)  # noqa: B010 (replacing a method, as tests patch one)
    setattr(UnlockDialog, "exec", unlock_once_loaded)  # noqa: B010
    window = start(Path(path), exec=False)
    assert window is not None
    assert not isinstance(window, int)
    drawn(application(), window)  # Home on screen with its data
    seconds = time.perf_counter() - pressed[0]
    from bench.encryption import PASSPHRASE
    from rp_desktop.db.cipher import derive_key, key_for_file
    from rp_desktop.ui.window.main_window import MainWindow

    assert isinstance(window, MainWindow)
    assert window.tabs.currentWidget() is window.home, "the window did not open on Home"
    assert window.home.summary is not None, "Home showed nothing"
    assert window.home.recent.lines.count() > 0, "Home showed no recent activity"
    window.database.close()
    salt = key_for_file(Path(path), PASSPHRASE).salt
    derivations = []
    for _ in range(DERIVATIONS):
        began = time.perf_counter()
        derive_key(PASSPHRASE, salt)
        derivations.append(time.perf_counter() - began)
    print(f"UNLOCKED {seconds:.6f} {statistics.median(derivations):.6f}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
