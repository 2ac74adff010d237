"""Tier 2 and Tier 3 cases: opening one with its people in their roles, editing it, finding it."""

from dataclasses import replace
from datetime import date, timedelta

import pytest

from rp_desktop.domain.records import CaseFields, ListQuery, ParticipantFields, StudentFields
from rp_desktop.domain.validation import FieldProblem, InvalidInput, Problem
from rp_desktop.domain.vocabulary import (
    AuditAction,
    CaseStatus,
    ClosureReason,
    Role,
    Tier,
    Tier3Kind,
)
from rp_desktop.services.casework.cases import (
    CaseNotFound,
    get_case,
    list_cases,
    list_categories,
    open_case,
    update_case,
)
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.students.records import update_student
from tests.conftest import FakeClock
from tests.services.conftest import Roster, audit_rows, table_count

TODAY = date(2026, 3, 10)


def people(roster: Roster) -> tuple[ParticipantFields, ...]:
    return (
        ParticipantFields(Role.PERSON_HARMED, student_id=roster.ana.id),
        ParticipantFields(Role.PERSON_WHO_CAUSED_HARM, student_id=roster.liam.id),
        ParticipantFields(Role.FACILITATOR, staff_id=roster.counselor_id),
        ParticipantFields(Role.FAMILY_MEMBER, other_name="Grandma Rose"),
    )


def case(roster: Roster, **changes: object) -> CaseFields:
    fields = CaseFields(
        tier=Tier.TARGETED,
        occurred_on=date(2026, 3, 2),
        category_id=roster.category_id,
        description="Words exchanged at lunch; both want to talk it through.",
        place="Cafeteria",
        participants=people(roster),
    )
    return replace(fields, **changes)  # type: ignore[arg-type]


def intensive(roster: Roster, **changes: object) -> CaseFields:
    wanted: dict[str, object] = {"tier": Tier.INTENSIVE, "tier3_kind": Tier3Kind.RE_ENTRY}
    return case(roster, **{"place": "Office", **wanted, **changes})


def test_open_and_get_a_tier_2_case(db: Database, roster: Roster) -> None:
    fields = case(roster)
    opened = open_case(db, fields)
    assert opened.fields == fields
    assert opened.category_name == list_categories(db)[0].name
    assert [p.display_name for p in opened.participants] == [
        "Ana Muñoz",
        "Liam O'Brien",
        "Rosa Delgado",
        "Grandma Rose",
    ]
    assert [p.fields for p in opened.participants] == list(fields.participants)
    assert opened.created_at == opened.updated_at == db.now()
    assert get_case(db, opened.id) == opened


def test_open_a_tier_3_case(db: Database, roster: Roster) -> None:
    fields = intensive(roster)
    opened = open_case(db, fields)
    assert opened.fields == fields
    assert get_case(db, opened.id).fields.tier3_kind is Tier3Kind.RE_ENTRY


def test_a_tier_3_case_needs_its_kind(db: Database, roster: Roster) -> None:
    with pytest.raises(InvalidInput) as info:
        open_case(db, intensive(roster, tier3_kind=None))
    assert info.value.problems == (FieldProblem("tier3_kind", Problem.REQUIRED),)
    assert table_count(db, "case") == 0


def test_a_tier_2_case_drops_a_tier_3_kind(db: Database, roster: Roster) -> None:
    opened = open_case(db, case(roster, tier3_kind=Tier3Kind.FORMAL_CONFERENCE))
    assert opened.fields.tier3_kind is None


def test_a_case_cannot_be_tier_1(db: Database, roster: Roster) -> None:
    with pytest.raises(InvalidInput) as info:
        open_case(db, case(roster, tier=Tier.UNIVERSAL))
    assert info.value.problems == (FieldProblem("tier", Problem.OUT_OF_RANGE),)


def test_closing_needs_a_reason(db: Database, roster: Roster) -> None:
    opened = open_case(db, case(roster))
    with pytest.raises(InvalidInput) as info:
        update_case(db, opened.id, case(roster, status=CaseStatus.CLOSED))
    assert info.value.problems == (FieldProblem("closure_reason", Problem.REQUIRED),)
    assert get_case(db, opened.id).fields.status is CaseStatus.OPEN
    closed = update_case(
        db,
        opened.id,
        case(roster, status=CaseStatus.CLOSED, closure_reason=ClosureReason.AGREEMENT_KEPT),
    )
    assert closed.fields.closure_reason is ClosureReason.AGREEMENT_KEPT


def test_a_case_still_open_drops_a_closure_reason(db: Database, roster: Roster) -> None:
    opened = open_case(db, case(roster, closure_reason=ClosureReason.DECLINED))
    assert opened.fields.closure_reason is None


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"category_id": 9999}, FieldProblem("category_id", Problem.UNKNOWN)),
        (
            {"occurred_on": TODAY + timedelta(days=1)},
            FieldProblem("occurred_on", Problem.IN_FUTURE),
        ),
        ({"description": "  "}, FieldProblem("description", Problem.REQUIRED)),
        ({"participants": ()}, FieldProblem("participants", Problem.REQUIRED)),
        (
            {"participants": (ParticipantFields(Role.WITNESS, student_id=9999),)},
            FieldProblem("participants", Problem.UNKNOWN, index=0),
        ),
        (
            {"participants": (ParticipantFields(Role.STAFF, staff_id=9999),)},
            FieldProblem("participants", Problem.UNKNOWN, index=0),
        ),
        (
            {"participants": (ParticipantFields(None, other_name="Grandma Rose"),)},
            FieldProblem("participants", Problem.NEEDS_ROLE, index=0),
        ),
    ],
)
def test_refused_input_writes_nothing(
    db: Database, roster: Roster, changes: dict[str, object], problem: FieldProblem
) -> None:
    events = len(audit_rows(db))
    with pytest.raises(InvalidInput) as info:
        open_case(db, case(roster, **changes))
    assert info.value.problems == (problem,)
    assert table_count(db, "case") == 0
    assert table_count(db, "case_participant") == 0
    assert len(audit_rows(db)) == events


def test_the_same_person_in_two_roles_but_not_twice_in_one(db: Database, roster: Roster) -> None:
    ana = roster.ana.id
    twice = (
        ParticipantFields(Role.PERSON_HARMED, student_id=ana),
        ParticipantFields(Role.PERSON_HARMED, student_id=ana),
    )
    with pytest.raises(InvalidInput) as info:
        open_case(db, case(roster, participants=twice))
    assert info.value.problems == (
        FieldProblem("participants", Problem.SAME_PERSON_TWICE, index=1),
    )
    both = (
        ParticipantFields(Role.PERSON_HARMED, student_id=ana),
        ParticipantFields(Role.PERSON_WHO_CAUSED_HARM, student_id=ana),
    )
    opened = open_case(db, case(roster, participants=both))
    assert [p.fields.role for p in opened.participants] == [
        Role.PERSON_HARMED,
        Role.PERSON_WHO_CAUSED_HARM,
    ]
    assert list_cases(db, Tier.TARGETED, ListQuery()).rows[0].people == "Ana Muñoz"


def test_a_participant_who_is_two_people_at_once_is_refused(db: Database, roster: Roster) -> None:
    # A student chosen and a name typed in the same row: validation must say so (InvalidInput),
    # rather than the database's one-person check raising an IntegrityError.
    mixed = ParticipantFields(Role.SUPPORTER, student_id=roster.ana.id, other_name="Her aunt")
    with pytest.raises(InvalidInput) as info:
        open_case(db, case(roster, participants=(mixed,)))
    assert {p.field for p in info.value.problems} == {"participants"}


def test_participant_rows_are_kept_when_unchanged(db: Database, roster: Roster) -> None:
    opened = open_case(db, case(roster))
    before = {p.fields: p.id for p in opened.participants}
    kept = people(roster)[:3]
    added = ParticipantFields(Role.SUPPORTER, student_id=roster.lukasz.id)
    updated = update_case(db, opened.id, case(roster, participants=(*kept, added)))
    after = {p.fields: p.id for p in updated.participants}
    for fields in kept:
        assert after[fields] == before[fields]
    assert after[added] not in before.values()
    assert people(roster)[3] not in after
    assert table_count(db, "case_participant") == 4
    assert get_case(db, opened.id) == updated


def test_update_changes_fields_but_not_the_tier(
    db: Database, roster: Roster, clock: FakeClock
) -> None:
    opened = open_case(db, case(roster))
    clock.advance(hours=2)
    changed = case(
        roster,
        tier=Tier.INTENSIVE,
        tier3_kind=Tier3Kind.FORMAL_CONFERENCE,
        occurred_on=date(2026, 3, 3),
        category_id=roster.other_category_id,
        description="Rewritten",
        place="Gym",
        status=CaseStatus.MEETING_HELD,
    )
    updated = update_case(db, opened.id, changed)
    assert updated.fields.tier is Tier.TARGETED  # tier moves are their own records
    assert updated.fields.tier3_kind is None
    assert updated.fields == replace(changed, tier=Tier.TARGETED, tier3_kind=None)
    assert updated.created_at == opened.created_at
    assert updated.updated_at == opened.updated_at + timedelta(hours=2)


def test_unknown_case(db: Database, roster: Roster) -> None:
    with pytest.raises(CaseNotFound):
        get_case(db, 404)
    with pytest.raises(CaseNotFound):
        update_case(db, 404, case(roster))


def test_a_long_description_and_unusual_text_are_kept_exactly(db: Database, roster: Roster) -> None:
    description = ("Zoë said «ça va» — مرحبا 🌻 '); DROP TABLE case;-- 100% a_b \\\n" * 20_000)[
        :1_000_000
    ]
    other = ParticipantFields(Role.FAMILY_MEMBER, other_name="Siobhán O'Sullivan-Nguyễn 🌷")
    fields = case(roster, description=description, place="Hall 'B'", participants=(other,))
    opened = open_case(db, fields)
    again = get_case(db, opened.id)
    assert again.fields == fields
    assert len(again.fields.description) == 1_000_000
    assert again.participants[0].display_name == "Siobhán O'Sullivan-Nguyễn 🌷"


@pytest.fixture
def cases(db: Database, roster: Roster) -> dict[str, int]:
    made = {}
    for name, fields in [
        ("lunch", case(roster)),
        (
            "bus",
            case(
                roster,
                occurred_on=date(2026, 2, 11),
                place="Bus 14",
                description="Seat dispute",
                participants=(
                    ParticipantFields(Role.PERSON_HARMED, student_id=roster.lukasz.id),
                    ParticipantFields(Role.WITNESS, staff_id=roster.teacher_id),
                ),
            ),
        ),
        (
            "closed",
            case(
                roster,
                occurred_on=date(2026, 1, 20),
                status=CaseStatus.CLOSED,
                closure_reason=ClosureReason.RESOLVED_WITHOUT_AGREEMENT,
                participants=(ParticipantFields(Role.PERSON_HARMED, student_id=roster.zoe.id),),
            ),
        ),
        ("reentry", intensive(roster, occurred_on=date(2026, 3, 4))),
    ]:
        made[name] = open_case(db, fields).id
    return made


def tier_ids(db: Database, tier: Tier, query: ListQuery | None = None) -> list[int]:
    return [row.id for row in list_cases(db, tier, query or ListQuery()).rows]


def test_each_tier_lists_only_its_own(db: Database, cases: dict[str, int]) -> None:
    targeted = tier_ids(db, Tier.TARGETED)
    assert targeted == [cases["lunch"], cases["bus"], cases["closed"]]  # newest first
    assert cases["reentry"] not in targeted
    assert tier_ids(db, Tier.INTENSIVE) == [cases["reentry"]]
    assert tier_ids(db, Tier.UNIVERSAL) == []
    assert list_cases(db, Tier.TARGETED, ListQuery()).total == 3


def test_a_search_stays_within_its_tier(db: Database, cases: dict[str, int]) -> None:
    assert tier_ids(db, Tier.INTENSIVE, ListQuery(text="cafeteria")) == []
    assert tier_ids(db, Tier.INTENSIVE, ListQuery(text="office")) == [cases["reentry"]]
    assert tier_ids(db, Tier.TARGETED, ListQuery(text="office")) == []


def test_list_rows_carry_the_people(db: Database, roster: Roster, cases: dict[str, int]) -> None:
    rows = {row.id: row for row in list_cases(db, Tier.TARGETED, ListQuery()).rows}
    assert rows[cases["lunch"]].people == "Ana Muñoz, Liam O'Brien, Rosa Delgado, Grandma Rose"
    assert rows[cases["bus"]].people == "Luke Wiśniewski, Tom Becker"  # preferred name
    bus = rows[cases["bus"]]
    assert (bus.place, bus.status, bus.occurred_on) == (
        "Bus 14",
        CaseStatus.OPEN,
        date(2026, 2, 11),
    )
    assert bus.category_name == list_categories(db)[0].name
    reentry = list_cases(db, Tier.INTENSIVE, ListQuery()).rows[0]
    assert reentry.tier3_kind is Tier3Kind.RE_ENTRY


def test_status_and_date_filters(db: Database, cases: dict[str, int]) -> None:
    assert tier_ids(db, Tier.TARGETED, ListQuery(status="closed")) == [cases["closed"]]
    assert tier_ids(db, Tier.TARGETED, ListQuery(status=CaseStatus.OPEN)) == [
        cases["lunch"],
        cases["bus"],
    ]
    in_february = ListQuery(date_from=date(2026, 2, 1), date_to=date(2026, 2, 28))
    assert tier_ids(db, Tier.TARGETED, in_february) == [cases["bus"]]


def test_sort_and_paging(db: Database, cases: dict[str, int]) -> None:
    oldest_first = ListQuery(sort="occurred_on")
    assert tier_ids(db, Tier.TARGETED, oldest_first) == [
        cases["closed"],
        cases["bus"],
        cases["lunch"],
    ]
    by_place = [r.place for r in list_cases(db, Tier.TARGETED, ListQuery(sort="place")).rows]
    assert by_place == ["Bus 14", "Cafeteria", "Cafeteria"]
    page = list_cases(db, Tier.TARGETED, ListQuery(), offset=1, limit=1)
    assert (page.total, [r.id for r in page.rows]) == (3, [cases["bus"]])


def test_search_by_place_description_and_category(db: Database, cases: dict[str, int]) -> None:
    assert tier_ids(db, Tier.TARGETED, ListQuery(text="bus 14")) == [cases["bus"]]
    assert tier_ids(db, Tier.TARGETED, ListQuery(text="seat dispute")) == [cases["bus"]]
    assert set(tier_ids(db, Tier.TARGETED, ListQuery(text="conflict students"))) == {
        cases["lunch"],
        cases["bus"],
        cases["closed"],
    }


def test_a_new_case_is_found_by_a_participants_folded_name(
    db: Database, cases: dict[str, int]
) -> None:
    assert tier_ids(db, Tier.TARGETED, ListQuery(text="obrien")) == [cases["lunch"]]
    assert tier_ids(db, Tier.TARGETED, ListQuery(text="wisniewski")) == [cases["bus"]]
    assert tier_ids(db, Tier.TARGETED, ListQuery(text="grandma rose")) == [cases["lunch"]]
    assert tier_ids(db, Tier.TARGETED, ListQuery(text="becker bus")) == [cases["bus"]]
    assert tier_ids(db, Tier.TARGETED, ListQuery(text="zoe adeyemi")) == [cases["closed"]]
    assert tier_ids(db, Tier.INTENSIVE, ListQuery(text="munoz")) == [cases["reentry"]]


def test_an_edited_case_is_found_by_a_participants_folded_name(
    db: Database, roster: Roster
) -> None:
    opened = open_case(db, case(roster))
    update_case(db, opened.id, replace(opened.fields, place="Library"))
    assert tier_ids(db, Tier.TARGETED, ListQuery(text="obrien library")) == [opened.id]
    assert tier_ids(db, Tier.TARGETED, ListQuery(text="grandma rose")) == [opened.id]
    assert tier_ids(db, Tier.TARGETED, ListQuery(text="rosa delgado")) == [opened.id]


def test_a_renamed_student_is_found_by_the_new_name(
    db: Database, roster: Roster, cases: dict[str, int]
) -> None:
    update_student(db, roster.liam.id, StudentFields("S-1002", "Liam", "Ó Briain", "", 7, "7B"))
    assert tier_ids(db, Tier.TARGETED, ListQuery(text="o briain")) == [cases["lunch"]]
    assert tier_ids(db, Tier.TARGETED, ListQuery(text="obrien")) == []
    row = next(r for r in list_cases(db, Tier.TARGETED, ListQuery()).rows if r.id == cases["lunch"])
    assert "Liam Ó Briain" in row.people
    assert get_case(db, cases["lunch"]).participants[1].display_name == "Liam Ó Briain"


def test_each_change_is_audited(db: Database, roster: Roster) -> None:
    before = len(audit_rows(db))
    opened = open_case(db, case(roster))
    update_case(db, opened.id, case(roster, place="Library"))
    events = [(e.action, e.entity, e.entity_id, e.detail) for e in audit_rows(db)[before:]]
    assert events == [
        (AuditAction.CREATE, "case", opened.id, ""),
        (AuditAction.UPDATE, "case", opened.id, ""),
    ]
