"""The windows opened from the main window: a case, a student's timeline, the agreements due,
the practice log (and the "Log a practice" form, which says in the status bar what it logged).
One window per record, brought forward when asked for again; Esc and Ctrl+W close each (a case
with an unsaved note asks first), and the keyboard is set up in every window
(ui/keyboard.py)."""

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui.keyboard import closes_on_keys, keyboard_first

SAID_FOR_MS = 10_000  # how long the status bar says what was just logged


class OpenWindows(QObject):
    """Keeps the secondary windows alive and in front when asked for.

    Signals:
        recordsChanged(): something was saved in one of them; lists may need a reload.
    """

    recordsChanged = Signal()

    def __init__(self, db: Database, school_name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._school = school_name
        self._windows: dict[tuple[str, int], QWidget] = {}
        keyboard_first()  # done once the first screen was drawn; not in tests and benchmarks

    def case(self, case_id: int) -> QWidget:
        from rp_desktop.ui.case.case_window import CaseWindow

        def make() -> QWidget:
            window = CaseWindow(
                self._db, case_id, school_name=self._school, open_student=self.timeline
            )
            window.changed.connect(self.recordsChanged)
            return window

        return self._show(("case", case_id), make)

    def timeline(self, student_id: int) -> QWidget:
        from rp_desktop.ui.students.timeline import StudentTimeline

        def make() -> QWidget:
            window = StudentTimeline(self._db, student_id)
            window.caseRequested.connect(self.case)
            return window

        return self._show(("timeline", student_id), make)

    def due_list(self) -> QWidget:
        from rp_desktop.ui.home.due_list import DueList

        def make() -> QWidget:
            window = DueList(self._db)
            window.caseRequested.connect(self.case)
            window.changed.connect(self.recordsChanged)
            return window

        return self._show(("due", 0), make)

    def new_referral(self) -> QWidget:
        """The form that takes a referral in; once saved, the lists and Home read again."""
        from rp_desktop.ui.referrals.form import ReferralForm

        form = ReferralForm(self._db, parent=QApplication.activeWindow())
        form.saved.connect(lambda _id: self.recordsChanged.emit())
        form.open()
        return form

    def log_practice(self, confirmation: str = "", parent: QWidget | None = None) -> QWidget:
        """The "Log a practice" form, in front of `parent` (the main window by default)."""
        from rp_desktop.ui.practice.dialog import LogPracticeDialog

        owner = self.parent()
        front = parent or (owner if isinstance(owner, QWidget) else None)
        form = LogPracticeDialog(self._db, confirmation=confirmation, parent=front)
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # one is made each time
        form.saved.connect(lambda _id: self.recordsChanged.emit())
        form.logged.connect(self._say)
        form.anotherRequested.connect(lambda said: self.log_practice(said, parent))
        form.logWindowRequested.connect(self.practice_log)
        form.open()
        return form

    def practice_log(self) -> QWidget:
        from rp_desktop.ui.practice.log_window import PracticeLogWindow

        def make() -> QWidget:
            window = PracticeLogWindow(self._db)
            window.caseOpenRequested.connect(self.case)
            window.changed.connect(self.recordsChanged)
            window.logRequested.connect(lambda: self.log_practice(parent=window))
            return window

        return self._show(("practice", 0), make)

    def _say(self, text: str) -> None:
        owner = self.parent()
        if isinstance(owner, QMainWindow):
            owner.statusBar().showMessage(text, SAID_FOR_MS)

    def refresh(self) -> None:
        """Re-read the open windows after a change made elsewhere."""
        for window in self._windows.values():
            reload = getattr(window, "reload", None)
            if callable(reload) and window.isVisible():
                reload()

    def close_all(self) -> None:
        for window in list(self._windows.values()):
            window.close()
        self._windows.clear()

    def _show(self, key: tuple[str, int], make: Callable[[], QWidget]) -> QWidget:
        window = self._windows.get(key)
        if window is None or not window.isVisible():
            window = make()
            closes_on_keys(window)
            self._windows[key] = window
        window.show()
        window.raise_()
        window.activateWindow()
        return window
