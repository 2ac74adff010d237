"""Home's one-line note when the backups have not been copied off this laptop for a week (or
ever), with a button to the Backups dialog, where a second place is chosen. Calm: a lost laptop
is a risk to name, not an alarm."""

from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from rp_desktop.services.home import off_laptop_copy_overdue
from rp_desktop.ui.words.formatting import format_date


class OffLaptopNote(QFrame):
    """Hidden while a copy off this laptop is less than a week old. Signal: backupsRequested()."""

    backupsRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("offLaptopNote")
        self.text = QLabel(wordWrap=True)
        self.button = QPushButton(self.tr("Backups…"))
        self.button.setAccessibleName(self.tr("Open Backups to choose a second place"))
        self.button.clicked.connect(self.backupsRequested)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.text, 1)
        row.addWidget(self.button)
        self.hide()

    def show_for(self, last_copy: datetime | None, now: datetime) -> None:
        """Show the note when `last_copy` (UTC; None for never) is more than a week before `now`."""
        if not off_laptop_copy_overdue(last_copy, now):
            self.hide()
            return
        if last_copy is None:
            text = self.tr(
                "Your backups are only on this laptop. If it is lost, they go with it: choose "
                "a second place (a USB drive or a district folder) in Backups."
            )
        else:
            text = self.tr(
                "The last copy of your backups off this laptop was made on {day}, more than a "
                "week ago. Connect the second place, or choose another, in Backups."
            ).format(day=format_date(last_copy.astimezone().date()))
        self.text.setText(text)
        self.show()
