"""The person picker's flavours: students found by name or number, each with grade and student
number (and homeroom where two share a name); staff found by name, each with their role."""

from collections.abc import Callable, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from rp_desktop.domain.records import StaffMember, Student
from rp_desktop.domain.search import fold
from rp_desktop.services.students.records import PICKER_LIMIT
from rp_desktop.ui.forms.person_picker import VISIBLE_MATCHES, Match, PersonPicker
from rp_desktop.ui.words.formatting import counted
from rp_desktop.ui.words.labels import grade_label, label

__all__ = ["VISIBLE_MATCHES", "StaffPicker", "StudentPicker"]


class StudentPicker(PersonPicker):
    """A search box with the matching students under it.

    Signals:
        studentChosen(object): the Student the user took (see PersonPicker for how).
    """

    studentChosen = Signal(object)

    def __init__(
        self, find: Callable[[str], list[Student]], hint: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(lambda text: [self._match(s) for s in find(text)], hint, parent)
        self.chosen.connect(self.studentChosen)

    def list_name(self) -> str:
        return self.tr("Matching students")

    def count_text(self, count: int) -> str:
        if count >= PICKER_LIMIT:  # the finder stopped there: there may be many more
            return self.tr("{count} or more students match: type more of the name").format(
                count=count
            )
        return counted(count, self.tr("1 student matches"), self.tr("{count} students match"))

    def none_text(self) -> str:
        return self.tr("No student matches. Check the spelling, or type part of the number.")

    def _match(self, student: Student) -> Match:
        return Match(
            student,
            student.display_name,
            self.tr("grade {grade} · {number}").format(
                grade=grade_label(student.grade), number=student.student_number
            ),
            self.tr("homeroom {homeroom}").format(homeroom=student.homeroom)
            if student.homeroom
            else "",
        )


class StaffPicker(PersonPicker):
    """A search box with the matching staff under it, each with their role.

    Signals:
        chosen(object): the StaffMember the user took.
    """

    def __init__(
        self, staff: Sequence[StaffMember], hint: str, parent: QWidget | None = None
    ) -> None:
        members = list(staff)
        super().__init__(lambda text: _staff_matching(members, text), hint, parent)

    def list_name(self) -> str:
        return self.tr("Matching staff")

    def count_text(self, count: int) -> str:
        return counted(
            count, self.tr("1 staff member matches"), self.tr("{count} staff members match")
        )

    def none_text(self) -> str:
        return self.tr("No staff member matches. Check the spelling.")


def _staff_matching(staff: list[StaffMember], text: str) -> list[Match]:
    """Staff whose name holds every word typed, accents and case aside."""
    words = fold(text).split()
    return [
        Match(member, member.display_name, label(member.role))
        for member in staff
        if all(word in fold(f"{member.first_name} {member.last_name}") for word in words)
    ]
