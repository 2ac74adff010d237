"""The main window: Home, one tab per tier, the students, running a circle and the reports;
menus with the keyboard shortcuts, and a status bar that names the school and the database.

It locks (ui/lock/locking.py) after a time without use, on Ctrl+L, and when the system session
locks or sleeps (once `system_session.listen()` is called)."""

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QStackedWidget, QTabWidget, QWidget

from rp_desktop.domain.circle_runs import SavedRun
from rp_desktop.domain.records import SchoolInfo
from rp_desktop.domain.vocabulary import Tier
from rp_desktop.services.casework import cases
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui import dialogs, settings
from rp_desktop.ui.case.tab import CasesTab
from rp_desktop.ui.circles.tab import CirclesTab
from rp_desktop.ui.home.tab import HomeTab
from rp_desktop.ui.lock.idle import IdleWatcher, MonotonicClock
from rp_desktop.ui.lock.locking import WindowLock
from rp_desktop.ui.lock.security_menu import add_security_menu
from rp_desktop.ui.lock.system_session import SystemSession
from rp_desktop.ui.safekeeping.menu import Safekeeping
from rp_desktop.ui.window.lazy_tab import LazyTab
from rp_desktop.ui.window.open_windows import OpenWindows
from rp_desktop.ui.window.status_line import StatusLine

if TYPE_CHECKING:
    from rp_desktop.ui.run_circle.setup_tab import CircleSetupTab
from rp_desktop.ui.lists.list_tab import ListTab
from rp_desktop.ui.students.tab import StudentsTab
from rp_desktop.ui.window.links import connect_home, make_circle_tab, make_reports_tab

VIEWS = ("home", "tier1", "tier2", "tier3", "students", "circle", "reports")
WATCH_INPUT_AFTER_MS = 1500


class MainWindow(QMainWindow):
    """The records of one school. Lists load when their tab is first shown.

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
        self.home = HomeTab(db)
        self.tier1 = CirclesTab(db, lambda: self._school.school_year)
        self.tier2 = CasesTab(db, Tier.TARGETED)
        self.tier3 = CasesTab(db, Tier.INTENSIVE)
        self.students = StudentsTab(db)
        self.circle = LazyTab(lambda: make_circle_tab(self))
        self.reports = LazyTab(lambda: make_reports_tab(self))
        self.windows = OpenWindows(db, school.name, self)
        self.windows.recordsChanged.connect(self.records_changed)
        self.tabs = QTabWidget(documentMode=True)
        self.tabs.addTab(self.home, self.tr("Home"))
        self.tabs.addTab(self.tier1, self.tr("Tier 1 · Circles"))
        self.tabs.addTab(self.tier2, self.tr("Tier 2 · Cases"))
        self.tabs.addTab(self.tier3, self.tr("Tier 3 · Cases"))
        self.tabs.addTab(self.students, self.tr("Students"))
        self.tabs.addTab(self.circle, self.tr("Run a circle"))
        self.tabs.addTab(self.reports, self.tr("Reports"))
        self.stack = QStackedWidget()
        self.stack.addWidget(self.tabs)
        self.setCentralWidget(self.stack)
        self._stale: set[QWidget] = set(self.pages())
        self.tabs.currentChanged.connect(self._load_current)
        for tab in self.lists():
            tab.recordsChanged.connect(self.records_changed)
        for cases_tab in (self.tier2, self.tier3):
            cases_tab.circleRequested.connect(self.run_circle_for_case)
            cases_tab.caseOpenRequested.connect(self.windows.case)
        self.students.timelineRequested.connect(self.windows.timeline)
        connect_home(self, self.home)
        self._make_lock(idle_clock)
        self.safekeeping = Safekeeping(self, db, self.records_changed)
        self.locking.aboutToLock.connect(self.safekeeping.before_lock)
        self._make_menus()
        self._make_status_bar()
        self.resize(1280, 800)

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

    def lists(self) -> list[ListTab]:
        return [self.tier1, self.tier2, self.tier3, self.students]

    def mark_stale(self, page: QWidget) -> None:
        self._stale.add(page)

    def pages(self) -> list[QWidget]:
        """What reads the database when shown: Home, the lists, and the reports once built."""
        built = self.reports.built()
        return [self.home, *self.lists(), *([built] if built is not None else [])]

    def current_list(self) -> ListTab | None:
        tab = self.tabs.currentWidget()
        return tab if isinstance(tab, ListTab) else None

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
        """Bring one of VIEWS to the front, loading its list (or building the "Run a circle"
        tab)."""
        self.tabs.setCurrentIndex(VIEWS.index(view))
        self._load_current()

    def restore_state(self, store: QSettings) -> None:
        geometry = settings.WINDOW_GEOMETRY.read(store)
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        self.tabs.setCurrentIndex(min(settings.LAST_TAB.read(store), self.tabs.count() - 1))
        self._load_current()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.windows.close_all()
        if not self.locked:
            self.safekeeping.on_close()
        store = QSettings()
        settings.WINDOW_GEOMETRY.write(store, self.saveGeometry())
        settings.LAST_TAB.write(store, self.tabs.currentIndex())
        super().closeEvent(event)

    def _load_current(self) -> None:
        tab = self.tabs.currentWidget()
        if isinstance(tab, LazyTab):
            tab = tab.content()  # built (and, for the reports, read) the first time
        if tab in self._stale:
            self._stale.discard(tab)
            tab.reload()  # type: ignore[attr-defined]

    def records_changed(self) -> None:
        """Something was saved: every page reads again when next shown."""
        self._stale = set(self.pages())
        if self.locked:
            return  # a dialog cancelled by locking; unlocking re-reads
        self._load_current()
        self.windows.refresh()
        self._show_due()

    def _make_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self._action(file_menu, self.tr("&New record"), "Ctrl+N", self._new)
        self._action(file_menu, self.tr("&Import the roster…"), "Ctrl+I", self.import_roster)
        self._action(file_menu, self.tr("&Export…"), "Ctrl+E", self.export)
        file_menu.addSeparator()
        self.safekeeping.add_to_file_menu(file_menu)
        file_menu.addSeparator()
        self._still_work = [self._action(file_menu, self.tr("&Quit"), "Ctrl+Q", self.close)]
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        self._action(edit_menu, self.tr("&Find"), "Ctrl+F", self._find)
        edit_menu.addSeparator()
        self._action(edit_menu, self.tr("Case &categories…"), "", self.edit_categories)
        go_menu = self.menuBar().addMenu(self.tr("&Go"))
        self._action(go_menu, self.tr("&Agreements due"), "Ctrl+D", self.windows.due_list)
        self.lock_key = add_security_menu(self, self._db, self.locking, self.idle)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_action = self._action(
            help_menu,
            self.tr("&Help and keyboard shortcuts"),
            "F1",
            lambda: dialogs.show_about(self),
        )
        self._still_work.append(help_action)
        help_menu.addSeparator()
        self.safekeeping.add_to_help_menu(help_menu)

    def _make_lock(self, idle_clock: MonotonicClock) -> None:
        self.locking = WindowLock(
            self,
            self._db,
            self.stack,
            self.tabs,
            keep_enabled=lambda action: action in self._still_work,
            stays_shown=is_wall,
            unlocked_again=self._unlocked_again,
        )
        minutes = settings.IDLE_LOCK_MINUTES.read(QSettings())
        self.idle = IdleWatcher(minutes, idle_clock, self)
        self.idle.idle.connect(self.lock)
        # Watching every input event from Python costs a few microseconds an event, and the
        # first one builds Qt's event-type enum (tens of milliseconds): not before the first
        # list has shown.
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

    def _unlocked_again(self) -> None:
        """Nothing changed while locked (the database was closed), but the lists re-read so no
        cancelled dialog leaves them stale."""
        self._stale = set(self.pages())
        self._load_current()
        self._show_due()

    def _action(self, menu: QMenu, text: str, keys: str, slot: Callable[[], object]) -> QAction:
        # The same keys on every system (Windows has no standard key for Quit).
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def edit_categories(self) -> None:
        from rp_desktop.ui.case.categories_dialog import CategoriesDialog

        CategoriesDialog(self._db, self).exec()
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

    def _new(self) -> None:
        tab = self.current_list()
        if tab is not None:
            tab.new_record()

    def _find(self) -> None:
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

    def _make_status_bar(self) -> None:
        self.status_line = StatusLine(
            self.statusBar(),
            self._db,
            self._school,
            self.safekeeping.last_backup,
            self.windows.due_list,
        )
        self.due = self.status_line.due

    def _show_due(self) -> None:
        self.status_line.show_due()


def is_wall(window: QWidget) -> bool:
    """The projector's window, which keeps showing the circle while the records are locked."""
    # Imported here: the circle's screens load only once a circle is run.
    from rp_desktop.ui.run_circle.wall.window import WallWindow

    return isinstance(window, WallWindow)
