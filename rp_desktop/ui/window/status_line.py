"""The main window's status bar: which school and year, what is due, which database, the last
backup, when the last copy was made off this laptop, and whether the file is encrypted. It
names the school, never a student."""

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QStatusBar

from rp_desktop.domain import school_year
from rp_desktop.domain.records import SchoolInfo
from rp_desktop.services.casework.due_items import due_items
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui.lock.security_menu import encryption_label
from rp_desktop.ui.safekeeping.menu import Safekeeping


def _tr(text: str) -> str:
    return QCoreApplication.translate("StatusLine", text)


class StatusLine:
    """Fills `bar`; `show_due()` counts the agreement items due again after a change."""

    def __init__(
        self,
        bar: QStatusBar,
        db: Database,
        school: SchoolInfo,
        safekeeping: Safekeeping,
        open_due_list: Callable[[], object],
    ) -> None:
        self._db = db
        where = QLabel(_tr("Database: {path}").format(path=db.path))
        where.setToolTip(str(db.path))
        year = school_year.label(school.school_year)
        bar.addWidget(
            QLabel(_tr("{school} · school year {year}").format(school=school.name, year=year))
        )
        self.due = QLabel()
        self.due.linkActivated.connect(lambda _link: open_due_list())
        bar.addWidget(self.due)
        bar.addPermanentWidget(where)
        bar.addPermanentWidget(safekeeping.last_backup)
        bar.addPermanentWidget(safekeeping.off_laptop)
        bar.addPermanentWidget(encryption_label(db))
        self.show_due()

    def show_due(self) -> None:
        """How many agreement items are overdue or due this week, one click from the list."""
        soon, overdue = due_items(self._db, self._db.today())
        if not soon and not overdue:
            self.due.setText(_tr("No agreements due this week"))
            return
        text = _tr("{overdue} overdue · {soon} due this week").format(
            overdue=len(overdue), soon=len(soon)
        )
        self.due.setText(f'<a href="due">{text}</a>')
