"""Outcomes a district asks about, as arithmetic on plain facts: repeat harm (the same person who
caused harm in a new harm case within 30, 60 or 90 days), repair as felt by the person harmed,
and the days from a case to a student's return.

Repeat harm, exactly: a person counts once, for the first harm case of theirs in the period
(as the person who caused harm). They repeated within N days when they are the person who caused
harm in another harm case dated 1 to N days after it (a case the same day is the same incident
seen twice, not a new one; a case exactly N days after counts). Being in a later case in another
role (a witness, the person harmed) is not repeat harm. A person whose N days are not over yet
and who has not repeated is left out of that window: nobody can say yet.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from rp_desktop.domain.continuum.kinds import RepairFelt

WINDOWS = (30, 60, 90)
NOT_RECORDED = "not_recorded"  # a closed harm case with no answer to "was it repaired?"
REPAIR_KEYS = (*(f"repair:{felt.value}" for felt in RepairFelt), f"repair:{NOT_RECORDED}")


@dataclass(frozen=True, slots=True)
class HarmCase:
    """One harm case in which `person` (a student's id) was the person who caused harm."""

    case_id: int
    person: int
    on: date


@dataclass(frozen=True, slots=True)
class RepeatWindow:
    """Of `people` whose first harm case in the period can be followed `days` days (or who
    already repeated), `repeated` were the person who caused harm again within them."""

    days: int
    people: int
    repeated: int
    followed: tuple[HarmCase, ...] = ()  # the first case of each of the `people`
    repeats: tuple[HarmCase, ...] = ()  # the first case of each person who repeated


def window_key(days: int) -> str:
    return f"within:{days}"


def first_cases(cases: Iterable[HarmCase], first: date, last: date) -> dict[int, HarmCase]:
    """Each person's first harm case dated from `first` to `last` (the lowest id on a tie)."""
    found: dict[int, HarmCase] = {}
    for case in sorted(cases, key=lambda c: (c.on, c.case_id)):
        if first <= case.on <= last and case.person not in found:
            found[case.person] = case
    return found


def repeat_harm(
    cases: Sequence[HarmCase],
    first: date,
    last: date,
    today: date,
    windows: Sequence[int] = WINDOWS,
) -> tuple[RepeatWindow, ...]:
    """Repeat harm for the people whose first harm case falls from `first` to `last`; `cases`
    is every harm case (those after `last` too), each once per person who caused harm in it."""
    starts = first_cases(cases, first, last)
    later: dict[int, list[date]] = {}
    for case in cases:
        later.setdefault(case.person, []).append(case.on)
    return tuple(_window(days, starts, later, today) for days in windows)


def _window(
    days: int, starts: dict[int, HarmCase], later: dict[int, list[date]], today: date
) -> RepeatWindow:
    followed: list[HarmCase] = []
    repeats: list[HarmCase] = []
    for person, start in starts.items():
        gaps = ((on - start.on).days for on in later.get(person, ()))
        repeated = any(0 < gap <= days for gap in gaps)
        if repeated:
            repeats.append(start)
        if repeated or (today - start.on).days >= days:
            followed.append(start)
    return RepeatWindow(days, len(followed), len(repeats), tuple(followed), tuple(repeats))


def repair_key(felt: RepairFelt | None) -> str:
    """The category of a closed harm case by its answer: "repair:yes" … "repair:not_recorded"."""
    return f"repair:{felt.value if felt is not None else NOT_RECORDED}"


def repair_felt_counts(answers: Iterable[RepairFelt | None]) -> dict[str, int]:
    """Closed harm cases per answer, every answer a key (0 where none)."""
    counts = dict.fromkeys(REPAIR_KEYS, 0)
    for felt in answers:
        counts[repair_key(felt)] += 1
    return counts


def days_to_return(case_on: date, returned_on: date) -> int | None:
    """Days from the case to the student's return; None for a return dated before the case
    (a typing slip the report does not average in)."""
    days = (returned_on - case_on).days
    return days if days >= 0 else None
