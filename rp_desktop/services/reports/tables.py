"""One report's table from its counts: which series each report has, in which unit, its
categories in order, and whether there is anything to show."""

from dataclasses import dataclass, field, replace
from datetime import date

from sqlalchemy.orm import Session

from rp_desktop.domain.reports.continuum import LEVEL_KEYS
from rp_desktop.domain.reports.follow_ups import Timeliness
from rp_desktop.domain.reports.keys import measure_key, tier_key
from rp_desktop.domain.reports.measures import kept_share
from rp_desktop.domain.reports.model import ReportKind, ReportRequest, ReportTable, Series, Unit
from rp_desktop.domain.reports.months import months_of
from rp_desktop.domain.reports.outcomes import REPAIR_KEYS
from rp_desktop.domain.reports.voice import NOT_BY_TRAIT, voice_breakdown_allowed
from rp_desktop.domain.vocabulary import CircleKind, MeetingKind
from rp_desktop.services.reports import outcomes
from rp_desktop.services.reports.continuum import (
    SHARE,
    STUDENTS,
    continuum_cells,
    reached_by_level,
)
from rp_desktop.services.reports.counts import Cells, count_cells, reached_cells, sum_cells
from rp_desktop.services.reports.facts import KEPT_ITEMS, facts
from rp_desktop.services.reports.follow_ups import follow_up_cells
from rp_desktop.services.reports.grouping import Grouping
from rp_desktop.services.reports.voice import GINI, PASS_RATE, TALK_RATIO, voice_cells

TIERS = tuple(tier_key(t) for t in (1, 2, 3))
KEPT_SHARE = measure_key("kept_share")
SERIES: dict[ReportKind, tuple[str, ...]] = {
    ReportKind.CONTINUUM: LEVEL_KEYS,
    ReportKind.CONTINUUM_REACHED: (STUDENTS, SHARE),
    ReportKind.PRACTICES_BY_MONTH: TIERS,
    ReportKind.PRACTICE_KINDS: TIERS,
    ReportKind.STUDENTS_REACHED: (*TIERS, measure_key("reached")),
    # Cases of harm (a category of the harm kind); tier:2 and tier:3 are the cases of harm
    # opened, by tier: they add up to measure:opened. Wellbeing concerns are counted apart.
    ReportKind.CASES: (
        measure_key("opened"),
        measure_key("closed"),
        *TIERS[1:],
        measure_key("concerns"),
    ),
    ReportKind.AGREEMENTS: (measure_key("made"), KEPT_SHARE),
    ReportKind.FOLLOW_UPS: tuple(measure_key(t.value) for t in Timeliness),
    ReportKind.SUSPENSION_DAYS_AVOIDED: (measure_key("days"),),
    ReportKind.REPEAT_HARM: (outcomes.FOLLOWED, outcomes.REPEATED, outcomes.REPEAT_SHARE),
    ReportKind.REPAIR_FELT: (outcomes.CLOSED,),
    ReportKind.RE_ENTRY: (outcomes.RETURNED, outcomes.MEDIAN_DAYS),
    ReportKind.EQUITY_OF_VOICE: (GINI, PASS_RATE),
}
# Outcomes have categories of their own (30/60/90 days, the answers), never groups of students.
OUTCOMES = frozenset({ReportKind.REPEAT_HARM, ReportKind.REPAIR_FELT, ReportKind.RE_ENTRY})
OWN_CATEGORIES: dict[ReportKind, tuple[str, ...]] = {
    ReportKind.CONTINUUM_REACHED: LEVEL_KEYS,
    ReportKind.REPEAT_HARM: outcomes.WINDOW_KEYS,
    ReportKind.REPAIR_FELT: REPAIR_KEYS,
}
# By the circles' own group: the passes in its circles, its students' share of the talk.
VOICE_BY_GROUP = (PASS_RATE, TALK_RATIO)
UNITS = {
    ReportKind.SUSPENSION_DAYS_AVOIDED: Unit.DAYS,
    ReportKind.EQUITY_OF_VOICE: Unit.INDEX,
}
SERIES_UNITS = {
    KEPT_SHARE: Unit.SHARE,
    PASS_RATE: Unit.SHARE,
    TALK_RATIO: Unit.RATIO,
    SHARE: Unit.SHARE,
    outcomes.REPEAT_SHARE: Unit.SHARE,
    outcomes.MEDIAN_DAYS: Unit.DAYS,
}
NO_RUNS, NO_RECORDS, NO_STUDENTS = "no_runs", "no_records", "no_students"
COUNTS_OVERLAP, NOT_BY_GROUP = "counts_overlap", "not_by_group"


@dataclass(frozen=True, slots=True)
class Setting:
    """What every report of one screen shares: whether there are students at all, and the
    breakdown with the roster's own categories (None for months)."""

    has_students: bool
    grouping: Grouping | None
    roster_categories: frozenset[str] = frozenset()
    # Counts already made for another report of the same screen, by the report they are for.
    counted: dict[ReportKind, tuple[Cells, int | None]] = field(default_factory=dict)


def series_keys(request: ReportRequest, grouping: Grouping | None) -> tuple[str, ...]:
    if request.kind is ReportKind.EQUITY_OF_VOICE and grouping is not None:
        return VOICE_BY_GROUP
    if request.kind is ReportKind.CONTINUUM_REACHED and grouping is not None:
        return LEVEL_KEYS  # the share of each group's students reached at each level
    return SERIES[request.kind]


def table_unit(request: ReportRequest, grouping: Grouping | None) -> Unit:
    if request.kind is ReportKind.CONTINUUM_REACHED and grouping is not None:
        return Unit.SHARE
    return UNITS.get(request.kind, Unit.COUNT)


def own_grouping(request: ReportRequest, grouping: Grouping | None) -> Grouping | None:
    """The grouping a report is counted by: none for an outcome."""
    return None if request.kind in OUTCOMES else grouping


def build_table(
    session: Session, request: ReportRequest, today: date, setting: Setting
) -> ReportTable:
    grouping = own_grouping(request, setting.grouping)
    kind = request.kind
    if kind is ReportKind.EQUITY_OF_VOICE and not voice_breakdown_allowed(request.breakdown):
        # Never by a demographic field or grade: no rows at all, and the reason.
        return ReportTable(request, Unit.INDEX, (), (), empty=NOT_BY_TRAIT)
    if kind is ReportKind.PRACTICE_KINDS and grouping is not None:
        # By group, the kinds add up to the same bars as the practices by month.
        kind = ReportKind.PRACTICES_BY_MONTH
    if kind not in setting.counted:
        setting.counted[kind] = report_cells(session, replace(request, kind=kind), today, grouping)
    cells, runs = setting.counted[kind]
    unit = table_unit(request, grouping)
    if grouping is None:
        categories = _months_or_kinds(request, cells)
    else:
        found = {category for category, _ in cells}
        categories = grouping.sort(set(setting.roster_categories) | found)
    series = tuple(_series(key, categories, cells, unit) for key in series_keys(request, grouping))
    return ReportTable(
        request=request,
        unit=unit,
        categories=categories,
        series=series,
        empty=_empty(request, setting, series, runs),
        notes=_notes(request, setting.grouping, grouping),
    )


def _notes(
    request: ReportRequest, chosen: Grouping | None, grouping: Grouping | None
) -> tuple[str, ...]:
    if grouping is not None:
        return (COUNTS_OVERLAP,)
    return (NOT_BY_GROUP,) if chosen is not None and request.kind in OUTCOMES else ()


def report_cells(
    session: Session, request: ReportRequest, today: date, grouping: Grouping | None
) -> tuple[Cells, int | None]:
    """The report's numbers by (category, series), and for equity of voice how many runs."""
    kind, period = request.kind, request.period
    if kind is ReportKind.FOLLOW_UPS:
        return follow_up_cells(session, period, today, grouping), None
    if kind is ReportKind.EQUITY_OF_VOICE:
        return voice_cells(session, period, grouping)
    if kind is ReportKind.STUDENTS_REACHED:
        return reached_cells(session, period, grouping), None
    own = _own_cells(session, request, today, grouping)
    if own is not None:
        return own, None
    parts = facts(kind, period, with_students=grouping is not None)
    if kind is ReportKind.SUSPENSION_DAYS_AVOIDED:
        return sum_cells(session, parts, grouping), None
    cells = count_cells(session, parts, grouping)
    if kind is ReportKind.AGREEMENTS:
        cells = _with_kept_share(cells)
    return cells, None


def _own_cells(
    session: Session, request: ReportRequest, today: date, grouping: Grouping | None
) -> Cells | None:
    """The continuum's and the outcomes' numbers (None for the other reports)."""
    kind, period = request.kind, request.period
    if kind is ReportKind.CONTINUUM:
        return continuum_cells(session, period, grouping)
    if kind is ReportKind.CONTINUUM_REACHED:
        return reached_by_level(session, period, grouping)
    if kind is ReportKind.REPEAT_HARM:
        return outcomes.repeat_cells(session, period, today)[0]
    if kind is ReportKind.REPAIR_FELT:
        return outcomes.repair_cells(session, period)
    if kind is ReportKind.RE_ENTRY:
        return outcomes.return_cells(session, period)
    return None


def _with_kept_share(cells: Cells) -> Cells:
    done, missed = KEPT_ITEMS
    categories = {category for category, series in cells if series in KEPT_ITEMS}
    shares: Cells = {
        (c, KEPT_SHARE): kept_share(
            int(cells.get((c, done)) or 0), int(cells.get((c, missed)) or 0)
        )
        for c in categories
    }
    kept = {cell: n for cell, n in cells.items() if cell[1] not in KEPT_ITEMS}
    return kept | shares


def _months_or_kinds(request: ReportRequest, cells: Cells) -> tuple[str, ...]:
    if request.kind in OWN_CATEGORIES:
        return OWN_CATEGORIES[request.kind]
    if request.kind is not ReportKind.PRACTICE_KINDS:
        return months_of(request.period)
    present = {category for category, _ in cells}
    kinds = [f"circle_kind:{k.value}" for k in CircleKind]
    kinds += [f"meeting_kind:{k.value}" for k in MeetingKind]
    return tuple(key for key in kinds if key in present)  # in the continuum's order


def _series(key: str, categories: tuple[str, ...], cells: Cells, unit: Unit) -> Series:
    own = SERIES_UNITS.get(key)
    # A count of nothing is 0; a share, index or ratio of nothing is not a number at all.
    missing = 0 if (own or unit) in (Unit.COUNT, Unit.DAYS) else None
    values = tuple(cells.get((category, key), missing) for category in categories)
    return Series(key, values, own if own not in (None, unit) else None)


def _empty(
    request: ReportRequest, setting: Setting, series: tuple[Series, ...], runs: int | None
) -> str | None:
    if request.kind is ReportKind.EQUITY_OF_VOICE:
        if runs:
            return None
    elif any(value for s in series for value in s.values):
        return None  # circles kept before the roster was imported still count
    if not setting.has_students:
        return NO_STUDENTS
    return NO_RUNS if request.kind is ReportKind.EQUITY_OF_VOICE else NO_RECORDS
