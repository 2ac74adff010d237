"""Lists: the time from a keystroke in the search box to the list showing the new rows, on the
largest list (Tier 1 circles), beside the same query run through raw sqlite3; and the time to
open a record into its form."""

import sqlite3
import statistics
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from PySide6.QtWidgets import QApplication

from bench.building import remove, working_copy
from rp_desktop.domain.records import ListQuery
from rp_desktop.domain.search import like_patterns
from rp_desktop.domain.vocabulary import Tier
from rp_desktop.services import school
from rp_desktop.services.casework import cases
from rp_desktop.services.circles import records as circles
from rp_desktop.services.safekeeping.opening import open_database
from rp_desktop.services.students import records as students
from rp_desktop.ui.application import application
from rp_desktop.ui.case.form import CaseForm
from rp_desktop.ui.circles.form import CircleForm
from rp_desktop.ui.circles.tab import CirclesTab
from rp_desktop.ui.students.form import StudentForm
from rp_desktop.ui.students.timeline import StudentTimeline

ROUNDS = 5
PAGE = 200

# The same work the list does for one keystroke: count the matches, fetch the first page.
COUNT_SQL = "SELECT count(*) FROM community_circle c WHERE {where}"
PAGE_SQL = """
SELECT c.id, c.held_on, c.status, c.kind, g.name, s.first_name, s.last_name, c.purpose,
       (SELECT count(*) FROM circle_attendance a WHERE a.circle_id = c.id), c.duration_minutes
FROM community_circle c
LEFT JOIN student_group g ON g.id = c.group_id
LEFT JOIN staff s ON s.id = c.keeper_id
WHERE {where}
ORDER BY c.held_on DESC, c.id DESC
LIMIT {page}
"""


def typed(words: str) -> list[str]:
    """What the search box holds after each keystroke of `words`."""
    return [words[: i + 1] for i in range(len(words))]


def raw_keystroke(connection: sqlite3.Connection, text: str) -> int:
    patterns = like_patterns(text)
    where = " AND ".join(["c.search_key LIKE ? ESCAPE '\\'"] * len(patterns)) or "1"
    connection.execute(COUNT_SQL.format(where=where), patterns).fetchone()
    return len(connection.execute(PAGE_SQL.format(where=where, page=PAGE), patterns).fetchall())


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def keystrokes(database: Path, queries: list[str]) -> tuple[list[float], list[float], int]:
    """Seconds per keystroke in the app's list and through raw sqlite3, and the list's size."""
    app = application()
    app_times: list[float] = []
    raw_times: list[float] = []
    with open_database(database, unencrypted=True) as db:
        info = school.school_info(db)
        assert info is not None
        tab = CirclesTab(db, lambda: info.school_year)
        tab.reload()
        total = tab.model.total
        raw = sqlite3.connect(database)
        try:
            for _ in range(ROUNDS):
                for query in queries:
                    for text in typed(query):
                        app_times.append(timed(lambda t=text: tab.search.setText(t)))
                        raw_times.append(timed(lambda t=text: raw_keystroke(raw, t)))
                    tab.search.clear()
        finally:
            raw.close()
        tab.deleteLater()
        app.processEvents()
    return app_times, raw_times, total


def open_record_times(database: Path) -> dict[str, float]:
    """Median seconds to fetch a record and build its form, for each kind of record."""
    application()
    with open_database(database, unencrypted=True) as db:
        info = school.school_info(db)
        assert info is not None
        circle_ids = [r.id for r in circles.list_circles(db, ListQuery(), limit=40).rows]
        case_ids = [r.id for r in cases.list_cases(db, Tier.TARGETED, ListQuery(), limit=40).rows]
        student_ids = [s.id for s in students.list_students(db, ListQuery(), limit=40).rows]
        samples = {
            "Tier 1 circle": [
                timed(
                    lambda i=i: CircleForm(
                        db, circles.get_circle(db, i), school_year=info.school_year
                    )
                )
                for i in circle_ids
            ],
            "Tier 2 case": [
                timed(lambda i=i: CaseForm(db, Tier.TARGETED, cases.get_case(db, i)))
                for i in case_ids
            ],
            "Student": [
                timed(lambda i=i: StudentForm(db, students.get_student(db, i))) for i in student_ids
            ],
            "Student timeline (the 20 fullest)": [
                timed(lambda i=i: StudentTimeline(db, i)) for i in fullest_timelines(database)
            ],
        }
    QApplication.processEvents()
    return {kind: statistics.median(times) for kind, times in samples.items()}


def fullest_timelines(database: Path, count: int = 20) -> list[int]:
    """The students with the most circles and case parts: the slowest timelines to open."""
    with closing(sqlite3.connect(database)) as connection:
        rows = connection.execute(
            "SELECT student_id FROM circle_attendance GROUP BY student_id "
            "ORDER BY count(*) DESC LIMIT ?",
            (count,),
        ).fetchall()
    return [student_id for (student_id,) in rows]


def search_words(database: Path) -> list[str]:
    """What a counselor would type: a keeper's last name, a group, a word of a purpose."""
    with sqlite3.connect(database) as connection:
        staff = connection.execute(
            "SELECT s.last_name FROM staff s JOIN community_circle c ON c.keeper_id = s.id "
            "GROUP BY s.id ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()[0]
        group = connection.execute(
            "SELECT name FROM student_group ORDER BY school_year DESC, id LIMIT 1"
        ).fetchone()[0]
    connection.close()
    return [staff.lower(), group.lower(), "check-in"]


def measure() -> dict[str, object]:
    database = working_copy("lists")
    queries = search_words(database)
    try:
        app_times, raw_times, total = keystrokes(database, queries)
        opening = open_record_times(database)
    finally:
        remove(database)
    return {
        "total": total,
        "app_median": statistics.median(app_times),
        "app_p90": statistics.quantiles(app_times, n=10)[-1],
        "raw_median": statistics.median(raw_times),
        "keystrokes": len(app_times),
        "queries": queries,
        "open": opening,
    }
