"""An unexpected error: logged without what was typed, told to the user, and the app goes on."""

import logging
import sys

import pytest

from rp_desktop.ui import crash


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
