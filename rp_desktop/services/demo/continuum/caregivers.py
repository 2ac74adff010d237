"""The sample school's families: one or two caregivers for most current students (made-up
names from names.py, mostly parents and guardians, some grandparents, foster parents, aunts and
uncles), their home languages (about one in seven Spanish, a few others, an interpreter needed
for some), some cases' family members turned into caregivers on record, and contacts with
families logged on Tier 2 and Tier 3 cases (calls and what came of them, letters, meetings)."""

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import TypeVar

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import InstrumentedAttribute, Session

from rp_desktop.db.models import (
    CaregiverContactRow,
    CaregiverRow,
    CaregiverStudentRow,
    CaseCategoryRow,
    CaseParticipantRow,
    CaseRow,
    MeetingRow,
    StudentRow,
)
from rp_desktop.domain.continuum.kinds import CaregiverRelationship, ContactKind, ContactOutcome
from rp_desktop.domain.vocabulary import Role, Tier
from rp_desktop.services.casework.case_people import people_by_case
from rp_desktop.services.continuum.caregivers import caregiver_key
from rp_desktop.services.demo.continuum.school import ContinuumSchool
from rp_desktop.services.demo.names import HERITAGES
from rp_desktop.services.search_keys import case_key

Rel = CaregiverRelationship
WITH_CAREGIVERS = 0.9  # of current students; the rest are not entered yet
TWO_CAREGIVERS = 0.45
SIBLINGS = 0.3  # of students who share a family name with one before them: the same family
FIRST_RELATION = ((Rel.PARENT, 78), (Rel.GUARDIAN, 7), (Rel.GRANDPARENT, 8), (Rel.FOSTER_PARENT, 3),
                  (Rel.AUNT_OR_UNCLE, 4))  # fmt: skip
SECOND_RELATION = ((Rel.PARENT, 70), (Rel.STEP_PARENT, 15), (Rel.GRANDPARENT, 10),
                   (Rel.AUNT_OR_UNCLE, 5))  # fmt: skip
# The language spoken at home, by heritage: (language, share of families), English otherwise.
HOME_LANGUAGE = {"latino": ("es", 0.9), "hmong": ("hmn", 0.5), "somali": ("so", 0.6),
                 "arab": ("ar", 0.5), "vietnamese": ("vi", 0.5), "ukrainian": ("uk", 0.5),
                 "polish": ("pl", 0.2)}  # fmt: skip
INTERPRETER = 0.4  # of those whose home language is not English
TURNED_TO_CAREGIVER = 0.7  # of the family members named on a case whose student has caregivers
CALL_OUTCOMES = ((ContactOutcome.REACHED, 55), (ContactOutcome.LEFT_MESSAGE, 25),
                 (ContactOutcome.NO_ANSWER, 20))  # fmt: skip
# A line of note, now and then, by what came of a contact (invented, naming no one).
NOTES = {
    ContactOutcome.REACHED: ("Talked through what happened; supportive of a meeting.",
                             "Agreed to come to the conference.",
                             "Asked for a call after school next time."),
    ContactOutcome.LEFT_MESSAGE: ("Left a voicemail asking for a call back.",),
    ContactOutcome.NO_ANSWER: ("No voicemail set up; will try again tomorrow.",),
    ContactOutcome.SENT: ("Invitation to the meeting sent home.", "Agreement sent home."),
    ContactOutcome.MET: ("Met before the conference to explain the process.",
                         "Came to the re-entry meeting."),
}  # fmt: skip
CONTACT_KINDS = ((ContactKind.CALL, 60), (ContactKind.LETTER, 15), (ContactKind.MEETING, 15),
                 (ContactKind.MESSAGE, 10))  # fmt: skip

T = TypeVar("T")


@dataclass(frozen=True)
class Family:
    caregiver_ids: tuple[int, ...]
    languages: dict[int, str]


def add_caregivers(school: ContinuumSchool) -> dict[str, int]:
    rng = school.rng("caregivers")
    families = _families(school, rng)
    language = {cid: lang for f in families.values() for cid, lang in f.languages.items()}
    _caregivers_on_cases(school, rng, families)
    contacts = _contacts(school, rng, families, language)
    return {"caregivers": len(language), "caregiver_contacts": contacts}


def _families(school: ContinuumSchool, rng: random.Random) -> dict[int, Family]:
    students = school.connection.execute(
        select(StudentRow.id, StudentRow.last_name).where(StudentRow.active).order_by(StudentRow.id)
    ).all()
    next_id = _next_id(school, CaregiverRow.id)
    stamp = datetime.combine(school.today - timedelta(days=200), time(8), tzinfo=UTC)
    caregivers: list[dict[str, object]] = []
    links: list[dict[str, object]] = []
    families: dict[int, Family] = {}
    by_name: dict[str, tuple[Family, list[dict[str, object]]]] = {}
    for student_id, last_name in students:
        if rng.random() > WITH_CAREGIVERS:
            continue
        if last_name in by_name and rng.random() < SIBLINGS:  # brothers and sisters
            family, theirs = by_name[last_name]
            links += [{**link, "student_id": student_id} for link in theirs]
            families[student_id] = family
            continue
        heritage = _heritage_of(last_name)
        home, share = HOME_LANGUAGE.get(heritage, ("en", 0.0))
        lang = home if rng.random() < share else "en"
        count = 2 if rng.random() < TWO_CAREGIVERS else 1
        ids = []
        for which in range(count):
            row = _caregiver(rng, next_id, last_name, heritage, lang, stamp)
            caregivers.append(row)
            relation = _weighted(rng, FIRST_RELATION if which == 0 else SECOND_RELATION)
            links.append({"caregiver_id": next_id, "student_id": student_id, "relation": relation})
            ids.append(next_id)
            next_id += 1
        families[student_id] = Family(tuple(ids), dict.fromkeys(ids, lang))
        by_name[last_name] = (families[student_id], links[-count:])
    if caregivers:
        school.connection.execute(insert(CaregiverRow), caregivers)
        school.connection.execute(insert(CaregiverStudentRow), links)
    return families


def _caregiver(
    rng: random.Random, cid: int, last: str, heritage: str, lang: str, stamp: datetime
) -> dict[str, object]:
    names = HERITAGES[heritage]
    first = rng.choice(names.feminine if rng.random() < 0.6 else names.masculine)
    last = last if rng.random() < 0.8 else rng.choice(names.surnames)
    phone = f"555-{rng.randrange(100, 10000):04d}" if rng.random() < 0.9 else ""
    email = f"{_plain(first)}.{_plain(last)}@example.org" if rng.random() < 0.5 else ""
    return {
        "id": cid,
        "first_name": first,
        "last_name": last,
        "phone": phone,
        "email": email,
        "home_language": lang,
        "interpreter_needed": lang != "en" and rng.random() < INTERPRETER,
        "active": True,
        "search_key": caregiver_key(first, last, phone, email),
        "created_at": stamp,
        "updated_at": stamp,
    }


def _caregivers_on_cases(
    school: ContinuumSchool, rng: random.Random, families: dict[int, Family]
) -> None:
    """Turn family members typed on a case into the caregivers on record of the case's first
    student who has some; the case's search key follows their names."""
    parts = school.connection.execute(
        select(CaseParticipantRow.case_id, CaseParticipantRow.id, CaseParticipantRow.student_id)
        .where(
            (CaseParticipantRow.role == Role.FAMILY_MEMBER)
            | CaseParticipantRow.student_id.isnot(None)
        )
        .order_by(CaseParticipantRow.case_id, CaseParticipantRow.id)
    ).all()
    changed: set[int] = set()
    used: dict[int, set[int]] = {}
    family_of: dict[int, Family] = {}
    for case_id, _participant_id, student_id in parts:
        if student_id in families:
            family_of.setdefault(case_id, families[student_id])
    for case_id, participant_id, student_id in parts:
        family = family_of.get(case_id)
        if student_id is not None or family is None:
            continue
        free = [c for c in family.caregiver_ids if c not in used.get(case_id, set())]
        if not free or rng.random() > TURNED_TO_CAREGIVER:
            continue
        chosen = rng.choice(free)
        used.setdefault(case_id, set()).add(chosen)
        school.connection.execute(
            update(CaseParticipantRow)
            .where(CaseParticipantRow.id == participant_id)
            .values(caregiver_id=chosen, other_name="")
        )
        changed.add(case_id)
    _refresh_search_keys(school, sorted(changed))


def _refresh_search_keys(school: ContinuumSchool, case_ids: list[int]) -> None:
    with Session(bind=school.connection) as session:
        names = people_by_case(session, case_ids)
    for case_id in case_ids:
        category, place, description = school.connection.execute(
            select(CaseCategoryRow.name, CaseRow.place, CaseRow.description)
            .join(CaseCategoryRow, CaseCategoryRow.id == CaseRow.category_id)
            .where(CaseRow.id == case_id)
        ).one()
        key = case_key(category, place, description, names[case_id])
        school.connection.execute(
            update(CaseRow).where(CaseRow.id == case_id).values(search_key=key)
        )


def _contacts(
    school: ContinuumSchool,
    rng: random.Random,
    families: dict[int, Family],
    language: dict[int, str],
) -> int:
    cases = school.connection.execute(
        select(CaseRow.id, CaseRow.occurred_on, CaseRow.closed_on)
        .where(CaseRow.tier.in_([Tier.TARGETED, Tier.INTENSIVE]))
        .order_by(CaseRow.id)
    ).all()
    rows: list[dict[str, object]] = []
    for case_id, occurred_on, closed_on in cases:
        last = min(closed_on or school.today, school.today)
        staff_id = _facilitator(school, case_id)
        for caregiver_id in _case_caregivers(school, case_id, families):
            for _ in range(rng.choice((0, 1, 1, 2, 2, 3))):
                rows.append(
                    _contact(rng, case_id, caregiver_id, staff_id, language, occurred_on, last)
                )
    if rows:
        school.connection.execute(insert(CaregiverContactRow), rows)
    return len(rows)


def _contact(
    rng: random.Random,
    case_id: int,
    caregiver_id: int,
    staff_id: int | None,
    language: dict[int, str],
    first: date,
    last: date,
) -> dict[str, object]:
    kind = _weighted(rng, CONTACT_KINDS)
    outcomes: dict[ContactKind, Callable[[], ContactOutcome]] = {
        ContactKind.CALL: lambda: _weighted(rng, CALL_OUTCOMES),
        ContactKind.LETTER: lambda: ContactOutcome.SENT,
        ContactKind.MESSAGE: lambda: ContactOutcome.SENT,
        ContactKind.MEETING: lambda: ContactOutcome.MET,
    }
    outcome = outcomes[kind]()
    home = language.get(caregiver_id, "en")
    span = max((last - first).days, 0)
    return {
        "case_id": case_id,
        "caregiver_id": caregiver_id,
        "staff_id": staff_id,
        "kind": kind,
        "contacted_on": first + timedelta(days=rng.randint(0, min(span, 30))),
        "outcome": outcome,
        "language": home if rng.random() < 0.8 else "en",
        "note": rng.choice(NOTES[outcome]) if rng.random() < 0.6 else "",
    }


def _case_caregivers(
    school: ContinuumSchool, case_id: int, families: dict[int, Family]
) -> list[int]:
    """The caregivers taking part in the case, else the first caregiver of each student in a
    harm role or supported on it."""
    people = school.connection.execute(
        select(CaseParticipantRow.caregiver_id, CaseParticipantRow.student_id)
        .where(CaseParticipantRow.case_id == case_id)
        .order_by(CaseParticipantRow.id)
    ).all()
    on_case = [c for c, _s in people if c is not None]
    if on_case:
        return on_case
    firsts = [families[s].caregiver_ids[0] for _c, s in people if s in families]
    return list(dict.fromkeys(firsts))[:2]


def _facilitator(school: ContinuumSchool, case_id: int) -> int | None:
    return school.connection.execute(
        select(MeetingRow.facilitator_id).where(MeetingRow.case_id == case_id).limit(1)
    ).scalar()


def _heritage_of(last_name: str) -> str:
    first_word = last_name.split(" ")[0]
    for heritage, names in HERITAGES.items():
        if first_word in names.surnames or last_name in names.surnames:
            return heritage
    return "anglo"


def _plain(name: str) -> str:
    return "".join(ch for ch in name.casefold() if ch.isascii() and ch.isalpha()) or "family"


def _weighted(rng: random.Random, table: tuple[tuple[T, int], ...]) -> T:
    return rng.choices([value for value, _ in table], [weight for _, weight in table])[0]


def _next_id(school: ContinuumSchool, column: InstrumentedAttribute[int]) -> int:
    return int(school.connection.execute(select(func.max(column))).scalar() or 0) + 1
