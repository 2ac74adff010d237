"""What every record form shares: fields with their problems shown beside them, Save and Cancel,
an Open mode that only reads, and a promise never to throw away what was typed.

While a form is being edited it keeps a draft in the database: a change starts a short timer,
and when it runs out (or the form is hidden or loses focus) the fields are saved as a draft.
Saving the record, or discarding the changes, deletes the draft; if the app dies, it stays and
is offered back at the next start (ui/window/drafts.py; the workings are in form_draft.py)."""

import logging
from typing import Any, TypeVar

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from rp_desktop.domain.safekeeping.files import WriteFailure
from rp_desktop.domain.validation import FieldProblem, InvalidInput
from rp_desktop.services.safekeeping.opening import write_failure
from rp_desktop.ui import dialogs
from rp_desktop.ui.crash import CodeText, log_failure
from rp_desktop.ui.forms import form_fit
from rp_desktop.ui.forms.form_draft import FormDraft
from rp_desktop.ui.forms.form_state import inputs_of, watched_signal
from rp_desktop.ui.screen_fit import fit_to_screen, grow_to
from rp_desktop.ui.words.problems import problem_text

log = logging.getLogger(__name__)

W = TypeVar("W", bound=QWidget)
MIN_WIDTH = 640


class RecordForm(QDialog):
    """A dialog that saves one record through a service.

    A failed save leaves every field as it was: problems appear beside their fields, and any
    other failure is reported while the form stays open.

    Signals:
        saved(int): the id of the record that was saved.
    """

    saved = Signal(int)

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.draft = FormDraft(self, self)
        self.setWindowTitle(title)
        self.setMinimumWidth(MIN_WIDTH)
        self._fitted = False
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self._fields: dict[str, QWidget] = {}
        self._problems: dict[str, QLabel] = {}
        self._initial: Any = None
        self._read_only = False
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        self.edit_button = QPushButton(self.tr("Edit"))
        self.buttons.addButton(self.edit_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.cancel_button = self.buttons.addButton(
            self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.edit_button.clicked.connect(lambda: self.set_read_only(False))
        QShortcut(QKeySequence.StandardKey.Save, self, self.accept)
        self._lay_out()

    # -- to be given by each form -----------------------------------------------------------
    def values(self) -> Any:
        """The record as the form holds it now (a domain `...Fields` value)."""
        raise NotImplementedError

    def submit(self, values: Any) -> int:
        """Save `values` through a service and return the record's id. The service is given
        `self.draft.key` (replaces_draft=...), so the draft goes in the record's own transaction:
        a crash cannot leave both a saved record and a draft that would save it again."""
        raise NotImplementedError

    # -- building the form --------------------------------------------------------------------
    def add_field(self, name: str, text: str, widget: W) -> W:
        """A labelled field with a place under it for what is wrong with it; returns `widget`."""
        problem = QLabel(wordWrap=True)
        problem.setObjectName("fieldProblem")
        problem.setStyleSheet("color: #b00020;")
        problem.hide()
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(problem)
        caption = QLabel(text)
        caption.setBuddy(widget)
        self.form.addRow(caption, holder)
        widget.setAccessibleName(text.replace("&", ""))
        self._fields[name] = widget
        self._problems[name] = problem
        self._clear_when_changed(name, widget)
        return widget

    def _clear_when_changed(self, name: str, widget: QWidget) -> None:
        """A field's problem goes as soon as the field is changed: the user is fixing it."""
        signal = watched_signal(widget)
        if signal is None:
            signal = getattr(widget, "changed", None)
        signals = [signal] if signal is not None else []
        if not signals:
            signals = [watched_signal(child) for _, child in inputs_of(widget)]
        for each in signals:
            each.connect(lambda *_args, field=name: self.clear_problem(field))

    def clear_problem(self, field: str) -> None:
        """Take away what was said to be wrong with `field`."""
        label = self._problems.get(field)
        if label is not None and not label.isHidden():
            label.clear()
            label.hide()
            self._fields[field].setAccessibleDescription("")

    def remember_initial(self) -> None:
        """Call once the fields are filled: closing with anything changed asks first."""
        self._initial = self.values()

    def set_initial(self, values: Any) -> None:
        """What counts as unchanged, when it is not what the fields hold now (a form rebuilt
        from a draft compares with the record as saved)."""
        self._initial = values

    def is_changed(self) -> bool:
        return not self._read_only and self.values() != self._initial

    def set_read_only(self, read_only: bool) -> None:
        """Open mode shows the record; Edit mode lets it be changed."""
        self._read_only = read_only
        if read_only:
            self.draft.stop()
        for widget in self._fields.values():
            set_widget_read_only(widget, read_only)
        self.save_button.setVisible(not read_only)
        self.edit_button.setVisible(read_only)
        self.cancel_button.setText(self.tr("Close") if read_only else self.tr("Cancel"))
        if not read_only:
            self._initial = self.values()

    @property
    def read_only(self) -> bool:
        return self._read_only

    @property
    def fields(self) -> dict[str, QWidget]:
        """The form's fields by name, in the order they were added."""
        return self._fields

    # -- problems -----------------------------------------------------------------------------
    def show_problems(self, problems: tuple[FieldProblem, ...]) -> None:
        self.clear_problems()
        for problem in problems:
            label = self._problems.get(problem.field)
            if label is None:
                log.warning("no place on the form for a problem with %s", CodeText(problem.field))
                continue
            text = problem_text(problem)
            label.setText(f"{label.text()} {text}".strip() if label.isVisible() else text)
            label.show()
            self._fields[problem.field].setAccessibleDescription(text)
        first = next((self._fields[p.field] for p in problems if p.field in self._fields), None)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def clear_problems(self) -> None:
        for name, label in self._problems.items():
            label.clear()
            label.hide()
            self._fields[name].setAccessibleDescription("")

    def problem_text(self, field: str) -> str:
        label = self._problems.get(field)
        return label.text() if label is not None and not label.isHidden() else ""

    # -- QDialog ------------------------------------------------------------------------------
    def setVisible(self, visible: bool) -> None:
        if visible and not self._fitted:
            self._fitted = True
            form_fit.searchable_long_choices(self.body)
            self._order_tabs()
            preferred = form_fit.preferred_size(self, self.scroll_area, MIN_WIDTH)
            fit_to_screen(self, preferred, f"form/{type(self).__name__}")
            super().setVisible(visible)
            form_fit.focus_first(self, self.body)
            return
        super().setVisible(visible)

    def accept(self) -> None:
        if self._read_only:
            super().accept()
            return
        try:
            record_id = self.submit(self.values())
        except InvalidInput as invalid:
            self.show_problems(invalid.problems)
            return
        except Exception as error:
            log_failure(f"saving a {type(self).__name__}", error)
            self._say_not_saved(error)
            self.draft.save_now()  # the draft holds what is typed now, if it can be written
            return
        self.clear_problems()
        self._initial = self.values()
        self.draft.end()
        self.saved.emit(record_id)
        super().accept()

    def reject(self) -> None:
        # Closing the window comes here too (QDialog.closeEvent calls reject).
        if self.is_changed() and not dialogs.confirm_discard(self):
            return
        self.draft.end()
        super().reject()

    def hideEvent(self, event: QHideEvent) -> None:
        self.draft.flush()
        super().hideEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.ActivationChange and not self.isActiveWindow():
            self.draft.flush()
        super().changeEvent(event)

    def _say_not_saved(self, error: Exception) -> None:
        failure = write_failure(error)
        if failure is WriteFailure.DISK_FULL:
            dialogs.show_disk_full(self)
        elif failure is WriteFailure.NOT_WRITTEN:
            dialogs.show_disk_refused(self)
        else:
            dialogs.show_save_failed(self)

    def _lay_out(self) -> None:
        self.body = QWidget()
        self.body.setLayout(self.form)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(self.body)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.draft.notice)
        layout.addWidget(self.buttons)
        self.edit_button.hide()
        self._scrolled = 0
        watch = form_fit.LayoutWatch(self, self._keep_scroll, self.body_grew)
        self.body.installEventFilter(watch)

    def _keep_scroll(self) -> None:
        self._scrolled = self.scroll_area.verticalScrollBar().value()

    def body_grew(self) -> None:
        """Rows were added or taken away: the window grows with them (up to the screen), the
        scroll stays where it was, and Tab still ends at Save and Cancel."""
        self._order_tabs()
        if isValid(self.scroll_area) and self.isVisible():
            wanted = form_fit.preferred_size(self, self.scroll_area)
            grow_to(self, QSize(self.width(), wanted.height()))
            self.scroll_area.verticalScrollBar().setValue(self._scrolled)

    def _order_tabs(self) -> None:
        after = [*form_fit.tab_chain(self, within=self.draft.notice)]
        after += [self.save_button, self.edit_button, self.cancel_button]
        form_fit.order_tabs(self, self.body, after)


def set_widget_read_only(widget: QWidget, read_only: bool) -> None:
    """Text stays selectable when read-only; choices are simply not offered."""
    if isinstance(widget, QLineEdit | QPlainTextEdit | QAbstractSpinBox):
        widget.setReadOnly(read_only)
    elif hasattr(widget, "set_read_only"):
        widget.set_read_only(read_only)
    else:
        widget.setEnabled(not read_only)
