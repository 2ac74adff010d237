"""After the database has opened: the built-in circle library, the welcome while the school is not
set up, then the main window. Its frame is shown first and filled once it is on screen (the page
shown read, the others built after it); the quick check of the file runs a few seconds later,
and the forms left unsaved last time are offered back.

Imported once the database code has loaded (app.py); everything the window needs loads with it,
behind the first screen (preload.py)."""

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from rp_desktop.services import drafts as form_drafts
from rp_desktop.services import school
from rp_desktop.services.circles import seeding as library_seed
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui.application import when_drawn
from rp_desktop.ui.window.behind_notice import notice_if_behind
from rp_desktop.ui.window.main_window import MainWindow

if TYPE_CHECKING:
    from rp_desktop.ui.startup.welcome import Welcomed

QUICK_CHECK_AFTER_MS = 3000


def open_window(db: Database, *, fill_now: bool = False) -> MainWindow | None:
    """The window on `db`, shown; None (and the database closed) when the user quit at the
    welcome. It fills itself once drawn, or before returning with `fill_now` (tests and
    benchmarks, which do not run the event loop)."""
    library_seed.ensure_circle_library(db)  # built-in prompts and templates, added once
    info = school.school_info(db)
    if info is None:  # the welcome: the school set up, or a backup restored instead
        if (welcomed := _welcome(db)) is None:
            db.close()
            return None
        db, info = welcomed
        library_seed.ensure_circle_library(db)
    window = MainWindow(db, info)
    window.restore_state(QSettings())
    window.show()
    if fill_now:
        QApplication.processEvents()  # the frame is drawn first, as when the loop runs
        window.fill()
    else:
        when_drawn(window.fill, window.windowHandle())
    window.system_session.listen()  # lock when the computer locks or sleeps, where Qt can tell
    window.safekeeping.schedule.start()
    notice_if_behind(window, db, window.safekeeping.show_backups)  # it lost recent changes
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
    return window


def _welcome(db: Database) -> "Welcomed | None":
    """The database and its school from the welcome, or None if the user quit. (Its module
    loads only on a first run: each of its widgets' classes costs Qt a moment to build when
    first named.)"""
    from rp_desktop.ui.startup.welcome import WelcomeDialog

    return WelcomeDialog.ask(db)


def _drafts_waiting(db: Database) -> bool:
    """Whether forms were left unsaved last time (when the drafts cannot even be listed, the
    offer itself says so)."""
    try:
        return bool(form_drafts.list_drafts(db))
    except Exception:
        return True
