"""Which language each family's letter is written in: their own when the app has it, else
English with a line offering an interpreter; an interpreter line whenever one is needed."""

from rp_desktop.domain.continuum.letters import (
    Recipient,
    base_language,
    letter_language,
    letters_for,
)


def test_a_spanish_speaking_caregiver_gets_a_letter_marked_es_in_english_for_now() -> None:
    choice = letter_language("es", False, available={"en"})
    assert choice.wanted == "es"
    assert choice.written_in == "en"
    assert choice.fell_back
    assert choice.interpreter_line


def test_once_spanish_texts_exist_the_letter_is_written_in_spanish() -> None:
    choice = letter_language("es", False, available={"en", "es"})
    assert (choice.written_in, choice.fell_back, choice.interpreter_line) == ("es", False, False)
    needs_help = letter_language("es", True, available={"en", "es"})
    assert needs_help.written_in == "es"
    assert needs_help.interpreter_line


def test_each_recipient_gets_their_own_language() -> None:
    letters = letters_for(
        [
            Recipient("Marisol Muñoz", "es", caregiver_id=1),
            Recipient("Oona Fairweather", "en"),
            Recipient("Bao Tran", "vi", interpreter_needed=True),
            Recipient("Inês Costa", "pt_BR"),
        ],
        available={"pt", "en"},
    )
    assert [(x.language.wanted, x.language.written_in) for x in letters] == [
        ("es", "en"),
        ("en", "en"),
        ("vi", "en"),
        ("pt_BR", "pt"),
    ]
    assert [x.language.interpreter_line for x in letters] == [True, False, True, False]


def test_an_english_reader_needs_no_interpreter_line_and_a_blank_language_is_english() -> None:
    assert not letter_language("en", False, available=()).interpreter_line
    assert letter_language("  ", False, available=()).written_in == "en"
    assert base_language("zh-Hant") == "zh"
