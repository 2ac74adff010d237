"""Where RP Desktop's start-up time goes, phase by phase, in one fresh process. Prints JSON."""

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
    import sqlalchemy

    mark("SQLAlchemy core (the reference pays this too)")
    import sqlalchemy.orm  # noqa: F401

    mark("SQLAlchemy ORM")
    import rp_desktop.db.models

    mark("declaring the models")
    import rp_desktop.app

    mark("the rest of RP Desktop's modules")
    from PySide6.QtWidgets import QApplication

    window = rp_desktop.app.main(Path(path), exec=False)
    QApplication.processEvents()
    mark("open the database, build the window, show Home")
    assert window is not None
    window.database.close()
    print(json.dumps({name: end - marks[i][1] for i, (name, end) in enumerate(marks[1:])}))


if __name__ == "__main__":
    main(sys.argv[1])
