"""Planning a circle's rounds: the plan's time for the seated group, fitting it to a period, and
a round that goes to some roles, with its prompt in English, Spanish or both."""

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog, QInputDialog, QSpinBox

from rp_desktop.domain.circle.types import Timing
from rp_desktop.domain.library import AgeBand, PlanFields, PlannedRound, PromptFields
from rp_desktop.domain.vocabulary import CircleStage
from rp_desktop.services.circles import library
from rp_desktop.services.circles import seeding as library_seed
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui import dialogs
from rp_desktop.ui.forms.widgets import select_data
from rp_desktop.ui.run_circle.round_dialog import RoundDialog
from rp_desktop.ui.run_circle.rounds_editor import RoundsEditor

EACH, NONE = Timing.PER_SPEAKER, Timing.NONE
ROUNDS = (
    PlannedRound(CircleStage.OPENING, "Breathe.", NONE),
    PlannedRound(CircleStage.CHECK_IN, "A word for today?", EACH, 30),
    PlannedRound(CircleStage.DISCUSSION, "What helps you learn?", EACH, 60),
    PlannedRound(CircleStage.DISCUSSION, "Anything else?", NONE),
    PlannedRound(
        CircleStage.REPAIR_HARM, "What happened?", EACH, 60, to_roles=("person_who_caused_harm",)
    ),
    PlannedRound(CircleStage.CLOSING, "Thank you.", NONE),
)


@pytest.fixture
def editor(qtbot, db: Database) -> RoundsEditor:  # type: ignore[no-untyped-def]
    plan = library.save_plan(db, PlanFields("Advisory", "", ROUNDS))
    shown = RoundsEditor(
        lambda: library.list_plans(db),
        lambda stage: library.list_prompts(db, stage=stage),
        lambda fields: library.save_plan(db, fields),
    )
    qtbot.addWidget(shown)
    shown.resize(1000, 500)
    shown.show()
    shown.use_plan(plan)
    return shown


def answer_number(minutes: int, asked: list[QInputDialog]) -> object:
    def wait_for(asking: QDialog) -> int:
        assert isinstance(asking, QInputDialog)
        asked.append(asking)
        assert asking.intValue() == 45  # a class period, offered first
        asking.setIntValue(minutes)
        asking.accept()
        return asking.result()

    return wait_for


def test_the_plan_says_how_long_it_takes_once_the_group_is_seated(editor: RoundsEditor) -> None:
    assert editor.time.text() == "Seat the group to see about how long this plan takes."
    assert not editor.buttons["fit"].isEnabled()
    editor.set_people(24, {"person_who_caused_harm": 1, "keeper": 1})
    # 30 + 60 s for each of 24, 60 s for one person, a minute for each untimed keeper's round.
    assert editor.time.text() == (
        "About 39 minutes for 24 people (1 minute counted for each of the keeper's 2 rounds "
        "with no time limit), and 1 round with no time limit"
    )
    assert editor.buttons["fit"].isEnabled()
    editor.set_people(1, {})
    assert editor.time.text().startswith("About 5 minutes for 1 person")
    assert editor.time.accessibleName() == "Time for the seated group"


def test_a_directed_round_says_who_answers(editor: RoundsEditor) -> None:
    assert editor.table.horizontalHeaderItem(2).text() == "Who answers"
    who = [editor.table.item(row, 2).text() for row in range(editor.table.rowCount())]
    assert who[4] == "to: person who caused harm"
    assert who[:4] == ["everyone"] * 4


def test_the_plan_is_fitted_to_a_period(
    qtbot, editor: RoundsEditor, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor.set_people(24, {"person_who_caused_harm": 1})
    asked: list[QInputDialog] = []
    monkeypatch.setattr(dialogs, "wait_for", answer_number(30, asked))
    with qtbot.waitSignal(editor.changed):
        qtbot.mouseClick(editor.buttons["fit"], Qt.MouseButton.LeftButton)
    spin = asked[0].findChild(QSpinBox)
    assert spin is not None
    assert spin.accessibleName() == "Minutes in the period"
    # 1800 s less 120 for the keeper's rounds, shared by 30x24 + 60x24 + 60: one factor.
    assert [r.seconds for r in editor.rounds()] == [None, 20, 45, None, 45, None]
    assert editor.time.text().startswith("About 29 minutes for 24 people")
    # This circle's rounds only: the saved plan keeps its own.
    assert editor.plan_id is not None
    assert library.get_plan(db, editor.plan_id).rounds == ROUNDS


def test_a_round_goes_to_roles_in_order_in_both_languages(qtbot, db: Database) -> None:
    library_seed.ensure_circle_library(db)
    spanish = library.list_prompts(db, stage=CircleStage.CHECK_IN, language="es")[0]
    english = library.get_prompt(db, spanish.translation_of or 0)
    dialog = RoundDialog(lambda stage: library.list_prompts(db, stage=stage), None)
    qtbot.addWidget(dialog)
    dialog.show()
    select_data(dialog.stage, CircleStage.CHECK_IN)
    tick(qtbot, dialog, "person harmed")
    tick(qtbot, dialog, "supporters")
    choose_prompt(qtbot, dialog, english.text)
    assert dialog.prompt.toPlainText() == english.text
    assert not dialog.second.isVisible()

    select_data(dialog.language, "es")
    assert dialog.prompt.toPlainText() == spanish.text
    assert dialog.value().prompt_id == spanish.id
    select_data(dialog.language, "en+es")
    assert dialog.second.isVisible()
    chosen = dialog.value()
    assert (chosen.prompt_text, chosen.second_text, chosen.language, chosen.second_language) == (
        english.text,
        spanish.text,
        "en",
        "es",
    )
    assert chosen.to_roles == ("person_harmed", "supporter")
    assert chosen.prompt_id == english.id


def test_a_round_read_back_keeps_its_roles_languages_and_prompt(qtbot) -> None:  # type: ignore[no-untyped-def]
    planned = PlannedRound(
        CircleStage.RE_ENTRY,
        "What would help?",
        NONE,
        None,
        7,
        ("person_who_caused_harm", "student"),
        "en",
        "¿Qué te ayudaría?",
        "es",
    )
    dialog = RoundDialog(lambda _stage: [], planned)
    qtbot.addWidget(dialog)
    assert dialog.value() == planned
    # The round's own roles come first, in its order, then the others to choose from.
    first = [dialog.answering.item(row).text() for row in range(3)]
    assert first == ["person who caused harm", "student", "person harmed"]


def test_the_library_list_is_narrowed_to_an_age_band(qtbot, db: Database) -> None:
    young = PromptFields("Show a feeling face.", CircleStage.CHECK_IN, bands=(AgeBand.K_2,))
    library.add_prompt(db, young)
    library.add_prompt(
        db, PromptFields("What drains you?", CircleStage.CHECK_IN, bands=(AgeBand.ADULTS,))
    )
    dialog = RoundDialog(lambda stage: library.list_prompts(db, stage=stage), None)
    qtbot.addWidget(dialog)
    select_data(dialog.stage, CircleStage.CHECK_IN)
    select_data(dialog.band, AgeBand.K_2.value)
    listed = [dialog.library.itemText(i) for i in range(1, dialog.library.count())]
    assert listed == ["Show a feeling face."]
    select_data(dialog.band, None)
    assert dialog.library.count() == 3
    assert dialog.band.accessibleName() == "Prompts for an age band"


def tick(qtbot, dialog: RoundDialog, words: str) -> None:  # type: ignore[no-untyped-def]
    items = [dialog.answering.item(r) for r in range(dialog.answering.count())]
    item = next(i for i in items if i.text() == words)
    dialog.answering.scrollToItem(item)
    rect = dialog.answering.visualItemRect(item)
    qtbot.mouseClick(
        dialog.answering.viewport(),
        Qt.MouseButton.LeftButton,
        pos=rect.topLeft() + QPoint(8, rect.height() // 2),
    )
    assert item.checkState() == Qt.CheckState.Checked


def choose_prompt(qtbot, dialog: RoundDialog, text: str) -> None:  # type: ignore[no-untyped-def]
    dialog.library.setFocus()
    while dialog.library.currentText() != text:
        before = dialog.library.currentIndex()
        qtbot.keyClick(dialog.library, Qt.Key.Key_Down)
        assert dialog.library.currentIndex() != before, f"{text!r} is not in the list"


def test_who_answers_is_ticked_from_the_keyboard(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = RoundDialog(lambda _stage: [], None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.answering.setFocus()
    dialog.answering.setCurrentRow(0)
    qtbot.keyClick(dialog.answering, Qt.Key.Key_Space)  # the person who caused harm
    qtbot.keyClick(dialog.answering, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.answering, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.answering, Qt.Key.Key_Space)  # supporters
    assert dialog.to_roles() == ("person_who_caused_harm", "supporter")
    qtbot.keyClick(dialog.answering, Qt.Key.Key_Tab)  # Tab leaves the list
    assert not dialog.answering.hasFocus()


def test_a_prompt_without_spanish_says_so(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    library.add_prompt(db, PromptFields("Name one small win.", CircleStage.CHECK_OUT))
    dialog = RoundDialog(lambda stage: library.list_prompts(db, stage=stage), None)
    qtbot.addWidget(dialog)
    dialog.show()
    select_data(dialog.stage, CircleStage.CHECK_OUT)
    choose_prompt(qtbot, dialog, "Name one small win.")
    assert not dialog.note.isVisible()
    select_data(dialog.language, "es")
    assert dialog.note.isVisible()
    assert dialog.note.text() == "This prompt has no Spanish yet: type it here."
    assert dialog.prompt.toPlainText() == "Name one small win."
