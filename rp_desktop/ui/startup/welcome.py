"""The first run on an empty database: set up the school, explore with sample data, or restore
the school from a backup (a lost or a new laptop: ui/startup/restore_backup.py)."""

from typing import NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from rp_desktop.domain import school_year
from rp_desktop.domain.records import SchoolInfo
from rp_desktop.domain.validation import InvalidInput
from rp_desktop.services import school
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui.words.problems import problem_text

SAMPLE_STUDENTS = 400
SAMPLE_YEARS = 2


class Welcomed(NamedTuple):
    """The database to open, and its school: the one set up, or the one a backup restored."""

    database: Database
    school: SchoolInfo


class WelcomeDialog(QDialog):
    """Shown once, while the school is not set up: the school's name and year, sample data, or a
    backup restored instead of the new database (`database` is then the restored one).

    The first-run sample is small so that it is ready in a moment; `rp-desktop demo-data`
    builds a full-size building."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = db  # a restored one, once a backup is restored instead
        self.school: SchoolInfo | None = None
        self.setWindowTitle(self.tr("Welcome to RP Desktop"))
        self.setMinimumWidth(560)
        self.sample = QRadioButton(self.tr("Explore with sample data (made-up students)"))
        self.own = QRadioButton(self.tr("Set up my school"))
        self.from_backup = QRadioButton(self.tr("Restore my school from a backup…"))
        choice = QButtonGroup(self)
        for button in (self.own, self.sample, self.from_backup):
            choice.addButton(button)
        self.own.setChecked(True)
        self._details = self._school_details(db)
        self._lay_out()
        self.own.toggled.connect(self._details.setEnabled)
        self.school_name.setFocus(Qt.FocusReason.OtherFocusReason)

    def _school_details(self, db: Database) -> QWidget:
        """The school's name (with the place for what is wrong with it) and its year."""
        self.school_name = QLineEdit(
            placeholderText=self.tr("For example: Cedar Hollow Middle School")
        )
        self.school_name.setAccessibleName(self.tr("School name"))
        self.school_year = QComboBox()
        current = school_year.school_year_of(db.today())
        for year in (current - 1, current, current + 1):
            self.school_year.addItem(school_year.label(year), year)
        self.school_year.setCurrentIndex(1)
        self.school_year.setAccessibleName(self.tr("School year"))
        self.name_problem = QLabel(wordWrap=True)
        self.name_problem.setStyleSheet("color: #b00020;")
        self.name_problem.hide()
        name_field = QVBoxLayout()
        name_field.setSpacing(2)
        name_field.addWidget(self.school_name)
        name_field.addWidget(self.name_problem)
        details = QFormLayout()
        details.setContentsMargins(24, 0, 0, 8)
        details.addRow(self.tr("School name"), name_field)
        details.addRow(self.tr("School year"), self.school_year)
        widget = QWidget()
        widget.setLayout(details)
        return widget

    def _lay_out(self) -> None:
        intro = QLabel(
            self.tr(
                "<h2>Welcome</h2>"
                "<p>RP Desktop keeps your restorative practice records on this computer: "
                "Tier 1 circles, Tier 2 and Tier 3 cases, and your students. "
                "It never needs the internet.</p>"
                "<p>How would you like to start?</p>"
            ),
            wordWrap=True,
        )
        buttons = QDialogButtonBox()
        self.start_button = buttons.addButton(
            self.tr("Start"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, self.own, self._details, self.sample, self.from_backup):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(buttons)

    def accept(self) -> None:
        if self.from_backup.isChecked():
            self._restore_from_backup()
            return
        if self.sample.isChecked():
            self._build_sample()
            self.school = school.school_info(self.database)
            super().accept()
            return
        try:
            self.school = school.set_up_school(
                self.database, self.school_name.text(), self.school_year.currentData()
            )
        except InvalidInput as invalid:
            self.name_problem.setText(problem_text(invalid.problems[0]))
            self.name_problem.show()
            self.school_name.setFocus()
            return
        super().accept()

    def _restore_from_backup(self) -> None:
        """The restored school opens instead of the new one; cancelled, the welcome stays."""
        from rp_desktop.ui.startup.restore_backup import RestoreBackupDialog

        restored = RestoreBackupDialog.ask(self.database, self)
        if restored is None:
            return
        self.database = restored
        self.school = school.school_info(restored)
        if self.school is None:  # a backup of a school never set up: set it up now
            self.own.setChecked(True)
            self.school_name.setFocus()
            return
        super().accept()

    def _build_sample(self) -> None:
        # Imported here: only a first run needs the sample builder, and start-up is faster
        # without it.
        from rp_desktop.services.demo import build_demo_school

        progress = QProgressDialog(self.tr("Making up a sample school…"), "", 0, 100, self)
        progress.setCancelButton(None)
        progress.setMinimumDuration(0)

        def report(done: int, total: int) -> None:
            progress.setMaximum(total)
            progress.setValue(done)

        build_demo_school(
            self.database, students=SAMPLE_STUDENTS, years=SAMPLE_YEARS, progress=report
        )
        progress.close()

    @classmethod
    def ask(cls, db: Database, parent: QWidget | None = None) -> Welcomed | None:
        """Show the welcome; the database and its school, or None if the user quit (the
        database open then is `db`, or one restored: either way closed)."""
        dialog = cls(db, parent)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.school is not None:
            return Welcomed(dialog.database, dialog.school)
        dialog.database.close()
        return None
