"""The export under way: on a worker, with progress in words and a bar, Cancel that leaves the
folder as it was, and a window that goes on answering meanwhile."""

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from rp_desktop.domain.progress import Progress
from rp_desktop.services.exports.records.files import RECORD_FILES
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui import dialogs
from rp_desktop.ui.exports import running
from rp_desktop.ui.exports.running import ExportChoice, ExportRun, describe
from tests.faults.gate import Gate
from tests.services.exports.school import build_export_school

EVERY_RECORD = ExportChoice(deidentified=False, start_year=None)


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "usb stick"
    folder.mkdir()
    return folder


@pytest.fixture
def run(qtbot: QtBot, db: Database, out: Path) -> ExportRun:
    build_export_school(db)
    dialog = ExportRun(db, EVERY_RECORD, out)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def held_at(monkeypatch: pytest.MonkeyPatch, step: str) -> Gate:
    gate = Gate(step)
    export = running._export

    def held(
        db: Database, choice: ExportChoice, folder: Path, replace: bool, p: Progress
    ) -> object:
        return export(db, choice, folder, replace, gate.around(p))

    monkeypatch.setattr(running, "_export", held)
    return gate


def test_progress_is_told_file_by_file_in_words(qtbot: QtBot, run: ExportRun) -> None:
    reports: list[tuple[int, int, str]] = []
    run.start()
    assert run.panel.work is not None
    run.panel.work.progressed.connect(lambda *report: reports.append(report))
    with qtbot.waitSignal(run.panel.ended):
        pass
    files = [file.name for file in RECORD_FILES if file.name != "meeting_answers.csv"]
    total = len(files) + 1
    steps = list(dict.fromkeys(step for _, _, step in reports))  # in order, each once
    assert steps == [*files, "README.txt", ""]
    assert {t for _, t, _ in reports} == {total}
    assert reports[-1] == (total, total, "")
    assert describe(2, total, "students.csv") == f"Writing students.csv (3 of {total})…"
    assert run.panel.bar.accessibleName() == "Progress"
    assert run.summary is not None
    assert run.outcome.text().startswith("Every record was written to")


def test_cancel_leaves_the_folder_as_it_was(
    qtbot: QtBot, run: ExportRun, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (out / "mine.txt").write_text("the user's own file", encoding="utf-8")
    gate = held_at(monkeypatch, "cases.csv")
    run.start()
    qtbot.waitUntil(gate.reached.is_set)
    assert run.panel.cancel()
    assert not run.panel.cancel_button.isEnabled()  # once is enough
    gate.release()
    with qtbot.waitSignal(run.panel.ended):
        pass
    assert sorted(p.name for p in out.iterdir()) == ["mine.txt"]  # no file, no hidden folder
    assert run.outcome.text() == "Cancelled; nothing was written."
    assert run.summary is None


def test_the_window_answers_while_the_export_runs(
    qtbot: QtBot, run: ExportRun, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = held_at(monkeypatch, "meetings.csv")
    run.start()
    qtbot.waitUntil(gate.reached.is_set)  # the worker is in the middle of the export ...
    timer = QTimer()
    timer.setSingleShot(True)
    with qtbot.waitSignal(timer.timeout):  # ... and the window's loop goes on
        timer.start(0)
    assert run.busy
    assert run.panel.isVisible()
    assert run.panel.cancel_button.isEnabled()
    assert "Writing" in run.panel.doing.text()
    gate.release()
    with qtbot.waitSignal(run.panel.ended):
        pass
    assert (out / "students.csv").exists()
    assert run.summary is not None


def test_closing_mid_way_asks_first_and_stopping_writes_nothing(
    qtbot: QtBot, run: ExportRun, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda _p, _t, text, *_w: asked.append(text) or True)
    gate = held_at(monkeypatch, "groups.csv")
    run.start()
    qtbot.waitUntil(gate.reached.is_set)
    run.close()
    assert run.isVisible()  # not closed under the export's feet
    assert asked == ["Stop the export? Nothing will be written, and the folder stays as it was."]
    gate.release()
    with qtbot.waitSignal(run.panel.ended):
        pass
    assert list(out.iterdir()) == []
    assert run.outcome.text() == "Cancelled; nothing was written."
    run.close()
    assert not run.isVisible()


def test_the_same_export_cannot_be_started_twice(
    qtbot: QtBot, run: ExportRun, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = held_at(monkeypatch, "staff.csv")
    run.start()
    qtbot.waitUntil(gate.reached.is_set)
    with pytest.raises(RuntimeError):
        run.start()
    gate.release()
    with qtbot.waitSignal(run.panel.ended):
        pass
