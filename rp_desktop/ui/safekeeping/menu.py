"""The main window's safekeeping: the quick check of the file as it opens, scheduled backups
and the status line that says when the last one was made, and the menu entries for Backups,
Remove old records, the audit trail and Check database. Each dialog is imported when first
opened: start-up does not need them."""

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu

from rp_desktop.services.safekeeping.backups import BackupMade
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui.safekeeping import off_laptop
from rp_desktop.ui.safekeeping.backup_schedule import BackupSchedule
from rp_desktop.ui.safekeeping.quick_check import QuickCheck


def _tr(text: str) -> str:
    return QCoreApplication.translate("Safekeeping", text)


class Safekeeping(QObject):
    """Backs up on a schedule and on close, and opens the dialogs that keep the data safe.

    `records_changed` is called after a restore or a purge, so every list reads again.
    Signal: offLaptopCopied(object): a backup was copied off this laptop at this UTC datetime."""

    offLaptopCopied = Signal(object)

    def __init__(
        self, window: QMainWindow, db: Database, records_changed: Callable[[], None]
    ) -> None:
        super().__init__(window)
        self._window = window
        self._db = db
        self._records_changed = records_changed
        self.schedule = BackupSchedule(db, db.now, self, second_place=off_laptop.second_place)
        self.quick_check = QuickCheck(db, window)
        self.last_backup = QLabel()
        self.last_backup.setToolTip(_tr("Backups are made every half hour while you work"))
        self.off_laptop = QLabel()
        self.off_laptop.setAccessibleName(_tr("Copies off this laptop"))
        self.show_off_laptop()
        self.schedule.backedUp.connect(self._show_last_backup)

    def add_to_file_menu(self, menu: QMenu) -> None:
        menu.addAction(_tr("&Backups…")).triggered.connect(self.show_backups)
        menu.addAction(_tr("&Remove old records…")).triggered.connect(self.remove_old)

    def add_to_help_menu(self, menu: QMenu) -> None:
        menu.addAction(_tr("&Audit trail…")).triggered.connect(self.show_audit_trail)
        menu.addAction(_tr("&Check database…")).triggered.connect(self.check_database)

    def show_backups(self) -> None:
        from rp_desktop.ui.safekeeping.backups_dialog import open_backups_dialog

        self.schedule.wait()  # a restore must not race a backup being made
        restored = open_backups_dialog(self._window, self._db, schedule=self.schedule)
        self.show_off_laptop()
        if restored:
            self._records_changed()

    def remove_old(self) -> None:
        from rp_desktop.ui.safekeeping.retention.screen import open_retention_dialog

        self.schedule.wait()
        if open_retention_dialog(self._window, self._db):
            self._records_changed()

    def show_audit_trail(self) -> None:
        from rp_desktop.ui.safekeeping.audit_viewer import open_audit_viewer

        open_audit_viewer(self._window, self._db)

    def check_database(self) -> None:
        from rp_desktop.ui.safekeeping.check_dialog import open_check_dialog

        open_check_dialog(self._window, self._db)

    def before_lock(self) -> None:
        """The key is about to be forgotten: let a backup or a check under way finish first."""
        self.quick_check.wait()
        self.schedule.wait()

    def on_close(self) -> None:
        """The window closes: finish the check, then back up what changed."""
        self.quick_check.wait()
        self.schedule.on_close()

    def _show_last_backup(self, made: BackupMade) -> None:
        when = made.taken_at.astimezone().strftime("%H:%M")
        self.last_backup.setText(_tr("Backed up at {time}").format(time=when))
        self.second_copied(made)

    def second_copied(self, made: BackupMade) -> str:
        """Note how the copy off this laptop went; the sentence to show when it was not made."""
        second = made.second
        if second is None:
            return ""
        if second.path is not None:
            off_laptop.remember_off_laptop_copy(self._db.identity, made.taken_at)
            self.offLaptopCopied.emit(made.taken_at)
            self.show_off_laptop()
            return ""
        missed = off_laptop.missed_words(second)
        self.off_laptop.setToolTip(missed)
        return missed

    def last_off_laptop_copy(self) -> datetime | None:
        return off_laptop.last_off_laptop_copy(self._db.identity)

    def show_off_laptop(self) -> None:
        """Say in the status bar when the last copy off this laptop was made."""
        last = self.last_off_laptop_copy()
        self.off_laptop.setText(off_laptop.off_laptop_words(last, self._db.now()))
        chosen = off_laptop.second_place()
        self.off_laptop.setToolTip(
            _tr("Backups are also copied to {place} when it is connected").format(place=chosen)
            if chosen is not None
            else _tr("Choose a second place for backups in File ▸ Backups…")
        )
