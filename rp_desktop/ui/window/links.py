"""Where the Home tab's lines and buttons lead in the main window: each one action away; and
Home and the lists, each made and wired to the window when first needed."""

from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QWidget

from rp_desktop.domain.circle_runs import SavedRun
from rp_desktop.domain.records import SchoolInfo
from rp_desktop.domain.vocabulary import Tier
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui.window.open_windows import OpenWindows

if TYPE_CHECKING:  # each page's module loads when the page is first built
    from rp_desktop.ui.conversation.window import ConversationWindow
    from rp_desktop.ui.home.tab import HomeTab
    from rp_desktop.ui.lists.list_tab import ListTab
    from rp_desktop.ui.reports.tab import ReportsTab
    from rp_desktop.ui.run_circle.setup_tab import CircleSetupTab
    from rp_desktop.ui.safekeeping.menu import Safekeeping


class LinkedWindow(Protocol):
    """What the links need of the main window (window/main_window.py's MainWindow)."""

    windows: OpenWindows
    safekeeping: "Safekeeping"

    @property
    def database(self) -> Database: ...

    @property
    def school(self) -> SchoolInfo: ...

    def show_view(self, view: str) -> None: ...

    def window(self) -> QWidget: ...

    def current_list(self) -> "ListTab | None": ...

    def mark_stale(self, page: QWidget) -> None: ...

    def records_changed(self) -> None: ...

    def open_circle(self, circle_id: int) -> None: ...

    def open_saved_circle(self, saved: SavedRun) -> None: ...

    def run_circle_for_case(self, case_id: int) -> None: ...

    def import_roster(self) -> None: ...


def make_page(window: LinkedWindow, name: str) -> QWidget:
    """Home or one of the lists ("tier1", "tier2", "tier3", "students"), wired to the window.
    Each is imported here, when first built: the window's frame does not wait for them."""
    if name == "home":
        from rp_desktop.ui.home.tab import HomeTab

        home = HomeTab(window.database)
        connect_home(window, home)
        return home
    tab: ListTab
    if name == "tier1":
        from rp_desktop.ui.circles.tab import CirclesTab

        tab = CirclesTab(window.database, lambda: window.school.school_year)
    elif name == "students":
        from rp_desktop.ui.students.tab import StudentsTab

        tab = students = StudentsTab(window.database)
        students.timelineRequested.connect(window.windows.timeline)
    else:
        from rp_desktop.ui.case.tab import CasesTab

        tier = Tier.TARGETED if name == "tier2" else Tier.INTENSIVE
        tab = cases = CasesTab(window.database, tier)
        cases.circleRequested.connect(window.run_circle_for_case)
        cases.caseOpenRequested.connect(window.windows.case)
        cases.conversationRequested.connect(lambda: new_conversation(window))
    tab.recordsChanged.connect(window.records_changed)
    return tab


def connect_home(window: LinkedWindow, home: "HomeTab") -> None:
    home.circleOpenRequested.connect(window.open_circle)
    home.caseOpenRequested.connect(window.windows.case)
    home.dueListRequested.connect(window.windows.due_list)
    home.backupsRequested.connect(window.safekeeping.show_backups)
    home.show_off_laptop(window.safekeeping.last_off_laptop_copy())
    window.safekeeping.offLaptopCopied.connect(home.show_off_laptop)
    home.newCircleRequested.connect(lambda: _new_in(window, "tier1"))
    home.newCaseRequested.connect(
        lambda tier: _new_in(window, "tier3" if tier == Tier.INTENSIVE else "tier2")
    )
    home.runCircleRequested.connect(lambda: window.show_view("circle"))
    home.rosterImportRequested.connect(window.import_roster)
    home.recordsChanged.connect(window.records_changed)
    home.newConversation.connect(lambda: new_conversation(window))
    home.retentionRequested.connect(window.safekeeping.remove_old)
    home.logPracticeRequested.connect(lambda: window.windows.log_practice())


def new_conversation(window: LinkedWindow) -> "ConversationWindow":
    """The conversation window, in front of the main window; once saved, the lists read again
    and the new case opens in its own window."""
    from rp_desktop.ui.conversation.window import ConversationWindow

    form = ConversationWindow(window.database, parent=window.window())
    form.saved.connect(lambda _case_id: window.records_changed())
    form.saved.connect(window.windows.case)
    form.open()
    return form


def _new_in(window: LinkedWindow, view: str) -> None:
    """Show the list, then its form for a new record."""
    window.show_view(view)
    tab = window.current_list()
    if tab is not None:
        tab.new_record()


def make_reports_tab(window: LinkedWindow) -> "ReportsTab":
    """The Reports tab, built when first shown (Qt Charts are heavy), reading when shown."""
    from rp_desktop.ui.reports.tab import ReportsTab

    tab = ReportsTab(window.database, lambda: window.school.school_year)
    tab.caseOpenRequested.connect(window.windows.case)
    tab.circleOpenRequested.connect(window.open_circle)
    tab.studentOpenRequested.connect(window.windows.timeline)
    window.mark_stale(tab)
    return tab


def make_circle_tab(window: LinkedWindow) -> "CircleSetupTab":
    """The circle set-up, imported when first shown: the circle's screens (charts, sound) are
    heavy, and start-up does not need them."""
    from rp_desktop.ui.run_circle.setup_tab import CircleSetupTab

    tab = CircleSetupTab(window.database, window.school.school_year)
    tab.circleSaved.connect(lambda _saved: window.records_changed())
    tab.recordRequested.connect(window.open_saved_circle)
    return tab
