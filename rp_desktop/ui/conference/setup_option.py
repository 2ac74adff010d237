"""Setting up a circle for a case: its people seated with their part in it, and the option to
walk the restorative questions person by person (the conference script), in the words for older
students and adults or for young children, in English or Spanish."""

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from rp_desktop.domain.casework.restorative import RestorativeQuestion
from rp_desktop.domain.circle.types import RoundPlan
from rp_desktop.domain.circle.wall import Sitter
from rp_desktop.domain.conference import ConferencePlan, ScriptPerson, conference_rounds
from rp_desktop.domain.records import Case, Participant
from rp_desktop.domain.vocabulary import CategoryKind, MeetingKind, Role, Tier3Kind
from rp_desktop.services import people
from rp_desktop.services.circles import conference
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.students import records as students
from rp_desktop.ui.run_circle.runner import CirclePlanChoice
from rp_desktop.ui.run_circle.seating import Attendee
from rp_desktop.ui.words.labels import label

# The kinds of meeting a script is for, at first.
SCRIPTED_KINDS = (MeetingKind.REPAIR_HARM_CIRCLE, MeetingKind.FORMAL_CONFERENCE)
Owner = tuple[str, int]


def meeting_kind_of(case: Case) -> MeetingKind:
    """The meeting a circle for `case` makes."""
    match case.fields.tier3_kind:
        case Tier3Kind.RE_ENTRY:
            return MeetingKind.RE_ENTRY_CIRCLE
        case Tier3Kind.FORMAL_CONFERENCE:
            return MeetingKind.FORMAL_CONFERENCE
    return MeetingKind.REPAIR_HARM_CIRCLE


def case_people(db: Database, case: Case) -> list[Attendee]:
    """The case's people, each with their part and their place in it; a staff member no longer
    on record is left out."""
    found = []
    for participant in case.participants:
        attendee = participant_attendee(db, participant)
        if attendee is not None:
            found.append(attendee)
    return found


def participant_attendee(db: Database, participant: Participant) -> Attendee | None:
    """Someone of a case as the circle seats them: a student, a staff member (None when no
    longer on record), a caregiver or someone named in the case."""
    fields = participant.fields
    role = fields.role.value if fields.role else ""
    name = participant.display_name
    if fields.student_id is not None:
        student = students.get_student(db, fields.student_id)
        name = student.display_name
        sitter = Sitter(student.first_name, student.last_name, student.preferred_name)
    elif fields.staff_id is not None:
        member = people.get_staff(db, fields.staff_id)
        if member is None:
            return None
        name, sitter = member.display_name, Sitter(member.first_name, member.last_name)
    else:  # a caregiver or someone named in the case: the wall shows their first word only
        name = fields.other_name or participant.display_name
        words = name.split()
        sitter = Sitter(words[0] if words else "?")
    return Attendee(
        name,
        sitter,
        student_id=fields.student_id,
        staff_id=fields.staff_id,
        role=role,
        participant_id=participant.id,
        caregiver_id=fields.caregiver_id,
    )


def agreement_owners(db: Database, case: Case) -> tuple[tuple[str, Owner], ...]:
    """Who may own an item, as the agreement form lists them: the case's people with their
    part, then staff who are not among them."""
    owners: list[tuple[str, Owner]] = [
        (f"{p.display_name} ({label(p.fields.role)})", ("participant", p.id))
        for p in case.participants
    ]
    in_case = {p.fields.staff_id for p in case.participants}
    owners += [
        (member.display_name, ("staff", member.id))
        for member in people.list_staff(db)
        if member.id not in in_case
    ]
    return tuple(owners)


class ConferenceOption(QWidget):
    """The conference script on or off, its words and its language."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.owners: tuple[tuple[str, Owner], ...] = ()  # who may own an item agreed
        self.on = QCheckBox(
            self.tr("Walk the restorative questions person by person (conference script)")
        )
        self.words = QComboBox()
        self.words.setAccessibleName(self.tr("Words of the questions"))
        self.words.addItem(self.tr("Older students and adults"), False)
        self.words.addItem(self.tr("Young children (K–2)"), True)
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language of the questions"))
        self.language.addItem("English", "en")
        self.language.addItem("Español", "es")
        self.explain = QLabel(
            self.tr(
                "In place of the plan's repair-harm rounds: each person is asked their own "
                "questions in turn, the person who caused harm first; then the group agrees."
            ),
            wordWrap=True,
        )
        row = QHBoxLayout()
        row.addWidget(self.words, 1)
        row.addWidget(self.language)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.on)
        layout.addWidget(self.explain)
        layout.addLayout(row)
        self.on.toggled.connect(self._sync)
        self._sync(False)
        self.hide()

    def set_case(self, case: Case | None) -> None:
        """Shown for a case; on for a repair-harm circle or a conference about harm."""
        self.setVisible(case is not None)
        self.owners = agreement_owners(self._db, case) if case is not None else ()
        harm = case is not None and case.category_kind is not CategoryKind.CONCERN
        self.on.setChecked(harm and case is not None and meeting_kind_of(case) in SCRIPTED_KINDS)

    @property
    def chosen(self) -> bool:
        """On, for a case (the option is hidden for any other circle)."""
        return not self.isHidden() and self.on.isChecked()

    def apply(self, choice: CirclePlanChoice, attendees: Sequence[Attendee]) -> CirclePlanChoice:
        """The full names for the keeper's screen; for a case, who may own an agreed item;
        with the script on, its rounds in place of the plan's repair rounds."""
        names = {i + 1: a.name for i, a in enumerate(attendees)}
        owners = self.owners if choice.case_id is not None else ()
        if not self.chosen:
            return replace(choice, names=names, owners=owners)
        seated = [(i + 1, a) for i, a in enumerate(attendees)]
        plan = script_plan(self._db, self, choice.rounds, seated)
        return replace(choice, rounds=plan.rounds, conference=plan, names=names, owners=owners)

    def _sync(self, on: bool) -> None:
        self.explain.setEnabled(on)
        self.words.setEnabled(on)
        self.language.setEnabled(on)


def script_plan(
    db: Database,
    option: ConferenceOption,
    plan_rounds: Sequence[RoundPlan],
    people_seated: Sequence[tuple[int, Attendee]],
) -> ConferencePlan:
    """The plan's rounds with the conference script in place of its repair rounds, for the
    people seated (by seat key) with their place in the case."""
    language = option.language.currentData() or "en"
    young = bool(option.words.currentData())
    english = {q: label(q) for q in RestorativeQuestion}
    words = conference.question_words(db, language, False, english)
    young_words = conference.question_words(db, language, True, words) if young else None
    script_people = [
        ScriptPerson(key, person.participant_id, Role(person.role), person.student_id is not None)
        for key, person in people_seated
        if person.role and person.participant_id is not None
    ]
    return conference_rounds(
        plan_rounds,
        script_people,
        words,
        young_words=young_words,
        agreement_prompt=conference.agreement_words(db, language, young),
    )
