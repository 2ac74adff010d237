"""The names of every file either export writes, so that a folder holding one export is never
mixed with another (export_folder refuses it, or replaces every one of these files).

The district package's files are "<subject>_by_<month|grade|kind|demographic field>.csv"; every
name it can ever write is listed here, so that replacing a package removes nothing else."""

from rp_desktop.domain.roster.demographics import DemographicField
from rp_desktop.services.exports.folder import README
from rp_desktop.services.exports.records.files import RECORD_FILES

DISPROPORTIONALITY = "disproportionality"
BY_MONTH = "month"
BY_GRADE = "grade"
BY_KIND = "kind"
SUBJECTS = (
    "practices",
    "students_reached",
    "cases",
    "agreements",
    "follow_ups",
    "suspension_days_avoided",
    DISPROPORTIONALITY,
    # The continuum and the outcomes (district/continuum.py), by level, window and answer.
    "continuum",
    "continuum_reached",
    "repeat_harm",
    "repair_felt",
    "re_entry",
)
CONTINUUM_BYS = ("level", "window", "response")


def package_file(subject: str, by: str) -> str:
    return f"{subject}_by_{by}.csv"


RECORD_NAMES = frozenset(file.name for file in RECORD_FILES)
PACKAGE_NAMES = frozenset(
    package_file(subject, by)
    for subject in SUBJECTS
    for by in (
        BY_MONTH,
        BY_GRADE,
        BY_KIND,
        *CONTINUUM_BYS,
        *(field.value for field in DemographicField),
    )
)
EXPORT_NAMES = RECORD_NAMES | PACKAGE_NAMES | {README}
