"""Copies of backups off this laptop: the second folder chosen (a setting of this laptop) and
the Backups dialog's box that chooses it; in words, when the last copy was made there and why
one was not. The copying itself is in
services/safekeeping/second_place.py; the ui is the only part that reads the setting."""

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QWidget

from rp_desktop.services.safekeeping.backups import BackupMade
from rp_desktop.services.safekeeping.second_place import Missed, SecondCopy
from rp_desktop.ui import choosers
from rp_desktop.ui.settings import SECOND_PLACE, Option


def _tr(text: str) -> str:
    return QCoreApplication.translate("OffLaptop", text)


def second_place() -> Path | None:
    """The second folder chosen on this laptop, or None."""
    chosen = SECOND_PLACE.read(QSettings())
    return Path(chosen) if chosen else None


def choose_second_place(folder: Path | None) -> None:
    SECOND_PLACE.write(QSettings(), "" if folder is None else str(folder))


def _last_copy_option(identity: str) -> Option[str]:
    return Option(f"backups/last_off_laptop/{identity or 'unknown'}", "")


def last_off_laptop_copy(identity: str) -> datetime | None:
    """When the last copy of this database's backups was made off this laptop, or None."""
    stored = _last_copy_option(identity).read(QSettings())
    try:
        return datetime.fromisoformat(stored).astimezone(UTC) if stored else None
    except ValueError:
        return None


def remember_off_laptop_copy(identity: str, at: datetime) -> None:
    _last_copy_option(identity).write(QSettings(), at.astimezone(UTC).isoformat())


def age_words(then: datetime, now: datetime) -> str:
    """ "just now", "3 hours ago", "3 days ago"."""
    seconds = max(0, int((now - then).total_seconds()))
    if seconds < 3600:
        return _tr("just now") if seconds < 120 else _tr("{n} minutes ago").format(n=seconds // 60)
    if seconds < 2 * 86400:
        hours = seconds // 3600
        return _tr("1 hour ago") if hours == 1 else _tr("{n} hours ago").format(n=hours)
    return _tr("{n} days ago").format(n=seconds // 86400)


def off_laptop_words(last: datetime | None, now: datetime) -> str:
    if last is None:
        return _tr("No copy off this laptop yet")
    return _tr("Last copy off this laptop: {age}").format(age=age_words(last, now))


def backed_up_words(made: BackupMade, size: str) -> str:
    """A backup made just now, and how the copy off this laptop went."""
    text = _tr("Backed up just now ({size}).").format(size=size)
    second = made.second
    if second is not None and second.path is not None:
        text += " " + _tr("A copy is also in {place}.").format(place=second.place)
    elif second is not None:
        text += " " + missed_words(second)
    return text


def missed_words(copy: SecondCopy) -> str:
    """Why the copy to the second place was not made, in one sentence."""
    why = {
        Missed.NOT_CONNECTED: _tr("the drive is not connected"),
        Missed.FULL: _tr("there is no room left there"),
        Missed.NOT_WRITABLE: _tr("RP Desktop may not write there"),
        Missed.NOT_VERIFIED: _tr("the copy did not read back the same, so it was removed"),
    }[copy.missed or Missed.NOT_VERIFIED]
    return _tr(
        "The copy to {place} was not made: {why}. The backup on this laptop was made as usual."
    ).format(place=copy.place, why=why)


class SecondPlaceBox(QGroupBox):
    """The second place in the Backups dialog: which folder (or none), whether it is connected
    now, and buttons to choose one or stop copying there. The choice is this laptop's."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_tr("A second place, off this laptop"), parent)
        self.where = QLabel(wordWrap=True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.choose_button = QPushButton(_tr("Choose a second place…"))
        self.stop_button = QPushButton(_tr("Stop copying there"))
        self.choose_button.clicked.connect(self.choose)
        self.stop_button.clicked.connect(self.stop)
        row = QHBoxLayout(self)
        row.addWidget(self.where, 1)
        row.addWidget(self.choose_button)
        row.addWidget(self.stop_button)
        self.show_place()

    def show_place(self) -> None:
        place = second_place()
        self.stop_button.setEnabled(place is not None)
        if place is None:
            text = _tr(
                "Backups stay on this laptop only. Choose a USB drive or a district network "
                "folder, and each backup is also copied there when it is connected."
            )
        elif place.is_dir():
            text = _tr("Each backup is also copied to {place} (connected now).")
        else:
            text = _tr(
                "Each backup is also copied to {place} when it is connected (it is not now)."
            )
        self.where.setText(text.format(place=place))

    def choose(self) -> None:
        start = str(second_place() or Path.home())
        chosen = choosers.choose_folder(self, _tr("A second place for backups"), start)
        if chosen is not None:
            choose_second_place(chosen)
            self.show_place()

    def stop(self) -> None:
        choose_second_place(None)
        self.show_place()
