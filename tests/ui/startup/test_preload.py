"""The rest of the application loads behind the first screen (ui/startup/preload.py): on a worker
once the screen is drawn, on the waiting thread when no screen came first, a failure said in the
log and raised where opening waits for it, and Enter pressed before the end simply waits."""

import gc
import logging
import sys
import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtWidgets import QDialog

from rp_desktop.domain.safekeeping.passphrase import Passphrase
from rp_desktop.services.safekeeping import opening
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui.passphrase.unlock import UnlockDialog
from rp_desktop.ui.startup.opening import open_at_start
from rp_desktop.ui.startup.preload import SWITCH_SECONDS, Preload
from tests.ui.conftest import type_text

SECRET = "lantern maple river quiet"

RECORDER = """
import threading
log = []  # (module, thread) as each module is imported
gate = threading.Event()  # what the slow module waits for
"""
QUICK = "import threading\nfrom {package} import recorder\n" + (
    "recorder.log.append((__name__, threading.current_thread().name))\n"
)
SLOW = QUICK.replace("import recorder\n", "import recorder\nrecorder.gate.wait(20)\n")
FAILING = "raise RuntimeError('a module that does not import')\n"


@dataclass
class Modules:
    """Throwaway modules under a package of their own: `quick`, `other`, `slow`, `failing`."""

    package: str
    recorder: ModuleType

    def name(self, module: str) -> str:
        return f"{self.package}.{module}"

    def imported_by(self) -> dict[str, str]:
        return {module.rsplit(".", 1)[1]: thread for module, thread in self.recorder.log}


@pytest.fixture
def modules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Modules]:
    package = f"behind_{uuid.uuid4().hex}"
    folder = tmp_path / "importable" / package
    folder.mkdir(parents=True)
    (folder / "__init__.py").write_text("")
    (folder / "recorder.py").write_text(RECORDER)
    for name, source in (("quick", QUICK), ("other", QUICK), ("slow", SLOW), ("failing", FAILING)):
        (folder / f"{name}.py").write_text(source.format(package=package))
    monkeypatch.syspath_prepend(str(folder.parent))
    recorder = __import__(f"{package}.recorder", fromlist=["log"])
    yield Modules(package, recorder)
    recorder.gate.set()
    for name in [m for m in sys.modules if m.startswith(package)]:
        del sys.modules[name]


def test_with_no_screen_first_what_is_needed_loads_where_it_is_waited_for(
    modules: Modules,
) -> None:
    preload = Preload([modules.name("quick")], ahead=[modules.name("other")])
    preload.wait()
    assert preload.done
    assert modules.imported_by() == {"quick": "MainThread"}  # what comes after, when built


def test_the_rest_loads_on_a_worker_once_the_first_screen_is_drawn(qtbot, modules: Modules) -> None:  # type: ignore[no-untyped-def]
    usual_switch = sys.getswitchinterval()
    preload = Preload([modules.name("quick")], ahead=[modules.name("other")])
    preload.start_once_drawn()
    screen = QDialog()
    qtbot.addWidget(screen)
    assert modules.imported_by() == {}  # nothing before the screen is drawn
    screen.show()
    qtbot.waitExposed(screen)
    qtbot.waitUntil(lambda: len(modules.imported_by()) == 2)
    assert not gc.isenabled()  # no collection while the worker imports
    assert sys.getswitchinterval() == SWITCH_SECONDS  # the screen waits little for Python
    preload.wait()
    assert gc.isenabled()
    assert sys.getswitchinterval() == usual_switch
    assert modules.imported_by() == {"quick": "preload", "other": "preload"}


def test_a_screen_closed_before_it_was_drawn_starts_nothing(qtbot, modules: Modules) -> None:  # type: ignore[no-untyped-def]
    preload = Preload([modules.name("quick")], [])
    preload.start_once_drawn()
    preload.stop_watching()
    screen = QDialog()
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen)
    qtbot.wait(20)
    assert modules.imported_by() == {}
    preload.wait()
    assert modules.imported_by() == {"quick": "MainThread"}


def test_a_failure_behind_the_screen_is_logged_then_raised_where_opening_waits(
    modules: Modules, caplog: pytest.LogCaptureFixture
) -> None:
    preload = Preload([modules.name("quick"), modules.name("failing")], [])
    with caplog.at_level(logging.ERROR, logger="rp_desktop"):
        preload.start()
        preload.join()
    said = [r.getMessage() for r in caplog.records]
    assert len(said) == 1
    assert said[0].startswith(
        "loading the application behind the first screen failed: builtins.RuntimeError\n"
    )
    assert "failing.py" in said[0]  # where it happened; never the message, which may quote data
    with pytest.raises(RuntimeError, match="a module that does not import"):
        preload.wait()
    assert not preload.done
    assert gc.isenabled()


@pytest.fixture
def locked_file(db_path: Path) -> Path:
    opening.open_database(db_path, passphrase=Passphrase(SECRET)).close()
    return db_path


def test_enter_before_the_rest_has_loaded_opens_once_it_has(
    qtbot, modules: Modules, locked_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    preload = Preload([modules.name("slow")], [])
    loaded_when_opened: list[bool] = []
    real_open = opening.open_database

    def open_database(path: Path, **how: object) -> Database:
        loaded_when_opened.append("slow" in modules.imported_by())
        return real_open(path, **how)  # type: ignore[arg-type]

    def unlock_at_once(dialog: UnlockDialog) -> int:
        dialog.show()
        qtbot.waitExposed(dialog)
        qtbot.waitUntil(lambda: preload.loading)
        assert modules.imported_by() == {}  # still loading: the gate is shut
        threading.Timer(0.2, modules.recorder.gate.set).start()
        type_text(dialog.panel.passphrase, SECRET)
        dialog.panel.unlock_button.click()  # Enter, before the rest has loaded
        return dialog.result()

    monkeypatch.setattr(opening, "open_database", open_database)
    monkeypatch.setattr(UnlockDialog, "exec", unlock_at_once)
    db = open_at_start(locked_file, preload)
    assert db is not None
    db.close()
    assert loaded_when_opened == [True]
    assert modules.imported_by() == {"slow": "preload"}
    assert preload.done


def test_quitting_at_the_unlock_screen_lets_the_worker_end_first(
    qtbot, locked_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from rp_desktop import app

    started: list[Preload] = []
    start = Preload.start

    def recorded(preload: Preload) -> None:
        started.append(preload)
        start(preload)

    def drawn_then_quit(dialog: UnlockDialog) -> int:
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        qtbot.waitUntil(lambda: bool(started))
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(Preload, "start", recorded)
    monkeypatch.setattr(UnlockDialog, "exec", drawn_then_quit)
    assert app.main(locked_file, exec=False) is None
    assert not started[0].loading
    assert gc.isenabled()
    assert not [t for t in threading.enumerate() if t.name == "preload"]
