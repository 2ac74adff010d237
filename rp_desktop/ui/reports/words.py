"""Report keys as the words a principal reads: "2025-09" is "Sep 2025", "grade:0" is
"Kindergarten", "measure:kept_share" is "Share kept". The reports service names everything by
keys (rp_desktop/domain/reports/model.py); only this module turns them into words, so a
translation is a file and the numbers never depend on the language."""

from collections.abc import Callable, Mapping

from PySide6.QtCore import QCoreApplication, QLocale

from rp_desktop.domain.reports.model import (
    Breakdown,
    BreakdownKind,
    ReportKind,
    ReportTable,
    Series,
    Unit,
)
from rp_desktop.domain.reports.voice import NOT_BY_TRAIT, voice_breakdown_allowed
from rp_desktop.domain.vocabulary import CircleKind, MeetingKind, Tier
from rp_desktop.ui.reports.continuum_words import CONTINUUM_PREFIXES, continuum_word
from rp_desktop.ui.words.labels import demographic_field_label, label

NOTHING = "—"  # a cell with nothing to compute (a share of nothing), never a made-up zero


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReportWords", text)


_TITLES: dict[ReportKind, Callable[[], str]] = {
    ReportKind.CONTINUUM: lambda: _tr("The continuum of practice"),
    ReportKind.CONTINUUM_REACHED: lambda: _tr("Students reached along the continuum"),
    ReportKind.PRACTICES_BY_MONTH: lambda: _tr("Circles and meetings held"),
    ReportKind.PRACTICE_KINDS: lambda: _tr("Practices by kind"),
    ReportKind.STUDENTS_REACHED: lambda: _tr("Students reached"),
    ReportKind.CASES: lambda: _tr("Cases of harm opened and closed"),
    ReportKind.AGREEMENTS: lambda: _tr("Agreements and the share kept"),
    ReportKind.FOLLOW_UPS: lambda: _tr("Follow-ups on agreement items"),
    ReportKind.SUSPENSION_DAYS_AVOIDED: lambda: _tr("Days of suspension avoided"),
    ReportKind.REPEAT_HARM: lambda: _tr("Repeat harm"),
    ReportKind.REPAIR_FELT: lambda: _tr("Repair as felt by the person harmed"),
    ReportKind.RE_ENTRY: lambda: _tr("Returns after re-entry"),
    ReportKind.EQUITY_OF_VOICE: lambda: _tr("Equity of voice in circles"),
}

_AIDS: dict[ReportKind, Callable[[], str]] = {
    ReportKind.CONTINUUM: lambda: _tr(
        "Practice at each level of the continuum, each month; each affective statement of a "
        "tally counts."
    ),
    ReportKind.CONTINUUM_REACHED: lambda: _tr(
        "Students on the roster now who took part at each level, and their share of all of them."
    ),
    ReportKind.PRACTICES_BY_MONTH: lambda: _tr(
        "Tier 1: community circles held. Tier 2 and 3: meetings in cases."
    ),
    ReportKind.PRACTICE_KINDS: lambda: _tr("Circles and meetings held, by kind of practice."),
    ReportKind.STUDENTS_REACHED: lambda: _tr(
        "Different students in a circle or a case, those who have since left included; a "
        "student counts once in each bar."
    ),
    ReportKind.CASES: lambda: _tr(
        "Cases of harm (Tier 2 and 3): opened on the day of the harm, closed. Wellbeing "
        "concerns apart."
    ),
    ReportKind.AGREEMENTS: lambda: _tr("Share kept: items done ÷ items done or missed."),
    ReportKind.FOLLOW_UPS: lambda: _tr(
        "Agreement items by their due date. On time: followed up by the day it was due."
    ),
    ReportKind.SUSPENSION_DAYS_AVOIDED: lambda: _tr(
        "Days of school kept when a restorative response replaced a proposed suspension."
    ),
    ReportKind.REPEAT_HARM: lambda: _tr(
        "Of those who caused harm in a case in this period, the share who did again within "
        "30, 60 or 90 days, once those days are over."
    ),
    ReportKind.REPAIR_FELT: lambda: _tr(
        "Cases of harm closed: does the person harmed feel the harm was repaired?"
    ),
    ReportKind.RE_ENTRY: lambda: _tr(
        "Students who came back after a re-entry plan, by the day they returned, and the "
        "median days from the case."
    ),
    ReportKind.EQUITY_OF_VOICE: lambda: _tr(
        "Spread of talk time: 0 is everyone equal, 1 is one voice. Pass rate: passes ÷ turns."
    ),
}

_MEASURES: dict[str, Callable[[], str]] = {
    "opened": lambda: _tr("Opened"),
    "closed": lambda: _tr("Closed"),
    "made": lambda: _tr("Agreements made"),
    "kept_share": lambda: _tr("Share kept"),
    "on_time": lambda: _tr("On time"),
    "late": lambda: _tr("Late"),
    "overdue": lambda: _tr("Overdue"),
    "not_yet_due": lambda: _tr("Not yet due"),
    "days": lambda: _tr("Days avoided"),
    "gini": lambda: _tr("Spread of talk time"),
    "pass_rate": lambda: _tr("Pass rate"),
    "talk_ratio": lambda: _tr("Talk time against an even share"),
    "reached": lambda: _tr("Any tier"),
    "concerns": lambda: _tr("Wellbeing concerns"),
    "students": lambda: _tr("Students"),
    "share": lambda: _tr("Share of students"),
    "followed": lambda: _tr("People"),
    "repeated": lambda: _tr("Caused harm again"),
    "repeat_share": lambda: _tr("Share who caused harm again"),
    "returned": lambda: _tr("Returned"),
    "median_days": lambda: _tr("Median days to return"),
}

_RECORD_KINDS: dict[str, Callable[[], str]] = {
    "circle": lambda: _tr("Circle"),
    "case": lambda: _tr("Case"),
    "meeting": lambda: _tr("Meeting"),
    "agreement": lambda: _tr("Agreement"),
    "agreement_item": lambda: _tr("Agreement item"),
    "run": lambda: _tr("Circle run"),
    "student": lambda: _tr("Student"),
    "practice_log": lambda: _tr("Practice"),
}

_NOTES: dict[str, Callable[[], str]] = {
    "counts_overlap": lambda: _tr(
        "A record counts once in every group one of its students is in, so the groups can "
        "add up to more than the total."
    ),
    "not_by_group": lambda: _tr(
        "Outcomes (repeat harm, repair as felt, returns) are never broken down by group of "
        "students: they are for the whole school."
    ),
}

_NO_RECORDS: dict[ReportKind, Callable[[], str]] = {
    ReportKind.CONTINUUM: lambda: _tr("No practice was logged or held in this period."),
    ReportKind.CONTINUUM_REACHED: lambda: _tr(
        "No student on the roster took part in a practice in this period."
    ),
    ReportKind.PRACTICES_BY_MONTH: lambda: _tr("No circles or meetings in this period."),
    ReportKind.PRACTICE_KINDS: lambda: _tr("No circles or meetings in this period."),
    ReportKind.STUDENTS_REACHED: lambda: _tr(
        "No student was in a circle or a case in this period."
    ),
    ReportKind.CASES: lambda: _tr("No cases of harm or wellbeing concerns in this period."),
    ReportKind.AGREEMENTS: lambda: _tr("No agreements were made in this period."),
    ReportKind.FOLLOW_UPS: lambda: _tr("No agreement items were due in this period."),
    ReportKind.SUSPENSION_DAYS_AVOIDED: lambda: _tr(
        "No suspension days were avoided in this period."
    ),
    ReportKind.REPEAT_HARM: lambda: _tr("No student caused harm in a case in this period."),
    ReportKind.REPAIR_FELT: lambda: _tr("No case of harm was closed in this period."),
    ReportKind.RE_ENTRY: lambda: _tr("No student returned after a re-entry plan in this period."),
    ReportKind.EQUITY_OF_VOICE: lambda: _tr("No circles were run with turns in this period."),
}


def report_title(kind: ReportKind) -> str:
    return _TITLES[kind]()


def reading_aid(kind: ReportKind, breakdown: Breakdown | None = None) -> str:
    """One line on how to read the report's chart."""
    if (
        kind is ReportKind.EQUITY_OF_VOICE
        and breakdown
        and breakdown.kind is not BreakdownKind.NONE
        and voice_breakdown_allowed(breakdown)
    ):
        return _tr(
            "Pass rate: passes ÷ turns in the group's circles. Talk time: the group's students "
            "against an even share of the circle's time (1.00×), 2.00× twice as much."
        )
    return _AIDS[kind]()


def empty_sentence(kind: ReportKind, reason: str) -> str:
    """Why a report has nothing to draw, as a sentence that says what to do about it."""
    if reason == "no_students":
        return _tr("No students yet: import the roster to see reports.")
    if reason == NOT_BY_TRAIT:
        return _tr(
            "Voice is shown per circle and per the circle's own group, never by a demographic "
            "field or by grade, and not by homeroom: break down by Month or Group to see it."
        )
    if reason == "no_runs":
        return _tr(
            "No circle was run with the talking-piece timer in this period, so there is no "
            "talk time to compare."
        )
    return _NO_RECORDS[kind]()


def note_sentence(note: str) -> str:
    return _NOTES[note]() if note in _NOTES else ""


def breakdown_word(breakdown: Breakdown) -> str:
    """The name of a breakdown in the "Break down by" choice and as an axis title."""
    return {
        BreakdownKind.NONE: lambda: _tr("Month"),
        BreakdownKind.GRADE: lambda: _tr("Grade"),
        BreakdownKind.GROUP: lambda: _tr("Group"),
        BreakdownKind.HOMEROOM: lambda: _tr("Homeroom"),
        BreakdownKind.DEMOGRAPHIC: lambda: demographic_field_label(breakdown.field),
    }[breakdown.kind]()


def record_kind_word(kind: str) -> str:
    return _RECORD_KINDS[kind]() if kind in _RECORD_KINDS else kind


def month_word(key: str, *, long: bool = False) -> str:
    """ "2025-09" as "Sep 2025" (or "September 2025"), in the user's language."""
    return _tr("{month} {year}").format(month=month_name(key, long=long), year=key[:4])


def month_name(key: str, *, long: bool = False) -> str:
    """ "2025-09" as "Sep" (or "September")."""
    form = QLocale.FormatType.LongFormat if long else QLocale.FormatType.ShortFormat
    return QLocale().monthName(int(key[5:7]), form)


def grade_word(grade: int) -> str:
    if grade == -1:
        return _tr("Pre-K")
    if grade == 0:
        return _tr("Kindergarten")
    return _tr("Grade {grade}").format(grade=grade)


def key_word(key: str, groups: Mapping[int, str] | None = None) -> str:
    """Any category or series key as words; `groups` names student groups by id."""
    if key == "unknown":
        return _tr("Not recorded")
    prefix, _, rest = key.partition(":")
    if not rest:
        return month_word(key) if len(key) == 7 and key[4] == "-" else key
    try:
        return _word_for(prefix, rest, groups or {})
    except (KeyError, ValueError):
        return rest  # a key this version has no word for yet: its value, rather than nothing


def _word_for(prefix: str, rest: str, groups: Mapping[int, str]) -> str:
    if prefix == "tier":
        return label(Tier(int(rest)))
    if prefix == "circle_kind":
        return label(CircleKind(rest))
    if prefix == "meeting_kind":
        return label(MeetingKind(rest))
    if prefix == "grade":
        return grade_word(int(rest))
    if prefix == "group":
        return groups.get(int(rest)) or _tr("Group {number}").format(number=rest)
    if prefix == "homeroom":
        return _tr("Homeroom {name}").format(name=rest)
    if prefix == "measure":
        return _MEASURES[rest]()
    if prefix in CONTINUUM_PREFIXES:
        return continuum_word(prefix, rest)
    if prefix == "demographic":
        return rest
    raise KeyError(prefix)


def series_unit(table: ReportTable, series: Series) -> Unit:
    """The unit of one column: its own (a share of items kept, in a table of counts), else
    the table's."""
    return series.unit or table.unit


def format_value(value: float | None, unit: Unit) -> str:
    """A number as a cell shows it: shares as percentages, an index with two decimals, a ratio
    to an even share as "1.25×", counts and days as whole numbers; None as a dash."""
    if value is None:
        return NOTHING
    locale = QLocale()
    if unit is Unit.SHARE:
        return _tr("{percent}%").format(percent=locale.toString(value * 100, "f", 0))
    if unit is Unit.INDEX:
        return locale.toString(value, "f", 2)
    if unit is Unit.RATIO:
        return _tr("{ratio}×").format(ratio=locale.toString(value, "f", 2))
    if float(value).is_integer():
        return locale.toString(int(value))
    return locale.toString(value, "f", 1)
