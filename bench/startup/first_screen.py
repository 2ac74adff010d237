"""RP Desktop's first screen as a user meets it: the real command (`rp-desktop --db PATH`) on an
encrypted database, until the unlock screen is on screen. Prints SHOWN and the peak memory at
that moment, then quits there (as if the user had closed the screen)."""

import os
import sys

from PySide6.QtWidgets import QApplication, QDialog

from bench.startup.on_screen import shown


def on_screen(dialog: QDialog) -> int:
    """In place of the dialog's exec(): draw it, say so, and end the process."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert type(dialog).__name__ == "UnlockDialog", type(dialog).__name__
    shown(app, dialog)
    os._exit(0)


def main(path: str) -> None:
    setattr(QDialog, "exec", on_screen)  # noqa: B010 (replacing a method, as tests patch one)
    from rp_desktop.cli import main as command

    command(["--db", path])
    raise RuntimeError("the start-up ended without showing its first screen")


if __name__ == "__main__":
    main(sys.argv[1])
