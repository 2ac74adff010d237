"""The Home tab: plain sentences when there is nothing, each line one action from its record,
and no student of a case named on it. Today is Tuesday 2026-03-10 (the fake clock)."""

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget

from rp_desktop.domain.casework.records import AgreementFields, AgreementItemFields
from rp_desktop.domain.records import CaseFields, CircleFields, ParticipantFields
from rp_desktop.domain.vocabulary import AgreementStatus, CircleStatus, Role, Tier
from rp_desktop.services.casework import agreements, cases
from rp_desktop.services.circles import records as circles
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui.home.tab import HomeCard, HomeTab
from tests.ui.conftest import School

TODAY = date(2026, 3, 10)


@pytest.fixture
def home(qtbot, db: Database) -> HomeTab:  # type: ignore[no-untyped-def]
    tab = HomeTab(db)
    qtbot.addWidget(tab)
    tab.resize(1280, 720)
    return tab


def texts(card: HomeCard) -> list[str]:
    return [card.lines.item(row).text() for row in range(card.lines.count())]


def recorder(signal) -> list[object]:  # type: ignore[no-untyped-def]
    got: list[object] = []
    signal.connect(lambda *args: got.append(args[0] if args else None))
    return got


def double_click(qtbot, lines: QListWidget, row: int) -> None:  # type: ignore[no-untyped-def]
    """A press and release, then the second press that Qt reports as a double-click."""
    where = lines.visualItemRect(lines.item(row)).center()
    qtbot.mouseClick(lines.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(lines.viewport(), Qt.MouseButton.LeftButton, pos=where)


def open_case_for(db: Database, school: School) -> int:
    category = cases.list_categories(db)[0].id
    harmed, caused = school.members[0].id, school.members[1].id
    return cases.open_case(
        db,
        CaseFields(
            tier=Tier.TARGETED,
            occurred_on=date(2026, 3, 6),
            category_id=category,
            description="Name-calling at lunch.",
            participants=(
                ParticipantFields(Role.PERSON_HARMED, student_id=harmed),
                ParticipantFields(Role.PERSON_WHO_CAUSED_HARM, student_id=caused),
            ),
        ),
    ).id


def test_an_empty_database_says_so_in_every_card(qtbot, home: HomeTab) -> None:
    home.show()  # the first showing reads the database

    assert home.summary is not None
    assert "2026" in home.heading.text()
    buttons = {b.text() for b in (home.new_circle, home.new_case, home.new_conversation)}
    for card in home.cards():
        assert card.pages.currentWidget() is card.empty
        said = card.empty.text()
        # One sentence: what is not there, then what to do next.
        assert said.count(".") == 1
        assert said.endswith(".")
        assert ": " in said
    assert home.week.empty.text() == (
        "No circles or case meetings planned for the days ahead: New circle plans a circle; "
        "a case's New meeting… plans a meeting."
    )
    assert home.today.empty.text() == "No circles planned for today: New circle plans one."
    for card in (home.today, home.week, home.cases, home.recent):  # each names its button
        assert any(button in card.empty.text() for button in buttons), card.title.text()


def test_circles_of_today_and_of_this_week(qtbot, db: Database, school_db: School) -> None:
    planned = circles.record_circle(
        db,
        CircleFields(
            held_on=TODAY,
            status=CircleStatus.PLANNED,
            group_id=school_db.advisory_id,
            keeper_id=school_db.counselor_id,
            purpose="Listening well",
        ),
    )
    tab = HomeTab(db)
    qtbot.addWidget(tab)
    tab.reload()

    assert texts(tab.today) == [
        "Planned · Community building\nAdvisory 7-Blue · Marisol Quintero · Listening well"
    ]
    # The school's circle on Monday the 9th; those of the weeks before are not this week's.
    assert len(texts(tab.week)) == 1
    assert "Gratitude" in texts(tab.week)[0]
    assert "Held" in texts(tab.week)[0]
    assert tab.week.note.text() == "1 circle"
    opened = recorder(tab.circleOpenRequested)
    tab.show()
    tab.today.lines.setCurrentRow(0)
    qtbot.keyClick(tab.today.lines, Qt.Key.Key_Return)
    double_click(qtbot, tab.week.lines, 0)
    monday_circle = tab.summary.rest_of_week.circles[0].id  # type: ignore[union-attr]
    assert opened == [planned.id, monday_circle]


def test_open_cases_and_recent_activity_name_no_student(
    qtbot, db: Database, school_db: School
) -> None:
    case_id = open_case_for(db, school_db)
    tab = HomeTab(db)
    qtbot.addWidget(tab)
    tab.reload()
    tab.show()

    assert tab.cases.note.text() == "Tier 2: 1 open · Tier 3: 0 open"
    assert len(texts(tab.cases)) == 1
    assert texts(tab.cases)[0].startswith(f"Case {case_id} · Tier 2 · Open\n")
    # The newest first: the case, then the school's three circles (added earlier).
    assert texts(tab.recent)[0].startswith(f"Case {case_id} · Tier 2 · ")
    assert [line.split(" · ")[0] for line in texts(tab.recent)[1:]] == ["Circle"] * 3
    shown = "\n".join(line for card in tab.cards() for line in texts(card))
    for student in school_db.members:
        assert student.first_name not in shown
        assert student.last_name not in shown
    opened = recorder(tab.caseOpenRequested)
    double_click(qtbot, tab.cases.lines, 0)
    tab.recent.lines.setCurrentRow(0)
    qtbot.keyClick(tab.recent.lines, Qt.Key.Key_Enter)
    assert opened == [case_id, case_id]


def test_agreements_due_open_their_case_and_the_whole_list(
    qtbot, db: Database, school_db: School
) -> None:
    case_id = open_case_for(db, school_db)
    owner = cases.get_case(db, case_id).participants[1].id
    items = (
        AgreementItemFields("Write a note of apology", owner, None, date(2026, 3, 8)),
        AgreementItemFields("Check in with the counselor", owner, None, date(2026, 3, 12)),
        AgreementItemFields("Help at the book fair", owner, None, date(2026, 4, 2)),
    )
    made = agreements.save_agreement(db, case_id, AgreementFields(date(2026, 3, 6), items=items))
    tab = HomeTab(db)
    qtbot.addWidget(tab)
    tab.reload()
    tab.show()

    lines = texts(tab.due)
    assert len(lines) == 2  # April is not this week
    assert lines[0].startswith("Overdue since ")
    assert lines[0].endswith("\nWrite a note of apology")
    assert lines[1].startswith("Due ")
    assert tab.due.note.text() == "1 overdue · 1 due in the next seven days"
    opened = recorder(tab.caseOpenRequested)
    listed = recorder(tab.dueListRequested)
    double_click(qtbot, tab.due.lines, 1)
    qtbot.mouseClick(tab.all_due, Qt.MouseButton.LeftButton)
    assert opened == [case_id]
    assert listed == [None]
    # Marked done elsewhere: the lead calls reload, and the line goes.
    agreements.set_item_status(db, made.items[0].id, AgreementStatus.DONE)
    tab.reload()
    assert [line.split("\n")[1] for line in texts(tab.due)] == ["Check in with the counselor"]


def test_the_buttons_ask_for_new_records_and_a_circle(qtbot, home: HomeTab) -> None:
    circle = recorder(home.newCircleRequested)
    case = recorder(home.newCaseRequested)
    run = recorder(home.runCircleRequested)
    qtbot.mouseClick(home.new_circle, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(home.new_case, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(home.run_circle, Qt.MouseButton.LeftButton)
    assert circle == [None]
    assert case == [2]
    assert run == [None]


def test_reload_shows_what_changed(qtbot, db: Database, school_db: School, home: HomeTab) -> None:
    home.reload()
    assert home.today.pages.currentWidget() is home.today.empty
    circles.record_circle(
        db, CircleFields(held_on=TODAY, status=CircleStatus.HELD, purpose="Fresh start")
    )
    home.reload()
    assert texts(home.today) == ["Held · Community building\nNo group · Fresh start"]
    assert home.today.note.text() == "1 circle"


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_it_fits_the_usual_screens(qtbot, home: HomeTab, size: tuple[int, int]) -> None:
    # The main window's menus, tabs and status bar take about 120 pixels of the screen.
    hint = home.minimumSizeHint()
    assert hint.width() <= size[0]
    assert hint.height() <= size[1] - 120


def test_home_warns_calmly_when_no_copy_was_made_off_this_laptop(
    qtbot, home: HomeTab, db: Database
) -> None:  # type: ignore[no-untyped-def]
    home.reload()
    note = home.off_laptop
    assert note.isVisibleTo(home)  # never copied
    assert "only on this laptop" in note.text.text()
    asked = recorder(home.backupsRequested)
    qtbot.mouseClick(note.button, Qt.MouseButton.LeftButton)
    assert asked == [None]
    home.show_off_laptop(db.now() - timedelta(days=2))
    assert not note.isVisibleTo(home)  # a copy this week: nothing to say
    home.show_off_laptop(db.now() - timedelta(days=8))
    assert note.isVisibleTo(home)
    assert "more than a week ago" in note.text.text()
    home.reload()
    assert note.isVisibleTo(home)  # the window told it once; reloading keeps it
