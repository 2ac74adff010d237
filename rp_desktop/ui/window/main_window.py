"""The main window: Home, one tab per tier, the students, running a circle and the reports;
menus with the keyboard shortcuts, and a status bar that names the school and the database.

It opens as a frame (title, menus, tab bar, status bar) whose pages are built when first needed:
`fill()`, called once the frame is on screen, builds and reads the page shown, then builds the
others one at a time while nothing else is waiting; a page asked for earlier is built at once.

It locks (ui/lock/locking.py) after a time without use, on Ctrl+L, and when the system session
locks or sleeps (once `system_session.listen()` is called)."""

import time
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QSettings, QSignalBlocker, QSize, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QTabWidget, QWidget

from rp_desktop.domain.circle_runs import SavedRun
from rp_desktop.domain.records import SchoolInfo
from rp_desktop.domain.vocabulary import Tier
from rp_desktop.services.casework import cases
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui import dialogs, settings
from rp_desktop.ui.lock.idle import IdleWatcher, MonotonicClock
from rp_desktop.ui.lock.locking import WindowLock
from rp_desktop.ui.lock.security_menu import add_security_menu
from rp_desktop.ui.lock.system_session import SystemSession
from rp_desktop.ui.safekeeping.menu import Safekeeping
from rp_desktop.ui.screen_fit import fit_to_screen
from rp_desktop.ui.window.lazy_tab import LazyTab, Pages, PendingPage
from rp_desktop.ui.window.links import make_circle_tab, make_page, make_reports_tab
from rp_desktop.ui.window.menus import add_help_menu, add_record_menus
from rp_desktop.ui.window.open_windows import OpenWindows
from rp_desktop.ui.window.status_line import StatusLine

if TYPE_CHECKING:  # the pages' modules load when a page is first built
    from rp_desktop.ui.case.tab import CasesTab
    from rp_desktop.ui.circles.tab import CirclesTab
    from rp_desktop.ui.home.tab import HomeTab
    from rp_desktop.ui.lists.list_tab import ListTab
    from rp_desktop.ui.run_circle.setup_tab import CircleSetupTab
    from rp_desktop.ui.students.tab import StudentsTab

VIEWS = ("home", "tier1", "tier2", "tier3", "students", "circle", "reports")
LISTS = ("tier1", "tier2", "tier3", "students")
WATCH_INPUT_AFTER_MS = 1500


class MainWindow(QMainWindow):
    """The records of one school. Pages are built when first needed, lists read when shown.

    `idle_clock` is the monotonic clock the idle lock reads (tests give a fake one)."""

    def __init__(
        self,
        db: Database,
        school: SchoolInfo,
        parent: QWidget | None = None,
        *,
        idle_clock: MonotonicClock = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._school = school
        self.setWindowTitle(self.tr("RP Desktop — {school}").format(school=school.name))
        self.circle = LazyTab(lambda: make_circle_tab(self))
        self.reports = LazyTab(lambda: make_reports_tab(self))
        self.windows = OpenWindows(db, school.name, self)
        self.windows.recordsChanged.connect(self.records_changed)
        self._stale: set[QWidget] = set()
        self._make_tabs()
        self.tabs.currentChanged.connect(self._load_current)
        self._make_lock(idle_clock)
        self.safekeeping = Safekeeping(self, db, self.records_changed)
        self.locking.aboutToLock.connect(self.safekeeping.before_lock)
        self._still_work = [add_record_menus(self)]
        self.lock_key = add_security_menu(self, db, self.locking, self.idle)
        self._still_work.append(add_help_menu(self))
        bar, safekeeping = self.statusBar(), self.safekeeping
        self.status_line = StatusLine(bar, db, school, safekeeping, self.windows.due_list)
        self.due = self.status_line.due
        fit_to_screen(self, QSize(1280, 800), "window")  # remembered as window/place

    @property
    def database(self) -> Database:
        return self._db

    @property
    def school(self) -> SchoolInfo:
        return self._school

    @property
    def locked(self) -> bool:
        return self.locking.locked

    def lock(self) -> None:
        """Hide every record, in this window and the others, and close the database."""
        self.locking.lock()

    @property
    def home(self) -> "HomeTab":
        return cast("HomeTab", self._pages.page("home"))

    @property
    def tier1(self) -> "CirclesTab":
        return cast("CirclesTab", self._pages.page("tier1"))

    @property
    def tier2(self) -> "CasesTab":
        return cast("CasesTab", self._pages.page("tier2"))

    @property
    def tier3(self) -> "CasesTab":
        return cast("CasesTab", self._pages.page("tier3"))

    @property
    def students(self) -> "StudentsTab":
        return cast("StudentsTab", self._pages.page("students"))

    def mark_stale(self, page: QWidget) -> None:
        self._stale.add(page)

    def pages(self) -> list[QWidget]:
        """What reads the database when shown, of what is built: Home, the lists, the reports."""
        built = [self._pages.built(name) for name in ("home", *LISTS)]
        return [page for page in (*built, self.reports.built()) if page is not None]

    def current_list(self) -> "ListTab | None":
        name = VIEWS[self.tabs.currentIndex()]
        return cast("ListTab", self._pages.page(name)) if name in LISTS else None

    def fill(self) -> None:
        """Read the page shown, then build the others one at a time when nothing is waiting."""
        self._load_current()
        self._pages.build_the_rest(unless=lambda: self.locked)

    def _make_tabs(self) -> None:
        self.tabs = QTabWidget(documentMode=True)
        self._pages = Pages(self.tabs, lambda name: make_page(self, name), self._page_built)
        self._pages.add("home", self.tr("Home"))
        self._pages.add("tier1", self.tr("Tier 1 · Circles"))
        self._pages.add("tier2", self.tr("Tier 2 · Cases"))
        self._pages.add("tier3", self.tr("Tier 3 · Cases"))
        self._pages.add("students", self.tr("Students"))
        self.tabs.addTab(self.circle, self.tr("Run a circle"))
        self.tabs.addTab(self.reports, self.tr("Reports"))
        self.stack = QStackedWidget()
        self.stack.addWidget(self.tabs)
        self.setCentralWidget(self.stack)

    def _page_built(self, page: QWidget, shown: bool) -> None:
        self._stale.add(page)
        if shown:  # read before it appears, so that it reads once
            self._load(page)

    def circle_tab(self) -> "CircleSetupTab":
        """The circle set-up, built the first time it is needed."""
        from rp_desktop.ui.run_circle.setup_tab import CircleSetupTab

        tab = self.circle.content()
        assert isinstance(tab, CircleSetupTab)
        return tab

    def run_circle_for_case(self, case_id: int) -> None:
        self.circle_tab().set_case(cases.get_case(self._db, case_id))
        self.tabs.setCurrentWidget(self.circle)

    def show_view(self, view: str) -> None:
        """Bring one of VIEWS to the front, loading its page (or building "Run a circle")."""
        self.tabs.setCurrentIndex(VIEWS.index(view))
        self._load_current()

    def restore_state(self, store: QSettings) -> None:
        """The tab of last time (the size came back with fit_to_screen); the tab is read by
        `fill()` or when shown."""
        with QSignalBlocker(self.tabs):
            self.tabs.setCurrentIndex(min(settings.LAST_TAB.read(store), self.tabs.count() - 1))

    def closeEvent(self, event: QCloseEvent) -> None:
        self._pages.stop()
        self.windows.close_all()
        if not self.locked:
            self.safekeeping.on_close()
        settings.LAST_TAB.write(QSettings(), self.tabs.currentIndex())
        super().closeEvent(event)

    def _load_current(self) -> None:
        tab = self.tabs.currentWidget()
        if isinstance(tab, LazyTab):
            tab = tab.content()  # built (and, for the reports, read) the first time
        elif isinstance(tab, PendingPage):
            tab = self._pages.page(tab.name)
        self._load(tab)

    def _load(self, page: QWidget) -> None:
        if page in self._stale:
            self._stale.discard(page)
            page.reload()  # type: ignore[attr-defined]

    def records_changed(self) -> None:
        """Something was saved: every page reads again when next shown."""
        if self.locked:  # a dialog cancelled by locking; unlocking reads again
            self._stale = set(self.pages())
            return
        self._read_again()
        self.windows.refresh()

    def _read_again(self) -> None:
        """Every page reads again when next shown, the one shown at once; after unlocking too:
        nothing changed while locked (the database was closed), but a dialog cancelled by
        locking must not leave a list stale."""
        self._stale = set(self.pages())
        self._load_current()
        self.status_line.show_due()

    def _make_lock(self, idle_clock: MonotonicClock) -> None:
        self.locking = WindowLock(
            self,
            self._db,
            self.stack,
            self.tabs,
            keep_enabled=lambda action: action in self._still_work,
            stays_shown=is_wall,
            unlocked_again=self._read_again,
        )
        minutes = settings.IDLE_LOCK_MINUTES.read(QSettings())
        self.idle = IdleWatcher(minutes, idle_clock, self)
        self.idle.idle.connect(self.lock)
        # Watching every input event from Python costs a few microseconds an event: not before
        # the first list has shown.
        self.input_watch = QTimer(self, singleShot=True, interval=WATCH_INPUT_AFTER_MS)
        self.input_watch.timeout.connect(self.watch_input)
        self.input_watch.start()
        self.system_session = SystemSession(self)
        self.system_session.lockRequested.connect(lambda _why: self.lock())

    def watch_input(self) -> None:
        """Start the idle watch and the Ctrl+L catcher over every window of the application."""
        self.idle.install()
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self.lock_key)

    def edit_categories(self) -> None:
        from rp_desktop.ui.case.categories_dialog import CategoriesDialog

        dialogs.wait_for(CategoriesDialog(self._db, self))
        self.records_changed()

    def import_roster(self) -> None:
        """The roster wizard; the lists show the new and changed students afterwards."""
        from rp_desktop.ui.students.roster_wizard import RosterWizard

        if RosterWizard.ask(self._db, self) is not None:
            self.records_changed()

    def export(self) -> None:
        """The district package (de-identified, the default) or every record, to a folder."""
        from rp_desktop.ui.exports.dialog import ask_and_export

        ask_and_export(self._db, self)

    def new_record(self) -> None:
        tab = self.current_list()
        if tab is not None:
            tab.new_record()

    def focus_search(self) -> None:
        tab = self.current_list()
        if tab is not None:
            tab.focus_search()

    def open_circle(self, circle_id: int) -> None:
        """A Tier 1 circle in its form, on the "Tier 1 · Circles" tab."""
        self.show_view("tier1")
        self.tier1.edit_record_id(circle_id)

    def open_saved_circle(self, saved: SavedRun) -> None:
        """Show the record a circle made: its Tier 1 circle, or the case it was run for."""
        if saved.community_circle_id is not None:
            self.open_circle(saved.community_circle_id)
        elif saved.case_id is not None:
            case = cases.get_case(self._db, saved.case_id)
            tab = self.tier3 if case.fields.tier is Tier.INTENSIVE else self.tier2
            self.tabs.setCurrentWidget(tab)
            self._load_current()
            tab.edit_record_id(case.id)
        self.raise_()
        self.activateWindow()


def is_wall(window: QWidget) -> bool:
    """The projector's window, which keeps showing the circle while the records are locked."""
    # Imported here: the circle's screens load only once a circle is run.
    from rp_desktop.ui.run_circle.wall.window import WallWindow

    return isinstance(window, WallWindow)
