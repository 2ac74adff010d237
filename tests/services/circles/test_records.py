"""Tier 1 circles as records: recording, editing, attendance, and the list's filters and order."""

from dataclasses import replace
from datetime import date, timedelta

import pytest

from rp_desktop.domain.records import CircleFields, ListQuery
from rp_desktop.domain.validation import FieldProblem, InvalidInput, Problem
from rp_desktop.domain.vocabulary import AuditAction, CircleKind, CircleStatus
from rp_desktop.services.circles.records import (
    CircleNotFound,
    get_circle,
    list_circles,
    record_circle,
    update_circle,
)
from rp_desktop.services.people import group_members, list_groups, list_staff
from rp_desktop.services.safekeeping.database import Database
from tests.services.conftest import Roster, audit_rows, table_count

TODAY = date(2026, 3, 10)  # the clock fixture's day


def circle(roster: Roster, **changes: object) -> CircleFields:
    fields = CircleFields(
        held_on=date(2026, 3, 2),
        kind=CircleKind.CHECK_IN,
        group_id=roster.advisory_id,
        keeper_id=roster.teacher_id,
        purpose="Monday check-in",
        duration_minutes=20,
        notes="Everyone spoke.",
        attendee_ids=frozenset({roster.ana.id, roster.liam.id}),
    )
    return replace(fields, **changes)  # type: ignore[arg-type]


def test_record_and_get(db: Database, roster: Roster) -> None:
    fields = circle(roster)
    saved = record_circle(db, fields)
    assert saved.fields == fields
    assert saved.group_name == "Advisory 7B"
    assert saved.keeper_name == "Tom Becker"
    assert [s.id for s in saved.attendees] == [roster.ana.id, roster.liam.id]  # by last name
    assert get_circle(db, saved.id) == saved


def test_a_circle_with_no_group_keeper_or_attendees(db: Database) -> None:
    fields = CircleFields(held_on=TODAY)
    saved = record_circle(db, fields)
    assert saved.fields == fields
    assert (saved.group_name, saved.keeper_name, saved.attendees) == ("", "", ())
    row = list_circles(db, ListQuery()).rows[0]
    assert (row.group_name, row.keeper_name, row.attendance) == ("", "", 0)


def test_update(db: Database, roster: Roster) -> None:
    saved = record_circle(db, circle(roster))
    changed = circle(
        roster,
        held_on=date(2026, 3, 3),
        kind=CircleKind.COMMUNITY_BUILDING,
        group_id=roster.homeroom_id,
        keeper_id=roster.counselor_id,
        purpose="Class agreements",
        duration_minutes=45,
        notes="",
    )
    updated = update_circle(db, saved.id, changed)
    assert updated.id == saved.id
    assert updated.fields == changed
    assert (updated.group_name, updated.keeper_name) == ("Room 12 Homeroom", "Rosa Delgado")
    assert get_circle(db, saved.id) == updated


def test_attendance_is_replaced(db: Database, roster: Roster) -> None:
    saved = record_circle(db, circle(roster))
    wanted = frozenset({roster.liam.id, roster.lukasz.id, roster.zoe.id})
    updated = update_circle(db, saved.id, circle(roster, attendee_ids=wanted))
    assert updated.fields.attendee_ids == wanted
    assert table_count(db, "circle_attendance") == 3
    assert list_circles(db, ListQuery()).rows[0].attendance == 3
    emptied = update_circle(db, saved.id, circle(roster, attendee_ids=frozenset()))
    assert emptied.attendees == ()
    assert table_count(db, "circle_attendance") == 0


def test_updating_with_the_same_attendance_keeps_it(db: Database, roster: Roster) -> None:
    saved = record_circle(db, circle(roster))
    again = update_circle(db, saved.id, circle(roster, purpose="Same people"))
    assert again.fields.attendee_ids == saved.fields.attendee_ids


def test_unknown_circle(db: Database, roster: Roster) -> None:
    with pytest.raises(CircleNotFound):
        get_circle(db, 404)
    with pytest.raises(CircleNotFound):
        update_circle(db, 404, circle(roster))


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"group_id": 9999}, FieldProblem("group_id", Problem.UNKNOWN)),
        ({"keeper_id": 9999}, FieldProblem("keeper_id", Problem.UNKNOWN)),
        ({"attendee_ids": frozenset({9999})}, FieldProblem("attendee_ids", Problem.UNKNOWN)),
        ({"held_on": TODAY + timedelta(days=1)}, FieldProblem("held_on", Problem.IN_FUTURE)),
        ({"duration_minutes": 0}, FieldProblem("duration_minutes", Problem.OUT_OF_RANGE)),
        ({"staff_ids": frozenset({9999})}, FieldProblem("staff_ids", Problem.UNKNOWN)),
        ({"guests": -1}, FieldProblem("guests", Problem.OUT_OF_RANGE, 500)),
        ({"guests": 501}, FieldProblem("guests", Problem.OUT_OF_RANGE, 500)),
    ],
)
def test_refused_input_writes_nothing(
    db: Database, roster: Roster, changes: dict[str, object], problem: FieldProblem
) -> None:
    events = len(audit_rows(db))
    with pytest.raises(InvalidInput) as info:
        record_circle(db, circle(roster, **changes))
    assert info.value.problems == (problem,)
    assert table_count(db, "community_circle") == 0
    assert table_count(db, "circle_attendance") == 0
    assert table_count(db, "circle_staff_attendance") == 0
    assert len(audit_rows(db)) == events


def test_staff_who_were_there_and_other_adults_are_kept_and_changed(
    db: Database, roster: Roster
) -> None:
    both = frozenset({roster.counselor_id, roster.teacher_id})
    saved = record_circle(db, circle(roster, staff_ids=both, guests=2))
    assert (saved.fields.staff_ids, saved.fields.guests) == (both, 2)
    assert [s.display_name for s in saved.staff] == ["Tom Becker", "Rosa Delgado"]
    assert get_circle(db, saved.id) == saved
    changed = circle(roster, staff_ids=frozenset({roster.counselor_id}), guests=0)
    updated = update_circle(db, saved.id, changed)
    assert (updated.fields.staff_ids, updated.fields.guests) == ({roster.counselor_id}, 0)
    assert table_count(db, "circle_staff_attendance") == 1


def test_saving_a_circle_as_it_was_read_keeps_its_staff(db: Database, roster: Roster) -> None:
    both = frozenset({roster.counselor_id, roster.teacher_id})
    saved = record_circle(db, circle(roster, staff_ids=both, guests=1))
    again = update_circle(db, saved.id, replace(get_circle(db, saved.id).fields, notes="More"))
    assert (again.fields.staff_ids, again.fields.guests) == (both, 1)


def test_a_refused_update_changes_nothing(db: Database, roster: Roster) -> None:
    saved = record_circle(db, circle(roster))
    with pytest.raises(InvalidInput):
        update_circle(db, saved.id, circle(roster, group_id=9999, purpose="Changed"))
    assert get_circle(db, saved.id) == saved


def test_a_planned_circle_may_lie_ahead(db: Database, roster: Roster) -> None:
    planned = circle(roster, status=CircleStatus.PLANNED, held_on=TODAY + timedelta(days=14))
    assert record_circle(db, planned).fields == planned


def test_long_notes_and_unusual_text_are_kept_exactly(db: Database, roster: Roster) -> None:
    notes = ("Ünïcödé 🌻 مرحبا '); DROP TABLE community_circle;-- 50% a_b \\ \n" * 20_000)[
        :1_000_000
    ]
    purpose = "Talking piece: the 🪶 feather, Zoë's idea"
    saved = record_circle(db, circle(roster, notes=notes, purpose=purpose))
    again = get_circle(db, saved.id)
    assert again.fields.notes == notes
    assert len(again.fields.notes) == 1_000_000
    assert again.fields.purpose == purpose
    assert table_count(db, "community_circle") == 1


@pytest.fixture
def season(db: Database, roster: Roster) -> dict[str, int]:
    """Five circles over a month, recorded out of date order."""
    made = {}
    for name, day, status, group, keeper, purpose in [
        ("feb", date(2026, 2, 20), CircleStatus.HELD, "advisory", "teacher", "Friendship"),
        ("mar1", date(2026, 3, 1), CircleStatus.CANCELLED, "homeroom", "counselor", "Fire drill"),
        ("mar5", date(2026, 3, 5), CircleStatus.HELD, "homeroom", "counselor", "Goals 50%"),
        ("mar9", date(2026, 3, 9), CircleStatus.HELD, "advisory", "counselor", "Re-entry prep"),
        ("apr", date(2026, 4, 2), CircleStatus.PLANNED, "advisory", "teacher", "Spring break"),
    ]:
        fields = circle(
            roster,
            held_on=day,
            status=status,
            group_id=roster.advisory_id if group == "advisory" else roster.homeroom_id,
            keeper_id=roster.teacher_id if keeper == "teacher" else roster.counselor_id,
            purpose=purpose,
        )
        made[name] = record_circle(db, fields).id
    return made


def ids(db: Database, query: ListQuery) -> list[int]:
    return [row.id for row in list_circles(db, query).rows]


def test_newest_first_by_default(db: Database, season: dict[str, int]) -> None:
    assert ids(db, ListQuery()) == [season[k] for k in ("apr", "mar9", "mar5", "mar1", "feb")]


def test_oldest_first_when_asked(db: Database, season: dict[str, int]) -> None:
    query = ListQuery(sort="held_on")
    assert ids(db, query) == [season[k] for k in ("feb", "mar1", "mar5", "mar9", "apr")]


def test_status_filter(db: Database, season: dict[str, int]) -> None:
    assert ids(db, ListQuery(status="held")) == [season[k] for k in ("mar9", "mar5", "feb")]
    assert ids(db, ListQuery(status=CircleStatus.PLANNED)) == [season["apr"]]


def test_date_range_includes_both_ends(db: Database, season: dict[str, int]) -> None:
    query = ListQuery(date_from=date(2026, 3, 1), date_to=date(2026, 3, 9))
    assert ids(db, query) == [season[k] for k in ("mar9", "mar5", "mar1")]
    assert ids(db, ListQuery(date_from=date(2026, 3, 6))) == [season["apr"], season["mar9"]]
    assert ids(db, ListQuery(date_to=date(2026, 2, 28))) == [season["feb"]]


def test_search_by_group_keeper_and_purpose(db: Database, season: dict[str, int]) -> None:
    assert set(ids(db, ListQuery(text="advisory 7b"))) == {
        season["feb"],
        season["mar9"],
        season["apr"],
    }
    assert set(ids(db, ListQuery(text="delgado"))) == {
        season["mar1"],
        season["mar5"],
        season["mar9"],
    }
    assert ids(db, ListQuery(text="rosa reentry")) == []  # "re-entry" folds to two words
    assert ids(db, ListQuery(text="rosa re entry")) == [season["mar9"]]
    assert ids(db, ListQuery(text="50%")) == [season["mar5"]]
    assert ids(db, ListQuery(text="friendship becker")) == [season["feb"]]
    assert ids(db, ListQuery(text="friendship delgado")) == []


def test_sort_by_group_and_keeper(db: Database, season: dict[str, int]) -> None:
    rows = list_circles(db, ListQuery(sort="keeper")).rows
    assert [r.keeper_name for r in rows] == ["Tom Becker"] * 2 + ["Rosa Delgado"] * 3
    rows = list_circles(db, ListQuery(sort="group", descending=True)).rows
    assert [r.group_name for r in rows] == ["Room 12 Homeroom"] * 2 + ["Advisory 7B"] * 3


def test_list_paging(db: Database, season: dict[str, int]) -> None:
    page = list_circles(db, ListQuery(), offset=1, limit=2)
    assert page.total == 5
    assert [row.id for row in page.rows] == [season["mar9"], season["mar5"]]


def test_list_row_fields(db: Database, roster: Roster, season: dict[str, int]) -> None:
    row = next(r for r in list_circles(db, ListQuery()).rows if r.id == season["mar5"])
    assert row.held_on == date(2026, 3, 5)
    assert row.status is CircleStatus.HELD
    assert row.kind is CircleKind.CHECK_IN
    assert (row.group_name, row.keeper_name) == ("Room 12 Homeroom", "Rosa Delgado")
    assert (row.purpose, row.attendance, row.duration_minutes) == ("Goals 50%", 2, 20)


def test_each_change_is_audited(db: Database, roster: Roster) -> None:
    before = len(audit_rows(db))
    saved = record_circle(db, circle(roster))
    update_circle(db, saved.id, circle(roster, purpose="Changed"))
    events = [(e.action, e.entity, e.entity_id) for e in audit_rows(db)[before:]]
    assert events == [
        (AuditAction.CREATE, "community_circle", saved.id),
        (AuditAction.UPDATE, "community_circle", saved.id),
    ]


def test_the_choices_a_circle_form_offers(db: Database, roster: Roster) -> None:
    assert [s.display_name for s in list_staff(db)] == ["Tom Becker", "Rosa Delgado"]
    groups = {g.name: g.member_count for g in list_groups(db, 2025)}
    assert groups == {"Advisory 7B": 3, "Room 12 Homeroom": 0}
    assert list_groups(db, 2024) == []
    members = group_members(db, roster.advisory_id)
    assert [s.id for s in members] == [roster.ana.id, roster.liam.id, roster.lukasz.id]
