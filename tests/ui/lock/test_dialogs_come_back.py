"""Locking while a dialog is open hides it, and unlocking brings it back as it was, still
waited for: a question asked over a half-typed form, and a dialog with typed text. Nothing of
them shows while locked."""

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
)

from rp_desktop.domain.progress import Progress
from rp_desktop.ui import dialogs
from rp_desktop.ui.background import Work
from rp_desktop.ui.dialogs import wait_for as really_wait_for
from rp_desktop.ui.exports import running
from rp_desktop.ui.exports.running import ExportChoice, ExportRun
from rp_desktop.ui.window.main_window import MainWindow
from tests.faults.gate import PATIENCE_SECONDS, Gate
from tests.ui.lock.conftest import FakeMonotonic
from tests.ui.lock.test_lock import (
    HALF_TYPED,
    open_everything,
    record_text_in,
    shown_texts,
    time_out,
)

TYPED = "Zbigniewska-Oyelaran"


@pytest.fixture(autouse=True)
def waits_for_real(no_blocking_dialogs: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests answer the dialogs they wait for: the real wait, not the guard's refusal."""
    monkeypatch.setattr(dialogs, "wait_for", really_wait_for)


def test_a_question_over_a_half_typed_form_comes_back_after_unlocking(
    qtbot, main: MainWindow, ticks: FakeMonotonic, case_id: int
) -> None:  # type: ignore[no-untyped-def]
    form, _case_window = open_everything(qtbot, main, case_id)
    seen: dict[str, object] = {}

    def lock_while_asked() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        time_out(main, ticks)  # the idle lock, while the question waits
        seen["locked"] = (main.locked, box.isVisible(), form.isVisible())
        seen["shown while locked"] = record_text_in(shown_texts(main))
        seen["modal while locked"] = QApplication.activeModalWidget()
        main.locking.screen.show_button.click()
        seen["back"] = (box.isVisible(), form.isVisible(), form.first_name.text())
        seen["modal again"] = QApplication.activeModalWidget() is box
        discard = next(b for b in box.buttons() if b.text() == "Discard changes")
        discard.click()

    QTimer.singleShot(0, lock_while_asked)
    answer = dialogs.confirm_discard(form)
    assert seen["locked"] == (True, False, False)
    assert seen["shown while locked"] == set()
    assert seen["modal while locked"] is None  # the lock screen takes the passphrase
    assert seen["back"] == (True, True, HALF_TYPED)
    assert seen["modal again"] is True
    assert answer is True  # the wait went on through the lock: the answer is the user's


class Note(QDialog):
    def __init__(self, parent: MainWindow) -> None:
        super().__init__(parent)
        self.setWindowTitle("A note")
        self.text = QLineEdit()
        self.text.setAccessibleName("Note")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)


def test_a_waited_for_dialog_comes_back_with_its_typed_text(qtbot, main: MainWindow) -> None:  # type: ignore[no-untyped-def]
    note = Note(main)
    seen: dict[str, object] = {}

    def type_then_lock() -> None:
        note.text.setText(TYPED)
        note.text.setFocus()
        main.lock()
        seen["hidden"] = not note.isVisible()
        main.locking.screen.show_button.click()
        seen["back"] = (note.isVisible(), note.text.text())
        note.accept()

    QTimer.singleShot(0, type_then_lock)
    result = dialogs.wait_for(note)
    assert seen == {"hidden": True, "back": (True, TYPED)}
    assert result == QDialog.DialogCode.Accepted.value


def test_locking_while_an_export_runs_cancels_it_and_says_so_after_unlocking(
    qtbot, main: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "export"
    out.mkdir()
    gate = Gate("cases.csv")
    export = running._export
    monkeypatch.setattr(
        running, "_export", lambda db, c, f, r, p: export(db, c, f, r, gate.around(p))
    )
    cancel = Work.cancel

    def cancel_then_go_on(work: Work) -> bool:
        asked = cancel(work)
        gate.release()  # the held worker hears it at its next report
        return asked

    monkeypatch.setattr(Work, "cancel", cancel_then_go_on)
    run = ExportRun(main.database, ExportChoice(False, None), out, main)
    seen: dict[str, object] = {}

    def lock_mid_way() -> None:
        qtbot.waitUntil(gate.reached.is_set)
        main.lock()
        seen["locked"] = (run.isVisible(), list(out.iterdir()), main.database.locked)
        main.locking.screen.show_button.click()
        qtbot.waitUntil(lambda: bool(run.outcome.text()))
        seen["back"] = (run.isVisible(), run.outcome.text())
        run.close()

    QTimer.singleShot(0, lock_mid_way)
    run.start()
    dialogs.wait_for(run)
    assert seen["locked"] == (False, [], True)  # hidden, nothing written, the key forgotten
    assert seen["back"] == (
        True,
        "Cancelled when RP Desktop locked; nothing was written. Export again when you are ready.",
    )
    assert list(out.iterdir()) == []


def test_locking_waits_for_work_past_its_point_of_no_return_and_does_not_cancel_it(
    qtbot, main: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    go_on = threading.Event()
    wait = Work.wait

    def let_it_go_on_then_wait(work: Work) -> None:
        go_on.set()  # the job goes on only once locking waits for it
        wait(work)

    finished: list[str] = []

    def job(progress: Progress) -> str:
        progress(0, 2, "replacing", cancellable=False)
        go_on.wait(PATIENCE_SECONDS)
        finished.append("whole")
        return "done"

    work = Work(job)
    with qtbot.waitSignal(work.cancellableChanged):
        work.start()
    assert not work.cancel()  # refused: it would leave things half done
    monkeypatch.setattr(Work, "wait", let_it_go_on_then_wait)
    main.lock()  # returns only once the work has ended: the key is forgotten after it
    assert finished == ["whole"]
    assert main.database.locked
    assert not work.stopped_by_lock
    with qtbot.waitSignal(work.succeeded) as succeeded:
        pass
    assert succeeded.args == ["done"]
