"""The names a circle's wall shows: first names, initials or seat numbers, as the keeper chooses.

Two people who would show the same name are told apart by the initial of their last name, and
then by seat number; a last name itself is never shown."""

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum


class NameStyle(StrEnum):
    FIRST_NAME = "first_name"
    INITIALS = "initials"
    SEAT_NUMBER = "seat_number"


@dataclass(frozen=True, slots=True)
class Sitter:
    """The parts of a name the wall may draw on. Nothing else about the person."""

    first: str
    last: str = ""
    preferred: str = ""

    @property
    def given(self) -> str:
        return (self.preferred or self.first).strip()


def wall_labels(people: Sequence[Sitter], style: NameStyle) -> list[str]:
    """One label per seat, in seat order, each different from the others."""
    if style is NameStyle.SEAT_NUMBER:
        return [str(number) for number in range(1, len(people) + 1)]
    if style is NameStyle.INITIALS:
        labels = [_initials(person) for person in people]
    else:
        labels = [person.given or "?" for person in people]
        labels = _told_apart(labels, lambda i: f"{labels[i]} {_initial(people[i].last)}".strip())
    return _told_apart(labels, lambda i: f"{labels[i]} ({i + 1})")


def _told_apart(labels: list[str], fuller: Callable[[int], str]) -> list[str]:
    """Labels shared by several seats replaced by `fuller(i)`; the others left as they are."""
    counts = Counter(labels)
    return [fuller(i) if counts[label] > 1 else label for i, label in enumerate(labels)]


def _initial(name: str) -> str:
    letter = next((ch for ch in name if ch.isalpha()), "")
    return f"{letter.upper()}." if letter else ""


def _initials(person: Sitter) -> str:
    given = "".join(_initial(part) for part in person.given.split()[:2])
    return f"{given}{_initial(person.last)}" or "?"
