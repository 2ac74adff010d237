"""What was said at one meeting, to read on the case: each person's short summary, in speaking
order, and their answers to the restorative questions only when the facilitator kept them,
marked "kept word for word"."""

from html import escape

from PySide6.QtWidgets import QTextBrowser, QWidget

from rp_desktop.domain.casework.records import Meeting
from rp_desktop.domain.records import Participant
from rp_desktop.ui.words.formatting import format_date
from rp_desktop.ui.words.labels import label


class SaidView(QTextBrowser):
    """Read-only: the meeting chosen in the case's list of meetings."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("What was said at the meeting"))
        self.setOpenLinks(False)
        self.show_meeting(None)

    def show_meeting(self, meeting: Meeting | None) -> None:
        if meeting is None:
            self.setHtml(f"<p>{escape(self.tr('Choose a meeting to read what was said.'))}</p>")
            return
        people = [p for p in meeting.attendees if self._said_by(meeting, p)]
        if not people:
            self.setHtml(f"<p>{escape(self.tr('Nothing was written about what was said.'))}</p>")
            return
        heading = self.tr("What each person said · {kind}, {day}").format(
            kind=label(meeting.fields.kind), day=format_date(meeting.fields.held_on)
        )
        said = "".join(self._person(meeting, person) for person in people)
        self.setHtml(f"<p><i>{escape(heading)}</i></p>{said}")

    def _said_by(self, meeting: Meeting, person: Participant) -> bool:
        fields = meeting.fields
        return any(pid == person.id for pid, _ in fields.summaries) or (
            fields.keep_answers and any(a.participant_id == person.id for a in fields.answers)
        )

    def _person(self, meeting: Meeting, person: Participant) -> str:
        fields = meeting.fields
        summary = dict(fields.summaries).get(person.id, "")
        role = label(person.fields.role)
        html = f"<p><b>{escape(person.display_name)}</b> · {escape(role)}"
        if summary:
            html += f"<br>{escape(summary)}"
        html += "</p>"
        answers = [a for a in fields.answers if a.participant_id == person.id]
        if fields.keep_answers and answers:
            kept = self.tr("Answers kept word for word:")
            html += f"<p><i>{escape(kept)}</i></p><ul>"
            html += "".join(
                f"<li>{escape(label(a.question))}<br>“{escape(a.text)}”</li>" for a in answers
            )
            html += "</ul>"
        return html
