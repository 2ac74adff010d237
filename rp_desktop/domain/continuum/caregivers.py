"""Families and caregivers as people: a caregiver's name, how to reach them, the language they
read and speak at home, whether an interpreter is needed, and the students they care for (each
with how they are related). A contact with a caregiver about a case (a call, a meeting, a
letter, a message) is logged with its day, what came of it and the language used."""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from rp_desktop.domain.continuum.kinds import CaregiverRelationship, ContactKind, ContactOutcome
from rp_desktop.domain.validation import (
    NAME_MAX,
    FieldProblem,
    Problem,
    invisible_problem,
    past_date_problems,
    text_problems,
)

PHONE_MAX = 40
EMAIL_MAX = 200
LANGUAGE_MAX = 40
CONTACT_NOTE_MAX = 2000
# Loose on purpose: something, an @, something, a dot, something; no spaces.
_EMAIL_SHAPE = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
# A language code as QLocale names them ("en", "es", "ht", "zh_Hant", "pt_BR").
_LANGUAGE_SHAPE = re.compile(r"[a-z]{2,3}([_-][A-Za-z0-9]{2,8})*")


@dataclass(frozen=True, slots=True)
class CaregiverLink:
    """One student a caregiver cares for, and how they are related."""

    student_id: int
    relation: CaregiverRelationship


@dataclass(frozen=True, slots=True)
class CaregiverFields:
    """What the caregiver form submits. A phone or an email is welcome, not required."""

    first_name: str
    last_name: str
    phone: str = ""
    email: str = ""
    home_language: str = "en"
    interpreter_needed: bool = False
    students: tuple[CaregiverLink, ...] = ()


@dataclass(frozen=True, slots=True)
class Caregiver:
    """A saved caregiver; `student_names` follow `fields.students`, in order."""

    id: int
    fields: CaregiverFields
    display_name: str
    active: bool = True
    student_names: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class StudentCaregiver:
    """A caregiver as seen from one student's record: how they are related to that student."""

    caregiver: Caregiver
    relation: CaregiverRelationship


@dataclass(frozen=True, slots=True)
class ContactFields:
    """One contact with a caregiver about a case. `caregiver_id` is None for a contact with a
    family not (yet) on record; `language` is the language the contact was in."""

    caregiver_id: int | None
    kind: ContactKind
    contacted_on: date | None
    outcome: ContactOutcome
    language: str = "en"
    note: str = ""
    staff_id: int | None = None


@dataclass(frozen=True, slots=True)
class Contact:
    id: int
    case_id: int
    fields: ContactFields
    caregiver_name: str = ""
    staff_name: str = ""


def validate_caregiver(fields: CaregiverFields) -> list[FieldProblem]:
    problems = list(text_problems("first_name", fields.first_name, required=True, limit=NAME_MAX))
    problems += text_problems("last_name", fields.last_name, required=False, limit=NAME_MAX)
    for name in ("first_name", "last_name"):
        if not any(p.field == name for p in problems):
            problems += invisible_problem(name, getattr(fields, name))
    problems += text_problems("phone", fields.phone, required=False, limit=PHONE_MAX)
    problems += _email_problems(fields.email)
    problems += language_problems("home_language", fields.home_language)
    students = [link.student_id for link in fields.students]
    if len(set(students)) != len(students):
        problems.append(FieldProblem("students", Problem.SAME_PERSON_TWICE))
    return problems


def validate_contact(fields: ContactFields, today: date) -> list[FieldProblem]:
    problems = list(past_date_problems("contacted_on", fields.contacted_on, today))
    problems += language_problems("language", fields.language)
    problems += text_problems("note", fields.note, required=False, limit=CONTACT_NOTE_MAX)
    return problems


def language_problems(field: str, code: str) -> Iterator[FieldProblem]:
    if not code.strip():
        yield FieldProblem(field, Problem.REQUIRED)
    elif len(code) > LANGUAGE_MAX:
        yield FieldProblem(field, Problem.TOO_LONG, LANGUAGE_MAX)
    elif not _LANGUAGE_SHAPE.fullmatch(code):
        yield FieldProblem(field, Problem.OUT_OF_RANGE)


def _email_problems(email: str) -> Iterator[FieldProblem]:
    """OUT_OF_RANGE for an email that does not have an email's shape (the ui words it)."""
    if len(email) > EMAIL_MAX:
        yield FieldProblem("email", Problem.TOO_LONG, EMAIL_MAX)
    elif email.strip() and not _EMAIL_SHAPE.fullmatch(email.strip()):
        yield FieldProblem("email", Problem.OUT_OF_RANGE)


def tidy(fields: CaregiverFields) -> CaregiverFields:
    """The fields with spaces trimmed from what was typed around them."""
    return CaregiverFields(
        first_name=fields.first_name.strip(),
        last_name=fields.last_name.strip(),
        phone=fields.phone.strip(),
        email=fields.email.strip(),
        home_language=fields.home_language.strip(),
        interpreter_needed=fields.interpreter_needed,
        students=fields.students,
    )
