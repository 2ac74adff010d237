"""The sample school's recipe, drawn before anything is written: its name, people, groups and
calendars.

Every part draws from its own random stream, named after the part and the year, so that one
part's draws never shift another's: the same seed and the same today give the same school.
"""

import random
from dataclasses import dataclass

from rp_desktop.services.demo.calendar import SchoolCalendar, school_calendar
from rp_desktop.services.demo.groups import GroupRecipe, draw_groups
from rp_desktop.services.demo.ids import Ids
from rp_desktop.services.demo.roster import Staffing, StudentRecipe, draw_staff, draw_students

TOWNS = (
    "Riverbend",
    "Prairie Ridge",
    "Cedar Hollow",
    "Lakeshore",
    "Maple Grove East",
    "Willow Creek",
    "North Meadow",
    "Stonebridge",
)


def stream(seed: int, *parts: object) -> random.Random:
    """A random stream of its own for one part of the building."""
    return random.Random(":".join(str(part) for part in (seed, *parts)))


@dataclass(frozen=True, slots=True)
class SchoolRecipe:
    name: str
    years: range  # school years by their start year, the last one current
    grades: list[int]
    students: list[StudentRecipe]
    staffing: Staffing
    groups: dict[int, list[GroupRecipe]]  # by school year
    calendars: dict[int, SchoolCalendar]
    homerooms: dict[int, str]  # student id -> homeroom in the student's last year

    def enrolled(self, year: int) -> list[StudentRecipe]:
        return [student for student in self.students if student.enrolled(year)]


def draw_school(
    seed: int, ids: Ids, grades: list[int], years: range, enrolled: int
) -> SchoolRecipe:
    students = draw_students(stream(seed, "students"), ids, len(grades), years, enrolled)
    staffing = draw_staff(stream(seed, "staff"), ids, years, enrolled)
    groups: dict[int, list[GroupRecipe]] = {}
    homerooms: dict[int, str] = {}
    for year in years:
        this_year = [student for student in students if student.enrolled(year)]
        groups[year] = draw_groups(
            stream(seed, "groups", year), ids, year, grades, this_year, staffing
        )
        for group in groups[year]:
            if group.room:
                homerooms.update(dict.fromkeys(group.members, group.room))
    return SchoolRecipe(
        name=school_name(stream(seed, "name"), grades),
        years=years,
        grades=grades,
        students=students,
        staffing=staffing,
        groups=groups,
        calendars={year: school_calendar(year) for year in years},
        homerooms=homerooms,
    )


def school_name(rng: random.Random, grades: list[int]) -> str:
    lowest, highest = min(grades), max(grades)
    if lowest >= 9:
        level = "High School"
    elif lowest >= 6:
        level = "Middle School" if highest <= 8 else "Secondary School"
    elif highest <= 5:
        level = "Elementary School"
    else:
        level = "Community School"
    return f"{rng.choice(TOWNS)} {level}"
