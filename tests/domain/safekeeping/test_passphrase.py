"""Passphrase rules: long enough, not common, not a repeated piece; and the growing wait."""

import pytest

from rp_desktop.domain.safekeeping.passphrase import (
    PassphraseProblem,
    judge_passphrase,
    plain_form,
    unlock_delay,
)
from rp_desktop.services.safekeeping.passphrases import common_passphrases, passphrase_problem

COMMON = frozenset({"correcthorsebatterystaple", "restorativepractices", "passwordpassword"})


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", PassphraseProblem.EMPTY),
        ("   ", PassphraseProblem.EMPTY),
        ("fourteen chars", PassphraseProblem.TOO_SHORT),  # 14 characters, two words
        ("owl ink map", PassphraseProblem.TOO_SHORT),
        ("Correct Horse Battery Staple!", PassphraseProblem.COMMON),
        ("RestorativePractices2026", PassphraseProblem.COMMON),
        ("PasswordPassword", PassphraseProblem.COMMON),
        ("zzzzzzzzzzzzzzzzzzzz", PassphraseProblem.REPEATED),
        ("abc abc abc abc abc", PassphraseProblem.REPEATED),
        ("lantern maple river quiet", None),
        ("cat dog sun me", None),  # four words may be a little shorter than 15
        ("7Ɱ£x!q9 ñ2@Lr0w", None),  # anything goes, nothing is required
        ("página ñandú œuvre straße", None),
    ],
)
def test_judging_a_new_passphrase(text: str, problem: PassphraseProblem | None) -> None:
    assert judge_passphrase(text, COMMON) is problem


def test_the_confirmation_must_match_exactly() -> None:
    good = "lantern maple river quiet"
    assert judge_passphrase(good, COMMON, good) is None
    assert judge_passphrase(good, COMMON, good + " ") is PassphraseProblem.MISMATCH
    assert judge_passphrase(good, COMMON, "Lantern maple river quiet") is (
        PassphraseProblem.MISMATCH
    )
    # The same letters, composed or not, are the same passphrase.
    assert judge_passphrase("mañana lantern river", COMMON, "man\u0303ana lantern river") is None


def test_plain_form_keeps_letters_and_digits_lower_case() -> None:
    assert plain_form("Correct Horse-Battery_Staple 2!") == "correcthorsebatterystaple2"


def test_the_built_in_list_is_loaded_in_plain_form() -> None:
    common = common_passphrases()
    assert len(common) > 150
    assert "correcthorsebatterystaple" in common
    assert all(entry == plain_form(entry) for entry in common)
    assert not any(entry.startswith("#") for entry in common)
    assert passphrase_problem("I love you forever!!") is PassphraseProblem.COMMON


@pytest.mark.parametrize(
    ("failures", "seconds"),
    [(0, 0), (1, 0), (2, 0), (3, 2), (4, 4), (5, 8), (10, 256), (11, 300), (50, 300)],
)
def test_each_wrong_passphrase_makes_the_next_wait_longer(failures: int, seconds: float) -> None:
    assert unlock_delay(failures) == seconds
