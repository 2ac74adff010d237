"""A caregiver needs a name; phone and email are optional, an email only loosely checked."""

from datetime import date, timedelta

from rp_desktop.domain.continuum.caregivers import (
    CaregiverFields,
    ContactFields,
    tidy,
    validate_caregiver,
    validate_contact,
)
from rp_desktop.domain.continuum.kinds import ContactKind, ContactOutcome
from rp_desktop.domain.validation import Problem


def problems(fields: CaregiverFields) -> set[tuple[str, Problem]]:
    return {(p.field, p.problem) for p in validate_caregiver(fields)}


def test_a_first_name_is_enough() -> None:
    assert problems(CaregiverFields("Oona", "")) == set()


def test_emails_are_checked_loosely() -> None:
    assert problems(CaregiverFields("Oona", "F", email="o.f+school@mail.example")) == set()
    assert problems(CaregiverFields("Oona", "F", email="oona@home")) == {
        ("email", Problem.OUT_OF_RANGE)
    }
    assert problems(CaregiverFields("Oona", "F", email="two@@example.org")) == {
        ("email", Problem.OUT_OF_RANGE)
    }


def test_a_language_is_a_code_and_a_name_has_no_invisible_character() -> None:
    assert problems(CaregiverFields("Oona", "F", home_language="ht")) == set()
    assert problems(CaregiverFields("Oona", "F", home_language="")) == {
        ("home_language", Problem.REQUIRED)
    }
    assert problems(CaregiverFields("O\u202eona", "F")) == {
        ("first_name", Problem.INVISIBLE_CHARACTER)
    }
    assert problems(CaregiverFields("O" * 101, "F")) == {("first_name", Problem.TOO_LONG)}


def test_tidy_trims_what_was_typed_around_the_words() -> None:
    assert tidy(CaregiverFields(" Oona ", " F ", " 555 ", " a@b.co ", " es ")) == (
        CaregiverFields("Oona", "F", "555", "a@b.co", "es")
    )


def test_a_contact_cannot_be_in_the_future() -> None:
    today = date(2026, 3, 10)
    ahead = ContactFields(None, ContactKind.CALL, today + timedelta(1), ContactOutcome.REACHED)
    assert [p.problem for p in validate_contact(ahead, today)] == [Problem.IN_FUTURE]
