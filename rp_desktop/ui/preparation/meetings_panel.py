"""The case window's meetings: held ones by their day, planned ones as "Planned · Tue 3/10
10:30" (and "Was this held?" once their day has passed), cancelled ones with the reason. A
planned meeting is marked held or cancelled from here."""

from datetime import date

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from rp_desktop.domain.casework.records import CaseDetail, Meeting
from rp_desktop.domain.continuum.kinds import MeetingStatus
from rp_desktop.domain.validation import InvalidInput
from rp_desktop.services.casework import meetings
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui import choosers, dialogs
from rp_desktop.ui.case.panels import RecordTable
from rp_desktop.ui.what_was_said.view import SaidView
from rp_desktop.ui.words.formatting import format_date, format_time
from rp_desktop.ui.words.labels import label


def short_day(day: date) -> str:
    """ "Tue 3/10/2026": the weekday first, as a planned day is thought of."""
    weekday = QLocale().dayName(day.isoweekday(), QLocale.FormatType.ShortFormat)
    return f"{weekday} {format_date(day)}"


class MeetingsPanel(QWidget):
    """Signals: newRequested(), openRequested(int meeting id), markHeldRequested(int meeting
    id): the meeting needs its form to be marked held (the consent rule asks for a reason),
    saved(): a meeting was marked held or cancelled here."""

    newRequested = Signal()
    openRequested = Signal(int)
    markHeldRequested = Signal(int)
    saved = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._meetings: dict[int, Meeting] = {}
        self.table = RecordTable(
            [self.tr("When"), self.tr("Meeting"), self.tr("Facilitator"), self.tr("Who came")],
            3,
            fitted=(0, 1, 2),
        )
        self.table.setAccessibleName(self.tr("Meetings"))
        self.new = QPushButton(self.tr("New meeting…"))
        self.open = QPushButton(self.tr("Open"))
        self.held = QPushButton(self.tr("Mark held"))
        self.cancel = QPushButton(self.tr("Cancel meeting…"))
        self.empty = QLabel(
            self.tr(
                "No meetings yet. Use “New meeting…” after you meet with the people involved, "
                "or to plan one ahead (status Planned)."
            ),
            wordWrap=True,
        )
        self.said = SaidView()  # the chosen meeting's summaries (and answers, when kept)
        self._lay_out()
        self.new.clicked.connect(self.newRequested)
        self.open.clicked.connect(self._open)
        self.table.doubleClicked.connect(self._open)
        self.held.clicked.connect(self.mark_held)
        self.cancel.clicked.connect(self.cancel_meeting)
        self.table.itemSelectionChanged.connect(self._enable)

    def show_detail(self, detail: CaseDetail) -> None:
        self._meetings = {m.id: m for m in detail.meetings}
        today = self._db.today()
        self.table.show_rows(
            [
                (
                    m.id,
                    (
                        self.when_text(m, today),
                        label(m.fields.kind),
                        m.facilitator_name,
                        self._who(m),
                    ),
                )
                for m in detail.meetings
            ]
        )
        self.empty.setVisible(not detail.meetings)
        self.said.setVisible(bool(detail.meetings))
        self._enable()

    def when_text(self, meeting: Meeting, today: date) -> str:
        fields = meeting.fields
        day = format_date(fields.held_on)
        if fields.status is MeetingStatus.HELD:
            return day
        at = " ".join(
            t for t in (short_day(fields.held_on or today), format_time(fields.starts_at)) if t
        )
        if fields.status is MeetingStatus.CANCELLED:
            return self.tr("Cancelled · {when}\n{reason}").format(
                when=at, reason=fields.cancel_reason
            )
        if fields.held_on is not None and fields.held_on < today:
            return self.tr("Planned · {when} · Was this held?").format(when=at)
        return self.tr("Planned · {when}").format(when=at)

    def _who(self, meeting: Meeting) -> str:
        """Who came; for a meeting not held (yet), who was asked to come."""
        names = ", ".join(p.display_name for p in meeting.attendees)
        if meeting.fields.status is MeetingStatus.HELD or not names:
            return names
        return self.tr("Invited: {names}").format(names=names)

    def mark_held(self) -> None:
        """Mark the chosen planned meeting held; when the consent rule asks for a reason, its
        form opens instead, with Held chosen and the rule in plain words."""
        meeting_id = self._planned_chosen()
        if meeting_id is None:
            return
        try:
            meetings.mark_meeting_held(self._db, meeting_id)
        except InvalidInput:
            self.markHeldRequested.emit(meeting_id)
            return
        self.saved.emit()

    def cancel_meeting(self) -> None:
        """Cancel the chosen planned meeting, asking why."""
        meeting_id = self._planned_chosen()
        if meeting_id is None:
            return
        reason = choosers.ask_text(
            self, self.tr("Cancel meeting"), self.tr("Why will this meeting not take place?")
        )
        if reason is None:
            return
        try:
            meetings.cancel_meeting(self._db, meeting_id, reason)
        except InvalidInput:
            dialogs.show_error(
                self,
                self.tr("Not cancelled"),
                self.tr("Say in a few words why the meeting was cancelled; it stays planned."),
            )
            return
        self.saved.emit()

    def _planned_chosen(self) -> int | None:
        meeting_id = self.table.selected_id()
        meeting = self._meetings.get(meeting_id) if meeting_id is not None else None
        if meeting is None or meeting.fields.status is not MeetingStatus.PLANNED:
            return None
        return meeting.id

    def _enable(self) -> None:
        self.said.show_meeting(self._meetings.get(self.table.selected_id() or -1))
        self.open.setEnabled(bool(self._meetings))
        planned = self._planned_chosen() is not None
        self.held.setEnabled(planned)
        self.cancel.setEnabled(planned)

    def _open(self) -> None:
        meeting_id = self.table.selected_id()
        if meeting_id is not None:
            self.openRequested.emit(meeting_id)

    def _lay_out(self) -> None:
        row = QHBoxLayout()
        for button in (self.new, self.open, self.held, self.cancel):
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.said, 1)  # as tall as the list: it holds more words
        layout.addLayout(row)
