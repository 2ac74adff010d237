"""Demographic values for the sample school's students, as a district roster would carry them.

Every student gets a value for each field, drawn from a stream of its own so that nothing else
the builder writes changes. Shares are roughly those of a mid-sized Midwestern district. Gender
follows the made-up first name (with a few nonbinary students), race/ethnicity mostly follows
the family name's heritage, and English learners are more common in newer immigrant families.

Special education is the one field made mildly uneven: students who turn up in cases again and
again (a higher `case_weight`) have an IEP a little more often, so the disproportionality view
has a risk ratio above one to show, as many real buildings do. No other field leans on cases.
"""

import random
from collections.abc import Sequence

from rp_desktop.domain.roster.demographics import NO, YES, DemographicField
from rp_desktop.services.demo.roster import StudentRecipe

D = DemographicField

NONBINARY_SHARE = 0.015
TWO_OR_MORE_SHARE = 0.07
AMERICAN_INDIAN_SHARE = 0.01
RACE_OF_HERITAGE = {
    "african_american": "Black or African American",
    "somali": "Black or African American",
    "latino": "Hispanic or Latino",
    "hmong": "Asian",
    "vietnamese": "Asian",
    "arab": "Middle Eastern or North African",
}
WHITE = "White"  # anglo, polish, german, irish, italian, ukrainian, scandinavian
# English learners: more often in families who came more recently.
ENGLISH_LEARNER_SHARE = {
    "hmong": 0.3,
    "somali": 0.35,
    "latino": 0.3,
    "vietnamese": 0.25,
    "arab": 0.3,
    "ukrainian": 0.3,
}
OTHER_ENGLISH_LEARNER_SHARE = 0.01
ECONOMICALLY_DISADVANTAGED_SHARE = 0.42
# An IEP by how often a student is in cases (the case weights of roster.py: 1, 3, 8); about
# 14% of students overall.
SPECIAL_EDUCATION_SHARE = {1: 0.08, 3: 0.22, 8: 0.42}


def demographic_rows(
    rng: random.Random, students: Sequence[StudentRecipe]
) -> list[dict[str, object]]:
    """One `student_demographic` row for each student and field, in student order."""
    rows: list[dict[str, object]] = []
    for student in students:
        values = _values(rng, student)
        rows += [
            {"student_id": student.id, "field": field.value, "value": value}
            for field, value in values.items()
        ]
    return rows


def _values(rng: random.Random, student: StudentRecipe) -> dict[DemographicField, str]:
    heritage = student.name.heritage
    if rng.random() < NONBINARY_SHARE:
        gender = "Nonbinary"
    else:
        gender = "Female" if student.name.feminine else "Male"
    draw = rng.random()
    if draw < AMERICAN_INDIAN_SHARE:
        race = "American Indian or Alaska Native"
    elif draw < AMERICAN_INDIAN_SHARE + TWO_OR_MORE_SHARE:
        race = "Two or more races"
    else:
        race = RACE_OF_HERITAGE.get(heritage, WHITE)
    iep = SPECIAL_EDUCATION_SHARE.get(student.case_weight, SPECIAL_EDUCATION_SHARE[1])
    learner = ENGLISH_LEARNER_SHARE.get(heritage, OTHER_ENGLISH_LEARNER_SHARE)
    return {
        D.GENDER: gender,
        D.RACE_ETHNICITY: race,
        D.SPECIAL_EDUCATION: _yes_no(rng, iep),
        D.ENGLISH_LEARNER: _yes_no(rng, learner),
        D.ECONOMICALLY_DISADVANTAGED: _yes_no(rng, ECONOMICALLY_DISADVANTAGED_SHARE),
    }


def _yes_no(rng: random.Random, share: float) -> str:
    return YES if rng.random() < share else NO
