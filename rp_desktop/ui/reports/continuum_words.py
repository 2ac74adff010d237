"""The continuum's and the outcomes' keys as words: "level:conversations" is "Chats" (the
issue's own word for the level: language → chats → circles → repair-harm circles →
conferences), "repair:not_recorded" is "No answer recorded", "within:30" is "Within 30 days"."""

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

CONTINUUM_PREFIXES = frozenset({"level", "repair", "within"})


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReportWords", text)


_LEVELS: dict[str, Callable[[], str]] = {
    "language": lambda: _tr("Language"),
    "conversations": lambda: _tr("Chats"),
    "circles": lambda: _tr("Circles"),
    "repair_harm_circles": lambda: _tr("Repair-harm"),
    "conferences": lambda: _tr("Conferences"),
}

_REPAIR: dict[str, Callable[[], str]] = {
    "yes": lambda: _tr("Yes"),
    "partly": lambda: _tr("Partly"),
    "no": lambda: _tr("No"),
    "not_asked": lambda: _tr("Not asked"),
    "not_recorded": lambda: _tr("No answer recorded"),
}


def continuum_word(prefix: str, rest: str) -> str:
    """The words for a key "<prefix>:<rest>" of the continuum or the outcomes. Raises KeyError
    or ValueError for one this version has no words for."""
    if prefix == "level":
        return _LEVELS[rest]()
    if prefix == "repair":
        return _REPAIR[rest]()
    if prefix == "within":
        return _tr("Within {days} days").format(days=int(rest))
    raise KeyError(prefix)
