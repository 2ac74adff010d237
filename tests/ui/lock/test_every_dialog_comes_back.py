"""The application's own dialogs come back after the lock (issue 12, build item 6): a form with
typed text (the district's recovery copy), a file chooser over the dialog that opened it (the
roster's), and a dialog of the circle console (someone arrives). Locked, each is hidden and
nothing of the records shows; unlocked, it is back as it was, still waited for, and its caller
gets what the user then answered."""

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QWidget

from rp_desktop.domain.records import Student
from rp_desktop.ui import dialogs
from rp_desktop.ui.dialogs import wait_for as really_wait_for
from rp_desktop.ui.run_circle.arrivals import ArrivalDialog
from rp_desktop.ui.run_circle.seating import Attendee
from rp_desktop.ui.safekeeping.recovery_copy import RecoveryCopyDialog
from rp_desktop.ui.students.roster_wizard import RosterWizard
from rp_desktop.ui.window.main_window import MainWindow
from tests.ui.conftest import School, type_text
from tests.ui.lock.test_lock import record_text_in, shown_texts
from tests.ui.students.test_roster_wizard import ROSTER

DISTRICT_PASSPHRASE = "copper heron valley window"
VISITOR = "Ingrid Vasquez-Okafor"


@pytest.fixture(autouse=True)
def waits_for_real(no_blocking_dialogs: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests answer the dialogs they wait for: the real wait, not the guard's refusal."""
    monkeypatch.setattr(dialogs, "wait_for", really_wait_for)


def lock_and_unlock(main: MainWindow, typed: tuple[str, ...], *open_: QWidget) -> dict[str, object]:
    """Lock the window while the dialogs `open_` show `typed`, note what shows, unlock; what
    was seen."""
    seen: dict[str, object] = {"typed before": typed_in(shown_texts(main), typed)}
    main.lock()
    locked_texts = shown_texts(main)
    seen["hidden"] = [not dialog.isVisible() for dialog in open_]
    seen["records shown"] = record_text_in(locked_texts)
    seen["typed shown"] = typed_in(locked_texts, typed)
    seen["modal while locked"] = QApplication.activeModalWidget()
    main.locking.screen.show_button.click()  # a plain database: unlocking asks for nothing
    seen["back"] = [dialog.isVisible() for dialog in open_]
    seen["on top"] = QApplication.activeModalWidget()
    return seen


def typed_in(texts: list[str], typed: tuple[str, ...]) -> set[str]:
    return {word for word in typed for text in texts if word in text}


def later(step: Callable[[], None]) -> None:
    """Run `step` once the wait about to start is under way."""
    QTimer.singleShot(0, step)


def test_a_half_typed_recovery_copy_comes_back_and_is_made_as_typed(
    qtbot, main: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "district copy.db"
    seen: dict[str, object] = {}

    def type_lock_unlock_make() -> None:
        form = QApplication.activeModalWidget()
        assert isinstance(form, RecoveryCopyDialog)
        type_text(form.fields.passphrase, DISTRICT_PASSPHRASE)
        type_text(form.fields.again, DISTRICT_PASSPHRASE)
        form.target.setText(str(target))  # as its chooser fills it
        seen.update(lock_and_unlock(main, (DISTRICT_PASSPHRASE,), form))
        fields = form.fields
        seen["state"] = (fields.passphrase.text(), fields.again.text(), form.target.text())
        form.make_button.click()

    later(type_lock_unlock_make)
    request = RecoveryCopyDialog.ask(main)
    assert seen["hidden"] == [True]
    assert seen["records shown"] == set()
    assert seen["typed before"] == {DISTRICT_PASSPHRASE}
    assert seen["typed shown"] == set()
    assert seen["modal while locked"] is None  # the lock screen takes the passphrase
    assert seen["back"] == [True]
    assert seen["state"] == (DISTRICT_PASSPHRASE, DISTRICT_PASSPHRASE, str(target))
    assert request is not None  # the wait went on through the lock: the user's own answer
    assert (request.passphrase.reveal(), request.target) == (DISTRICT_PASSPHRASE, target)


def test_a_file_chooser_over_the_roster_wizard_comes_back_over_it_and_its_choice_is_used(
    qtbot, main: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    seen: dict[str, object] = {}

    def choose_lock_unlock_open() -> None:
        chooser = QApplication.activeModalWidget()
        assert isinstance(chooser, QFileDialog)
        wizard = chooser.parentWidget()
        assert isinstance(wizard, RosterWizard)
        chooser.selectFile(str(roster))
        seen.update(lock_and_unlock(main, ("roster.csv",), wizard, chooser))
        seen["chooser on top"] = seen["on top"] is chooser
        seen["chosen"] = chooser.selectedFiles()
        seen["qt's own"] = chooser.testOption(QFileDialog.Option.DontUseNativeDialog)
        chooser.accept()

    def open_the_chooser() -> None:
        wizard = QApplication.activeModalWidget()
        assert isinstance(wizard, RosterWizard)
        later(choose_lock_unlock_open)
        wizard.choose_button.click()  # waits for the chooser: the step above answers it
        seen["loaded"] = wizard.file_name.text()
        seen["names in the wizard"] = "Смирнова" in "\n".join(shown_texts(main))
        wizard.import_button.click()

    later(open_the_chooser)
    result = RosterWizard.ask(main.database, main)
    assert seen["typed before"] == {"roster.csv"}  # in the chooser's file name box
    assert seen["hidden"] == [True, True]
    assert seen["typed shown"] == set()
    assert seen["records shown"] == set()
    assert seen["modal while locked"] is None
    assert seen["back"] == [True, True]
    assert seen["chooser on top"] is True  # the wizard first, then the chooser over it
    assert seen["chosen"] == [str(roster)]
    assert seen["qt's own"] is True  # a system chooser would close when hidden
    assert seen["loaded"] == "roster.csv"  # the chooser's answer reached the wizard
    assert seen["names in the wizard"] is True
    assert result is not None
    assert result.changes.added == 3


def test_someone_arriving_in_the_circle_console_comes_back_and_joins_as_typed(
    qtbot, main: MainWindow, school_db: School
) -> None:  # type: ignore[no-untyped-def]
    def find(text: str) -> list[Student]:
        return [s for s in school_db.members if text and s.first_name.startswith(text)]

    seen: dict[str, object] = {}

    def type_lock_unlock_take() -> None:
        arrival = QApplication.activeModalWidget()
        assert isinstance(arrival, ArrivalDialog)
        type_text(arrival.picker.search, "Xo")  # the picker lists Xochitl Ibarra
        type_text(arrival.other, VISITOR)
        seen["listed"] = arrival.picker.matches.count()
        seen.update(lock_and_unlock(main, ("Xochitl", VISITOR), arrival))
        seen["state"] = (
            arrival.picker.search.text(),
            arrival.picker.matches.count(),
            arrival.other.text(),
        )
        ok = arrival.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        ok.click()

    later(type_lock_unlock_take)
    attendee = ArrivalDialog.ask(find, main)
    assert seen["listed"] == 1
    assert seen["hidden"] == [True]
    assert seen["typed before"] == {"Xochitl", VISITOR}
    assert seen["records shown"] == set()  # Xochitl's name in the picker is hidden too
    assert seen["typed shown"] == set()
    assert seen["modal while locked"] is None
    assert seen["back"] == [True]
    assert seen["state"] == ("Xo", 1, VISITOR)
    assert attendee == Attendee.other(VISITOR)
