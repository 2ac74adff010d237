"""Where RP Desktop's start-up time goes on a plain database, phase by phase, in one fresh
process: the imports in the order the start-up makes them, then the real `main`. Prints JSON."""

import json
import sys
import time
from pathlib import Path


def main(path: str) -> None:
    marks = [("start", time.perf_counter())]

    def mark(name: str) -> None:
        marks.append((name, time.perf_counter()))

    import PySide6.QtWidgets  # noqa: F401

    mark("PySide6 widgets")
    import rp_desktop.app

    mark("the entry and what a first screen needs")
    import sqlalchemy

    mark("SQLAlchemy core (the reference pays this too)")
    import sqlalchemy.orm  # noqa: F401

    mark("SQLAlchemy ORM")
    import rp_desktop.db.models

    mark("declaring the models")
    import rp_desktop.ui.startup.window

    mark("the services and the window's frame")
    from PySide6.QtWidgets import QApplication

    window = rp_desktop.app.main(Path(path), exec=False)
    QApplication.processEvents()
    mark("open the database, show the frame, build and read Home")
    assert window is not None
    assert not isinstance(window, int)
    window.database.close()
    print(json.dumps({name: end - marks[i][1] for i, (name, end) in enumerate(marks[1:])}))


if __name__ == "__main__":
    main(sys.argv[1])
