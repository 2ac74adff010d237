"""The circle library dialog: prompts by stage, search and filters, add, edit, retire."""

import pytest
from PySide6.QtCore import Qt

from rp_desktop.domain.vocabulary import CircleStage
from rp_desktop.services.circles import library
from rp_desktop.services.circles import seeding as library_seed
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui.forms.widgets import select_data
from rp_desktop.ui.run_circle.library_dialog import CircleLibraryDialog
from rp_desktop.ui.run_circle.prompts import PromptTableModel
from rp_desktop.ui.words.labels import label
from tests.ui.conftest import type_text


@pytest.fixture
def dialog(qtbot, db: Database) -> CircleLibraryDialog:  # type: ignore[no-untyped-def]
    library_seed.ensure_circle_library(db)
    shown = CircleLibraryDialog(db)
    qtbot.addWidget(shown)
    shown.show()
    return shown


def texts(dialog: CircleLibraryDialog) -> list[str]:
    return [dialog.model.index(row, 0).data() for row in range(dialog.model.rowCount())]


def choose_stage(dialog: CircleLibraryDialog, stage: CircleStage) -> None:
    dialog.stages.setCurrentRow(list(CircleStage).index(stage) + 1)  # row 0: all stages


def test_every_stage_has_its_own_words() -> None:
    words = [label(stage) for stage in CircleStage]
    assert all(words)
    assert len(set(words)) == len(words)


def test_the_library_opens_on_every_prompt_and_narrows_by_stage(
    dialog: CircleLibraryDialog, db: Database
) -> None:
    everything = library.list_prompts(db)
    assert dialog.model.rowCount() == len(everything)
    assert dialog.count.text() == f"{len(everything)} prompts"
    choose_stage(dialog, CircleStage.REPAIR_HARM)
    repair = library.list_prompts(db, stage=CircleStage.REPAIR_HARM)
    assert texts(dialog) == [p.text for p in repair]
    assert {dialog.model.index(r, 1).data() for r in range(dialog.model.rowCount())} == {
        "Repair harm"
    }


def test_search_tag_and_language_filters(dialog: CircleLibraryDialog) -> None:
    type_text(dialog.search, "pronóstico")
    assert texts(dialog) == [
        "Si tu estado de ánimo ahora mismo fuera el clima, ¿cuál sería el pronóstico?"
    ]
    assert dialog.model.index(0, 2).data() == "Spanish"
    assert dialog.count.text() == "1 prompt"
    dialog.search.clear()

    select_data(dialog.tag, "grief")
    grief = texts(dialog)
    assert grief
    assert all("grief" in dialog.model.prompt(r).tags for r in range(len(grief)))
    select_data(dialog.language, "es")
    languages = [dialog.model.prompt(r).language for r in range(dialog.model.rowCount())]
    assert languages  # grief prompts in Spanish, and only those
    assert set(languages) == {"es"}
    select_data(dialog.tag, None)
    stages = {dialog.model.prompt(r).stage for r in range(dialog.model.rowCount())}
    # Spanish reaches every Tier 1 stage now, not only check-in and check-out.
    assert {CircleStage.OPENING, CircleStage.DISCUSSION, CircleStage.CLOSING} < stages


def test_a_new_prompt_in_any_language_is_saved_and_shown(
    qtbot, dialog: CircleLibraryDialog, db: Database
) -> None:
    form = dialog.new_prompt()
    type_text(form.text, "¿Qué te dio energía esta semana? ⚡")
    select_data(form.stage, CircleStage.CHECK_IN.value)
    select_data(form.language, "es")
    type_text(form.tags, "Energía, getting to know")
    with qtbot.waitSignal(dialog.libraryChanged):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert not form.isVisible()

    saved = dialog.selected_prompt()
    assert saved is not None
    assert (saved.text, saved.stage, saved.language, saved.tags, saved.built_in) == (
        "¿Qué te dio energía esta semana? ⚡",
        CircleStage.CHECK_IN,
        "es",
        ("energía", "getting-to-know"),
        False,
    )
    assert library.get_prompt(db, saved.id) == saved
    assert dialog.tag.findData("energía") > 0


def test_a_prompt_without_words_is_refused_beside_the_field(
    qtbot, dialog: CircleLibraryDialog, db: Database
) -> None:
    before = len(library.list_prompts(db, include_inactive=True))
    form = dialog.new_prompt()
    type_text(form.tags, "gratitude")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.isVisible()
    assert form.problem_text("text") == "This needs to be filled in."
    assert form.tags.text() == "gratitude"
    assert len(library.list_prompts(db, include_inactive=True)) == before
    form.text.setPlainText("Better now")
    form.tags.clear()
    form.accept()  # saved: nothing to discard


def test_a_built_in_prompt_is_edited(qtbot, dialog: CircleLibraryDialog, db: Database) -> None:
    choose_stage(dialog, CircleStage.CLOSING)
    dialog.table.selectRow(0)
    original = dialog.selected_prompt()
    assert original is not None
    assert original.built_in
    form = dialog.edit_prompt()
    assert form is not None
    assert form.text.toPlainText() == original.text
    form.text.clear()
    type_text(form.text, "Thank you all. See you next week.")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    edited = library.get_prompt(db, original.id)
    assert edited.text == "Thank you all. See you next week."
    assert edited.built_in
    assert texts(dialog)[0] == edited.text


def test_retiring_and_bringing_back(qtbot, dialog: CircleLibraryDialog, db: Database) -> None:
    choose_stage(dialog, CircleStage.OPENING)
    shown = dialog.model.rowCount()
    dialog.table.selectRow(1)
    prompt = dialog.selected_prompt()
    assert prompt is not None
    assert dialog.retire_button.text() == "&Retire"
    qtbot.mouseClick(dialog.retire_button, Qt.MouseButton.LeftButton)
    assert not library.get_prompt(db, prompt.id).active
    assert dialog.model.rowCount() == shown - 1
    assert prompt.id not in {dialog.model.prompt(r).id for r in range(shown - 1)}

    dialog.show_retired.setChecked(True)
    dialog.select_prompt(prompt.id)
    row = dialog.model.row_of(prompt.id)
    assert row is not None
    assert dialog.model.index(row, 0).data() == f"{prompt.text} (retired)"
    assert dialog.retire_button.text() == "&Bring back"
    qtbot.mouseClick(dialog.retire_button, Qt.MouseButton.LeftButton)
    assert library.get_prompt(db, prompt.id).active
    assert dialog.retire_button.text() == "&Retire"


def test_buttons_need_a_chosen_prompt(dialog: CircleLibraryDialog) -> None:
    assert not dialog.edit_button.isEnabled()
    assert not dialog.retire_button.isEnabled()
    assert dialog.edit_prompt() is None
    dialog.table.selectRow(0)
    assert dialog.edit_button.isEnabled()


def test_the_prompt_model(qtmodeltester, db: Database) -> None:  # type: ignore[no-untyped-def]
    library_seed.ensure_circle_library(db)
    model = PromptTableModel()
    model.set_prompts(library.list_prompts(db, stage=CircleStage.CHECK_OUT))
    assert model.rowCount() == 18  # the shipped check-out prompts, in English and Spanish
    qtmodeltester.check(model)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Prompt"
