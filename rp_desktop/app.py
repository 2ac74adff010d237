"""The GUI entry: the log and the crash handler, the application object, the database, the
window, and the forms left unsaved last time.

`main(path, exec=False)` builds everything and returns the window without entering the event
loop, so tests and benchmarks can drive the real start-up.
"""

from pathlib import Path

from PySide6.QtCore import QSettings, QTimer

from rp_desktop.services import drafts as form_drafts
from rp_desktop.services import school
from rp_desktop.services.circles import seeding as library_seed
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.opening import default_database_path
from rp_desktop.ui import dialogs
from rp_desktop.ui.application import application
from rp_desktop.ui.crash import configure_logging, install_background_hooks, install_excepthook
from rp_desktop.ui.startup.opening import open_at_start
from rp_desktop.ui.startup.welcome import WelcomeDialog
from rp_desktop.ui.window.main_window import MainWindow

QUICK_CHECK_AFTER_MS = 3000


def main(
    db_path: Path | None = None, *, exec: bool = True, log_dir: Path | None = None
) -> int | MainWindow | None:
    """Open the window on the database at `db_path` (the default one when None).

    With exec=False the window is returned without running the event loop (None when the user
    quit at the welcome or the database could not be opened); the caller then closes
    `window.database`. The log goes to `log_dir`, or to the user's log folder when the event
    loop runs; tests and benchmarks (exec=False, no log_dir) keep their own logging."""
    if exec or log_dir is not None:
        configure_logging(log_dir)
    app = application()
    install_excepthook(lambda: dialogs.show_unexpected_error(app.activeWindow()))
    if exec:
        install_background_hooks()
    db = open_at_start(db_path or default_database_path())
    if db is None:
        return 1 if exec else None
    library_seed.ensure_circle_library(db)  # built-in prompts and templates, added once
    info = school.school_info(db) or WelcomeDialog.ask(db)
    if info is None:
        db.close()
        return 0 if exec else None
    window = MainWindow(db, info)
    window.restore_state(QSettings())
    window.show()
    window.fill()  # the page shown reads now, the others are built when nothing waits
    window.system_session.listen()  # lock when the computer locks or sleeps, where Qt can tell
    window.safekeeping.schedule.start()
    # A few seconds later, on a worker, so the first list is not slowed: the quick check of
    # the file says something only if it finds damage.
    check = window.safekeeping.quick_check
    QTimer.singleShot(QUICK_CHECK_AFTER_MS, check, check.start)
    if _drafts_waiting(db):
        from rp_desktop.ui.window.drafts import offer_drafts  # its forms load only when needed

        offer_drafts(
            window,
            db,
            info.school_year,
            open_case=window.windows.case,
            changed=window.windows.recordsChanged.emit,
        )
    if not exec:
        return window
    try:
        return app.exec()
    finally:
        db.close()


def _drafts_waiting(db: Database) -> bool:
    """Whether forms were left unsaved last time (when the drafts cannot even be listed, the
    offer itself says so)."""
    try:
        return bool(form_drafts.list_drafts(db))
    except Exception:
        return True
