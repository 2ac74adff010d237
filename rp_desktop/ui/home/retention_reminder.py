"""Home's once-a-school-year line: some cases are older than the school keeps them, with a button
to the retention screen (where they can be reviewed and removed) and "Not now". Either one is a
review: the line leaves until the next school year (services/safekeeping/retention/reminder.py).
It names no case and no student: only how many, and from before which day."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.retention.reminder import (
    RetentionReminder,
    mark_retention_reviewed,
    retention_reminder,
)
from rp_desktop.ui.words.formatting import counted, format_date


class RetentionReminderNote(QFrame):
    """Hidden unless a review is due. Signal: reviewRequested() (open the retention screen)."""

    reviewRequested = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.reminder: RetentionReminder | None = None
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("retentionReminder")
        self.text = QLabel(wordWrap=True)
        self.review = QPushButton(self.tr("Review old cases…"))
        self.review.setAccessibleName(self.tr("Open Remove old records to review old cases"))
        self.not_now = QPushButton(self.tr("Not now"))
        self.not_now.setAccessibleName(self.tr("Not now: remind me next school year"))
        self.review.clicked.connect(self._review)
        self.not_now.clicked.connect(self._not_now)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.text, 1)
        row.addWidget(self.review)
        row.addWidget(self.not_now)
        self.hide()

    def reload(self) -> None:
        """Show the line when a review is due this school year, else hide it."""
        self.reminder = retention_reminder(self._db)
        if self.reminder is None:
            self.hide()
            return
        self.text.setText(self.words(self.reminder))
        self.show()

    def words(self, reminder: RetentionReminder) -> str:
        lead = counted(
            reminder.cases,
            self.tr("1 case is older than the retention period — review it for removal."),
            self.tr("{count} cases are older than the retention period — review them for removal."),
        )
        kept = self.tr(
            "The school keeps this school year and the {years} school years before it; these "
            "closed before {day}."
        ).format(years=reminder.years, day=format_date(reminder.cutoff))
        return f"{lead} {kept}"

    def _review(self) -> None:
        self.reviewRequested.emit()  # the retention screen records the review when it closes
        self.reload()

    def _not_now(self) -> None:
        mark_retention_reviewed(self._db)
        self.reload()
