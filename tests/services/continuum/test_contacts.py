"""A case's contacts with families: logged with a caregiver on record or none, listed newest
first, changed and removed; a day in the future refused; the audit says kind and outcome only."""

from dataclasses import replace
from datetime import timedelta

import pytest

from rp_desktop.domain.continuum.caregivers import CaregiverFields, ContactFields
from rp_desktop.domain.continuum.kinds import ContactKind, ContactOutcome
from rp_desktop.domain.validation import InvalidInput, Problem
from rp_desktop.services.casework.cases import CaseNotFound
from rp_desktop.services.continuum.caregivers import add_caregiver
from rp_desktop.services.continuum.contacts import (
    ContactNotFound,
    add_contact,
    case_contacts,
    delete_contact,
    record_letters,
    update_contact,
)
from rp_desktop.services.safekeeping.database import Database
from tests.services.casework.setup import open_four_person_case
from tests.services.conftest import Roster, audit_rows, table_count


def test_contacts_are_listed_newest_first_with_who_was_reached_and_by_whom(
    db: Database, roster: Roster
) -> None:
    case = open_four_person_case(db, roster)
    mother = add_caregiver(db, CaregiverFields("Marisol", "Muñoz", home_language="es"))
    today = db.today()
    call = ContactFields(
        mother.id,
        ContactKind.CALL,
        today - timedelta(days=3),
        ContactOutcome.NO_ANSWER,
        language="es",
        staff_id=roster.counselor_id,
    )
    first = add_contact(db, case.id, call)
    second = add_contact(
        db, case.id, replace(call, contacted_on=today, outcome=ContactOutcome.REACHED)
    )
    letter = add_contact(
        db,
        case.id,
        ContactFields(None, ContactKind.LETTER, today, ContactOutcome.SENT, note="Invitation"),
    )
    listed = case_contacts(db, case.id)
    assert [c.id for c in listed] == [letter.id, second.id, first.id]
    assert listed[1].caregiver_name == "Marisol Muñoz"
    assert listed[1].staff_name == "Rosa Delgado"
    assert listed[0].caregiver_name == ""
    event = audit_rows(db)[-1]
    assert (event.action, event.entity, event.entity_id) == (
        "create",
        "caregiver_contact",
        letter.id,
    )
    assert event.detail == "kind=letter outcome=sent"


def test_a_contact_is_changed_then_removed(db: Database, roster: Roster) -> None:
    case = open_four_person_case(db, roster)
    fields = ContactFields(None, ContactKind.CALL, db.today(), ContactOutcome.LEFT_MESSAGE)
    saved = add_contact(db, case.id, fields)
    met = update_contact(
        db, saved.id, replace(fields, kind=ContactKind.MEETING, outcome=ContactOutcome.MET)
    )
    assert met.fields.kind is ContactKind.MEETING
    assert case_contacts(db, case.id) == [met]
    delete_contact(db, saved.id)
    assert table_count(db, "caregiver_contact") == 0
    with pytest.raises(ContactNotFound):
        delete_contact(db, saved.id)
    actions = [e.action for e in audit_rows(db) if e.entity == "caregiver_contact"]
    assert actions == ["create", "update", "delete"]


def test_a_day_ahead_a_bad_language_or_an_unknown_caregiver_is_refused(
    db: Database, roster: Roster
) -> None:
    case = open_four_person_case(db, roster)
    ahead = ContactFields(
        9999,
        ContactKind.CALL,
        db.today() + timedelta(days=1),
        ContactOutcome.REACHED,
        language="",
        staff_id=8888,
    )
    with pytest.raises(InvalidInput) as refused:
        add_contact(db, case.id, ahead)
    assert {(p.field, p.problem) for p in refused.value.problems} == {
        ("contacted_on", Problem.IN_FUTURE),
        ("language", Problem.REQUIRED),
        ("staff_id", Problem.UNKNOWN),
        ("caregiver_id", Problem.UNKNOWN),
    }
    fine = ContactFields(None, ContactKind.CALL, db.today(), ContactOutcome.REACHED)
    with pytest.raises(CaseNotFound):
        add_contact(db, 4242, fine)
    assert table_count(db, "caregiver_contact") == 0


def test_printed_letters_are_logged_as_sent_in_the_language_written(
    db: Database, roster: Roster
) -> None:
    case = open_four_person_case(db, roster)
    mother = add_caregiver(db, CaregiverFields("Marisol", "Muñoz", home_language="es"))
    father = add_caregiver(db, CaregiverFields("Tomás", "Muñoz"))
    logged = record_letters(db, case.id, [(mother.id, "en"), (father.id, "en")], "Invitation")
    assert [(c.caregiver_name, c.fields.kind, c.fields.outcome) for c in logged] == [
        ("Marisol Muñoz", ContactKind.LETTER, ContactOutcome.SENT),
        ("Tomás Muñoz", ContactKind.LETTER, ContactOutcome.SENT),
    ]
    assert {c.fields.contacted_on for c in logged} == {db.today()}
    assert len(case_contacts(db, case.id)) == 2
    with pytest.raises(InvalidInput):
        record_letters(db, case.id, [(mother.id, "en"), (4242, "en")], "Invitation")
    assert len(case_contacts(db, case.id)) == 2  # all or nothing
