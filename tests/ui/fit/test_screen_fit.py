"""fit_to_screen: a window opens at its preferred size or the size it was left at, never larger
than the usable part of its screen, and where it was left if that is on the screen."""

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QDialog, QWidget

from rp_desktop.ui.screen_fit import FRAME, fit_to_screen, grow_to, usable_area


def _fits(widget: QWidget) -> None:
    available = widget.screen().availableGeometry()
    assert available.contains(widget.frameGeometry()), (widget.frameGeometry(), available)


def test_a_window_larger_than_the_screen_is_made_to_fit(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = QDialog()
    qtbot.addWidget(dialog)
    fit_to_screen(dialog, QSize(4000, 3000), "test/large")
    available = dialog.screen().availableGeometry()
    assert dialog.width() == available.width() - FRAME.left() - FRAME.right()
    assert dialog.height() == available.height() - FRAME.top() - FRAME.bottom()
    dialog.show()
    _fits(dialog)


def test_a_small_window_keeps_its_preferred_size(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = QDialog()
    qtbot.addWidget(dialog)
    fit_to_screen(dialog, QSize(500, 300), "test/small")
    assert dialog.size() == QSize(500, 300)


def test_the_size_and_place_it_was_left_at_come_back(qtbot) -> None:  # type: ignore[no-untyped-def]
    first = QDialog()
    qtbot.addWidget(first)
    fit_to_screen(first, QSize(500, 300), "test/kept")
    first.show()
    first.resize(620, 410)
    first.move(120, 90)
    first.close()
    second = QDialog()
    qtbot.addWidget(second)
    fit_to_screen(second, QSize(500, 300), "test/kept")
    assert second.size() == QSize(620, 410)
    second.show()
    assert second.frameGeometry().topLeft() == first.frameGeometry().topLeft()


def test_a_size_kept_from_a_big_monitor_is_clamped_to_this_screen(qtbot) -> None:  # type: ignore[no-untyped-def]
    big = QDialog()
    qtbot.addWidget(big)
    fit_to_screen(big, QSize(500, 300), "test/monitor")
    big.show()
    big.setGeometry(1500, 900, 1900, 1000)  # a 2560x1440 monitor, left of this laptop's screen
    big.hide()
    again = QDialog()
    qtbot.addWidget(again)
    fit_to_screen(again, QSize(500, 300), "test/monitor")
    assert usable_area(again).contains(again.geometry())
    again.show()
    _fits(again)


def test_growing_stops_at_the_screen(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = QDialog()
    qtbot.addWidget(dialog)
    fit_to_screen(dialog, QSize(500, 300), "test/grow")
    grow_to(dialog, QSize(400, 5000))
    assert dialog.width() == 500
    assert dialog.height() == usable_area(dialog).height()
