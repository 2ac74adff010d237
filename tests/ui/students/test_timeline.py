"""A student's timeline opens with everything in it (a student with many circles used to open
empty), and ticks and a date range narrow it; nothing of that is remembered."""

import pytest
from pytestqt.qtbot import QtBot

from rp_desktop.domain.records import StudentFields
from rp_desktop.domain.timeline import TimelineKind, TimelineShow
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.students import records as students
from rp_desktop.ui.students.timeline import StudentTimeline
from tests.ui.tasks.sample_window import WANTED, accented_student_with_a_history, sample_school


@pytest.fixture
def timeline(qtbot: QtBot, db: Database) -> StudentTimeline:
    sample_school(db)
    student, _typed = accented_student_with_a_history(db)
    window = StudentTimeline(db, student.id)
    qtbot.addWidget(window)
    return window


def kinds_in_table(window: StudentTimeline) -> set[str]:
    return {window.table.item(row, 1).text() for row in range(window.table.rowCount())}


def test_it_opens_with_everything(timeline: StudentTimeline) -> None:
    assert all(tick.isChecked() for tick in timeline.kinds.values())
    assert timeline.shown() == timeline.entries
    assert timeline.table.rowCount() == len(timeline.entries)
    assert {entry.kind for entry in timeline.shown()} >= WANTED
    assert {"Circle", "Case"} <= kinds_in_table(timeline)
    assert timeline.empty.isHidden()


def test_ticks_narrow_it_by_kind(timeline: StudentTimeline) -> None:
    circles = sum(1 for e in timeline.entries if e.kind is TimelineKind.CIRCLE)
    timeline.kinds[TimelineShow.CIRCLES].setChecked(False)
    assert timeline.table.rowCount() == len(timeline.entries) - circles
    assert "Circle" not in kinds_in_table(timeline)
    for show in (TimelineShow.AGREEMENTS, TimelineShow.PLANS, TimelineShow.PRACTICE):
        timeline.kinds[show].setChecked(False)
    assert {e.kind for e in timeline.shown()} <= {
        TimelineKind.CASE,
        TimelineKind.MEETING,
        TimelineKind.TIER_CHANGE,
    }
    assert TimelineKind.CASE in {e.kind for e in timeline.shown()}
    timeline.kinds[TimelineShow.CASES].setChecked(False)
    assert timeline.table.rowCount() == 0
    assert timeline.empty.isVisibleTo(timeline)
    assert timeline.empty.text() == (
        'Nothing matches these choices. Tick more kinds above, or choose "Any date".'
    )


def test_a_date_range_narrows_it(timeline: StudentTimeline) -> None:
    timeline.dates.preset.setCurrentIndex(timeline.dates.preset.findData("month"))
    start, end = timeline.dates.selected()
    assert start is not None
    assert end is not None
    within = [e for e in timeline.entries if start <= e.on <= end]
    assert timeline.shown() == within
    assert timeline.table.rowCount() == len(within) < len(timeline.entries)


def test_nothing_is_remembered_each_timeline_opens_whole(
    qtbot: QtBot, db: Database, timeline: StudentTimeline
) -> None:
    timeline.kinds[TimelineShow.CIRCLES].setChecked(False)
    timeline.close()
    again = StudentTimeline(db, timeline.student.id)
    qtbot.addWidget(again)
    assert again.kinds[TimelineShow.CIRCLES].isChecked()
    assert again.table.rowCount() == len(again.entries)


def test_a_student_with_no_history_is_told_what_will_show(qtbot: QtBot, db: Database) -> None:
    new = students.add_student(db, StudentFields("990001", "Ngozi", "Okafor", grade=6))
    window = StudentTimeline(db, new.id)
    qtbot.addWidget(window)
    assert window.table.rowCount() == 0
    assert window.empty.text().startswith("Nothing recorded for this student yet.")
