"""Preferences of this laptop and this user (window size, last tab), declared once each with
its type and default, over QSettings. School data never goes here."""

from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T")


@dataclass(frozen=True)
class Option(Generic[T]):
    key: str
    default: T

    def read(self, settings: QSettings) -> T:
        value = settings.value(self.key, self.default, type=type(self.default))
        return value if isinstance(value, type(self.default)) else self.default

    def write(self, settings: QSettings, value: T) -> None:
        settings.setValue(self.key, value)


WINDOW_GEOMETRY = Option("window/geometry", QByteArray())
LAST_TAB = Option("window/last_tab", 0)
