"""The disproportionality table of the district package: per group of students, how many are
enrolled and how many were in a Tier 2 or Tier 3 case, and the shares and risk ratio computed
from those counts as published.

The threshold is also the minimum group size: a group under it shows nothing but its name, and
its counts are hidden with the cells needed to keep them from being worked out of the totals
row ("all"), which is published like the groups' rows.
"""

from rp_desktop.domain.reports.model import Disproportionality, GroupRisk
from rp_desktop.domain.reports.suppression import is_small, suppress
from rp_desktop.services.exports.district.tables import (
    MARK,
    PackageTable,
    category_value,
    number_text,
)
from rp_desktop.services.exports.names import DISPROPORTIONALITY, package_file

ALL = "all"
COLUMNS = (
    ("enrolled", "active students in the group now"),
    ("with_case", "of them, students who were the person who caused harm in a Tier 2 or "
     "Tier 3 case of harm opened in the period"),
    ("enrollment_share", "enrolled / all enrolled, 0 to 1"),
    ("case_share", "with_case / all with_case, 0 to 1"),
    ("risk", "with_case / enrolled, 0 to 1"),
    ("risk_ratio", "the group's risk / the risk of every other student; empty where the group "
     "or everyone else is under the threshold, or a count is hidden"),
)  # fmt: skip


def risk_table(risk: Disproportionality, by: str, threshold: int) -> PackageTable:
    groups = risk.groups
    counts = [[g.enrolled, g.with_case] for g in groups]
    hidden = [[not g.shown, not g.shown] for g in groups]
    done = suppress(counts, threshold, column_totals=True, hidden=hidden)
    # The totals row is the service's own (every active student), hidden where suppression
    # hid the column's total (small, or the lone hidden cell of its column is beside zeros).
    kept = (done.column_totals or (None, None)) if groups else (risk.enrolled, risk.with_case)
    all_enrolled, all_with_case = (
        None if shown is None or is_small(total, threshold) else total
        for total, shown in zip((risk.enrolled, risk.with_case), kept, strict=True)
    )
    rows: list[tuple[object, ...]] = []
    for group, (enrolled, with_case) in zip(groups, done.cells, strict=True):
        rows.append(
            (
                category_value(group.key),
                _shown(enrolled),
                _shown(with_case),
                number_text(_ratio(enrolled, all_enrolled)),
                number_text(_ratio(with_case, all_with_case)),
                number_text(_ratio(with_case, enrolled)),
                number_text(_risk_ratio(group, enrolled, with_case)),
            )
        )
    rows.append((ALL, _shown(all_enrolled), _shown(all_with_case), "", "", "", ""))
    hidden_totals = (all_enrolled is None) + (all_with_case is None)
    return PackageTable(
        package_file(DISPROPORTIONALITY, by),
        DISPROPORTIONALITY,
        ((by, "the group of students"), *COLUMNS),
        tuple(rows),
        done.primary + done.secondary + hidden_totals,
    )


def _shown(value: int | None) -> object:
    return MARK if value is None else value


def _ratio(part: int | None, whole: int | None) -> float | None:
    if part is None or not whole:
        return None
    return part / whole


def _risk_ratio(group: GroupRisk, enrolled: int | None, with_case: int | None) -> float | None:
    if not group.shown or enrolled is None or with_case is None:
        return None
    return group.risk_ratio
