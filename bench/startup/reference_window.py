"""The reference for start-up: a script that only imports PySide6 and SQLAlchemy, opens the same
file, runs one query and shows a tabbed window with the rows. Prints SHOWN and its peak memory."""

import sys

from PySide6.QtWidgets import QApplication, QTableWidget, QTableWidgetItem, QTabWidget
from sqlalchemy import create_engine, text

from bench.startup.on_screen import peak_kib

QUERY = """
SELECT c.held_on, c.status, c.kind, g.name, s.first_name || ' ' || s.last_name, c.purpose
FROM community_circle c
LEFT JOIN student_group g ON g.id = c.group_id
LEFT JOIN staff s ON s.id = c.keeper_id
ORDER BY c.held_on DESC, c.id DESC
LIMIT 200
"""


def main(path: str) -> None:
    app = QApplication(sys.argv[:1])
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as connection:
        rows = connection.execute(text(QUERY)).all()
    table = QTableWidget(len(rows), 6)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(str(value)))
    tabs = QTabWidget()
    tabs.addTab(table, "Tier 1")
    for name in ("Tier 2", "Tier 3", "Students"):
        tabs.addTab(QTableWidget(), name)
    tabs.resize(1280, 800)
    tabs.show()
    app.processEvents()
    print(f"SHOWN {peak_kib()}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
