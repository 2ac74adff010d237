"""What the roster wizard says before a file is chosen: the columns a roster needs and may
have, and a small sample file (made-up students) a school can save and fill in."""

from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDir, QStandardPaths, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from rp_desktop.ui import choosers
from rp_desktop.ui.words.roster import needed_columns

SAMPLE_NAME = "roster-sample.csv"


def _tr(text: str) -> str:
    return QCoreApplication.translate("RosterSample", text)


def sample_roster() -> bytes:
    """The sample roster shipped with the app: UTF-8 with a BOM (so that a spreadsheet opens
    its accents right), a header row and six made-up students."""
    sample = resources.files("rp_desktop") / "resources" / "roster" / "sample_roster.csv"
    return sample.read_bytes()


def choose_sample_path(parent: QWidget | None) -> Path | None:
    """Where to save the sample, in the user's Documents folder at first; tests replace this."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = documents if documents and QDir(documents).exists() else QDir.homePath()
    chosen = choosers.choose_save_file(
        parent,
        _tr("Save a sample roster"),
        str(Path(folder) / SAMPLE_NAME),
        _tr("CSV files (*.csv)"),
    )
    if chosen is None:
        return None
    path = chosen[0]
    return path if path.suffix else path.with_suffix(".csv")


class RosterColumns(QWidget):
    """The columns in words, and "Save a sample file…". Signal: said(str): what happened to
    the sample, in a sentence, for the wizard to show."""

    said = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QLabel(needed_columns(self.tr), wordWrap=True)
        self.text.setAccessibleName(self.tr("Columns the roster file needs"))
        self.save_sample = QPushButton(self.tr("Save a sample file…"))
        self.save_sample.setAccessibleName(self.tr("Save a sample roster file to fill in"))
        self.save_sample.clicked.connect(self.save)
        row = QHBoxLayout()
        row.addWidget(self.text, 1)
        row.addWidget(self.save_sample)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)

    def save(self) -> None:
        path = choose_sample_path(self)
        if path is None:
            return
        try:
            path.write_bytes(sample_roster())
        except OSError as error:
            reason = error.strerror or self.tr("not allowed")
            self.said.emit(
                self.tr("The sample could not be saved ({reason}). Choose another folder.").format(
                    reason=reason
                )
            )
            return
        self.said.emit(
            self.tr(
                "Saved {name}. Fill it in with your students (or export your roster with the "
                "same columns), save it as CSV, then choose it here."
            ).format(name=path.name)
        )
