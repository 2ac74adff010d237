"""Building a made-up school in an empty database, for trying the app out and for benchmarks.

The same seed and the same today give the same rows, byte for byte. All dates count back from
today: the last school year is the current one, and nothing held lies ahead of today.
"""

from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import date

from sqlalchemy import Connection, func, select
from sqlalchemy.orm import Session

from rp_desktop.db.models import (
    CaseCategoryRow,
    CommunityCircleRow,
    GroupRow,
    StaffRow,
    StudentDemographicRow,
    StudentRow,
)
from rp_desktop.domain.records import Category
from rp_desktop.domain.school_year import school_year_of
from rp_desktop.domain.vocabulary import HIGHEST_GRADE, LOWEST_GRADE, AuditAction
from rp_desktop.services.audit import record_event
from rp_desktop.services.demo.calendar import SchoolDays, school_calendar
from rp_desktop.services.demo.casework.case_people import YearPeople
from rp_desktop.services.demo.casework.cases import CaseYear, Categories, draw_cases
from rp_desktop.services.demo.casework.casework_drawing import CaseworkDrawing
from rp_desktop.services.demo.circle_adults import write_circle_people
from rp_desktop.services.demo.community_circles import CircleYear, draw_circles
from rp_desktop.services.demo.continuum import ContinuumSchool, add_continuum
from rp_desktop.services.demo.demographics import demographic_rows
from rp_desktop.services.demo.groups import GroupRecipe
from rp_desktop.services.demo.ids import Ids
from rp_desktop.services.demo.recipe import SchoolRecipe, draw_school, stream
from rp_desktop.services.demo.runs import DemoRuns
from rp_desktop.services.demo.stamps import Stamps
from rp_desktop.services.demo.writing import insert_cases, insert_group_members, insert_rows
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.school import set_up_school
from rp_desktop.services.search_keys import student_key

Progress = Callable[[int, int], None]
MOST_STUDENTS = 50_000
EARLIEST_YEAR = 2000


@dataclass(frozen=True)
class DemoSummary:
    students: int  # all student rows (active + inactive)
    active_students: int
    staff: int
    groups: int
    circles: int
    cases: int
    meetings: int
    agreements: int
    agreement_items: int
    follow_ups: int
    meeting_attendees: int
    meeting_answers: int
    support_plans: int
    progress_entries: int
    re_entry_plans: int
    # The continuum (services/demo/continuum): zero until its parts write them.
    practice_logs: int = 0
    referrals: int = 0
    caregivers: int = 0
    caregiver_contacts: int = 0
    preparations: int = 0
    planned_meetings: int = 0


def build_demo_school(
    db: Database,
    *,
    students: int = 2000,
    years: int = 10,
    seed: int = 7,
    grades: range = range(9, 13),
    progress: Callable[[int, int], None] | None = None,
) -> DemoSummary:
    """Fill an empty database with a believable building: `students` enrolled now over
    `grades`, and `years` school years of groups, circles and cases. ValueError if the database
    already has students or the sizes make no sense."""
    grade_list = _checked_grades(students, years, grades)
    today = db.today()
    current = school_year_of(today)
    school_years = range(current - years + 1, current + 1)
    if school_years[0] < EARLIEST_YEAR:
        raise ValueError(f"A sample school cannot go back before the year {EARLIEST_YEAR}.")
    steps = _Steps(progress, total=2 + 2 * years)
    with db.engine.connect() as connection, connection.begin():
        categories = _empty_school_categories(connection)
        ids = Ids.after_existing(connection)
        recipe = draw_school(seed, ids, grade_list, school_years, students)
        steps.done()
        builder = _Builder(connection, recipe, seed, today, ids, categories)
        builder.write_people()
        steps.done()
        for year in school_years:
            builder.write_circles(year)
            steps.done()
            builder.write_cases(year)
            steps.done()
        builder.write_continuum(ContinuumSchool(connection, seed, today, school_years))
        summary = builder.summary()
        _record_import(connection, db, summary)
    set_up_school(db, recipe.name, current)
    return summary


def _checked_grades(students: int, years: int, grades: range) -> list[int]:
    if students < 1:
        raise ValueError("A sample school needs at least one student.")
    if students > MOST_STUDENTS:
        raise ValueError(f"A sample school can have at most {MOST_STUDENTS:,} students.")
    if years < 1:
        raise ValueError("A sample school needs at least one school year.")
    grade_list = list(grades)
    if not grade_list or not all(LOWEST_GRADE <= grade <= HIGHEST_GRADE for grade in grade_list):
        raise ValueError("The grades of a sample school must lie between Pre-K and 12.")
    return grade_list


def _empty_school_categories(connection: Connection) -> Categories:
    """The school's case categories, once it is clear the database has no students yet."""
    if connection.scalar(select(func.count()).select_from(StudentRow)):
        raise ValueError("The database already has students; sample data needs an empty one.")
    columns = (
        CaseCategoryRow.id,
        CaseCategoryRow.name,
        CaseCategoryRow.kind,
        CaseCategoryRow.active,
    )
    rows = connection.execute(select(*columns).order_by(CaseCategoryRow.id))
    return Categories([Category(*row) for row in rows])


def _record_import(connection: Connection, db: Database, summary: DemoSummary) -> None:
    detail = " ".join(f"{f.name}={getattr(summary, f.name)}" for f in fields(summary))
    with Session(bind=connection) as session:
        record_event(session, db, AuditAction.IMPORT, "demo_data", None, detail=detail)
        session.flush()


class _Steps:
    """Counts finished steps for a progress bar: one for the people, two per school year."""

    def __init__(self, progress: Progress | None, total: int) -> None:
        self._progress = progress
        self._total = total
        self._done = 0
        self._report()

    def done(self) -> None:
        self._done += 1
        self._report()

    def _report(self) -> None:
        if self._progress is not None:
            self._progress(self._done, self._total)


class _Builder:
    """Writes the school's recipe into one open transaction, and counts what it wrote."""

    def __init__(
        self,
        connection: Connection,
        recipe: SchoolRecipe,
        seed: int,
        today: date,
        ids: Ids,
        categories: Categories,
    ) -> None:
        self.connection = connection
        self.recipe = recipe
        self.seed = seed
        self.today = today
        self.ids = ids
        self.categories = categories
        self.stamps = Stamps(today)
        # Next year's calendar too: a case from late May is followed up in the fall.
        next_year = school_calendar(recipe.years[-1] + 1)
        self.days = SchoolDays([*recipe.calendars.values(), next_year])
        self.presence = {student.id: student.presence for student in recipe.students}
        self.counts: dict[str, int] = {f.name: 0 for f in fields(DemoSummary)}
        # Circle runs, turn by turn, for a few circles: from streams of their own.
        self.runs = DemoRuns(connection, seed, recipe.students, today)

    def write_people(self) -> None:
        recipe, connection = self.recipe, self.connection
        insert_rows(connection, StudentRow, self._student_rows())
        # From a stream of its own: the rest of the school comes out as it did without it.
        demographics = demographic_rows(stream(self.seed, "demographics"), recipe.students)
        insert_rows(connection, StudentDemographicRow, demographics)
        insert_rows(connection, StaffRow, self._staff_rows())
        groups = [group for year in recipe.years for group in recipe.groups[year]]
        insert_rows(connection, GroupRow, [self._group_row(group) for group in groups])
        insert_group_members(connection, [(g.id, s) for g in groups for s in g.members])
        self._count(
            students=len(recipe.students),
            active_students=len(recipe.enrolled(recipe.years[-1])),
            staff=len(recipe.staffing.members),
            groups=len(groups),
        )

    def write_circles(self, year: int) -> None:
        recipe = self.recipe
        circle_year = CircleYear(
            recipe.calendars[year], recipe.groups[year], recipe.staffing, self.presence, self.today
        )
        rows = draw_circles(stream(self.seed, "circles", year), self.ids, self.stamps, circle_year)
        insert_rows(self.connection, CommunityCircleRow, rows.circles)
        write_circle_people(self.connection, self.seed, year, rows)
        self.runs.add_circles(year, rows)
        self._count(circles=len(rows.circles))

    def write_cases(self, year: int) -> None:
        recipe = self.recipe
        people = YearPeople(year, recipe.enrolled(year), recipe.groups[year], recipe.staffing)
        case_year = CaseYear(recipe.calendars[year], self.days, people, self.categories, self.today)
        # Casework draws from a stream of its own, so the cases come out as they did without it.
        casework = CaseworkDrawing(
            stream(self.seed, "casework", year), self.days, self.stamps, self.today
        )
        rng = stream(self.seed, "cases", year)
        rows = draw_cases(rng, self.ids, self.stamps, case_year, casework)
        insert_cases(self.connection, rows)
        self.runs.add_meetings(year, rows)
        self._count(**rows.counts())

    def write_continuum(self, school: ContinuumSchool) -> None:
        self._count(**add_continuum(school))

    def summary(self) -> DemoSummary:
        return DemoSummary(**self.counts)

    def _count(self, **written: int) -> None:
        for name, count in written.items():
            self.counts[name] += count

    def _student_rows(self) -> list[dict[str, object]]:
        recipe, rng = self.recipe, stream(self.seed, "student stamps")
        rows = []
        for student in recipe.students:
            first, last = student.name.first, student.name.last
            homeroom = recipe.homerooms.get(student.id, "")
            created = self.stamps.on(rng, date(student.first_year, 8, 20))
            active = student.last_year == recipe.years[-1]
            left = created if active else self.stamps.on(rng, date(student.last_year + 1, 6, 20))
            rows.append(
                {
                    "id": student.id,
                    "student_number": student.number,
                    "first_name": first,
                    "last_name": last,
                    "preferred_name": student.preferred,
                    "grade": recipe.grades[student.grade_index(student.last_year)],
                    "homeroom": homeroom,
                    "active": active,
                    "search_key": student_key(
                        student.number, first, last, student.preferred, homeroom
                    ),
                    "created_at": created,
                    "updated_at": left,
                }
            )
        return rows

    def _staff_rows(self) -> list[dict[str, object]]:
        current = self.recipe.years[-1]
        return [
            {
                "id": staff.id,
                "first_name": staff.name.first,
                "last_name": staff.name.last,
                "role": staff.role,
                "active": staff.last_year == current,
            }
            for staff in self.recipe.staffing.members
        ]

    def _group_row(self, group: GroupRecipe) -> dict[str, object]:
        return {
            "id": group.id,
            "name": group.name,
            "kind": group.kind,
            "school_year": group.year,
            "staff_id": group.teacher.id,
            # Last year's advisories no longer meet; they stay for the records that name them.
            "active": group.year == self.recipe.years[-1],
        }
