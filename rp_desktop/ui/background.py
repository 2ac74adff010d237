"""Long work off the window's thread: an export, a purge, a restore, run on a worker thread with
a progress bar and a Cancel button, while the window goes on answering.

`Work` runs a job (a function of a Progress, domain/progress.py) on a `threading.Thread`, as the
scheduled backup and the quick check do, and tells the window's thread what happens through
signals. The job uses the Database it was given; every connection it takes comes from the
engine's pool on its own thread and goes back there, so no SQLite connection is used by two
threads at once. The window must not write to the database while the work runs: the dialogs
that start work are modal, and their buttons are off until it ends.

Cancel is a request: the job hears it at its next progress call (within one batch of rows) and
undoes what it began, so nothing half-written is left. Past its point of no return the job says
so (`cancellable=False`), Cancel turns off and the work finishes.

Locking while work runs (`stop_all`, called by ui/lock before the key is forgotten): work that
can still be cancelled is cancelled, nothing written, and work past its point of no return is
waited for; the dialog that ran it says so when it comes back after unlocking. The key is never
forgotten under a worker that still uses it.

Work with `exclusive_end` (a restore) keeps the window's thread waiting from its point of no
return to its end, so that nothing the window does on a timer (a draft saved, a scheduled
backup) opens a connection to a file being replaced.

`WorkPanel` is the part every such dialog shows: what is being done, the bar, Cancel."""

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from rp_desktop.domain.progress import Cancelled, Progress, Stoppable
from rp_desktop.ui import dialogs

log = logging.getLogger(__name__)

Job = Callable[[Progress], object]
Describe = Callable[[int, int, str], str]

_RUNNING: set["Work"] = set()


def _tr(text: str) -> str:
    return QCoreApplication.translate("Background", text)


class Work(QObject):
    """One run of `job` on a worker thread. Start it with `start()`.

    Signals (all delivered on the thread that made the Work, the window's):
        progressed(int, int, str): done, total and the step under way, as the job says.
        cancellableChanged(bool): False once the job has passed its point of no return.
        succeeded(object): the job's result.
        failed(object): the exception the job raised (not Cancelled).
        cancelled(): the job stopped at Cancel; it changed nothing.
        ended(): after any of the three.
    """

    progressed = Signal(int, int, str)
    cancellableChanged = Signal(bool)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    ended = Signal()
    _reported = Signal(int, int, str, bool)  # emitted on the worker
    _park = Signal()  # emitted on the worker: the window's thread is to wait for it
    _done = Signal(str, object)  # ("succeeded" | "failed" | "cancelled", value), on the worker

    def __init__(
        self,
        job: Job,
        parent: QObject | None = None,
        *,
        name: str = "work",
        exclusive_end: bool = False,
    ) -> None:
        super().__init__(parent)
        self._job = job
        self._name = name
        self._thread: threading.Thread | None = None
        self._exclusive_end = exclusive_end
        self._parked = threading.Event()
        self._stoppable = Stoppable(self._report)
        self._cancellable = True
        self.stopped_by_lock = False
        self._reported.connect(self._on_reported)
        self._park.connect(self._on_park)
        self._done.connect(self._on_done)

    @property
    def running(self) -> bool:
        """From start() until the worker has ended."""
        return self._thread is not None and self._thread.is_alive()

    @property
    def cancellable(self) -> bool:
        return self._stoppable.cancellable

    @property
    def cancel_asked(self) -> bool:
        return self._stoppable.asked

    def start(self) -> None:
        """Start the job on its worker; a Work runs once."""
        if self._thread is not None:
            raise RuntimeError("this work has already been started")
        _RUNNING.add(self)
        self._thread = threading.Thread(target=self._run, name=self._name, daemon=True)
        self._thread.start()

    def cancel(self) -> bool:
        """Ask the job to stop; False when it is past its point of no return (or not running)."""
        return self.running and self._stoppable.cancel()

    def wait(self) -> None:
        """Return once the worker has ended (its signals are delivered later, by the loop)."""
        self._parked.set()  # this thread waits: the worker need not wait for it to
        if self._thread is not None:
            self._thread.join()
        _RUNNING.discard(self)

    def _run(self) -> None:
        try:
            result = self._job(self._stoppable)
        except Cancelled:
            self._done.emit("cancelled", None)
        except Exception as error:  # told on the window's thread, by name only in the log
            log.warning("Work on a worker failed (%s).", type(error).__name__)
            self._done.emit("failed", error)
        else:
            self._done.emit("succeeded", result)

    def _report(self, done: int, total: int, step: str, cancellable: bool) -> None:
        """On the worker. With `exclusive_end`, past the point of no return the worker goes on
        only once the window's thread waits for it: what is left (a restore putting its copy in
        place) must not meet a connection opened meanwhile by a timer of the window."""
        self._reported.emit(done, total, step, cancellable)
        if self._exclusive_end and not cancellable and not self._parked.is_set():
            self._park.emit()
            self._parked.wait()

    def _on_park(self) -> None:
        QCoreApplication.processEvents()  # the last words drawn before the wait (a second or so)
        self.wait()

    def _on_reported(self, done: int, total: int, step: str, cancellable: bool) -> None:
        if cancellable != self._cancellable:
            self._cancellable = cancellable
            self.cancellableChanged.emit(cancellable)
        self.progressed.emit(done, total, step)

    def _on_done(self, outcome: str, value: object) -> None:
        self.wait()
        if outcome == "cancelled":
            self.cancelled.emit()
        elif outcome == "failed":
            self.failed.emit(value)
        else:
            self.succeeded.emit(value)
        self.ended.emit()


def running() -> list[Work]:
    """Work started and not yet ended."""
    return [work for work in _RUNNING if work.running]


def stop_all() -> None:
    """Before locking: cancel the work that can still be cancelled, and wait for all of it."""
    for work in running():
        if work.cancel():
            work.stopped_by_lock = True
    for work in running():
        work.wait()


class WorkPanel(QWidget):
    """What is being done in words, a progress bar, and Cancel; hidden until `run`.

    `describe(done, total, step)` words a progress report ("Writing students.csv (3 of 18)…").

    Signals:
        ended(): the work ended (succeeded, failed or cancelled); `work` says how.
    """

    ended = Signal()

    def __init__(self, describe: Describe, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._describe = describe
        self.work: Work | None = None
        self.doing = QLabel(wordWrap=True)
        self.bar = QProgressBar()
        self.bar.setAccessibleName(_tr("Progress"))
        self.bar.setTextVisible(True)
        self.cancel_button = QPushButton(_tr("Cancel"))
        self.cancel_button.setAccessibleName(_tr("Cancel the work under way"))
        self.cancel_button.clicked.connect(self.cancel)
        row = QHBoxLayout()
        row.addWidget(self.bar, 1)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.doing)
        layout.addLayout(row)
        self.hide()

    @property
    def busy(self) -> bool:
        return self.work is not None and self.work.running

    def run(self, job: Job, *, name: str = "work", exclusive_end: bool = False) -> Work:
        """Start `job` on a worker and show its progress (`exclusive_end`: see Work)."""
        if self.busy:
            raise RuntimeError("work is already under way here")
        self.work = Work(job, self, name=name, exclusive_end=exclusive_end)
        work = self.work
        work.progressed.connect(self._show_progress)
        work.cancellableChanged.connect(self._cancellable_changed)
        work.ended.connect(lambda: self._ended(work))
        self.bar.setRange(0, 0)  # busy until the first report
        self.doing.setText(_tr("Starting…"))
        self.cancel_button.setEnabled(True)
        self.cancel_button.setToolTip("")
        self.show()
        self.work.start()
        return self.work

    def may_close(self, question: str) -> bool:
        """Whether the dialog showing this panel may close now. While work runs it may not: the
        user is asked `question` (whether to stop it), and Cancel is pressed for them if so."""
        if not self.busy:
            return True
        if self.work is not None and not self.work.cancellable:
            self.doing.setText(_tr("Finishing; this cannot be stopped now."))
        work = self.work
        if (
            work is not None
            and work.cancellable
            and not work.cancel_asked
            and dialogs.confirm(self, _tr("Stop?"), question, _tr("Stop"), _tr("Keep going"))
        ):
            self.cancel()
        return False

    def cancel(self) -> bool:
        """Cancel the work under way; False when it can no longer be stopped."""
        if self.work is None or not self.work.cancel():
            return False
        self.cancel_button.setEnabled(False)
        self.doing.setText(_tr("Cancelling…"))
        return True

    def _show_progress(self, done: int, total: int, step: str) -> None:
        if self.work is not None and self.work.cancel_asked and self.work.cancellable:
            return  # "Cancelling…" stays until the work stops
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(min(done, total))
        self.doing.setText(self._describe(done, total, step))

    def _cancellable_changed(self, cancellable: bool) -> None:
        if not cancellable:
            self.cancel_button.setEnabled(False)
            self.cancel_button.setToolTip(
                _tr("It can no longer be stopped without leaving things half done.")
            )

    def _ended(self, work: Work) -> None:
        if work is not self.work:
            return  # an earlier run, ended after the next one started
        self.cancel_button.setEnabled(False)
        self.hide()
        self.ended.emit()
