"""Running a circle end to end: set up, driven from the keyboard, saved as a run and a record;
and the wall never showing anything but the circle."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from sqlalchemy import text

from rp_desktop.domain.circle import CircleState
from rp_desktop.domain.circle.types import Timing
from rp_desktop.domain.library import PlanFields, PlannedRound
from rp_desktop.domain.records import CaseFields, ParticipantFields
from rp_desktop.domain.vocabulary import CaseStatus, CircleStage, MeetingKind, Role, Tier
from rp_desktop.services import people
from rp_desktop.services.casework import cases
from rp_desktop.services.circles import library
from rp_desktop.services.circles import seeding as library_seed
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui import dialogs
from rp_desktop.ui.run_circle.runner import CircleRunner
from rp_desktop.ui.run_circle.seating import Attendee
from rp_desktop.ui.run_circle.setup_tab import CircleSetupTab
from tests.ui.conftest import School
from tests.ui.fakes import FakeChime


class Monotonic:
    """A monotonic clock for the circle that a test moves by hand."""

    def __init__(self) -> None:
        self.now = 5000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture(autouse=True)
def end_when_closed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Closing a console mid-circle asks first; at the end of a test the answer is yes."""
    monkeypatch.setattr(dialogs, "confirm_end_circle", lambda parent: True)
    monkeypatch.setattr(dialogs, "confirm_close_unsaved_circle", lambda parent: True)


@pytest.fixture
def monotonic() -> Monotonic:
    return Monotonic()


@pytest.fixture
def chime() -> FakeChime:
    return FakeChime()


@pytest.fixture
def setup(qtbot, db: Database, school_db: School, monotonic, chime) -> CircleSetupTab:  # type: ignore[no-untyped-def]
    library_seed.ensure_circle_library(db)
    plan = library.save_plan(
        db,
        PlanFields(
            "Two rounds",
            rounds=(
                PlannedRound(CircleStage.CHECK_IN, "One word for today?", Timing.PER_SPEAKER, 30),
                PlannedRound(CircleStage.DISCUSSION, "What helps you learn?", Timing.NONE, None),
            ),
        ),
    )
    tab = CircleSetupTab(db, 2025, clock=monotonic, chime=chime)
    qtbot.addWidget(tab)
    # the advisory's four students alone, as the group lists them: no keeper in the ring
    for member in people.group_members(db, school_db.advisory_id):
        tab.seating.seat(Attendee.student(member))
    tab.rounds.reload_plans(select=plan.id)
    tab.rounds.use_plan(plan)
    return tab


def start(qtbot, setup: CircleSetupTab) -> CircleRunner:  # type: ignore[no-untyped-def]
    runner = setup.start_circle()
    assert runner is not None
    qtbot.addWidget(runner.console)
    qtbot.addWidget(runner.wall)
    with qtbot.waitActive(runner.console):
        runner.console.activateWindow()
    return runner


def key(qtbot, runner: CircleRunner, which: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(runner.console, which)


def rows(db: Database, sql: str) -> list[tuple[object, ...]]:
    with db.engine.connect() as connection:
        return [tuple(r) for r in connection.execute(text(sql))]


def test_a_whole_circle_from_the_keyboard_is_saved(
    qtbot, db, setup, school_db: School, monotonic, chime, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dialogs, "confirm_end_circle", lambda parent: True)
    runner = start(qtbot, setup)
    session = runner.session
    key(qtbot, runner, Qt.Key.Key_Space)  # start: the first seat holds the piece
    assert session.snapshot.state is CircleState.RUNNING
    first = session.snapshot.holder_key
    monotonic.advance(12)
    key(qtbot, runner, Qt.Key.Key_Right)  # next
    monotonic.advance(3)
    key(qtbot, runner, Qt.Key.Key_P)  # pass
    monotonic.advance(5)
    key(qtbot, runner, Qt.Key.Key_Left)  # back: the pass is taken back
    assert session.snapshot.holder_key != first
    assert session.snapshot.seats[1].passes == 0
    key(qtbot, runner, Qt.Key.Key_Return)  # pause
    assert session.snapshot.state is CircleState.PAUSED
    monotonic.advance(600)  # ten minutes of pause change no time
    key(qtbot, runner, Qt.Key.Key_Return)  # resume
    monotonic.advance(31)
    session.refresh()  # what the single-shot timer does when the second ticks over
    assert chime.plays == 1  # time-up for the second speaker (8 s + 31 s > 30 s)
    session.refresh()
    assert chime.plays == 1  # once per turn
    assert "over" in runner.console.times.speaker.text()
    for _ in range(3):
        key(qtbot, runner, Qt.Key.Key_Space)
        monotonic.advance(7)
    assert session.snapshot.state is CircleState.BETWEEN_ROUNDS
    key(qtbot, runner, Qt.Key.Key_N)  # next round
    assert session.snapshot.round.index == 1
    key(qtbot, runner, Qt.Key.Key_B)  # blank the wall
    assert runner.wall.blank
    monotonic.advance(20)
    runner.console.press("end")

    assert runner.result is not None
    assert rows(db, "SELECT count(*) FROM circle_run") == [(1,)]
    assert rows(db, "SELECT count(*) FROM run_seat") == [(4,)]
    assert rows(
        db, "SELECT number, stage, timing, budget_seconds FROM run_round ORDER BY number"
    ) == [
        (0, "check_in", "per_speaker", 30),
        (1, "discussion", "none", None),
    ]
    turns = rows(db, "SELECT round_number, duration_ms, passed FROM turn ORDER BY id")
    assert turns[0] == (0, 12000, 0)
    assert turns[1][0:2] == (0, 39000)  # 8 s before the pause, 31 s after; the pause not counted
    assert len(turns) == len(runner.engine.turns)
    circle = rows(
        db,
        f"SELECT held_on, status, duration_minutes FROM community_circle "
        f"WHERE id = {runner.result.community_circle_id}",
    )
    assert circle == [(date(2026, 3, 10).isoformat(), "held", 2)]
    present = rows(
        db,
        f"SELECT count(*) FROM circle_attendance "
        f"WHERE circle_id = {runner.result.community_circle_id}",
    )
    assert present == [(4,)]
    assert runner.console.summary.table.rowCount() == 4


def test_the_timer_wakes_when_a_shown_number_changes(qtbot, setup, monotonic) -> None:
    runner = start(qtbot, setup)
    runner.session.refresh()
    assert runner.session.waiting_ms == -1  # nothing counts before the start
    runner.console.press("next")
    monotonic.advance(10.25)
    runner.session.refresh()
    # 10.25 s shown as 0:10 (and 19.75 s left shown as 0:20): both change in 0.75 s.
    assert 700 <= runner.session.waiting_ms <= 752
    runner.console.press("pause")
    assert runner.session.waiting_ms == -1
    runner.session.stop()


def test_ending_asks_first_and_keeps_going_when_told(
    qtbot, setup, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dialogs, "confirm_end_circle", lambda parent: False)
    runner = start(qtbot, setup)
    runner.console.press("next")
    runner.console.press("end")
    assert runner.session.snapshot.state is CircleState.RUNNING
    assert runner.result is None
    runner.session.stop()


def test_a_failed_save_keeps_the_circle_until_it_is_saved(
    qtbot, db, setup, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rp_desktop.ui.run_circle import runner as runner_module

    monkeypatch.setattr(dialogs, "confirm_end_circle", lambda parent: True)
    told: list[object] = []
    monkeypatch.setattr(dialogs, "show_circle_not_saved", told.append)
    real_save = runner_module.save_circle_run

    def disk_full(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(runner_module, "save_circle_run", disk_full)
    runner = start(qtbot, setup)
    runner.console.press("next")
    runner.console.press("next")
    runner.console.press("end")
    assert told == [runner.console]
    assert not runner.console.saved_ok
    assert rows(db, "SELECT count(*) FROM circle_run") == [(0,)]

    monkeypatch.setattr(runner_module, "save_circle_run", real_save)
    runner.console.press("end")  # now labelled "Save the circle again"
    assert runner.console.saved_ok
    assert rows(db, "SELECT count(*) FROM turn") == [(len(runner.engine.turns),)]


def test_a_circle_for_a_case_is_saved_as_a_meeting_on_it(
    qtbot, db, setup, school_db: School, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dialogs, "confirm_end_circle", lambda parent: True)
    harmed, caused = school_db.members[0], school_db.members[1]
    case = cases.open_case(
        db,
        CaseFields(
            tier=Tier.TARGETED,
            occurred_on=date(2026, 3, 2),
            category_id=1,
            description="Shoving by the lockers.",
            status=CaseStatus.OPEN,
            participants=(
                ParticipantFields(Role.PERSON_WHO_CAUSED_HARM, student_id=caused.id),
                ParticipantFields(Role.PERSON_HARMED, student_id=harmed.id),
                ParticipantFields(Role.FAMILY_MEMBER, other_name="Delfina Ibarra-Soto"),
                ParticipantFields(Role.FACILITATOR, staff_id=school_db.counselor_id),
            ),
        ),
    )
    setup.set_case(case)
    assert [a.name for a in setup.seating.attendees()][-2:] == [
        "Delfina Ibarra-Soto",
        "Marisol Quintero",
    ]
    assert CircleStage.REPAIR_HARM in {r.stage for r in setup.rounds.rounds()}
    runner = start(qtbot, setup)
    labels = [seat.label for seat in runner.session.snapshot.seats]
    assert "Delfina" in labels
    assert not any("Ibarra" in label for label in labels)
    runner.console.press("next")
    runner.console.press("end")
    assert runner.result is not None
    assert runner.result.case_id == case.id
    assert runner.result.community_circle_id is None
    meetings = rows(db, f"SELECT kind, case_id FROM meeting WHERE id = {runner.result.meeting_id}")
    assert meetings == [(MeetingKind.REPAIR_HARM_CIRCLE.value, case.id)]
    came = rows(
        db, f"SELECT count(*) FROM meeting_attendee WHERE meeting_id = {runner.result.meeting_id}"
    )
    # both students, the counselor, and the grandmother: she has no record of her own, but she
    # sat as the case's family member (her seat carries her place in the case)
    assert came == [(4,)]


DISTINCT = ("Ibarra", "Xiong", "Kowalczyk", "Haddad", "flamingo-violet", "Quintero", "Shoving")
FIRST_NAMES = ["Amani", "Dariusz", "Nou", "Xochitl"]


def wall_strings(runner: CircleRunner) -> list[str]:
    """Everything the wall could draw: its title, its labels, the texts the view computes and
    lays out (the names round the ring, the prompt's lines), and every string in the snapshot
    it was given."""
    view = runner.wall.view
    found = [runner.wall.windowTitle(), view.timer_text(), view.progress_text()]
    found += [place.text for place in view.ring_layout().places]
    found += view.prompt_fit().lines
    found += [label.text() for label in runner.wall.findChildren(QLabel)]
    snapshot = runner.session.snapshot
    found += [snapshot.round.prompt] + [seat.label for seat in snapshot.seats]
    return found


def test_the_wall_shows_nothing_confidential(qtbot, db, setup, school_db: School) -> None:
    """Distinctive case details and surnames are in the database; none reaches the wall."""
    cases.open_case(
        db,
        CaseFields(
            tier=Tier.TARGETED,
            occurred_on=date(2026, 3, 3),
            category_id=3,
            description="Shoving near the flamingo-violet mural; the Haddad family was called.",
            place="flamingo-violet hallway",
            participants=(
                ParticipantFields(Role.PERSON_HARMED, student_id=school_db.members[3].id),
            ),
        ),
    )
    runner = start(qtbot, setup)
    view, drawn = runner.wall.view, []
    for step in range(6):
        runner.console.press("next" if step % 2 else "pass")
        runner.wall.resize(1280, 720)
        runner.wall.show()
        runner.wall.view.grab()
        shown = " ".join(wall_strings(runner))
        for secret in DISTINCT:
            assert secret not in shown
        # ... while the circle itself is there: first names round the ring, the prompt, the round.
        assert sorted(place.text for place in view.ring_layout().places) == FIRST_NAMES
        drawn.append((" ".join(view.prompt_fit().lines), view.progress_text()))
    prompt = "One word for today?"
    assert drawn == [
        ("The circle will begin soon", ""),  # a pass before the start changes nothing
        (prompt, "Round 1 of 2 · 1 of 4"),
        (prompt, "Round 1 of 2 · 2 of 4"),
        (prompt, "Round 1 of 2 · 3 of 4"),
        (prompt, "Round 1 of 2 · 4 of 4"),
        (prompt, "Round 1 of 2 · Offered again to those who passed"),
    ]
    runner.session.stop()


def test_someone_arrives_late_and_someone_leaves(
    qtbot, db, setup, school_db: School, monotonic
) -> None:
    from rp_desktop.domain.records import StudentFields
    from rp_desktop.services.students import records as students
    from rp_desktop.ui.run_circle.seating import Attendee

    late = students.add_student(db, StudentFields("700199", "Xochitl", "Reyes", grade=7))
    runner = start(qtbot, setup)
    console = runner.console
    console.press("next")  # the first seat (Amani) holds the piece
    ring = {seat.label: seat.key for seat in runner.session.snapshot.seats}
    monotonic.advance(9)
    assert runner.seat_late_arrival(Attendee.student(late), after_key=ring["Amani"])
    labels = [seat.label for seat in runner.session.snapshot.seats]
    assert labels == ["Amani", "Xochitl (5)", "Xochitl", "Dariusz", "Nou"]  # told apart

    console.seats.selectRow(0)
    console.press("leave")  # the holder leaves: her turn ends, the piece moves on
    snapshot = runner.session.snapshot
    assert [seat.label for seat in snapshot.seats] == ["Xochitl (5)", "Xochitl", "Dariusz", "Nou"]
    assert snapshot.holder_key == 5  # the newcomer sat right after her
    monotonic.advance(4)
    console.press("end")
    assert runner.result is not None
    seats = rows(db, "SELECT label, student_id FROM run_seat ORDER BY position")
    assert ("Xochitl (5)", late.id) in seats
    assert len(seats) == 5  # the one who left is still part of the record
    attended = rows(
        db,
        "SELECT student_id FROM circle_attendance "
        f"WHERE circle_id = {runner.result.community_circle_id}",
    )
    assert (late.id,) in attended
    assert (school_db.members[3].id,) in attended  # Amani, who left early, was there


def test_a_circle_needs_people_and_rounds(qtbot, db, school_db: School, monotonic, chime) -> None:
    tab = CircleSetupTab(db, 2025, clock=monotonic, chime=chime)  # no library: no plan
    qtbot.addWidget(tab)
    assert tab.rounds.rounds() == []
    assert tab.start_circle() is None
    assert "Seat at least one person" in tab.problem.text()
    tab.seating.seat_group(school_db.advisory_id)
    assert tab.start_circle() is None
    assert "add a round" in tab.problem.text()


def test_the_wall_shows_the_summary_only_anonymously_and_only_when_asked(
    qtbot, setup, monotonic
) -> None:
    from PySide6.QtCharts import QBarCategoryAxis, QChartView

    runner = start(qtbot, setup)
    for seconds in (30, 5, 50, 12):
        runner.console.press("next")
        monotonic.advance(seconds)
    runner.console.press("end")
    assert runner.wall.blank  # the circle is over: the wall goes dark, no summary
    summary = runner.console.summary
    summary.on_wall.setChecked(True)
    charts = runner.wall.findChildren(QChartView)
    assert len(charts) == 1
    axis = next(a for a in charts[0].chart().axes() if isinstance(a, QBarCategoryAxis))
    assert len(axis.categories()) == 4  # a bar for each seat ...
    assert all(not category.strip() for category in axis.categories())  # ... and no names at all
    (series,) = charts[0].chart().series()
    (bars,) = series.barSets()
    talk = sorted(bars.at(i) for i in range(bars.count()))
    # each one's talk, in seconds: nobody spoke two minutes
    assert talk == pytest.approx(sorted(float(s) for s in (30, 5, 50, 12)))
    (values,) = (a for a in charts[0].chart().axes() if not isinstance(a, QBarCategoryAxis))
    assert values.titleText() == "seconds spoken"
    summary.on_wall.setChecked(False)
    assert runner.wall.blank


def test_the_record_a_circle_made_opens_in_the_main_window(qtbot, db, school_db: School) -> None:
    from rp_desktop.domain.circle_runs import SavedRun
    from rp_desktop.domain.records import CircleFields
    from rp_desktop.services.circles import records as circles
    from rp_desktop.ui.circles.form import CircleForm
    from rp_desktop.ui.window.main_window import MainWindow

    circle = circles.record_circle(db, CircleFields(date(2026, 3, 10), purpose="From a run"))
    window = MainWindow(db, school_db.info)
    qtbot.addWidget(window)
    window.show_view("circle")
    window.open_saved_circle(SavedRun(1, circle.id, None))
    assert window.current_list() is window.tier1
    form = window.tier1.findChildren(CircleForm)[-1]
    assert form.purpose.text() == "From a run"
    assert not form.read_only
