"""Folded search keys: accents, case and apostrophes do not get in the way of finding a person,
and the LIKE patterns match what was typed literally."""

import sqlite3
from contextlib import closing

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from rp_desktop.domain.search import LIKE_ESCAPE, fold, like_patterns, natural_key, search_key


def finds(query: str, *parts: str) -> bool:
    """Whether a record with these parts is found by `query`, matched by SQLite as services do."""
    key = search_key(*parts)
    sql = "SELECT ? LIKE ? ESCAPE ?"
    with closing(sqlite3.connect(":memory:")) as connection:
        return all(
            connection.execute(sql, (key, pattern, LIKE_ESCAPE)).fetchone()[0]
            for pattern in like_patterns(query)
        )


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("munoz", "Muñoz"),
        ("MUNOZ", "Muñoz"),
        ("Muñoz", "Munoz"),
        ("obrien", "O'Brien"),
        ("obrien", "O’Brien"),
        ("o'brien", "O’Brien"),
        ("lukasz", "Łukasz"),
        ("wisniewski", "Wiśniewski"),
        ("lukasz wisniewski", "Łukasz Wiśniewski"),
        ("WIŚNIEWSKI łukasz", "Łukasz Wiśniewski"),
        ("zoe", "Zoë"),
        ("francois", "François"),
        ("strasse", "Straße"),
        ("soren", "Søren"),
        ("jones", "Smith-Jones"),
        ("smith jones", "Smith-Jones"),
        ("anne", "Anne-Marie"),
        ("jose", "Jose\u0301"),  # already decomposed, as some keyboards send it
    ],
)
def test_search_finds_despite_accents_case_and_apostrophes(query: str, name: str) -> None:
    assert finds(query, name)


def test_every_word_must_match() -> None:
    assert finds("ana munoz", "Ana", "Muñoz")
    assert finds("munoz ana", "Ana", "Muñoz")
    assert not finds("ana smith", "Ana", "Muñoz")


def test_words_may_be_parts_of_words() -> None:
    assert finds("wis", "Łukasz Wiśniewski")
    assert not finds("wiz", "Łukasz Wiśniewski")


@pytest.mark.parametrize("query", ["", "   ", "'", "- . ,"])
def test_an_empty_search_finds_everything(query: str) -> None:
    assert like_patterns(query) == []
    assert finds(query, "Anyone")


def test_fold_examples() -> None:
    assert fold("  Łukasz   WIŚNIEWSKI ") == "lukasz wisniewski"
    assert fold("O'Brien") == "obrien"
    assert fold("Jean-Luc.Picard, Jr") == "jean luc picard jr"
    assert fold("þórunn Đorđević") == "thorunn dordevic"


@given(st.text())
@example("Þorsteinn")  # Icelandic capital thorn
@example("Ðorđe")  # capital eth, the look-alike of Đ
@example("O＇Brien")  # full-width apostrophe
def test_fold_is_idempotent(text: str) -> None:
    once = fold(text)
    assert fold(once) == once


def test_a_name_is_found_by_its_own_spelling_in_lower_case() -> None:
    # A counselor types the name as it is written, only without the capital.
    assert finds("þorsteinn", "Þorsteinn")
    assert finds("thorsteinn", "Þorsteinn")


@given(st.text())
def test_fold_has_no_capitals_and_no_outer_or_double_spaces(text: str) -> None:
    folded = fold(text)
    assert folded == folded.strip()
    assert "  " not in folded
    assert folded == folded.casefold()


@pytest.mark.parametrize(
    ("query", "patterns"),
    [
        ("50%", ["%50\\%%"]),
        ("a_b", ["%a\\_b%"]),
        ("a\\b", ["%a\\\\b%"]),
        ("Ana Muñoz", ["%ana%", "%munoz%"]),
    ],
)
def test_like_patterns_escape_wildcards(query: str, patterns: list[str]) -> None:
    assert like_patterns(query) == patterns


def test_wildcards_typed_in_a_search_match_only_themselves() -> None:
    assert finds("50%", "Goal: 50% attendance")
    assert not finds("50%", "Goal: 500 minutes")
    assert finds("a_b", "room a_b")
    assert not finds("a_b", "room axb")
    assert finds("a\\b", "path a\\b")
    assert not finds("a\\b", "path ab")
    assert not finds("%", "no percent here")
    assert not finds("_", "no underscore here")


@given(
    st.text(alphabet="ab%_\\ ", max_size=8),
    st.text(alphabet="ab%_\\ ", max_size=12),
)
def test_like_matches_exactly_when_every_word_is_a_substring(query: str, text: str) -> None:
    key = search_key(text)
    expected = all(term in key for term in fold(query).split())
    assert finds(query, text) == expected


def test_search_key_skips_empty_parts() -> None:
    assert search_key("S-1", None, "", "Ana", "Muñoz") == "s 1 ana munoz"
    assert search_key() == ""


def test_natural_key_puts_grade_9_before_grade_10() -> None:
    names = ["Advisory 10-A", "Advisory 12-G", "Advisory 9-B", "Advisory 9-A", "advisory 11-c"]
    assert sorted(names, key=natural_key) == [
        "Advisory 9-A",
        "Advisory 9-B",
        "Advisory 10-A",
        "advisory 11-c",
        "Advisory 12-G",
    ]


def test_natural_key_never_compares_a_number_with_a_word() -> None:
    names = ["Room 2", "Room B", "Room 12", "Room", "Ärzte 1", "9"]
    assert sorted(names, key=natural_key) == ["9", "Ärzte 1", "Room", "Room 2", "Room 12", "Room B"]
