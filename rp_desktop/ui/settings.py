"""Preferences of this laptop and this user (window size, last tab), declared once each with
its type and default, over QSettings. School data never goes here."""

from typing import Generic, NamedTuple, TypeVar

from PySide6.QtCore import QSettings

T = TypeVar("T")


class Option(NamedTuple, Generic[T]):
    """One setting: its key, and the default that also gives its type. (A NamedTuple rather
    than a dataclass: the first screen reads settings before anything else has loaded, and the
    dataclasses module would bring in inspect.)"""

    key: str
    default: T

    def read(self, settings: QSettings) -> T:
        value = settings.value(self.key, self.default, type=type(self.default))
        return value if isinstance(value, type(self.default)) else self.default

    def write(self, settings: QSettings, value: T) -> None:
        settings.setValue(self.key, value)


LAST_TAB = Option("window/last_tab", 0)
# Wrong passphrases in a row on this laptop: the wait before the next attempt grows with it, and
# restarting the application does not reset it.
FAILED_UNLOCKS = Option("security/failed_unlocks", 0)
IDLE_LOCK_MINUTES = Option("security/idle_lock_minutes", 10)
# A second folder for backups on this laptop (a USB drive, a network share); "" for none.
SECOND_PLACE = Option("backups/second_place", "")
