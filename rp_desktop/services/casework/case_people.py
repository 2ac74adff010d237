"""Who is on a case: the participants' names for the lists and the search key, the name beside
each of a case's own participants, and replacing a case's participants by those wanted."""

from collections import defaultdict
from typing import Any

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from rp_desktop.db.models import CaregiverRow, CaseParticipantRow, CaseRow, StaffRow, StudentRow
from rp_desktop.domain.records import ParticipantFields, person_name
from rp_desktop.services.listing import AnySelect


def people_by_case(session: Session, case_ids: list[int]) -> dict[int, list[str]]:
    """Each case's participants by name, in the order they were added, each person once even
    when they have two roles (two students who share a name are both listed)."""
    people: dict[int, dict[tuple[str, int | str], str]] = defaultdict(dict)
    for row in session.execute(_participants_of(case_ids)):
        who, name = _person(row)
        people[row.case_id].setdefault(who, name)
    return defaultdict(list, {case_id: list(named.values()) for case_id, named in people.items()})


def _participants_of(case_ids: list[int]) -> AnySelect:
    return (
        select(
            CaseParticipantRow.case_id,
            CaseParticipantRow.student_id,
            CaseParticipantRow.staff_id,
            CaseParticipantRow.other_name,
            CaseParticipantRow.caregiver_id,
            StudentRow.first_name,
            StudentRow.last_name,
            StudentRow.preferred_name,
            StaffRow.first_name.label("staff_first_name"),
            StaffRow.last_name.label("staff_last_name"),
            CaregiverRow.first_name.label("caregiver_first_name"),
            CaregiverRow.last_name.label("caregiver_last_name"),
        )
        .outerjoin(StudentRow, StudentRow.id == CaseParticipantRow.student_id)
        .outerjoin(StaffRow, StaffRow.id == CaseParticipantRow.staff_id)
        .outerjoin(CaregiverRow, CaregiverRow.id == CaseParticipantRow.caregiver_id)
        .where(CaseParticipantRow.case_id.in_(case_ids))
        .order_by(CaseParticipantRow.case_id, CaseParticipantRow.id)
    )


def _person(row: Row[Any]) -> tuple[tuple[str, int | str], str]:
    """Who a participant is, as a key (a student, a staff member, a caregiver on record, or a
    name typed on the case: one person however it is capitalised), and the name they are
    listed by."""
    if row.student_id is not None:
        return ("student", row.student_id), person_name(
            row.first_name, row.last_name, row.preferred_name
        )
    if row.staff_id is not None:
        return ("staff", row.staff_id), person_name(row.staff_first_name, row.staff_last_name)
    if row.caregiver_id is not None:
        return ("caregiver", row.caregiver_id), person_name(
            row.caregiver_first_name, row.caregiver_last_name
        )
    return ("other", row.other_name.casefold()), row.other_name


def participant_names(session: Session, participants: list[CaseParticipantRow]) -> list[str]:
    """The name beside each of `participants`, in order."""
    return [participant_name(session, p) for p in participants]


def participant_name(session: Session, p: CaseParticipantRow) -> str:
    """The name of one participant, whichever kind of person they are."""
    if p.student_id is not None:
        s = session.get(StudentRow, p.student_id)
        return person_name(s.first_name, s.last_name, s.preferred_name) if s else ""
    if p.staff_id is not None:
        st = session.get(StaffRow, p.staff_id)
        return person_name(st.first_name, st.last_name) if st else ""
    if p.caregiver_id is not None:
        c = session.get(CaregiverRow, p.caregiver_id)
        return person_name(c.first_name, c.last_name) if c else ""
    return p.other_name


def replace_participants(row: CaseRow, wanted: tuple[ParticipantFields, ...]) -> None:
    """Keep participant rows that are still wanted (their ids anchor meetings, answers,
    preparation and agreements): a person whose role changed keeps their row in the new role,
    so a case carried from harm to a concern loses none of what they did on it."""
    remaining = list(wanted)
    kept: dict[int, CaseParticipantRow] = {}
    for existing in row.participants:
        fields = participant_fields(existing)
        if fields in remaining:
            remaining.remove(fields)
            kept[existing.id] = existing
    for existing in row.participants:
        person = participant_fields(existing).person
        same = next((p for p in remaining if p.person == person and p.role), None)
        if existing.id not in kept and same is not None and same.role is not None:
            remaining.remove(same)
            existing.role = same.role
            kept[existing.id] = existing
    row.participants = [p for p in row.participants if p.id in kept] + [
        CaseParticipantRow(
            role=p.role,
            student_id=p.student_id,
            staff_id=p.staff_id,
            other_name=p.other_name,
            caregiver_id=p.caregiver_id,
        )
        for p in remaining
    ]


def participant_fields(row: CaseParticipantRow) -> ParticipantFields:
    return ParticipantFields(
        row.role, row.student_id, row.staff_id, row.other_name, row.caregiver_id
    )
