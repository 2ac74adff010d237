"""Which tables the district package holds, read from the reports service: each report by month
and by grade, students reached and cases by each demographic field the roster has, practices by
kind, disproportionality by grade and by each demographic field, and the continuum and the
outcomes (district/continuum.py).

Nothing by student group or homeroom: group ids and homeroom names would let a reader match rows
to the school's own lists. No category names (the school types them; one could be a name typed by
mistake). Equity of voice is left out: it describes the talk time of a few circles' students.
"""

from sqlalchemy.orm import Session

from rp_desktop.domain.progress import Progress, no_progress
from rp_desktop.domain.reports.keys import measure_key, tier_key
from rp_desktop.domain.reports.model import (
    Breakdown,
    BreakdownKind,
    Period,
    ReportKind,
    ReportRequest,
    ReportTable,
)
from rp_desktop.services.exports.district.continuum import continuum_tables
from rp_desktop.services.exports.district.risk import risk_table
from rp_desktop.services.exports.district.tables import (
    Cells,
    Column,
    Counts,
    Derived,
    PackageTable,
    gated,
    package_table,
    share_of,
)
from rp_desktop.services.exports.names import BY_GRADE, BY_KIND, BY_MONTH, package_file
from rp_desktop.services.reports import reporting as reports
from rp_desktop.services.reports.counts import count_cells
from rp_desktop.services.reports.facts import KEPT_ITEMS, facts
from rp_desktop.services.reports.grouping import Grouping
from rp_desktop.services.safekeeping.database import Database

DONE, MISSED = KEPT_ITEMS
CASES_WITH_DAYS = "cases:days"
COUNTING = "counting"  # the step of progress while the package's counts are taken
M = measure_key


def _tiers(what: str, tiers: tuple[int, ...] = (1, 2, 3)) -> tuple[Column, ...]:
    return tuple(Column(tier_key(t), f"tier_{t}", what.format(tier=t)) for t in tiers)


PRACTICES = Counts(
    (
        Column(tier_key(1), "tier_1", "Tier 1 community circles held"),
        *_tiers("meetings held on Tier {tier} cases", (2, 3)),
    )
)
REACHED = Counts(
    (
        Column(tier_key(1), "tier_1", "students at a Tier 1 circle held"),
        *_tiers("students in a Tier {tier} case opened or met about", (2, 3)),
        Column(M("reached"), "reached", "students in any of these (each student once)"),
    )
)
CASES_OPENED = Counts(
    _tiers("Tier {tier} cases of harm opened", (2, 3)),
    total=Column(M("opened"), "opened", "cases of harm opened (Tier 2 + Tier 3)"),
)
CASES_CLOSED = Counts((Column(M("closed"), "closed", "cases of harm closed"),))
CONCERNS = Counts((Column(M("concerns"), "concerns", "wellbeing concerns opened"),))
AGREEMENTS = Counts((Column(M("made"), "made", "agreements made"),))
ITEMS = Counts(
    (
        Column(DONE, "items_done", "agreement items done"),
        Column(MISSED, "items_missed", "agreement items missed"),
    )
)
KEPT = Derived(
    Column("", "kept_share", "items done / (items done + items missed), 0 to 1"),
    share_of(DONE, MISSED),
)
FOLLOW_UPS = Counts(
    (
        Column(M("on_time"), "on_time", "agreement items followed up by their due day"),
        Column(M("late"), "late", "agreement items followed up after their due day"),
        Column(M("overdue"), "overdue", "open items past their due day, not followed up"),
        Column(M("not_yet_due"), "not_yet_due", "items not followed up, not yet due"),
    )
)
CASES_DAYS = Counts((Column(CASES_WITH_DAYS, "cases", "cases with days of suspension avoided"),))


def package_tables(
    db: Database, period: Period, threshold: int, progress: Progress = no_progress
) -> list[PackageTable]:
    """Every table of the package; `progress` hears of each count taken (step "counting")."""
    demographic = [b for b in reports.breakdown_choices(db) if b.kind is BreakdownKind.DEMOGRAPHIC]
    step = _Steps(progress, 4 + 3 * len(demographic))
    tables: list[PackageTable] = []
    for breakdown in (Breakdown(), Breakdown(BreakdownKind.GRADE)):
        step()
        found = reports.all_reports(db, period, breakdown)
        extra = _settled_and_days(db, period, breakdown)
        large = _large_groups(db, period, breakdown, threshold)
        tables += _by(breakdown, found, extra, threshold, large)
        by = _by_name(breakdown)
        tables += continuum_tables(found, by, threshold, large, _category_about(by))
    step()
    kinds = reports.report(db, ReportRequest(ReportKind.PRACTICE_KINDS, period))
    tables.append(_table("practices", BY_KIND, kinds, (PRACTICES,), threshold, "practice_kind"))
    for breakdown in demographic:
        for kind, counts in (
            (ReportKind.STUDENTS_REACHED, (REACHED,)),
            (ReportKind.CASES, (CASES_OPENED, CASES_CLOSED, CONCERNS)),
        ):
            step()
            table = reports.report(db, ReportRequest(kind, period, breakdown))
            large = _large_groups(db, period, breakdown, threshold)
            tables.append(
                _table(kind.value, breakdown.field or "", table, counts, threshold, large=large)
            )
    for breakdown in (Breakdown(BreakdownKind.GRADE), *demographic):
        step()
        risk = reports.disproportionality(db, period, breakdown, minimum_group=threshold)
        tables.append(risk_table(risk, _by_name(breakdown), threshold))
    return tables


class _Steps:
    """Tells `progress` of each count as it starts: one step of `total`."""

    def __init__(self, progress: Progress, total: int) -> None:
        self._progress = progress
        self._total = total
        self._done = 0

    def __call__(self) -> None:
        self._progress(min(self._done, self._total), self._total, COUNTING)
        self._done += 1


def _large_groups(
    db: Database, period: Period, breakdown: Breakdown, threshold: int
) -> frozenset[str] | None:
    """The groups with at least `threshold` active students (None by month: no groups). Any
    other group's row is hidden whole, however large its counts."""
    if breakdown.kind is BreakdownKind.NONE:
        return None
    risk = reports.disproportionality(db, period, breakdown, minimum_group=threshold)
    return frozenset(group.key for group in risk.groups if group.enrolled >= threshold)


def _by(
    breakdown: Breakdown,
    found: dict[ReportKind, ReportTable],
    extra: Cells,
    threshold: int,
    large: frozenset[str] | None,
) -> list[PackageTable]:
    by = _by_name(breakdown)
    agreements = found[ReportKind.AGREEMENTS]
    days = found[ReportKind.SUSPENSION_DAYS_AVOIDED]
    days_column = Derived(
        Column("", "days", "days of suspension avoided in those cases"),
        gated(cells_of(days), M("days"), CASES_WITH_DAYS),
        places=0,
    )
    return [
        _table("practices", by, found[ReportKind.PRACTICES_BY_MONTH], (PRACTICES,), threshold,
               large=large),
        _table("students_reached", by, found[ReportKind.STUDENTS_REACHED], (REACHED,), threshold,
               large=large),
        _table("cases", by, found[ReportKind.CASES], (CASES_OPENED, CASES_CLOSED, CONCERNS),
               threshold, large=large),
        _table("agreements", by, agreements, (AGREEMENTS, ITEMS), threshold, extra=extra,
               derived=(KEPT,), large=large),
        _table("follow_ups", by, found[ReportKind.FOLLOW_UPS], (FOLLOW_UPS,), threshold,
               large=large),
        _table("suspension_days_avoided", by, days, (CASES_DAYS,), threshold, extra=extra,
               derived=(days_column,), large=large),
    ]  # fmt: skip


def _table(
    subject: str,
    by: str,
    found: ReportTable,
    counts: tuple[Counts, ...],
    threshold: int,
    header: str | None = None,
    *,
    extra: Cells | None = None,
    derived: tuple[Derived, ...] = (),
    large: frozenset[str] | None = None,
) -> PackageTable:
    cells = dict(cells_of(found)) | dict(extra or {})
    return package_table(
        package_file(subject, by),
        subject,
        (header or by, _category_about(header or by)),
        found.categories,
        cells,
        counts,
        threshold,
        derived,
        large,
    )


def cells_of(table: ReportTable) -> Cells:
    return {
        (category, series.key): value
        for series in table.series
        for category, value in zip(table.categories, series.values, strict=True)
    }


def _settled_and_days(db: Database, period: Period, breakdown: Breakdown) -> Cells:
    """The counts behind the share kept (items done and missed) and behind the days avoided
    (cases with days), counted as the reports service counts its own rows."""
    grouping = None if breakdown.kind is BreakdownKind.NONE else Grouping(breakdown, period)
    with_students = grouping is not None
    with Session(db.engine) as session, session.begin():
        items = count_cells(session, facts(ReportKind.AGREEMENTS, period, with_students), grouping)
        days = count_cells(
            session, facts(ReportKind.SUSPENSION_DAYS_AVOIDED, period, with_students), grouping
        )
    found: dict[tuple[str, str], float | None] = {
        cell: n for cell, n in items.items() if cell[1] in KEPT_ITEMS
    }
    found |= {(category, CASES_WITH_DAYS): n for (category, _), n in days.items()}
    return found


def _by_name(breakdown: Breakdown) -> str:
    if breakdown.kind is BreakdownKind.NONE:
        return BY_MONTH
    if breakdown.kind is BreakdownKind.GRADE:
        return BY_GRADE
    return breakdown.field or ""


def _category_about(by: str) -> str:
    return {
        BY_MONTH: "the month, YYYY-MM",
        BY_GRADE: "the students' grade now: -1 is pre-K, 0 kindergarten, 1 to 12",
        "practice_kind": "circle_kind:<kind> for Tier 1 circles, meeting_kind:<kind> for "
        "meetings on cases",
    }.get(by, f"the students' {by.replace('_', ' ')} as the roster gives it; unknown: none")
