"""The district package's files for the continuum and the outcomes: practice at each level per
month (and per grade), the students reached at each level, repeat harm, repair as felt and
returns after re-entry. Suppressed like every other file (services/exports/district/tables.py):
a count from 1 to threshold-1 is hidden with the cells needed to keep it hidden, and a share or
a median is written only where the counts it comes from are.

Outcomes are for the whole school only, never by grade or demographic group: they are a few
cases, and a group's share of them would say more about a child than about the practice.
"""

from collections.abc import Callable, Mapping

from rp_desktop.domain.reports.continuum import LEVELS, level_key
from rp_desktop.domain.reports.model import ReportKind, ReportTable
from rp_desktop.services.exports.district.tables import (
    Cells,
    Column,
    Counts,
    Derived,
    PackageTable,
    Published,
    gated,
    package_table,
)
from rp_desktop.services.exports.names import BY_MONTH, package_file
from rp_desktop.services.reports import outcomes
from rp_desktop.services.reports.continuum import SHARE, STUDENTS

BY_LEVEL, BY_WINDOW, BY_RESPONSE = "level", "window", "response"

LEVEL_ABOUT = {
    "language": "restorative language: affective statements and positive observations "
    "logged (each one of a tally counts)",
    "conversations": "restorative chats, impromptu conferences and check-ins/outs logged, and "
    "case meetings of those kinds and peer mediations held",
    "circles": "Tier 1 community circles held",
    "repair_harm_circles": "repair-harm circles held on cases",
    "conferences": "formal conferences and re-entry circles held on cases",
}
LEVEL_COLUMNS = Counts(
    tuple(Column(level_key(lv), lv.value, LEVEL_ABOUT[lv.value]) for lv in LEVELS)
)
REACHED = Counts((Column(STUDENTS, "students", "students on the roster now reached at the level"),))
REACHED_SHARE = Column("", "share", "students / every student on the roster now, 0 to 1")
REPEAT = Counts(
    (
        Column(outcomes.FOLLOWED, "people", "people who caused harm in a harm case in the "
               "period whose days are over (or who already caused harm again)"),
        Column(outcomes.REPEATED, "again", "of them, the person who caused harm in a new harm "
               "case within the days"),
    )
)  # fmt: skip
REPAIR = Counts((Column(outcomes.CLOSED, "cases", "cases of harm closed with this answer"),))
RETURNS = Counts((Column(outcomes.RETURNED, "returned", "students who returned after a plan"),))

CATEGORY_ABOUT = {
    BY_LEVEL: "the level of the continuum",
    BY_WINDOW: "within:<days>, the days after the first harm case in the period",
    BY_RESPONSE: "repair:<answer>, does the person harmed feel the harm was repaired (yes, "
    "partly, no, not_asked; not_recorded: no answer)",
}


def continuum_tables(
    found: Mapping[ReportKind, ReportTable],
    by: str,
    threshold: int,
    large: frozenset[str] | None,
    about: str,
) -> list[PackageTable]:
    """The continuum per month or grade (`by`, its column described by `about`), and with the
    months the whole school's files: students reached per level, and the outcomes."""
    tables = [
        _file("continuum", by, about, found[ReportKind.CONTINUUM], (LEVEL_COLUMNS,), threshold,
              large=large)
    ]  # fmt: skip
    if by != BY_MONTH:
        return tables
    return tables + _whole_school(found, threshold)


def _whole_school(found: Mapping[ReportKind, ReportTable], threshold: int) -> list[PackageTable]:
    reached = found[ReportKind.CONTINUUM_REACHED]
    repeat = found[ReportKind.REPEAT_HARM]
    returns = found[ReportKind.RE_ENTRY]
    share = Derived(REACHED_SHARE, gated(cells_of(reached), SHARE, STUDENTS))
    repeat_share = Derived(
        Column("", "share", "again / people, 0 to 1"),
        _gated_on_all(
            cells_of(repeat), outcomes.REPEAT_SHARE, outcomes.FOLLOWED, outcomes.REPEATED
        ),
    )
    median = Derived(
        Column("", "median_days", "the median days from the case to the return"),
        _gated_on_all(cells_of(returns), outcomes.MEDIAN_DAYS, outcomes.RETURNED),
        places=0,
    )
    return [
        _file("continuum_reached", BY_LEVEL, CATEGORY_ABOUT[BY_LEVEL], reached, (REACHED,),
              threshold, derived=(share,)),
        _file("repeat_harm", BY_WINDOW, CATEGORY_ABOUT[BY_WINDOW], repeat, (REPEAT,), threshold,
              derived=(repeat_share,)),
        _file("repair_felt", BY_RESPONSE, CATEGORY_ABOUT[BY_RESPONSE],
              found[ReportKind.REPAIR_FELT], (REPAIR,), threshold),
        _file("re_entry", BY_MONTH, "the month returned, YYYY-MM", returns, (RETURNS,),
              threshold, derived=(median,)),
    ]  # fmt: skip


def _file(
    subject: str,
    by: str,
    about: str,
    found: ReportTable,
    counts: tuple[Counts, ...],
    threshold: int,
    *,
    derived: tuple[Derived, ...] = (),
    large: frozenset[str] | None = None,
) -> PackageTable:
    categories = [_plain(key) for key in found.categories]
    cells = {(_plain(category), series): n for (category, series), n in cells_of(found).items()}
    return package_table(
        package_file(subject, by),
        subject,
        (by, about),
        categories,
        cells,
        counts,
        threshold,
        derived,
        large,
    )


def _plain(key: str) -> str:
    """A level as its name ("level:circles" -> "circles"); other keys as they are."""
    return key.removeprefix("level:")


def cells_of(table: ReportTable) -> Cells:
    return {
        (_plain(category), series.key): value
        for series in table.series
        for category, value in zip(table.categories, series.values, strict=True)
    }


def _gated_on_all(values: Cells, key: str, *by: str) -> Callable[[str, Published], float | None]:
    """`values`' cell, published only where every count in `by` is published (a share of
    two counts would give a hidden one back)."""

    def compute(category: str, row: Published) -> float | None:
        if any(row.get(count) is None for count in by):
            return None
        return values.get((category, key))

    return compute
