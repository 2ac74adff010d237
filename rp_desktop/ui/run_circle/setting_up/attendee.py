"""Someone in the circle as the laptop knows them: the full name for the keeper's screen, the
parts of the name the wall may show, and who they are on record."""

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from rp_desktop.domain.circle.wall import Sitter
from rp_desktop.domain.records import StaffMember, Student
from rp_desktop.domain.vocabulary import Role
from rp_desktop.ui.words.labels import label


@dataclass(frozen=True)
class Attendee:
    """Someone in the circle as the laptop knows them. Only `sitter` parts reach the wall."""

    name: str  # the full name, for the keeper's own screen
    sitter: Sitter
    student_id: int | None = None
    staff_id: int | None = None
    # In a circle for a case: their part in it (a Role value), their place in the case, and
    # the caregiver on record they are, if they are one.
    role: str = ""
    participant_id: int | None = None
    caregiver_id: int | None = None

    @classmethod
    def student(cls, student: Student) -> "Attendee":
        sitter = Sitter(student.first_name, student.last_name, student.preferred_name)
        return cls(student.display_name, sitter, student_id=student.id)

    @classmethod
    def staff(cls, member: StaffMember) -> "Attendee":
        sitter = Sitter(member.first_name, member.last_name)
        return cls(member.display_name, sitter, staff_id=member.id)

    @classmethod
    def other(cls, name: str) -> "Attendee":
        """Someone outside the roster (a parent): the wall shows their first word only."""
        words = name.split()
        return cls(name, Sitter(words[0] if words else "?"))

    def on_record(self) -> tuple[int | None, int | None, int | None, int | None]:
        """Who they are on record: student, staff, caregiver, and their place in the case."""
        return (self.student_id, self.staff_id, self.caregiver_id, self.participant_id)

    @property
    def who(self) -> tuple[str, int | str]:
        if self.student_id is not None:
            return ("student", self.student_id)
        if self.staff_id is not None:
            return ("staff", self.staff_id)
        if self.caregiver_id is not None:
            return ("caregiver", self.caregiver_id)
        return ("other", self.name.casefold())


def role_counts(attendees: Iterable[Attendee], *, keeps: bool) -> dict[str, int]:
    """How many seats hold each role, with "keeper": 1 when someone keeps."""
    counts: dict[str, int] = {}
    for attendee in attendees:
        if attendee.role:
            counts[attendee.role] = counts.get(attendee.role, 0) + 1
    if keeps:
        counts["keeper"] = 1
    return counts


def seat_line(number: int, attendee: Attendee, *, keeps: bool, starts: bool) -> str:
    """A seat in the set-up's list: "3. Ana Ruiz  (Person harmed, keeper, starts each round)"
    (the part in a circle for a case; this is the keeper's laptop, never the wall)."""

    def tr(text: str) -> str:
        return QCoreApplication.translate("SeatingList", text)

    notes = [label(Role(attendee.role))] if attendee.role in set(Role) else []
    if keeps:
        notes.append(tr("keeper"))
    if starts:
        notes.append(tr("starts each round"))
    extra = f"  ({', '.join(notes)})" if notes else ""
    return f"{number}. {attendee.name}{extra}"
