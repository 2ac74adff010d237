"""The Backups dialog: the backups kept of this database (in words: `backup_list.py`), backing up
now, restoring one (after backing up the present state), the district's recovery copy, the
folder they are kept in, and a second place off this laptop (`off_laptop.py`)."""

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QSize,
    Qt,
    QUrl,
)
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rp_desktop.domain.safekeeping.passphrase import Passphrase
from rp_desktop.services.safekeeping import backups
from rp_desktop.services.safekeeping.backups import (
    Backup,
    BackupMade,
    BackupReason,
    SamePassphrase,
)
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui import dialogs
from rp_desktop.ui.background import Work
from rp_desktop.ui.safekeeping.backup_list import (
    BackupListModel,
    size_words,
)
from rp_desktop.ui.safekeeping.off_laptop import SecondPlaceBox, backed_up_words
from rp_desktop.ui.safekeeping.recovery_copy import RecoveryCopyDialog
from rp_desktop.ui.safekeeping.restore_run import (
    RestorePanel,
    ask_earlier_passphrase,
    confirm_restore,
)
from rp_desktop.ui.screen_fit import fit_to_screen

if TYPE_CHECKING:
    from rp_desktop.ui.safekeeping.backup_schedule import BackupSchedule


class BackupsDialog(QDialog):
    """The backups of `db`. `restored` is True once a backup has been put in place."""

    def __init__(
        self,
        db: Database,
        parent: QWidget | None = None,
        *,
        folder: Path | None = None,
        schedule: "BackupSchedule | None" = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self.folder = folder or backups.backups_folder(db)
        self._schedule = schedule  # Back up now runs on its worker, with the second place
        self.restored = False
        self.setWindowTitle(self.tr("Backups"))
        fit_to_screen(self, QSize(760, 520), "backups")
        intro = QLabel(self._intro(db), wordWrap=True)
        self.table = QTableView()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName(self.tr("Backups"))
        self.empty = QLabel(self.tr("There are no backups of this database yet."))
        self.outcome = QLabel(wordWrap=True)
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.second_place = SecondPlaceBox()
        self.restoring = self._restore_panel()
        buttons = self._make_buttons()
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.second_place)
        layout.addWidget(self.outcome)
        layout.addWidget(self.restoring)
        layout.addLayout(buttons)
        self.reload()
        self._listen(schedule)

    def _intro(self, db: Database) -> str:
        locked = (
            self.tr("They are encrypted with the same passphrase as your records.")
            if db.encrypted
            else self.tr("Like your records, they are not encrypted.")
        )
        return self.tr(
            "RP Desktop backs up your records by itself: every half hour while you work, "
            "and when you close it. It keeps the last four, and the newest of each of the last "
            "7 days, 4 weeks and 12 months, on this computer. {locked}"
        ).format(locked=locked)

    def _make_buttons(self) -> QHBoxLayout:
        self.back_up_button = QPushButton(self.tr("Back up now"))
        self.restore_button = QPushButton(self.tr("Restore…"))
        self.recovery_button = QPushButton(self.tr("Make a recovery copy…"))
        self.folder_button = QPushButton(self.tr("Open the backups folder"))
        close_button = QPushButton(self.tr("Close"))
        self.back_up_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self.restore_chosen)
        self.recovery_button.clicked.connect(self.make_recovery_copy)
        self.folder_button.clicked.connect(self.open_folder)
        close_button.clicked.connect(self.accept)
        row = QHBoxLayout()
        for button in (self.back_up_button, self.restore_button, self.recovery_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.folder_button)
        row.addWidget(close_button)
        return row

    def reload(self) -> None:
        self.model = BackupListModel(
            backups.list_backups(self._db.path, self._db.key, folder=self.folder),
            encrypted=self._db.encrypted,
        )
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.empty.setVisible(self.model.rowCount() == 0)
        if self.model.rowCount():
            self.table.selectRow(0)
        self._selection_changed()

    def chosen(self) -> Backup | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.backup(rows[0].row()) if rows else None

    def _selection_changed(self) -> None:
        chosen = self.chosen()
        self.restore_button.setEnabled(
            chosen is not None
            and (chosen.readable is not False or self._db.encrypted)
            and not self.restoring.busy
        )

    def back_up_now(self) -> None:
        """Through the schedule (the copy on its worker) when there is one; else here."""
        if self._schedule is not None:
            self._schedule.wait()
            self.back_up_button.setEnabled(False)
            self.restore_button.setEnabled(False)  # not while the copy is made
            self.outcome.setText(self.tr("Backing up…"))
            if not self._schedule.back_up_now(BackupReason.BY_HAND):
                self._not_made()
            return
        try:
            made = backups.make_backup(self._db, BackupReason.BY_HAND, folder=self.folder)
        except Exception:  # any failure is told in plain words; the records are untouched
            self._not_made()
            return
        self._backed_up(made)

    def _listen(self, schedule: "BackupSchedule | None") -> None:
        if schedule is not None:
            schedule.backedUp.connect(self._backed_up)
            schedule.notMade.connect(self._not_made)
            self.finished.connect(lambda _code: self._stop_listening(schedule))

    def _stop_listening(self, schedule: "BackupSchedule") -> None:
        schedule.backedUp.disconnect(self._backed_up)
        schedule.notMade.disconnect(self._not_made)

    def _backed_up(self, made: BackupMade) -> None:
        self.back_up_button.setEnabled(True)
        self.reload()
        self.outcome.setText(backed_up_words(made, size_words(made.path.stat().st_size)))

    def _not_made(self) -> None:
        self.back_up_button.setEnabled(True)
        self._selection_changed()
        self._failed(self.tr("The backup could not be made. Check that the disk is not full."))

    def restore_chosen(self) -> Work | None:
        """Ask, then restore the chosen backup on a worker (restore_run.py)."""
        chosen = self.chosen()
        if chosen is None or self.restoring.busy or not confirm_restore(self, chosen):
            return None
        earlier: Passphrase | None = None
        if chosen.readable is False and self._db.encrypted:
            earlier = self.ask_earlier_passphrase()
            if earlier is None:
                return None
        self.outcome.setText("")
        work = self.restoring.restore(self._db, chosen, self.folder, earlier)
        self._restore_buttons()
        return work

    def _restore_panel(self) -> RestorePanel:
        panel = RestorePanel(self)
        panel.restored.connect(self._restored)
        panel.notRestored.connect(self._failed)
        panel.cancelled.connect(self.outcome.setText)
        panel.ended.connect(self._restore_buttons)
        return panel

    def _restored(self, words: str) -> None:
        self.restored = True
        self.reload()
        self.outcome.setText(words)

    def _restore_buttons(self) -> None:
        for button in (self.back_up_button, self.recovery_button):
            button.setEnabled(not self.restoring.busy)
        self._selection_changed()

    def done(self, code: int) -> None:  # Close, Escape and the title bar's button alike
        if self.restoring.may_close(self.tr("Stop restoring? Your records stay as they are.")):
            super().done(code)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.restoring.busy:
            event.ignore()
            self.reject()
            return
        super().closeEvent(event)

    def ask_earlier_passphrase(self) -> Passphrase | None:
        return ask_earlier_passphrase(self)

    def make_recovery_copy(self) -> None:
        request = RecoveryCopyDialog.ask(self, self._db)
        if request is None:
            return
        try:
            backups.make_recovery_copy(self._db, request.passphrase, request.target)
        except SamePassphrase:
            self._failed(
                self.tr(
                    "That is the passphrase of your records. The recovery copy needs the "
                    "district's passphrase, a different one."
                )
            )
            return
        except Exception:  # a folder that cannot be written, a full disk: said plainly
            self._failed(
                self.tr("The recovery copy could not be saved there. Choose another place.")
            )
            return
        self.outcome.setText(
            self.tr(
                "Saved the recovery copy to {path}. Give it to your district as they ask; "
                "only the district's passphrase opens it."
            ).format(path=request.target)
        )

    def open_folder(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))

    def _failed(self, text: str) -> None:
        self.outcome.setText("")
        dialogs.show_error(self, self.tr("Backups"), text)


def open_backups_dialog(
    parent: QWidget | None,
    db: Database,
    *,
    folder: Path | None = None,
    schedule: "BackupSchedule | None" = None,
) -> bool:
    """Show the Backups dialog; True when a backup was restored (every list must reload)."""
    dialog = BackupsDialog(db, parent, folder=folder, schedule=schedule)
    dialogs.wait_for(dialog)
    return dialog.restored
