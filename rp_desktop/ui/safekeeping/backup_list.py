"""The backups in words: when one was taken, why, how large it is, why one cannot be restored;
and the table model that lists them."""

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTime

from rp_desktop.services.safekeeping.backups import Backup, BackupReason, Unfit
from rp_desktop.ui.lists.rows_model import RowsModel


def _tr(text: str) -> str:
    return QCoreApplication.translate("Backups", text)


def backup_time(at: datetime) -> str:
    """When a backup was taken, in the user's time and words: "Tuesday, March 10, 2026, 3:00 PM"."""
    local = at.astimezone()
    locale = QLocale()
    day = locale.toString(QDate(local.year, local.month, local.day), QLocale.FormatType.LongFormat)
    time = locale.toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)
    return f"{day}, {time}"


def size_words(size: int) -> str:
    return QLocale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeSIFormat)


def reason_words(reason: BackupReason) -> str:
    return {
        BackupReason.SCHEDULED: _tr("While you worked"),
        BackupReason.CLOSING: _tr("When RP Desktop closed"),
        BackupReason.BY_HAND: _tr("Backed up by hand"),
        BackupReason.BEFORE_RESTORE: _tr("Before a restore"),
        BackupReason.BEFORE_PURGE: _tr("Before old records were removed"),
        BackupReason.COMMAND_LINE: _tr("From the command line"),
    }[reason]


def unfit_words(reason: Unfit) -> str:
    """Why a backup cannot be restored: the service's reasons (backup_files.py) in the
    window's words."""
    return {
        Unfit.UNREADABLE: _tr(
            "That backup does not open with this passphrase. It may have been made before "
            "the passphrase was changed, or its first page is damaged."
        ),
        Unfit.DAMAGED: _tr(
            "That backup is damaged: it is incomplete, or its pages do not read. Choose "
            "another one."
        ),
        Unfit.NOT_RP_DESKTOP: _tr(
            "That file is not an RP Desktop database or backup. Choose another one."
        ),
        Unfit.TOO_NEW: _tr(
            "That backup was made by a newer version of RP Desktop. Install that version to "
            "restore it."
        ),
        Unfit.SAME_FILE: _tr("That file is the database itself, not a backup of it."),
        Unfit.OTHER_DATABASE: _tr(
            "That backup is of a different database, not of this one, so it was not put in "
            "its place. To use it, restore it as a new database from the first screen, "
            "where there is no database yet."
        ),
    }[reason]


class BackupListModel(RowsModel[Backup]):
    """The backups, newest first: when, why, size, and whether this passphrase opens them."""

    def __init__(self, rows: list[Backup], *, encrypted: bool = True) -> None:
        super().__init__()
        self.set_rows(
            rows,
            [self.tr("Taken"), self.tr("Why"), self.tr("Size"), self.tr("Can be restored")],
        )
        # An encrypted database's backup that its key does not open was most likely made
        # before the passphrase was changed; the earlier passphrase restores it.
        self._not_opened = (
            self.tr("With its earlier passphrase") if encrypted else self.tr("No: it does not open")
        )

    def backup(self, row: int) -> Backup:
        return self.row(row)

    def text(self, row: Backup, column: int) -> str:
        opens = {True: self.tr("Yes"), False: self._not_opened, None: ""}
        return (
            backup_time(row.taken_at),
            reason_words(row.reason),
            size_words(row.size),
            opens[row.readable],
        )[column]
