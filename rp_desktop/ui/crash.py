"""Unexpected errors: logged without anything a user typed, reported in plain words, and the
application keeps running.

The log can never hold a student's name: every handler the app installs writes records through
`RedactingFormatter`, which keeps a record's format string, its numbers and the text the program
itself wrote (`CodeText`), and turns an exception into its type and frames. Exception messages
are never logged: SQLite's can quote a value, and a service's can quote a name.
"""

import copy
import logging
import sys
import threading
import time
import traceback
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from types import TracebackType
from typing import Any

import platformdirs

log = logging.getLogger("rp_desktop")

APP_NAME = "RP Desktop"
LOG_FILE = "rp-desktop.log"
LOG_BYTES = 1_000_000
LOG_BACKUPS = 3
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
HIDDEN = "<hidden>"
# Errors that come within this long of the last report are the same burst: logged, not shown.
QUIET_SECONDS = 10.0


class CodeText(str):
    """Text the program wrote (a field name, a step such as "saving a draft"), never what a user
    typed or a record holds: the log keeps it."""

    __slots__ = ()


def safe_description(error: BaseException) -> str:
    """The error's type and where it happened, without its message: messages can quote data."""
    # Frames only, without the source lines traceback would print beside them.
    frames = traceback.extract_tb(error.__traceback__)
    where = "".join(f"  {f.filename}:{f.lineno} in {f.name}\n" for f in frames)
    return f"{type(error).__module__}.{type(error).__qualname__}\n{where}"


def log_failure(context: str, error: BaseException) -> None:
    """Log that `context` (words the program wrote, never typed text) failed with `error`."""
    log.error("%s failed: %s", CodeText(context), CodeText(safe_description(error)))


class RedactingFormatter(logging.Formatter):
    """Writes a record with only its format string, numbers and CodeText; any other argument
    becomes "<hidden>" and an exception becomes its type and frames. The record itself is left
    as it is, for any other handler.

    The app's own format strings are literals (a test reads every log call). Another library's
    message without arguments may have had values put in already, so it is hidden too."""

    def format(self, record: logging.LogRecord) -> str:
        return super().format(redacted(record))


def redacted(record: logging.LogRecord) -> logging.LogRecord:
    safe = copy.copy(record)
    ours = record.name == log.name or record.name.startswith(f"{log.name}.")
    if type(record.msg) not in (str, CodeText) or not (ours or record.args):
        safe.msg = _safe_value(record.msg)
    if isinstance(record.args, dict):
        safe.args = {key: _safe_value(value) for key, value in record.args.items()}
    elif record.args:
        safe.args = tuple(_safe_value(value) for value in record.args)
    if record.exc_info and record.exc_info[1] is not None:
        description = safe_description(record.exc_info[1])
        if safe.args:  # the message is still to be formatted with them
            description = description.replace("%", "%%")
        safe.msg = CodeText(f"{safe.msg}\n{description}")
    safe.exc_info = None
    safe.exc_text = None
    return safe


def _safe_value(value: object) -> object:
    if value is None or isinstance(value, bool | int | float | CodeText):
        return value
    if isinstance(value, BaseException):
        return CodeText(safe_description(value))
    if isinstance(value, Enum):
        return CodeText(f"{type(value).__name__}.{value.name}")
    return HIDDEN


class _Stderr(logging.StreamHandler):  # type: ignore[type-arg]
    """Standard error as it is when a record is written, not as it was when logging began."""

    @property
    def stream(self) -> Any:
        return sys.stderr

    @stream.setter
    def stream(self, _value: Any) -> None:
        pass


class _LogFile(logging.Handler):
    """The rotating log file, opened (and its folder made) only when there is something to
    write. Until then not even the rotating handler's module is loaded: the first screen comes
    before anything is logged, and does not wait for it."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.baseFilename = str(path)
        self._file: logging.Handler | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self._file is None:
            from logging.handlers import RotatingFileHandler

            try:
                Path(self.baseFilename).parent.mkdir(parents=True, exist_ok=True)
            except OSError:
                self.handleError(record)
                return
            self._file = RotatingFileHandler(
                self.baseFilename, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
            )
            self._file.setFormatter(self.formatter)
        self._file.emit(record)

    def flush(self) -> None:
        if self._file is not None:
            self._file.flush()

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        super().close()


def default_log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def configure_logging(log_dir: Path | None = None) -> Path:
    """Warnings and errors to stderr and to a rotating file in `log_dir` (the user's log folder
    when None), both redacted. Calling it again replaces what it installed before. Returns the
    log file's path."""
    path = (log_dir or default_log_dir()) / LOG_FILE
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "rp_desktop", False)]:
        root.removeHandler(handler)
        handler.close()
    handlers: tuple[logging.Handler, ...] = (_Stderr(), _LogFile(path))
    for handler in handlers:
        handler.setFormatter(RedactingFormatter(LOG_FORMAT))
        handler.rp_desktop = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    root.setLevel(logging.WARNING)
    return path


class BurstReporter:
    """Calls `report` for the first error of a burst; errors while the report is showing, or
    within `quiet_seconds` after it closed, are only logged."""

    def __init__(
        self,
        report: Callable[[], None],
        *,
        clock: Callable[[], float] = time.monotonic,
        quiet_seconds: float = QUIET_SECONDS,
    ) -> None:
        self._report = report
        self._clock = clock
        self._quiet = quiet_seconds
        self._showing = False
        self._last: float | None = None

    def __call__(self) -> None:
        if self._showing:
            return
        if self._last is not None and self._clock() - self._last < self._quiet:
            return
        self._showing = True
        try:
            self._report()
        finally:
            self._showing = False
            self._last = self._clock()


def install_excepthook(
    report: Callable[[], None], *, clock: Callable[[], float] = time.monotonic
) -> BurstReporter:
    """Log any uncaught exception safely and tell the user once per burst; keep running."""
    reporter = BurstReporter(report, clock=clock)

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        log_failure("an action", error.with_traceback(tb))
        reporter()

    sys.excepthook = hook
    return reporter


def install_background_hooks() -> None:
    """Errors in other threads, and those Python can only ignore, logged the same safe way
    instead of printed whole to stderr. For the running application only: test runners keep
    their own hooks there."""

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            log_failure("a background task", args.exc_value)

    def unraisable_hook(unraisable: Any) -> None:
        if unraisable.exc_value is not None:
            log_failure("a clean-up", unraisable.exc_value)

    threading.excepthook = thread_hook
    sys.unraisablehook = unraisable_hook
