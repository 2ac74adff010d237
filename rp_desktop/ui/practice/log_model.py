"""The practice log as rows of a table: when, what, how many, with whom, for how long, who did
it, the note, and the case it grew into."""

from typing import Any

from PySide6.QtCore import QObject, Qt

from rp_desktop.domain.continuum.practice import PracticeLog, is_tallied
from rp_desktop.ui.lists.rows_model import RIGHT, RowsModel
from rp_desktop.ui.words.formatting import format_date
from rp_desktop.ui.words.labels import label

DATE, KIND, TIMES, STUDENTS, MINUTES, STAFF, NOTE, CASE = range(8)


class PracticeLogModel(RowsModel[PracticeLog]):
    """One log a row, newest first as the service gives them."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            parent,
            headers=[
                self.tr("Date"),
                self.tr("Practice"),
                self.tr("How many"),
                self.tr("Students"),
                self.tr("Minutes"),
                self.tr("Staff"),
                self.tr("Note"),
                self.tr("Case"),
            ],
        )

    def text(self, row: PracticeLog, column: int) -> str:
        fields = row.fields
        if column == DATE:
            return format_date(fields.happened_on)
        if column == KIND:
            return label(fields.kind)
        if column == TIMES:  # a count for a tally; one chat is just a chat
            return str(fields.tally) if is_tallied(fields.kind) or fields.tally > 1 else ""
        if column == STUDENTS:
            return ", ".join(row.student_names)
        if column == MINUTES:
            return "" if fields.minutes is None else str(fields.minutes)
        if column == STAFF:
            return row.staff_name
        if column == NOTE:
            return fields.note
        if column == CASE and row.case_id is not None:
            return self.tr("Case {number}").format(number=row.case_id)
        return ""

    def style(self, row: PracticeLog, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (TIMES, MINUTES):
            return RIGHT
        return None
