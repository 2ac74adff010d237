"""Help > About circles: opened from the main window's Help menu, it names where circle
practice comes from (Indigenous peoples) and where the restorative questions come from (the
IIRP), says the templates are a starting point and a pass is always allowed; short, every word
shown at 1280x720, and Esc closes it."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMenu

from rp_desktop.ui import dialogs
from rp_desktop.ui.help.about_circles import AboutCirclesDialog
from rp_desktop.ui.window.main_window import MainWindow


def help_menu(window: MainWindow) -> QMenu:
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    assert isinstance(menu, QMenu)
    return menu


def test_about_circles_opens_from_help_and_names_both_sources(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []

    def read_then_press_esc(dialog: QDialog) -> int:
        assert isinstance(dialog, AboutCirclesDialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        text = dialog.plain_text()
        shown.append(text)
        assert dialog.accessibleName() == "About circles"
        assert dialog.page.accessibleName()
        screen = dialog.screen().availableGeometry()
        assert dialog.frameGeometry().width() <= min(1280, screen.width())
        assert dialog.frameGeometry().height() <= min(720, screen.height())
        bar = dialog.page.verticalScrollBar()
        assert bar.maximum() == 0  # every word shows without scrolling
        dialog.page.setFocus()
        qtbot.keyClick(dialog.page, Qt.Key.Key_Tab)  # Tab is never trapped in the page
        assert QApplication.focusWidget() is not dialog.page
        qtbot.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Escape)
        assert not dialog.isVisible()
        return dialog.result()

    monkeypatch.setattr(dialogs, "wait_for", read_then_press_esc)
    entries = {a.text(): a for a in help_menu(window).actions() if not a.isSeparator()}
    assert list(entries)[:3] == ["&Keyboard shortcuts", "&About RP Desktop", "About c&ircles"]
    entries["About c&ircles"].trigger()
    assert len(shown) == 1
    text = shown[0]
    assert "Indigenous peoples of North America" in text
    assert "First Nations" in text
    assert "Native American" in text
    assert "International Institute for Restorative Practices (IIRP)" in text
    assert "starting point for a trained keeper, not a script" in text
    assert "A pass is always allowed" in text
    assert len(text.split()) <= 250


def test_every_word_on_the_page_goes_through_tr(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    """With tr() giving "§" for everything, nothing of the English is left on the page."""
    monkeypatch.setattr(AboutCirclesDialog, "tr", lambda _self, _text: "§")
    dialog = AboutCirclesDialog()
    qtbot.addWidget(dialog)
    assert set(dialog.plain_text().split()) == {"§"}
    assert dialog.windowTitle() == "§"
    assert dialog.accessibleName() == "§"
