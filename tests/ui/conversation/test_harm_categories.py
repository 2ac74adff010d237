"""A restorative conversation answers harm: its category list holds the categories of harm
only, and says where a concern or an observation goes instead."""

from pytestqt.qtbot import QtBot

from rp_desktop.domain.vocabulary import CategoryKind
from rp_desktop.services.casework import cases
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui.case.categories_dialog import CategoriesDialog
from rp_desktop.ui.conversation.choices import category_combo


def test_the_conversation_offers_categories_of_harm_only(qtbot: QtBot, db: Database) -> None:
    combo = category_combo(db)
    qtbot.addWidget(combo)
    offered = [combo.itemData(i) for i in range(combo.count())]
    harm = [c.id for c in cases.list_categories(db) if c.kind is CategoryKind.HARM]
    assert offered == harm
    assert "Tier 2 case" in combo.toolTip()
    assert "Log a practice" in combo.toolTip()


def test_the_categories_dialog_explains_each_kind(qtbot: QtBot, db: Database) -> None:
    dialog = CategoriesDialog(db)
    qtbot.addWidget(dialog)
    lines = dialog.kinds_note.text().splitlines()
    assert [line.split(":")[0] for line in lines] == [
        "Harm",
        "Concern",
        "Positive observation",
        "Neutral",
    ]
    assert "not a case" in lines[2]
    assert "Log a practice" in lines[2]
