"""Log a practice, in seconds and from the keyboard: the kind (1 to 5, or the arrows), how many
times for a tally, the students if any, then the day (today), the minutes (the kind's usual),
who did it (whoever logged last) and one optional line of note. Enter or Ctrl+Enter saves,
Esc cancels. The same form corrects a log already made.

A draft is kept as in every form: a crash loses nothing typed."""

from itertools import pairwise

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from rp_desktop.domain.continuum.kinds import PracticeKind
from rp_desktop.domain.continuum.practice import (
    LONGEST_MINUTES,
    MOST_TIMES,
    PracticeFields,
    PracticeLog,
    default_minutes,
    is_tallied,
)
from rp_desktop.domain.validation import SHORT_TEXT_MAX
from rp_desktop.services import people
from rp_desktop.services.continuum import practice
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.students import records as students
from rp_desktop.ui.forms.form_draft import DraftPlace
from rp_desktop.ui.forms.record_form import RecordForm
from rp_desktop.ui.forms.widgets import current_data, date_edit, searchable_if_long, select_data
from rp_desktop.ui.practice.kind_choice import KindChoice
from rp_desktop.ui.practice.students import PracticeStudents
from rp_desktop.ui.practice.words import logged_text
from rp_desktop.ui.words.formatting import pydate, qdate
from rp_desktop.ui.words.labels import label

SAVE_KEYS = ("Ctrl+Return", "Ctrl+Enter")
WIDE_ENOUGH = 760  # the kinds in rows of three, each name whole beside its hint


class LogPracticeDialog(RecordForm):
    """A new practice log, or a log corrected.

    Signals (besides RecordForm's saved(int)):
        logged(str): what was just saved, in words for the status bar ("Logged: ...").
        anotherRequested(str): saved with "Save and log another": open a new one, saying
            this (what was just logged).
        logWindowRequested(): the practice log's window was asked for (this form has closed).
    """

    logged = Signal(str)
    anotherRequested = Signal(str)
    logWindowRequested = Signal()

    def __init__(
        self,
        db: Database,
        log: PracticeLog | None = None,
        *,
        confirmation: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Practice log") if log else self.tr("Log a practice"), parent)
        self.setMinimumWidth(WIDE_ENOUGH)
        self._db = db
        self._log = log
        self._another = False
        self._logged = ""
        self._kind_shown: PracticeKind | None = None
        self._add_confirmation(confirmation)
        self._add_fields()
        self._fill(log)
        self.kind.changed.connect(self._kind_changed)
        self.draft.keep("student_ids", self.students.draft_state, self.students.restore_draft_state)
        self.draft.start(DraftPlace(db, "practice", log.id if log else None))
        self.remember_initial()
        self._add_buttons()
        self.finished.connect(self._done)

    # -- RecordForm ----------------------------------------------------------------------------
    def values(self) -> PracticeFields:
        kind = self.kind.kind()
        return PracticeFields(
            kind=kind,
            happened_on=pydate(self.happened_on.date()),
            minutes=self.minutes.value() or None,
            tally=self.tally.value() if is_tallied(kind) else 1,
            staff_id=current_data(self.staff),
            note=self.note.text(),
            student_ids=self.students.student_ids(),
        )

    def submit(self, values: PracticeFields) -> int:
        if self._log is None:
            saved = practice.log_practice(self._db, values, replaces_draft=self.draft.key)
        else:
            saved = practice.update_practice(
                self._db, self._log.id, values, replaces_draft=self.draft.key
            )
        self._log = saved
        fields = saved.fields
        self._logged = logged_text(fields.kind, fields.tally, len(fields.student_ids))
        self.logged.emit(self._logged)
        return saved.id

    def save_and_log_another(self) -> None:
        """Save, and once this form has closed, ask for a new one."""
        self._another = True
        self.accept()
        if self.isVisible():  # not saved: what is wrong is shown, and the form stays
            self._another = False

    # -- building ------------------------------------------------------------------------------
    def _add_confirmation(self, text: str) -> None:
        """What the form before this one logged, when "Save and log another" opened this."""
        self.confirmation = QLabel(text)
        self.confirmation.setObjectName("practiceLogged")
        self.confirmation.setStyleSheet("color: #1b5e20; font-weight: 600;")
        self.confirmation.setVisible(bool(text))
        self.form.addRow(self.confirmation)

    def _add_fields(self) -> None:
        self.kind: KindChoice = self.add_field("kind", self.tr("&Practice"), KindChoice())
        self.tally: QSpinBox = self.add_field(
            "tally", self.tr("How &many times"), QSpinBox(minimum=1, maximum=MOST_TIMES)
        )
        self.students: PracticeStudents = self.add_field(
            "student_ids",
            self.tr("&Students (if any)"),
            PracticeStudents(
                lambda text: students.find_students(self._db, text), self._name_of, self.accept
            ),
        )
        self.happened_on: QDateEdit = self.add_field("happened_on", self.tr("&Date"), date_edit())
        self.minutes: QSpinBox = self.add_field(
            "minutes", self.tr("M&inutes"), QSpinBox(minimum=0, maximum=LONGEST_MINUTES)
        )
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setSpecialValueText(self.tr("Not recorded"))
        self.staff: QComboBox = self.add_field("staff_id", self.tr("S&taff"), self._staff_combo())
        self.note: QLineEdit = self.add_field("note", self.tr("&Note (optional)"), QLineEdit())
        self.note.setMaxLength(SHORT_TEXT_MAX)
        self.note.setPlaceholderText(self.tr("One line, if it helps: where, or what it was about"))

    def _staff_combo(self) -> QComboBox:
        """The staff, with whoever logged last chosen (or the log's own staff member, even one
        who has left)."""
        combo = QComboBox()
        combo.addItem(self.tr("Not recorded"), None)
        staff = people.list_staff(self._db)
        own = self._log.fields.staff_id if self._log else None
        if own is not None and all(member.id != own for member in staff):
            staff.extend(member for member in [people.get_staff(self._db, own)] if member)
        for member in staff:
            combo.addItem(f"{member.display_name} ({label(member.role)})", member.id)
        searchable_if_long(combo)
        return combo

    def _add_buttons(self) -> None:
        self.another_button = QPushButton(self.tr("Save and log &another"))
        self.another_button.setAutoDefault(False)
        self.buttons.addButton(self.another_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.another_button.clicked.connect(self.save_and_log_another)
        self.log_button = QPushButton(self.tr("See the practice &log…"))
        self.log_button.setAutoDefault(False)
        self.buttons.addButton(self.log_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.log_button.clicked.connect(self._to_log_window)
        for button in (self.another_button, self.log_button):
            button.setVisible(self._log is None)
        self.save_button.setDefault(True)  # Enter saves, wherever the focus is
        self.save_button.setToolTip(self.tr("Save (Enter, or Ctrl+Enter from anywhere)"))
        for keys in SAVE_KEYS:
            QShortcut(QKeySequence(keys), self, self.accept)

    def _order_tabs(self) -> None:
        """Tab through the buttons as they read: Save, Save and log another, Cancel, then
        the practice log."""
        super()._order_tabs()
        if hasattr(self, "log_button"):
            chain = (self.save_button, self.another_button, self.cancel_button, self.log_button)
            for first, second in pairwise(chain):
                QWidget.setTabOrder(first, second)

    def _fill(self, log: PracticeLog | None) -> None:
        if log is None:
            self.happened_on.setDate(qdate(self._db.today()))
            select_data(self.staff, practice.usual_staff_id(self._db))
            self._kind_changed()
            return
        fields = log.fields
        self.kind.set_kind(fields.kind)
        self.tally.setValue(fields.tally)
        self.happened_on.setDate(qdate(fields.happened_on))
        self.minutes.setValue(fields.minutes or 0)
        select_data(self.staff, fields.staff_id)
        self.note.setText(fields.note)
        named = ((sid, self._name_of(sid)) for sid in fields.student_ids)
        self.students.set_students([(sid, name) for sid, name in named if name])
        self._show_tally()

    # -- what the user does --------------------------------------------------------------------
    def _kind_changed(self) -> None:
        """The kind's usual minutes, unless minutes were typed; the count for a tally only."""
        kind, before = self.kind.kind(), self._kind_shown
        typed = before is not None and self.minutes.value() != (default_minutes(before) or 0)
        if not typed:
            self.minutes.setValue(default_minutes(kind) or 0)
        self._show_tally()

    def _show_tally(self) -> None:
        self._kind_shown = kind = self.kind.kind()
        holder = self.tally.parentWidget()
        if holder is not None:
            self.form.setRowVisible(holder, is_tallied(kind))

    def _to_log_window(self) -> None:
        self.reject()  # asks first if something typed would be lost
        if not self.isVisible():
            self.logWindowRequested.emit()

    def _done(self, result: int) -> None:
        if result == QDialog.DialogCode.Accepted.value and self._another:
            self.anotherRequested.emit(self._logged)

    def _name_of(self, student_id: int) -> str | None:
        try:
            return students.get_student(self._db, student_id).display_name
        except students.StudentNotFound:
            return None
