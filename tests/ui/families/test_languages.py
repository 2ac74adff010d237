"""The home language is chosen from the common ones by name, or typed: as a code, as its name in
English or in itself; a code Qt does not know reads as typed."""

from rp_desktop.ui.families.languages import LanguageCombo, language_choice, language_name


def test_a_language_is_found_by_its_code_or_either_of_its_names(qtbot) -> None:  # type: ignore[no-untyped-def]
    combo = LanguageCombo()
    qtbot.addWidget(combo)
    assert combo.code() == "en"
    for typed, code in (
        ("Spanish", "es"),
        ("español", "es"),
        ("Kreyòl ayisyen", "ht"),
        ("hmn", "hmn"),
        ("am", "am"),  # Amharic: not in the list, kept as typed
    ):
        combo.setEditText(typed)
        assert combo.code() == code, typed
    combo.set_code("vi")
    assert combo.currentText() == "Vietnamese · Tiếng Việt"
    combo.set_code("so_KE")
    assert combo.code() == "so_KE"


def test_names_for_lists() -> None:
    assert language_name("es") == "Spanish"
    assert language_name("hmn") == "Hmong"
    assert language_name("pt_BR") == "Portuguese"
    assert language_name("qq") == "qq"
    assert language_choice("en") == "English"
