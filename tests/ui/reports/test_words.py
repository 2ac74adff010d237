"""Report keys become the words a principal reads; numbers are written the way the screen shows
them."""

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QLocale

from rp_desktop.domain.reports.continuum import LEVEL_KEYS
from rp_desktop.domain.reports.model import (
    Breakdown,
    BreakdownKind,
    Period,
    ReportKind,
    ReportRequest,
    ReportTable,
    Series,
    Unit,
)
from rp_desktop.domain.reports.outcomes import REPAIR_KEYS, WINDOWS
from rp_desktop.ui.reports import words


@pytest.fixture(autouse=True)
def english_locale() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(before)


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("2025-09", "Sep 2025"),
        ("2026-01", "Jan 2026"),
        ("tier:2", "Tier 2"),
        ("circle_kind:check_in", "Check-in"),
        ("meeting_kind:repair_harm_circle", "Repair-harm circle"),
        ("grade:7", "Grade 7"),
        ("grade:-1", "Pre-K"),
        ("grade:0", "Kindergarten"),
        ("group:12", "Advisory 7-Blue"),
        ("group:99", "Group 99"),
        ("homeroom:7B", "Homeroom 7B"),
        ("demographic:Female", "Female"),
        ("unknown", "Not recorded"),
        ("measure:opened", "Opened"),
        ("measure:kept_share", "Share kept"),
        ("measure:on_time", "On time"),
        ("measure:reached", "Any tier"),
        ("circle_kind:not_a_kind_yet", "not_a_kind_yet"),
        ("level:language", "Language"),
        ("level:conversations", "Chats"),
        ("level:repair_harm_circles", "Repair-harm"),
        ("within:30", "Within 30 days"),
        ("repair:partly", "Partly"),
        ("repair:not_recorded", "No answer recorded"),
        ("measure:concerns", "Wellbeing concerns"),
        ("measure:repeat_share", "Share who caused harm again"),
        ("level:not_a_level_yet", "not_a_level_yet"),
    ],
)
def test_keys_become_words(key: str, expected: str) -> None:
    assert words.key_word(key, {12: "Advisory 7-Blue"}) == expected


def test_every_key_of_the_continuum_and_the_outcomes_has_words() -> None:
    keys = [*LEVEL_KEYS, *REPAIR_KEYS, *(f"within:{days}" for days in WINDOWS)]
    found = [words.key_word(key) for key in keys]
    assert all(word and ":" not in word and "_" not in word for word in found)
    assert len(set(found)) == len(found)


def test_every_report_has_a_title_and_a_reading_aid() -> None:
    for kind in ReportKind:
        assert words.report_title(kind)
        assert words.reading_aid(kind)
    assert words.reading_aid(ReportKind.AGREEMENTS) == (
        "Share kept: items done ÷ items done or missed."
    )


def test_empty_reasons_are_sentences() -> None:
    assert words.empty_sentence(ReportKind.CASES, "no_students") == (
        "No students yet: import the roster to see reports."
    )
    assert words.empty_sentence(ReportKind.PRACTICES_BY_MONTH, "no_records") == (
        "No circles or meetings in this period."
    )
    assert "no talk time" in words.empty_sentence(ReportKind.EQUITY_OF_VOICE, "no_runs")


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (None, Unit.SHARE, "—"),
        (None, Unit.COUNT, "—"),
        (0.75, Unit.SHARE, "75%"),
        (2 / 3, Unit.SHARE, "67%"),
        (0.0, Unit.SHARE, "0%"),
        (0.314, Unit.INDEX, "0.31"),
        (1234.0, Unit.COUNT, "1,234"),
        (12.0, Unit.DAYS, "12"),
        (2.5, Unit.DAYS, "2.5"),
        (1.25, Unit.RATIO, "1.25×"),
    ],
)
def test_values_are_written_as_the_screen_shows_them(
    value: float | None, unit: Unit, expected: str
) -> None:
    assert words.format_value(value, unit) == expected


def test_a_share_beside_counts_is_a_share() -> None:
    period = Period(date(2025, 8, 1), date(2026, 7, 31))
    made = Series("measure:made", (1.0,))
    kept = Series("measure:kept_share", (0.5,), Unit.SHARE)
    table = ReportTable(
        ReportRequest(ReportKind.AGREEMENTS, period), Unit.COUNT, ("2025-08",), (made, kept)
    )
    assert words.series_unit(table, made) is Unit.COUNT
    assert words.series_unit(table, kept) is Unit.SHARE


def test_breakdowns_have_names() -> None:
    assert words.breakdown_word(Breakdown()) == "Month"
    assert words.breakdown_word(Breakdown(BreakdownKind.GRADE)) == "Grade"
    assert words.breakdown_word(Breakdown(BreakdownKind.HOMEROOM)) == "Homeroom"
    assert (
        words.breakdown_word(Breakdown(BreakdownKind.DEMOGRAPHIC, "english_learner"))
        == "English learner"
    )
