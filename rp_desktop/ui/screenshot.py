"""Pictures of the real window, drawn offscreen, for documentation and for looking at a change."""

from pathlib import Path

from rp_desktop.domain import school_year
from rp_desktop.domain.records import SchoolInfo
from rp_desktop.services import school
from rp_desktop.services.opening import open_database
from rp_desktop.ui.application import application
from rp_desktop.ui.main_window import MainWindow


def save_screenshot(db_path: Path, view: str, out: Path, size: tuple[int, int]) -> None:
    """Draw `view` of the database at `db_path` at `size` and save it as a PNG at `out`."""
    app = application()
    with open_database(db_path) as db:
        info = school.school_info(db) or SchoolInfo(
            "School not set up yet", school_year.school_year_of(db.today())
        )
        window = MainWindow(db, info)
        try:
            window.resize(*size)
            window.show_view(view)
            window.show()
            app.processEvents()
            picture = window.grab()
        finally:
            window.hide()
            window.deleteLater()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not picture.save(str(out), "PNG"):
        raise OSError(0, "The picture could not be written", str(out))
