"""The keys that name a report's categories and series (see model.py), made and read back.

A category of a breakdown is a key built from a student's value: "grade:7", "group:12",
"homeroom:7B", "demographic:female", or "unknown" for a student without one.
"""

from collections.abc import Iterable, Mapping

from rp_desktop.domain.reports.model import BreakdownKind

UNKNOWN = "unknown"

_PREFIX = {
    BreakdownKind.GRADE: "grade:",
    BreakdownKind.GROUP: "group:",
    BreakdownKind.HOMEROOM: "homeroom:",
    BreakdownKind.DEMOGRAPHIC: "demographic:",
}


def tier_key(tier: int) -> str:
    return f"tier:{int(tier)}"


def measure_key(name: str) -> str:
    return f"measure:{name}"


def category_key(kind: BreakdownKind, value: object) -> str:
    """The category of a student whose value (grade, group id, homeroom, demographic value)
    is `value`; "unknown" for None or blank text."""
    if kind is BreakdownKind.NONE:
        raise ValueError("a report without a breakdown has months, not groups")
    if value is None or (isinstance(value, str) and not value.strip()):
        return UNKNOWN
    return f"{_PREFIX[kind]}{value}"


def category_value(kind: BreakdownKind, key: str) -> int | str | None:
    """The value a category stands for (None for "unknown"): the inverse of category_key.
    Raises ValueError for a key of another breakdown."""
    if key == UNKNOWN:
        return None
    prefix = _PREFIX.get(kind, "")
    if not prefix or not key.startswith(prefix):
        raise ValueError(f"{key!r} is not a category of a {kind.value} breakdown")
    text = key[len(prefix) :]
    if kind in (BreakdownKind.GRADE, BreakdownKind.GROUP):
        return int(text)
    return text


def sorted_categories(
    kind: BreakdownKind, keys: Iterable[str], names: Mapping[str, str] | None = None
) -> tuple[str, ...]:
    """Categories in reading order: grades by number (pre-K first), groups by name (`names`
    maps a group's key to its name), homerooms and demographic values by text; "unknown" last."""
    unique = set(keys)
    known = [key for key in unique if key != UNKNOWN]

    def order(key: str) -> tuple[int | str, ...]:
        value = category_value(kind, key)
        if kind is BreakdownKind.GRADE:
            return (int(value or 0),)
        if kind is BreakdownKind.GROUP:
            name = (names or {}).get(key, "")
            return (name.casefold(), name, int(value or 0))
        return (str(value).casefold(), str(value))

    ordered = sorted(known, key=order)
    return (*ordered, UNKNOWN) if UNKNOWN in unique else tuple(ordered)
