"""The GUI entry: the log and the crash handler, the application object, the first screen, and
then the window (ui/startup/window.py).

Only Qt and the few modules the first screen needs are imported here: the unlock, new-school or
recovery screen is on screen before SQLAlchemy, the models or the window are imported, and the
rest loads behind it (ui/startup/preload.py); tests/ui/startup/test_first_screen.py keeps it so.
`main(path, exec=False)` builds everything and returns the window without entering the event
loop, so tests and benchmarks can drive the real start-up.
"""

from pathlib import Path
from typing import TYPE_CHECKING

from rp_desktop.services.safekeeping.files import default_database_path
from rp_desktop.ui import dialogs
from rp_desktop.ui.application import application
from rp_desktop.ui.crash import configure_logging, install_background_hooks, install_excepthook
from rp_desktop.ui.startup.opening import open_at_start
from rp_desktop.ui.startup.preload import Preload

if TYPE_CHECKING:
    from rp_desktop.ui.window.main_window import MainWindow


def main(
    db_path: Path | None = None, *, exec: bool = True, log_dir: Path | None = None
) -> "int | MainWindow | None":
    """Open the window on the database at `db_path` (the default one when None).

    With exec=False the window is returned, filled, without running the event loop (None when
    the user quit at the welcome or the database could not be opened); the caller then closes
    `window.database`. The log goes to `log_dir`, or to the user's log folder when the event
    loop runs; tests and benchmarks (exec=False, no log_dir) keep their own logging."""
    if exec or log_dir is not None:
        configure_logging(log_dir)
    app = application()
    install_excepthook(lambda: dialogs.show_unexpected_error(app.activeWindow()))
    if exec:
        install_background_hooks()
    preload = Preload()
    db = open_at_start(db_path or default_database_path(), preload)
    if db is None:
        preload.join()  # the user quit at the first screen: let the worker end first
        return 1 if exec else None
    preload.wait()  # done already, unless no screen came before opening (a plain database)
    from rp_desktop.ui.startup.window import open_window

    window = open_window(db, fill_now=not exec)
    if window is None:
        return 0 if exec else None
    if not exec:
        return window
    try:
        return app.exec()
    finally:
        window.database.close()  # the one opened, or one the welcome restored instead
