"""The school's categories: added, renamed (cases follow), retired and brought back."""

from rp_desktop.domain.vocabulary import CategoryKind
from rp_desktop.services.casework import cases
from rp_desktop.ui.case.categories_dialog import CategoriesDialog
from rp_desktop.ui.forms.widgets import select_data
from tests.ui.conftest import type_text


def test_adding_renaming_and_retiring(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    dialog = CategoriesDialog(db)
    qtbot.addWidget(dialog)
    before = dialog.table.rowCount()
    type_text(dialog.name, "Kindness noticed on the bus")
    select_data(dialog.kind, CategoryKind.POSITIVE)
    dialog.add.click()
    assert dialog.table.rowCount() == before + 1
    chosen = dialog.selected()
    assert chosen is not None
    assert chosen.name == "Kindness noticed on the bus"
    assert dialog.table.item(dialog.table.currentRow(), 1).text() == "Positive observation"

    dialog.name.clear()
    type_text(dialog.name, "Kindness noticed")
    dialog.rename.click()
    assert any(c.name == "Kindness noticed" for c in cases.list_categories(db))

    listed = len(cases.list_categories(db))
    dialog.retire.click()
    remaining = [c.name for c in cases.list_categories(db)]
    assert len(remaining) == listed - 1
    assert "Kindness noticed" not in remaining
    assert dialog.retire.text() == "Bring back"
    dialog.retire.click()
    assert any(c.name == "Kindness noticed" for c in cases.list_categories(db))


def test_a_name_already_taken_is_refused_plainly(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    dialog = CategoriesDialog(db)
    qtbot.addWidget(dialog)
    existing = cases.list_categories(db)[0].name
    dialog.table.clearSelection()
    dialog.name.setText(existing.upper())
    dialog.add.click()
    assert dialog.problem.text()
    assert dialog.name.text() == existing.upper()  # kept to correct
