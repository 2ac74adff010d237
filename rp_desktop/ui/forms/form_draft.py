"""A form's draft: what it holds, saved in the database as the user types.

A change starts a short timer; when it runs out, or the form is hidden or loses focus, the
fields are saved as the draft. Saving the record or discarding the changes deletes it; if the
app dies it stays, and is offered back at the next start (ui/window/drafts.py). Saving a draft never
raises into the typing: a failure is logged safely and said once, in the form.
"""

import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QLabel, QWidget

from rp_desktop.domain.safekeeping.files import WriteFailure
from rp_desktop.services import drafts
from rp_desktop.services.drafts import Draft
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.errors import DatabaseLocked
from rp_desktop.services.safekeeping.opening import write_failure
from rp_desktop.ui.crash import log_failure
from rp_desktop.ui.forms import form_state
from rp_desktop.ui.forms.form_state import Json

# How long typing pauses before the draft is saved.
DELAY_MS = 1500
WATCHED = "rpDraftWatched"


@dataclass(frozen=True)
class DraftPlace:
    """Where a form's draft belongs and what reopening it needs: the kind of form (a name
    ui/window/reopening.py knows), the record it edits (None for a new one), the case a casework
    form belongs to, and anything else (a new case's tier, a progress check's plan)."""

    db: Database
    form: str
    record_id: int | None = None
    case_id: int | None = None
    extra: Mapping[str, str | int] = field(default_factory=dict)


class DraftedForm(Protocol):
    """What a draft reads of its form (forms/record_form.py's RecordForm)."""

    @property
    def fields(self) -> dict[str, QWidget]: ...

    @property
    def read_only(self) -> bool: ...

    def is_changed(self) -> bool: ...


class FormDraft(QObject):
    """The draft of one form. It does nothing until `start` says where the draft belongs.

    `form` is what the draft keeps; `window` is the same form as a window: its title names the
    draft, its inputs are watched for changes, and the draft goes when it goes."""

    def __init__(self, form: DraftedForm, window: QWidget) -> None:
        super().__init__(window)
        self._form = form
        self._window = window
        self.place: DraftPlace | None = None
        self.key = ""
        self._kept = False  # a draft of this form is in the database
        self._over = False  # saved or discarded: no more drafts
        self._failing = False
        self._hooks: dict[str, tuple[Callable[[], Json], Callable[[Json], None]]] = {}
        self.timer = QTimer(self, singleShot=True, interval=DELAY_MS)
        self.timer.timeout.connect(self.save_now)
        self.notice = QLabel(wordWrap=True)
        self.notice.setObjectName("draftNotice")
        self.notice.setStyleSheet(
            "background: #fff4e0; color: #6b4100; padding: 6px; border-radius: 4px;"
        )
        self.notice.hide()

    def start(self, place: DraftPlace) -> None:
        """Call once the fields are built: from now on, changes are kept as a draft."""
        self.place = place
        self.key = f"{place.form}:{place.record_id or 'new'}:{uuid.uuid4().hex[:12]}"
        for widget in self._form.fields.values():
            changed = getattr(widget, "changed", None)  # fields that add and remove rows
            if changed is not None and hasattr(changed, "connect"):
                changed.connect(self._rows_changed)
        self._watch_inputs()
        app = QCoreApplication.instance()
        if app is not None:  # quitting with the form open: what was typed last is kept too
            app.aboutToQuit.connect(self.flush)

    def keep(self, name: str, capture: Callable[[], Json], restore: Callable[[Json], None]) -> None:
        """Keep the field `name` with the form's own capture and restore (a field whose rows
        are made as the user adds them)."""
        self._hooks[name] = (capture, restore)

    def label(self) -> str:
        """A few words for the list of drafts, never quoting what was typed."""
        title = self._window.windowTitle()
        if self.place is None or self.place.case_id is None or self.place.form == "case":
            return title
        return self.tr("{form}, case {number}").format(form=title, number=self.place.case_id)

    def values(self) -> dict[str, Json]:
        values = {}
        for name, widget in self._form.fields.items():
            hook = self._hooks.get(name)
            values[name] = hook[0]() if hook else form_state.capture(widget)
        return values

    def restore(self, draft: Draft) -> None:
        """Fill the fields from `draft` and go on under its key, so it is replaced, not copied.
        What counts as unchanged stays the record as saved."""
        values = draft.fields.get("values")
        values = values if isinstance(values, dict) else {}
        self.key = draft.key
        self._kept = True
        for name, widget in self._form.fields.items():
            if name in values:
                hook = self._hooks.get(name)
                if hook:
                    hook[1](values[name])
                else:
                    form_state.restore(widget, values[name])
        self._watch_inputs()

    def save_now(self) -> None:
        """Save the fields as the draft, or forget the draft once nothing differs from the
        record. Never raises."""
        self.timer.stop()
        place = self.place
        if place is None or self._over or self._form.read_only:
            return
        self._watch_inputs()
        try:
            if self._form.is_changed():
                where: dict[str, Json] = {"case_id": place.case_id, **place.extra}
                content = {"where": where, "values": self.values()}
                drafts.save_draft(
                    place.db, self.key, place.form, place.record_id, self.label(), content
                )
                self._kept = True
            elif self._kept:
                drafts.delete_draft(place.db, self.key)
                self._kept = False
        except DatabaseLocked:
            return  # the app is locked; the next change tries again
        except Exception as error:
            self._not_saved(error)
            return
        self._failing = False
        self.notice.hide()

    def flush(self) -> None:
        """Save now if a save is waiting."""
        if self.timer.isActive():
            self.save_now()

    def stop(self) -> None:
        self.timer.stop()

    def end(self) -> None:
        """The record was saved or its changes discarded: the draft goes."""
        self.timer.stop()
        self._over = True
        if self.place is None or not self._kept:
            return
        try:
            drafts.delete_draft(self.place.db, self.key)
            self._kept = False
        except Exception as error:  # offered again at the next start; nothing is lost
            log_failure("deleting a draft", error)

    def _not_saved(self, error: Exception) -> None:
        if not self._failing:  # once, not at every pause in the typing
            log_failure("saving a draft", error)
        self._failing = True
        failure = write_failure(error)
        if failure is WriteFailure.DISK_FULL:
            text = self.tr(
                "Your draft could not be saved: the disk is full. What you typed is still here."
            )
        elif failure is WriteFailure.NOT_WRITTEN:
            text = self.tr(
                "Your draft could not be saved: the computer could not write to its disk. "
                "What you typed is still here."
            )
        else:
            text = self.tr("Your draft could not be saved just now. What you typed is still here.")
        self.notice.setText(text)
        self.notice.show()

    def _schedule(self, *_args: object) -> None:
        if self.place is not None and not self._over and not self._form.read_only:
            self.timer.start()

    def _rows_changed(self) -> None:
        self._watch_inputs()
        self._schedule()

    def _watch_inputs(self) -> None:
        """Connect every input not yet watched, rows added since the last look included."""
        for widget in self._window.findChildren(QWidget):
            if widget.property(WATCHED):
                continue
            signal = form_state.watched_signal(widget)
            if signal is not None:
                signal.connect(self._schedule)
                widget.setProperty(WATCHED, True)
