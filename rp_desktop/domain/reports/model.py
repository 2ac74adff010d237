"""The shapes of the reports: what a screen asks for (a ReportRequest) and what it gets back (a
ReportTable, which a chart, a table, a spreadsheet and the district package all draw from).

Keys, not words: categories and series are named by keys ("2025-09", "tier:2",
"circle_kind:check_in", "grade:7", "group:Advisory 7B", "measure:opened"); the ui layer turns
them into words (and can translate them). See `keys` below for every form a key takes.
"""

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class ReportKind(StrEnum):
    """The reports a school can look at, in the order the Reports tab lists them."""

    CONTINUUM = "continuum"  # practice at each level of the continuum, per month
    CONTINUUM_REACHED = "continuum_reached"  # share of students reached at each level
    PRACTICES_BY_MONTH = "practices_by_month"  # circles and meetings held, per month, per tier
    PRACTICE_KINDS = "practice_kinds"  # circles and meetings held, per practice kind
    STUDENTS_REACHED = "students_reached"  # distinct students in a circle or a case, per tier
    CASES = "cases"  # Tier 2 and 3 cases of harm opened and closed; wellbeing concerns apart
    AGREEMENTS = "agreements"  # agreements made, and the share of items kept
    FOLLOW_UPS = "follow_ups"  # agreement items followed up on time, late, overdue
    SUSPENSION_DAYS_AVOIDED = "suspension_days_avoided"  # days of instruction kept
    REPEAT_HARM = "repeat_harm"  # the same person causing harm again within 30/60/90 days
    REPAIR_FELT = "repair_felt"  # whether the person harmed feels the harm was repaired
    RE_ENTRY = "re_entry"  # returns after a re-entry plan, and the days to the return
    EQUITY_OF_VOICE = "equity_of_voice"  # spread of talk time (Gini) and pass rate of runs


class Unit(StrEnum):
    """What a table's numbers are: how a chart scales its axis and a cell is written."""

    COUNT = "count"  # whole numbers of records or students
    DAYS = "days"  # whole days
    SHARE = "share"  # 0..1, shown as a percentage
    INDEX = "index"  # a coefficient, 0..1 (the Gini of talk time)
    RATIO = "ratio"  # times an even share: 1 is even, 2 twice as much (talk share of a group)


class BreakdownKind(StrEnum):
    """What the categories of a report are: months (NONE), or groups of students."""

    NONE = "none"
    GRADE = "grade"
    GROUP = "group"  # classes, advisories, sections (student_group)
    HOMEROOM = "homeroom"
    DEMOGRAPHIC = "demographic"  # a roster field such as gender; Breakdown.field names it


@dataclass(frozen=True, slots=True)
class Breakdown:
    kind: BreakdownKind = BreakdownKind.NONE
    field: str | None = None  # the demographic field's key when kind is DEMOGRAPHIC


@dataclass(frozen=True, slots=True)
class Period:
    """Days from `first` to `last`, both included."""

    first: date
    last: date

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise ValueError("a period cannot end before it starts")


@dataclass(frozen=True, slots=True)
class ReportRequest:
    kind: ReportKind
    period: Period
    breakdown: Breakdown = field(default_factory=Breakdown)


@dataclass(frozen=True, slots=True)
class Series:
    """One line of numbers: one value per category of its table, None where there is nothing to
    compute (a share of nothing), never a made-up zero. `unit` is set when the series is not in
    its table's unit (the share of agreement items kept, in a table of counts)."""

    key: str
    values: tuple[float | None, ...]
    unit: Unit | None = None


@dataclass(frozen=True, slots=True)
class ReportTable:
    """A report's numbers: rows are `categories`, columns are `series`.

    `empty` is set when there is nothing to show, with the reason as a key the ui words:
    "no_students", "no_records" (none in the period), "no_runs" (no circle run with turns).
    `note` keys say how to read it (e.g. "counts_overlap": a record counts once in every group
    one of its students is in, so the groups add up to more than the total; "not_by_group": an
    outcome report is never broken down by group of students)."""

    request: ReportRequest
    unit: Unit
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    empty: str | None = None
    notes: tuple[str, ...] = ()

    def value(self, category: str, series: str) -> float | None:
        column = next(s for s in self.series if s.key == series)
        return column.values[self.categories.index(category)]

    def unit_of(self, series: str) -> Unit:
        """The unit of one series: its own, or the table's."""
        column = next(s for s in self.series if s.key == series)
        return column.unit or self.unit


@dataclass(frozen=True, slots=True)
class RecordRef:
    """One record behind a bar, for the list under a chart: enough to name it and open it.
    `kind` is "circle", "case", "meeting", "agreement", "agreement_item", "run" or "student";
    `case_id` is set for records that open in their case's window."""

    kind: str
    id: int
    on: date | None
    summary: str
    case_id: int | None = None
    # Set for a circle run that made a Tier 1 circle record: it opens as that circle.
    circle_id: int | None = None


@dataclass(frozen=True, slots=True)
class GroupRisk:
    """One student group in the disproportionality table.

    `enrolled`: active students in the group; `with_case`: those in at least one Tier 2 or
    Tier 3 case (in the chosen roles) opened in the period. `risk` = with_case / enrolled;
    `risk_ratio` = risk / (the same risk for every student not in the group); None when the
    group (or everyone else) is below the minimum size or the other students' risk is zero.
    `shown` is False when the group is under the minimum size: then only its key is shown."""

    key: str
    enrolled: int
    with_case: int
    enrollment_share: float | None
    case_share: float | None
    risk: float | None
    risk_ratio: float | None
    shown: bool


@dataclass(frozen=True, slots=True)
class Disproportionality:
    breakdown: Breakdown
    period: Period
    minimum_group: int
    groups: tuple[GroupRisk, ...]
    enrolled: int
    with_case: int
    empty: str | None = None
