"""Names for the wall (never a surname) and the equity-of-voice arithmetic, computed by hand."""

import pytest

from rp_desktop.domain.circle.equity import gini, voice_summary
from rp_desktop.domain.circle.types import Seat, TurnRecord
from rp_desktop.domain.circle.wall import NameStyle, Sitter, wall_labels

CLASS = [
    Sitter("María", "Gutiérrez"),
    Sitter("María", "López"),
    Sitter("María", "López"),
    Sitter("Tou", "Vang"),
    Sitter("Pa Nhia", "Xiong"),
    Sitter("Jonathan", "Okafor", preferred="Jon"),
]


def test_first_names_with_the_fewest_additions_needed() -> None:
    assert wall_labels(CLASS, NameStyle.FIRST_NAME) == [
        "María G.",
        "María L. (2)",
        "María L. (3)",
        "Tou",
        "Pa Nhia",
        "Jon",
    ]


def test_no_surname_ever_reaches_the_wall() -> None:
    for style in NameStyle:
        labels = wall_labels(CLASS, style)
        assert len(labels) == len(CLASS)
        assert all(labels), style  # a label for every seat, none blank
        shown = " ".join(labels)
        for surname in ("Gutiérrez", "López", "Vang", "Xiong", "Okafor"):
            assert surname not in shown


def test_initials_and_seat_numbers() -> None:
    assert wall_labels(CLASS, NameStyle.INITIALS) == [
        "M.G.",
        "M.L. (2)",
        "M.L. (3)",
        "T.V.",
        "P.N.X.",
        "J.O.",
    ]
    assert wall_labels(CLASS, NameStyle.SEAT_NUMBER) == ["1", "2", "3", "4", "5", "6"]


def test_every_label_is_different_even_for_identical_people() -> None:
    twins = [Sitter("Ana", "Ruiz")] * 3 + [Sitter("", "")]
    for style in NameStyle:
        labels = wall_labels(twins, style)
        assert len(set(labels)) == len(labels)


def test_voice_summary_by_hand() -> None:
    seats = [Seat(1, "Ana"), Seat(2, "Tou"), Seat(3, "Jon")]
    turns = [
        TurnRecord(0, 1, 0.0, 30.0, False),
        TurnRecord(0, 2, 30.0, 2.0, True),
        TurnRecord(0, 3, 32.0, 10.0, False),
        TurnRecord(0, 2, 42.0, 20.0, False),  # Tou spoke when the piece came again
        TurnRecord(1, 1, 62.0, 40.0, False),
        TurnRecord(1, 2, 102.0, 1.0, True),
        TurnRecord(1, 3, 103.0, 0.0, True),
    ]
    summary = voice_summary(seats, turns)
    assert summary.total_talk == 100.0
    assert [s.talk_seconds for s in summary.seats] == [70.0, 20.0, 10.0]
    assert [s.share for s in summary.seats] == [0.7, 0.2, 0.1]
    assert [s.passes for s in summary.seats] == [0, 1, 1]  # Tou's round-1 pass is not counted
    assert [s.turns for s in summary.seats] == [2, 3, 2]
    assert summary.pass_rate == pytest.approx(2 / 6)
    assert summary.largest_share == 0.7
    # Gini of (10, 20, 70): 2*(1*10 + 2*20 + 3*70)/(3*100) - 4/3 = 520/300 - 400/300 = 0.4
    assert summary.gini == pytest.approx(0.4)


def test_a_circle_with_no_talking() -> None:
    summary = voice_summary([Seat(1, "A")], [])
    assert summary.total_talk == 0.0
    assert summary.seats[0].share == 0.0
    assert summary.pass_rate == 0.0
    assert gini([]) == 0.0
    assert gini([5.0]) == 0.0
    assert gini([3.0, 3.0, 3.0]) == 0.0
