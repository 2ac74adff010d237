"""Unexpected errors: logged without anything a user typed, reported in plain words, and the
application keeps running."""

import logging
import sys
import traceback
from collections.abc import Callable
from types import TracebackType

log = logging.getLogger("rp_desktop")


def safe_description(error: BaseException) -> str:
    """The error's type and where it happened, without its message: messages can quote data."""
    # Frames only, without the source lines traceback would print beside them.
    frames = traceback.extract_tb(error.__traceback__)
    where = "".join(f"  {f.filename}:{f.lineno} in {f.name}\n" for f in frames)
    return f"{type(error).__module__}.{type(error).__qualname__}\n{where}"


def log_failure(context: str, error: BaseException) -> None:
    log.error("%s failed: %s", context, safe_description(error))


def install_excepthook(report: Callable[[], None]) -> None:
    """Log any uncaught exception safely and call `report` to tell the user; keep running."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        log_failure("an action", error.with_traceback(tb))
        report()

    sys.excepthook = hook
