"""Hearing that the computer's own session locks or goes to sleep, where Qt can tell.

On Linux the system says so on D-Bus: logind's Manager.PrepareForSleep(true) before a suspend,
logind's Session.Lock when the session is locked (loginctl lock-session, lid close policies),
and the desktop's screen saver ActiveChanged(true) on the session bus (KDE and others as
org.freedesktop.ScreenSaver, GNOME as org.gnome.ScreenSaver). Without a bus (CI, offscreen,
containers) nothing is heard and nothing is said.

Windows and macOS are not heard yet: Qt has no signal for them. Windows would need
WTSRegisterSessionNotification (WM_WTSSESSION_CHANGE / WTS_SESSION_LOCK) and
WM_POWERBROADCAST (PBT_APMSUSPEND) through a native event filter; macOS the distributed
notification com.apple.screenIsLocked and NSWorkspaceWillSleepNotification. Until then the idle
timeout and Ctrl+L are what lock there."""

import os
import sys

from PySide6.QtCore import SLOT, QObject, Signal, Slot

LOGIN1 = "org.freedesktop.login1"
LOGIN1_PATH = "/org/freedesktop/login1"
SCREEN_SAVERS = ("org.freedesktop.ScreenSaver", "org.gnome.ScreenSaver")


class SystemSession(QObject):
    """Turns the system's "locking" and "going to sleep" into one signal.

    Signals:
        lockRequested(str): the session is locking ("session"), the screen saver started
            ("screen saver") or the computer is about to sleep ("sleep"). Tests emit it.
    """

    lockRequested = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.listening: list[str] = []

    def listen(self) -> list[str]:
        """Start hearing what this system can tell; returns what is heard (empty when nothing:
        no D-Bus, or not Linux). Quiet when a bus is missing."""
        if not sys.platform.startswith("linux") or self.listening:
            return self.listening
        try:
            from PySide6.QtDBus import QDBusConnection
        except ImportError:  # a Qt built without D-Bus
            return self.listening
        system = QDBusConnection.systemBus()
        if system.isConnected():
            self._hear(
                system, LOGIN1, LOGIN1_PATH, f"{LOGIN1}.Manager", "PrepareForSleep", "b",
                "prepareForSleep(bool)", "sleep",
            )  # fmt: skip
            self._hear(
                system, LOGIN1, session_path(os.environ.get("XDG_SESSION_ID", "")),
                f"{LOGIN1}.Session", "Lock", "", "sessionLocked()", "session",
            )  # fmt: skip
        session = QDBusConnection.sessionBus()
        if session.isConnected():
            for interface in SCREEN_SAVERS:
                self._hear(
                    session, "", "", interface, "ActiveChanged", "b",
                    "screenSaverActive(bool)", "screen saver",
                )  # fmt: skip
        return self.listening

    def _hear(
        self,
        bus: object,
        service: str,
        path: str,
        interface: str,
        name: str,
        signature: str,
        slot: str,
        what: str,
    ) -> None:
        connected = bus.connect(  # type: ignore[attr-defined]
            service, path, interface, name, signature, self, SLOT(slot)
        )
        if connected and what not in self.listening:
            self.listening.append(what)

    @Slot(bool)
    def prepareForSleep(self, starting: bool) -> None:
        if starting:
            self.lockRequested.emit("sleep")

    @Slot()
    def sessionLocked(self) -> None:
        self.lockRequested.emit("session")

    @Slot(bool)
    def screenSaverActive(self, active: bool) -> None:
        if active:
            self.lockRequested.emit("screen saver")


def session_path(session_id: str) -> str:
    """logind's object path for a session id ("" for any session: a lock heard from another
    session also locks this window, which is the safe side).

    logind escapes an id like systemd's bus labels: every character that is not an ASCII letter
    or digit, and a digit in first place, becomes _ and its two hex digits ("2" -> "_32")."""
    if not session_id:
        return ""
    escaped = "".join(
        c if c.isascii() and (c.isalpha() or (c.isdigit() and i > 0)) else f"_{ord(c):02x}"
        for i, c in enumerate(session_id)
    )
    return f"{LOGIN1_PATH}/session/{escaped}"
