"""Remove old records: choose how many school years to keep, see in plain words what would be
removed (`words.py`), and remove it for good after a backup and a tick that says the
user understands.

Nothing is removed without a preview of the same choice; the purge itself refuses when the
records changed since (another window saved a case on hold, say). The backup and the purge run
on a worker (ui/background.py) with a progress bar: Cancel, until the removal commits, rolls it
back and removes nothing; the backup made just before stays. Wiping the freed space afterwards
cannot be stopped."""

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from rp_desktop.domain import school_year
from rp_desktop.domain.progress import Progress
from rp_desktop.domain.safekeeping.retention import (
    LEAST_YEARS,
    MOST_YEARS,
    PurgeCounts,
    cutoff_date,
)
from rp_desktop.services.safekeeping import backups
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.errors import DatabaseError
from rp_desktop.services.safekeeping.retention import reminder, removal
from rp_desktop.services.safekeeping.retention.removal import PurgePreview
from rp_desktop.ui import dialogs
from rp_desktop.ui.background import Work, WorkPanel
from rp_desktop.ui.safekeeping.retention.words import (
    BACKING_UP,
    failure_words,
    preview_lines,
    purge_step_words,
)
from rp_desktop.ui.screen_fit import fit_to_screen
from rp_desktop.ui.words.formatting import counted, format_date

WARNING_STYLE = "background: #fff4e0; color: #6b4100; padding: 8px; border-radius: 4px;"
PROBLEM_STYLE = "color: #b00020;"
DONE_STYLE = "color: #1b5e20; font-weight: bold;"


def backup_before_purge(db: Database) -> Callable[[], object]:
    """A verified backup of the whole database, made just before removing anything."""
    return lambda: backups.make_backup(db, backups.BackupReason.BEFORE_PURGE)


class BackupNotMade(Exception):
    """The backup before the purge failed; nothing was removed."""


class RetentionDialog(QDialog):
    """Preview and remove records older than the chosen number of school years.

    Signals:
        purged(int): records were removed (how many).
    """

    purged = Signal(int)

    def __init__(
        self,
        db: Database,
        backup: Callable[[], object] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._backup = backup or backup_before_purge(db)
        self.preview: PurgePreview | None = None
        self.removed: PurgeCounts | None = None
        self.setWindowTitle(self.tr("Remove old records"))
        kept = reminder.retention_years(db)  # as chosen last time (5 until then)
        self.years = QSpinBox(minimum=LEAST_YEARS, maximum=MOST_YEARS, value=kept)
        self.span = QLabel(wordWrap=True)
        self.preview_button = QPushButton(self.tr("Preview"))
        self.outcome = QLabel(wordWrap=True)
        self.outcome.setTextFormat(Qt.TextFormat.RichText)
        self.outcome.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.warning = QLabel(wordWrap=True)
        self.warning.setStyleSheet(WARNING_STYLE)
        self.understood = QCheckBox(
            self.tr("I understand that these records will be gone for good")
        )
        self.remove_button = QPushButton(self.tr("Remove"))
        self.close_button = QPushButton(self.tr("Close"))
        self.status = QLabel(wordWrap=True)
        self.panel = WorkPanel(purge_step_words, self)
        self._lay_out()
        self.years.valueChanged.connect(self._choice_changed)
        self.preview_button.clicked.connect(self.show_preview)
        self.understood.toggled.connect(self._update_remove)
        self.remove_button.clicked.connect(self.remove)
        self.close_button.clicked.connect(self.reject)
        self._choice_changed()
        fit_to_screen(self, QSize(640, 520), "retention")

    # -- what the buttons do ------------------------------------------------------------------
    def show_preview(self) -> PurgePreview:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # a second or two
        try:
            self.preview = removal.preview_purge(self._db, self.years.value())
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._show_counts(self.preview)
        self.status.clear()
        self._update_remove()
        return self.preview

    def remove(self) -> Work | None:
        """Back up, then remove what the preview counted, on a worker (`panel` shows how far
        it has got, and Cancel rolls the removal back); the dialog says what happened."""
        preview = self.preview
        if preview is None or not self._may_remove():
            return None
        backup, db = self._backup, self._db

        def job(progress: Progress) -> PurgeCounts:
            progress(0, 1, BACKING_UP)
            try:
                backup()
            except (OSError, DatabaseError, ValueError) as error:
                raise BackupNotMade() from error
            return removal.purge(
                db, preview.years, confirm_counts=preview.counts, progress=progress
            )

        work = self.panel.run(job, name="purge")
        self._set_working()
        work.succeeded.connect(lambda removed: self._finished(removed, compacted=True))
        work.failed.connect(self._failed)
        work.cancelled.connect(self._cancelled)
        work.ended.connect(self._set_working)
        return work

    # -- private ------------------------------------------------------------------------------
    def _failed(self, error: object) -> None:
        if isinstance(error, removal.NotCompacted):
            self._finished(error.counts, compacted=False)
            return
        if isinstance(error, removal.PreviewOutdated):
            self.understood.setChecked(False)
            self.show_preview()
        why = {removal.PreviewOutdated: "outdated", BackupNotMade: "backup"}.get(type(error))
        self._say(failure_words(why or "other"), False)

    def _cancelled(self) -> None:
        work = self.panel.work
        locked = work is not None and work.stopped_by_lock
        self._say(failure_words("locked" if locked else "cancelled"), False)

    def _set_working(self) -> None:
        """While the work runs, nothing else can be started; after, what may be is on again."""
        free = not self.panel.busy and self.removed is None
        for control in (self.years, self.preview_button, self.understood):
            control.setEnabled(free)
        self._update_remove()

    def reject(self) -> None:
        question = self.tr(
            "Stop removing old records? Nothing will be removed; the backup made just before stays."
        )
        if self.panel.may_close(question):
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.panel.busy:
            event.ignore()
            self.reject()
            return
        super().closeEvent(event)

    def _finished(self, removed: PurgeCounts, *, compacted: bool) -> None:
        assert self.preview is not None
        self._show_counts(
            PurgePreview(self.preview.years, self.preview.cutoff, removed), self.tr("Removed:")
        )
        self.removed = removed
        self.preview = None
        self.understood.setChecked(False)
        self._set_working()  # all off: removed once
        words = counted(
            removed.removed,
            self.tr("1 record was removed."),
            self.tr("{count} records were removed."),
        )
        if not compacted:
            words += " " + self.tr(
                "Their space in the file could not be wiped yet, because another program had "
                "the database open. Close other programs and remove old records again."
            )
        self._say(words, compacted)
        self._update_remove()
        self.purged.emit(removed.removed)

    def _show_counts(self, preview: PurgePreview, header: str = "") -> None:
        if preview.counts.removed == 0:
            self.outcome.setText(self.tr("Nothing is older than that: there is nothing to remove."))
            return
        items = "".join(f"<li>{line}</li>" for line in preview_lines(preview))
        self.outcome.setText(
            (header or self.tr("This would remove:"))
            + f"<ul>{items}</ul>"
            + self.tr(
                "With each case go its meetings, answers, agreements, follow-up, preparations "
                "and contacts with caregivers; with each circle, who was there."
            )
        )

    def _choice_changed(self) -> None:
        cutoff = cutoff_date(self._db.today(), self.years.value())
        last_removed = school_year.label(school_year.school_year_of(cutoff) - 1)
        self.span.setText(
            self.tr("Records from before {day} ({year} and earlier) can be removed.").format(
                day=format_date(cutoff), year=last_removed
            )
        )
        self.preview = None
        self.outcome.setText(self.tr("Choose Preview to see what would be removed."))
        self._update_remove()

    def _may_remove(self) -> bool:
        return (
            not self.panel.busy
            and self.preview is not None
            and self.preview.counts.removed > 0
            and self.understood.isChecked()
            and self.removed is None
        )

    def _update_remove(self) -> None:
        self.remove_button.setEnabled(self._may_remove())
        total = self.preview.counts.removed if self.preview is not None else 0
        self.remove_button.setText(
            counted(total, self.tr("Remove 1 record"), self.tr("Remove {count} records"))
            if total
            else self.tr("Remove")
        )

    def _say(self, words: str, good: bool) -> None:
        self.status.setStyleSheet(DONE_STYLE if good else PROBLEM_STYLE)
        self.status.setText(words)

    def _lay_out(self) -> None:
        intro = QLabel(
            self.tr(
                "Remove what the school no longer needs to keep. Open cases, cases on hold "
                "and anything a kept record still needs are never removed."
            ),
            wordWrap=True,
        )
        choice = QHBoxLayout()
        choice.addWidget(QLabel(self.tr("Keep this school year and the")))
        choice.addWidget(self.years)
        choice.addWidget(QLabel(self.tr("school years before it")))
        choice.addStretch(1)
        choice.addWidget(self.preview_button)
        self.warning.setText(
            self.tr(
                "Removing cannot be undone: the records are wiped from the database file. A "
                "backup of everything is made first; it keeps these records until old backups "
                "are cleared."
            )
        )
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(choice)
        layout.addWidget(self.span)
        layout.addWidget(self.outcome, 1)
        layout.addWidget(self.warning)
        layout.addWidget(self.understood)
        layout.addWidget(self.status)
        layout.addWidget(self.panel)
        layout.addLayout(buttons)


def open_retention_dialog(parent: QWidget | None, db: Database) -> bool:
    """Show the dialog; True when records were removed (lists should reload). Closing it is a
    review of this school year's old records: Home's reminder leaves until the next year."""
    dialog = RetentionDialog(db, parent=parent)
    dialogs.wait_for(dialog)
    reminder.mark_retention_reviewed(db, dialog.years.value())
    return dialog.removed is not None
