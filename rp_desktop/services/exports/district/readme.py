"""The README.txt of the district package: what it is, for which period and threshold, each file
with its columns and how many cells were hidden, and how the figures are defined."""

from collections.abc import Sequence

from rp_desktop.domain.reports.model import Period
from rp_desktop.services.exports.district.tables import MARK, PackageTable
from rp_desktop.services.exports.safety import plain_text

SUBJECTS = {
    "practices": "Restorative practices held: Tier 1 community circles held, and Tier 2 and "
    "Tier 3 meetings on cases (conversations, conferences, circles), by the case's tier.",
    "students_reached": "Students reached: distinct students in a circle held or in a case "
    "(as any participant) in the period.",
    "cases": "Tier 2 and Tier 3 cases of harm (a category of the harm kind) opened (by the day "
    "the harm happened) and closed (by the day closed), and wellbeing concerns opened apart. "
    "Positive and neutral observations are not cases.",
    "agreements": "Agreements made (by the day made), their items done and missed, and the "
    "share kept.",
    "follow_ups": "Agreement items by whether they were followed up on time (by due day).",
    "suspension_days_avoided": "Days of instruction kept: days of suspension avoided through "
    "restorative alternatives, and the cases they come from (by the day the case happened). "
    "The days are the suspension a referral proposed where triage chose a restorative process "
    "instead; a number typed on the case with a reason overrides.",
    "continuum": "The continuum of practice: restorative language, conversations, community "
    "circles, repair-harm circles and conferences, held or logged.",
    "continuum_reached": "Students on the roster now who took part at each level of the "
    "continuum in the period (each student once per level), and their share of all students.",
    "repeat_harm": "Repeat harm: people who caused harm in a case of harm in the period (from "
    "their first such case), and how many were the person who caused harm in a new case of "
    "harm 1 to 30, 60 and 90 days later. People whose days are not over yet are left out "
    "unless they already did.",
    "repair_felt": "Cases of harm closed in the period, by whether the person harmed feels the "
    "harm was repaired.",
    "re_entry": "Students who returned after a re-entry plan, by the month they returned, and "
    "the median days from the case to the return.",
    "disproportionality": "Per group of students, the share of enrollment against the share "
    "of Tier 2 and Tier 3 cases of harm, and the risk ratio.",
}
BY = {
    "month": "per month",
    "grade": "per grade (a record counts once in every grade one of its students is in, so "
    "the grades can add up to more than the whole)",
    "kind": "per practice kind, over the whole period",
    "level": "per level of the continuum, over the whole period",
    "window": "per number of days, for the whole school (never by group of students)",
    "response": "per response of the person harmed, for the whole school (never by group "
    "of students)",
}
DEFINITIONS = (
    "Share kept: items done / (items done + items missed). Open items may still be kept, and "
    "renegotiated items were replaced by others, so neither counts.",
    "Followed up on time: the first follow-up linked to the item came on or before its due "
    "day, or the item was done and a follow-up on its case came by then. Late: the follow-up "
    "came after the due day, or the item was settled without one. Overdue: still open, past "
    "its due day, no follow-up. Not yet due: no follow-up and the due day is still ahead.",
    "Risk: the share of a group's enrolled students who were the person who caused harm in "
    "at least one Tier 2 or Tier 3 case of harm opened in the period. Risk ratio: the "
    "group's risk divided by the same risk among all other enrolled students; 1 means the "
    "same rate, 2 twice the rate. Enrollment is the students on the roster now.",
    "Students are grouped by their grade and demographic values now, as the roster gives "
    "them; 'unknown' is students the roster gives no value for.",
)


VOICE_LEFT_OUT = (
    "No answers to the restorative questions are in them, and no equity of voice (talk time",
    "and passes in circles): voice is reported per circle and per the circle's own group at",
    "the school, never by a demographic field or by grade.",
)
NO_RECORDS = "No record falls in this period: every count is 0."


def package_readme(
    school: str,
    period: Period,
    threshold: int,
    tables: Sequence[PackageTable],
    *,
    empty: bool = False,
) -> str:
    hidden = sum(table.suppressed for table in tables)
    lines = _opening(school, period, threshold, hidden, empty=empty)
    for table in tables:
        lines += _about_table(table)
    lines += ["", "Definitions", *(f"- {line}" for line in DEFINITIONS)]
    return "\n".join(lines) + "\n"


def _opening(school: str, period: Period, threshold: int, hidden: int, *, empty: bool) -> list[str]:
    """What the package is, what it leaves out and how small counts are suppressed."""
    return [
        "RP Desktop: district package",
        "",
        f"School: {plain_text(school)}" if school else "School: (not set up)",
        f"Period: {period.first.isoformat()} to {period.last.isoformat()}",
        f"Threshold: {threshold}",
        *(["", NO_RECORDS] if empty else []),
        "",
        "Totals only. There are no names, no student numbers, no notes or other text typed",
        "about a case, no category names and no class, advisory or homeroom names in these",
        "files: counts per month, grade and demographic group, for sharing with the district.",
        *VOICE_LEFT_OUT,
        "",
        f"Small counts are suppressed. A count from 1 to {threshold - 1} is written {MARK}, and",
        "so are a few larger counts, hidden so that a suppressed count cannot be worked out",
        f"by subtracting the others from a total. A group of students smaller than {threshold}",
        f"shows no counts at all. Every {MARK} is a suppressed cell, whatever it hid; {hidden}",
        "cells are suppressed in all. A 0 is a true zero. Shares and days are left empty",
        "where the counts they come from are suppressed, or where there is nothing to divide.",
        "",
        "Each file is CSV (UTF-8 with a byte-order mark, comma-separated) with a header row.",
        "Shares and ratios are written with 3 decimals.",
    ]


def _about_table(table: PackageTable) -> list[str]:
    """One file: its name, rows and suppressed cells, what it counts, and each column."""
    subject, _, by = table.name.removesuffix(".csv").rpartition("_by_")
    lines = ["", f"{table.name} ({len(table.rows)} rows, {table.suppressed} suppressed)"]
    lines.append(f"  {SUBJECTS.get(subject, '')} {_by(subject, by)}".rstrip())
    lines += [f"  {header}: {about}" for header, about in table.columns]
    return lines


def _by(subject: str, by: str) -> str:
    if subject == "disproportionality":
        return f"Per {by.replace('_', ' ')}."
    if by in BY:
        return BY[by].capitalize() + "."
    return f"Per {by.replace('_', ' ')} (a demographic field of the roster)."
