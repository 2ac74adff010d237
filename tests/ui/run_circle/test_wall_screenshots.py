"""The screenshot views of a bilingual circle in a directed round (projector-directed,
circle-console-directed): the library's Spanish prompts with their English second, a question
put to two seats by name, the agreement step for the keeper alone; drawn at 1280x720."""

from pytestqt.qtbot import QtBot

from rp_desktop.domain.circle import CircleState
from rp_desktop.domain.vocabulary import CircleStage
from rp_desktop.services.circles import library
from rp_desktop.services.circles import seeding as library_seed
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui.screenshots.directed import directed_circle
from rp_desktop.ui.screenshots.views import seated_circle
from tests.ui.conftest import School


def test_the_directed_views_run_a_bilingual_round_put_to_two_seats(
    qtbot: QtBot, db: Database, school_db: School
) -> None:
    library_seed.ensure_circle_library(db)
    seconds = [0.0]
    runner = directed_circle(db, seated_circle(db, school_db.info, seconds), seconds)
    try:
        check_in, question, agreement = runner.choice.rounds
        spanish = {p.text for p in library.list_prompts(db, language="es")}
        english = {p.text for p in library.list_prompts(db, language="en")}
        for plan in (check_in, question):
            assert plan.prompt in spanish
            assert plan.second_prompt in english
            assert plan.second_prompt
        students = [seat.key for seat in runner.choice.seats if not seat.is_keeper]
        assert len(question.to_seats) == 2
        assert set(question.to_seats) <= set(students)
        assert not check_in.directed
        assert agreement.stage is CircleStage.AGREEMENT
        assert agreement.to_roles == ("keeper",)
        snap = runner.session.snapshot
        assert snap.state is CircleState.RUNNING
        assert snap.round.index == 1  # the question, the first of the two having answered
        assert snap.round.prompt == question.prompt
        for shown in (runner.wall, runner.console):
            shown.resize(1280, 720)
            image = shown.grab().toImage()
            assert (image.width(), image.height()) == (1280, 720)
    finally:
        runner.session.stop()
        runner.wall.hide()
        runner.console.hide()
        runner.deleteLater()
