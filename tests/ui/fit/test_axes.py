"""Chart axes read as people count: no two ticks read the same, talk time in seconds under two
minutes and in whole or half minutes above, ratios in whole steps."""

import pytest
from PySide6.QtGui import QFont

from rp_desktop.domain.reports.model import Unit
from rp_desktop.ui.reports.chart_parts import value_axis
from rp_desktop.ui.reports.equity import ratio_ticks
from rp_desktop.ui.run_circle.summary import talk_scale


def _ticks(top: float, count: int, label_format: str) -> list[str]:
    return [label_format % (top * i / (count - 1)) for i in range(count)]


@pytest.mark.parametrize("longest", [0.0, 4.0, 18.0, 42.5, 90.0, 119.0])
def test_talk_under_two_minutes_is_in_whole_seconds(qapp, longest: float) -> None:  # type: ignore[no-untyped-def]
    scale = talk_scale(longest)
    assert scale.seconds == 1.0
    assert "seconds" in scale.title
    assert scale.top >= longest
    labels = _ticks(scale.top, scale.ticks, scale.label_format)
    assert len(set(labels)) == len(labels), labels
    assert all(float(label).is_integer() for label in labels), labels
    assert scale.ticks <= 7


@pytest.mark.parametrize("longest", [120.0, 150.0, 200.0, 371.0, 900.0, 2400.0])
def test_longer_talk_is_in_whole_or_half_minutes(qapp, longest: float) -> None:  # type: ignore[no-untyped-def]
    scale = talk_scale(longest)
    assert scale.seconds == 60.0
    assert "minutes" in scale.title
    assert scale.top * 60 >= longest
    labels = _ticks(scale.top, scale.ticks, scale.label_format)
    assert len(set(labels)) == len(labels), labels
    assert all((float(label) * 2).is_integer() for label in labels), labels


def test_the_old_axis_is_gone(qapp) -> None:  # type: ignore[no-untyped-def]
    """Eighteen seconds used to read "0.0 0.1 0.1 0.2 0.3 minutes spoken"."""
    scale = talk_scale(18.0)
    assert _ticks(scale.top, scale.ticks, scale.label_format) == ["0", "5", "10", "15", "20"]


@pytest.mark.parametrize("highest", [0.4, 1.7, 3.2, 6.5, 7.2, 13.0])
def test_ratio_ticks_are_whole_steps(qapp, highest: float) -> None:  # type: ignore[no-untyped-def]
    axis = value_axis(Unit.RATIO, highest, QFont())
    labels = _ticks(axis.max(), axis.tickCount(), axis.labelFormat())
    assert len(set(labels)) == len(labels), labels
    assert all(float(label).is_integer() for label in labels), labels
    assert axis.max() >= highest


@pytest.mark.parametrize("highest", [2.0, 2.2, 3.0, 4.7, 9.5, 23.0])
def test_the_equity_chart_ticks_fall_on_round_ratios(highest: float) -> None:
    """2.2 used to give "0.0 0.8 1.5 2.3 3.0"."""
    top, ticks = ratio_ticks(highest)
    labels = _ticks(top, ticks, "%.1f")
    assert top >= highest
    assert "1.0" in labels or top > 6
    assert all((float(label) * 2).is_integer() for label in labels), labels
    assert len(set(labels)) == len(labels)
