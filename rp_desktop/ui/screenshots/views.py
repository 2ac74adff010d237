"""Pictures of the real windows, drawn offscreen, for documentation and for looking at a change:
the main window's tabs, and a circle in progress on the keeper's console and on the wall."""

import sys
from pathlib import Path

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QApplication, QWidget

from rp_desktop.domain import school_year
from rp_desktop.domain.circle import Move
from rp_desktop.domain.records import SchoolInfo
from rp_desktop.domain.safekeeping.passphrase import Passphrase
from rp_desktop.domain.vocabulary import Tier
from rp_desktop.services import people, school, showcase
from rp_desktop.services.circles import seeding as library_seed
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.opening import open_database
from rp_desktop.ui.application import application
from rp_desktop.ui.run_circle.chime import SilentChime
from rp_desktop.ui.run_circle.runner import CircleRunner
from rp_desktop.ui.run_circle.seating import Attendee
from rp_desktop.ui.run_circle.setup_tab import CircleSetupTab
from rp_desktop.ui.screenshots.conference import CONFERENCE_VIEW, conference_circle
from rp_desktop.ui.screenshots.dialogs import DIALOG_VIEWS
from rp_desktop.ui.screenshots.directed import directed_circle
from rp_desktop.ui.window.main_window import MainWindow

# A circle in progress; "-directed": a bilingual one, in a round put to two seats by name.
CIRCLE_VIEWS = (
    "circle-console",
    "projector",
    "circle-console-directed",
    "projector-directed",
    CONFERENCE_VIEW,
)
RECORD_VIEWS = ("case", "timeline")


def save_screenshot(
    db_path: Path,
    view: str,
    out: Path,
    size: tuple[int, int],
    passphrase: Passphrase | None = None,
    *,
    unencrypted: bool = False,
) -> None:
    """Draw `view` of the database at `db_path` at `size` and save it as a PNG at `out`
    (a database not there yet is made: `unencrypted`, or with `passphrase`)."""
    application()
    earlier = qInstallMessageHandler(_quiet_offscreen)
    try:
        with open_database(db_path, passphrase=passphrase, unencrypted=unencrypted) as db:
            library_seed.ensure_circle_library(db)
            info = school.school_info(db) or SchoolInfo(
                "School not set up yet", school_year.school_year_of(db.today())
            )
            if view in DIALOG_VIEWS:
                picture = _dialog_picture(db, info, view, size)
            elif view in CIRCLE_VIEWS:
                picture = _circle_picture(db, info, view, size)
            elif view in RECORD_VIEWS:
                picture = _record_picture(db, info, view, size)
            else:
                picture = _main_window_picture(db, info, view, size)
    finally:
        qInstallMessageHandler(earlier)
    out.parent.mkdir(parents=True, exist_ok=True)
    if not picture.save(str(out), "PNG"):
        raise OSError(0, "The picture could not be written", str(out))


def _main_window_picture(
    db: Database, info: SchoolInfo, view: str, size: tuple[int, int]
) -> QPixmap:
    window = MainWindow(db, info)
    try:
        window.resize(*size)
        # Shown (offscreen), so that scroll areas settle as they do on a screen.
        window.show()
        window.show_view(view)
        return _grab(window)
    finally:
        window.hide()
        window.deleteLater()


def _dialog_picture(db: Database, info: SchoolInfo, view: str, size: tuple[int, int]) -> QPixmap:
    """A dialog at its own size (no larger than `size`); the main window, locked, at `size`."""
    widget = DIALOG_VIEWS[view](db, info)
    try:
        widget.show()
        QApplication.processEvents()
        hint = widget.sizeHint()
        wanted = (
            size
            if view == "locked"
            else (
                min(size[0], max(hint.width(), widget.width())),
                min(size[1], max(hint.height(), widget.height())),
            )
        )
        widget.resize(*wanted)
        return _grab(widget)
    finally:
        widget.hide()
        widget.deleteLater()


def _record_picture(db: Database, info: SchoolInfo, view: str, size: tuple[int, int]) -> QPixmap:
    """The busiest Tier 3 case in its window (agreement tab), or the timeline of the student
    with the most cases."""
    if view == "case":
        from rp_desktop.ui.case.case_window import CaseWindow

        case_id = showcase.busiest_case(db, Tier.INTENSIVE)
        if case_id is None:
            raise ValueError("This database has no Tier 3 case to show.")
        window: QWidget = CaseWindow(db, case_id, school_name=info.name)
        window.tabs.setCurrentWidget(window.agreement)  # type: ignore[attr-defined]
    else:
        from rp_desktop.ui.students.timeline import StudentTimeline

        student_id = showcase.most_involved_student(db)
        if student_id is None:
            raise ValueError("This database has no student in a case to show.")
        window = StudentTimeline(db, student_id)
    try:
        window.resize(*size)
        window.show()
        return _grab(window)
    finally:
        window.hide()
        window.deleteLater()


def _circle_picture(db: Database, info: SchoolInfo, view: str, size: tuple[int, int]) -> QPixmap:
    if view.endswith("-directed"):
        seconds = [0.0]
        runner = directed_circle(db, seated_circle(db, info, seconds), seconds)
    elif view == CONFERENCE_VIEW:
        runner = conference_circle(db, info.school_year)
    else:
        runner = circle_in_progress(db, info)
    try:
        shown: QWidget = runner.wall if view.startswith("projector") else runner.console
        shown.resize(*size)
        shown.show()
        QApplication.processEvents()
        runner.wall.view.piece_animation.setCurrentTime(runner.wall.view.piece_animation.duration())
        return _grab(shown)
    finally:
        runner.session.stop()
        runner.wall.hide()
        runner.console.hide()
        runner.deleteLater()


def circle_in_progress(db: Database, info: SchoolInfo) -> CircleRunner:
    """A circle from the school's own data, four rounds in, on a clock that stands still: this
    year's first group with its teacher keeping, most of the class having spoken."""
    seconds = [0.0]
    setup = seated_circle(db, info, seconds)
    runner = setup.start_circle()
    if runner is None:  # nobody to seat: an empty school
        raise ValueError("This database has no group with students to show a circle with.")
    runner.setParent(None)  # the "Run a circle" tab is only scaffolding here
    _play(runner, seconds)
    return runner


def seated_circle(db: Database, info: SchoolInfo, seconds: list[float]) -> CircleSetupTab:
    """The set-up of a circle of this year's first group with its teacher keeping, on the
    clock `seconds`."""
    setup = CircleSetupTab(db, info.school_year, clock=lambda: seconds[0], chime=SilentChime())
    groups = [g for g in people.list_groups(db, school_year=info.school_year) if g.member_count]
    if groups:
        setup.seating.seat_group(groups[0].id)
    keepers = people.list_staff(db)
    if keepers:
        setup.seating.seat(Attendee.staff(keepers[0]))
    setup.piece.setText(setup.tr("a smooth river stone"))
    return setup


def _play(runner: CircleRunner, seconds: list[float]) -> None:
    """Three rounds done, and the fourth under way: speakers, a pass, someone mid-turn."""
    session = runner.session
    session.move(Move.START)
    for _ in range(3):
        while session.move(Move.NEXT):
            seconds[0] += 20.0
        session.move(Move.NEXT_ROUND)
    for step, held in enumerate((70.0, 35.0, 4.0, 88.0, 51.0, 62.0)):
        seconds[0] += held
        if step < 5:
            session.move(Move.PASS if held < 5 else Move.NEXT)
    session.refresh()


def _quiet_offscreen(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's messages on stderr, less the offscreen platform's note that it cannot size native
    windows, which it prints on every show() and which says nothing about the picture."""
    if "does not support propagateSizeHints" not in message:
        print(message, file=sys.stderr)


def _grab(widget: QWidget) -> QPixmap:
    QApplication.processEvents()
    return widget.grab()
