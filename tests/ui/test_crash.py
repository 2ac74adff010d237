"""An unexpected error: logged without what was typed, told to the user, and the app goes on."""

import ast
import errno
import logging
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlcipher3
from PySide6.QtWidgets import QPushButton
from sqlalchemy.exc import OperationalError

from rp_desktop.domain.safekeeping.files import WriteFailure
from rp_desktop.domain.safekeeping.passphrase import Passphrase
from rp_desktop.services.safekeeping.errors import WrongPassphrase
from rp_desktop.services.safekeeping.opening import open_database, write_failure
from rp_desktop.ui import crash
from tests.ui.conftest import School


def test_the_hook_logs_only_the_kind_and_place_and_tells_the_user(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    told: list[bool] = []
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    crash.install_excepthook(lambda: told.append(True))
    try:
        raise ValueError("could not save notes about Zainab Al-Khouri")
    except ValueError as error:
        with caplog.at_level(logging.ERROR, logger="rp_desktop"):
            sys.excepthook(type(error), error, error.__traceback__)
    assert told == [True]
    assert "builtins.ValueError" in caplog.text
    assert "test_crash.py" in caplog.text
    assert "Zainab" not in caplog.text
    assert "Al-Khouri" not in caplog.text


def test_keyboard_interrupt_is_left_to_python(monkeypatch: pytest.MonkeyPatch) -> None:
    passed_on: list[type[BaseException]] = []
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(sys, "__excepthook__", lambda kind, *_: passed_on.append(kind))
    told: list[bool] = []
    crash.install_excepthook(lambda: told.append(True))
    sys.excepthook(KeyboardInterrupt, KeyboardInterrupt(), None)
    assert passed_on == [KeyboardInterrupt]
    assert told == []


# -- the log file ---------------------------------------------------------------------------
@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    """The app's logging, writing to a temporary folder; taken down after the test."""
    path = crash.configure_logging(tmp_path / "log")
    yield path
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "rp_desktop", False)]:
        root.removeHandler(handler)
        handler.close()


def test_the_log_file_holds_no_student_name(log_file: Path, school_db: School) -> None:
    names = [part for s in school_db.members for part in (s.first_name, s.last_name)]
    student = school_db.members[0]
    try:
        raise sqlite3.IntegrityError(f"UNIQUE failed: {student.first_name} {student.last_name}")
    except sqlite3.IntegrityError as error:
        crash.log_failure("saving a StudentForm", error)
        logging.getLogger("rp_desktop.ui").exception("while saving %s", student.display_name)
    logging.getLogger("sqlalchemy.pool").error("connection for %(who)s", {"who": student})
    logging.getLogger("elsewhere").warning(student.last_name)
    logging.getLogger("elsewhere").error(ValueError(student.first_name))

    text = log_file.read_text(encoding="utf-8")
    assert "saving a StudentForm failed: sqlite3.IntegrityError" in text
    assert "test_crash.py" in text
    assert text.count("<hidden>") == 3  # the arguments and the bare message
    assert "WARNING elsewhere: " in text  # times, levels and loggers stay
    for name in names:
        assert name not in text
    assert "UNIQUE" not in text  # no exception message at all


def test_numbers_and_the_programs_own_words_stay_in_the_log(log_file: Path) -> None:
    logging.getLogger("rp_desktop").warning(
        "%s took %d ms for %s rows", crash.CodeText("a backup"), 812, 3.5
    )
    text = log_file.read_text(encoding="utf-8")
    assert "a backup took 812 ms for 3.5 rows" in text


def test_nothing_is_written_until_there_is_something_to_log(tmp_path: Path) -> None:
    path = crash.configure_logging(tmp_path / "quiet")
    try:
        assert not path.parent.exists()
    finally:
        crash.configure_logging(tmp_path / "other")  # replaces, not adds
        handlers = [h for h in logging.getLogger().handlers if getattr(h, "rp_desktop", False)]
        assert len(handlers) == 2
        for handler in handlers:
            logging.getLogger().removeHandler(handler)
            handler.close()


def test_no_log_call_formats_its_own_message() -> None:
    """An f-string would put values in the format string, which the filter keeps."""
    offenders = []
    for path in Path(crash.__file__).parents[1].rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in {"debug", "info", "warning", "error", "exception", "critical"}
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id.lower().endswith(("log", "logger", "logging"))
                and node.args
                and not isinstance(node.args[0], ast.Constant)
            ):
                offenders.append(f"{path.name}:{node.lineno}")
    assert offenders == []


# -- the hook -------------------------------------------------------------------------------
class Ticks:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.mark.qt_no_exception_capture
def test_a_storm_of_errors_gives_one_message_and_the_app_goes_on(
    qtbot, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    ticks = Ticks()
    told: list[int] = []
    crash.install_excepthook(lambda: told.append(1), clock=ticks)

    def broken() -> None:
        raise RuntimeError("could not draw Nou Xiong")

    worked: list[bool] = []
    button, other = QPushButton(), QPushButton()
    qtbot.addWidget(button)
    qtbot.addWidget(other)
    button.clicked.connect(broken)
    other.clicked.connect(lambda: worked.append(True))
    with caplog.at_level(logging.ERROR, logger="rp_desktop"):
        for _ in range(5):
            button.click()
            ticks.now += 1
        other.click()
        assert told == [1]  # one message for the burst
        assert worked == [True]  # and the app is still answering
        assert caplog.text.count("builtins.RuntimeError") == 5  # every error is logged
        ticks.now += crash.QUIET_SECONDS
        button.click()
    assert told == [1, 1]  # a later error is a new burst
    assert "Nou" not in caplog.text


def test_errors_while_the_message_is_showing_are_not_shown_again() -> None:
    told: list[int] = []
    reporter: crash.BurstReporter

    def report() -> None:
        told.append(1)
        reporter()  # an error while the message box is up

    reporter = crash.BurstReporter(report, clock=Ticks())
    reporter()
    assert told == [1]


# -- what a failed write means --------------------------------------------------------------
@pytest.mark.parametrize(
    ("error", "failure"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), WriteFailure.DISK_FULL),
        (OSError(errno.EFBIG, "File too large"), WriteFailure.DISK_FULL),
        (sqlite3.OperationalError("database or disk is full"), WriteFailure.DISK_FULL),
        (
            OperationalError("INSERT", {}, sqlite3.OperationalError("database or disk is full")),
            WriteFailure.DISK_FULL,
        ),
        (
            OperationalError("COMMIT", {}, sqlcipher3.dbapi2.OperationalError("disk I/O error")),
            WriteFailure.NOT_WRITTEN,
        ),
        (RuntimeError("database or disk is full"), None),  # not the driver speaking
        (sqlite3.IntegrityError("UNIQUE constraint failed"), None),
    ],
)
def test_a_refused_write_is_told_from_other_failures(
    error: BaseException, failure: WriteFailure | None
) -> None:
    assert write_failure(error) is failure


def test_a_wrong_passphrase_prints_nothing(tmp_path: Path, capfd: pytest.CaptureFixture) -> None:
    path = tmp_path / "school.db"
    open_database(path, passphrase=Passphrase("some long synthetic phrase here")).close()
    capfd.readouterr()
    with pytest.raises(WrongPassphrase):
        open_database(path, passphrase=Passphrase("another long synthetic phrase"))
    out, err = capfd.readouterr()
    assert (out, err) == ("", "")
