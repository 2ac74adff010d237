"""A drawn case turned into rows: the case, its people, meetings, agreement, items, follow-up,
tier moves and casework, each pointing at the others by the ids handed out here."""

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from rp_desktop.domain.records import Category
from rp_desktop.domain.vocabulary import Tier, Tier3Kind
from rp_desktop.services.demo.casework.case_people import Cast
from rp_desktop.services.demo.casework.casework_recipe import Casework
from rp_desktop.services.demo.casework.casework_rows import CaseIds, CaseworkRows
from rp_desktop.services.demo.casework.story_records import Story
from rp_desktop.services.demo.ids import Ids
from rp_desktop.services.search_keys import case_key

Row = dict[str, Any]


@dataclass(slots=True)
class CaseRows:
    cases: list[Row] = field(default_factory=list)
    participants: list[Row] = field(default_factory=list)
    meetings: list[Row] = field(default_factory=list)
    agreements: list[Row] = field(default_factory=list)
    items: list[Row] = field(default_factory=list)
    follow_ups: list[Row] = field(default_factory=list)
    tier_changes: list[Row] = field(default_factory=list)
    casework: CaseworkRows = field(default_factory=CaseworkRows)

    def counts(self) -> dict[str, int]:
        """How many rows of each kind, by the names the building's summary counts them under."""
        casework = self.casework
        return {
            "cases": len(self.cases),
            "meetings": len(self.meetings),
            "agreements": len(self.agreements),
            "agreement_items": len(self.items),
            "follow_ups": len(self.follow_ups),
            "meeting_attendees": len(casework.attendees),
            "meeting_answers": len(casework.answers),
            "support_plans": len(casework.support_plans),
            "progress_entries": len(casework.progress),
            "re_entry_plans": len(casework.re_entry_plans),
        }


@dataclass(frozen=True, slots=True)
class CaseDraft:
    """A case as drawn, its story already cut at today."""

    occurred_on: date
    category: Category
    place: str
    description: str
    tier3_kind: Tier3Kind | None  # the practice, if the case is (or was) at Tier 3
    cast: Cast
    story: Story

    @property
    def last_day(self) -> date:
        return self.story.closed_on or self.story.last_day() or self.occurred_on


class CaseWriter:
    """Writes one case's rows, in the order foreign keys need them."""

    def __init__(self, ids: Ids, rows: CaseRows, draft: CaseDraft, casework: Casework) -> None:
        self.ids = ids
        self.rows = rows
        self.draft = draft
        self.story = draft.story
        self.casework = casework
        self.case_id = ids.take("case")
        self.keeper_id = draft.cast.facilitator.id

    def write(self, created: datetime, updated: datetime) -> None:
        self._case(created, max(created, updated))
        people = [self._participant(index) for index in range(len(self.draft.cast.people))]
        meetings = [self._meeting(index) for index in range(len(self.story.meetings))]
        if self.story.agreement_at is not None:
            agreement_id = self._agreement(meetings[self.story.agreement_at])
            items = [
                self._item(agreement_id, index, people) for index in range(len(self.story.items))
            ]
            for index in range(len(self.story.follow_ups)):
                self._follow_up(index, items)
        for index in range(len(self.story.moves)):
            self._tier_change(index)
        case = CaseIds(self.case_id, people, meetings)
        self.rows.casework.add(self.ids, self.casework, case)

    def _case(self, created: datetime, updated: datetime) -> None:
        draft, story = self.draft, self.story
        tier = story.current_tier
        names = list(dict.fromkeys(person.display_name for person in draft.cast.people))
        self.rows.cases.append(
            {
                "id": self.case_id,
                "tier": tier,
                "occurred_on": draft.occurred_on,
                "place": draft.place,
                "category_id": draft.category.id,
                "description": draft.description,
                "status": story.status,
                "closure_reason": story.closure,
                "tier3_kind": draft.tier3_kind if tier is Tier.INTENSIVE else None,
                "private_note": self.casework.private_note,
                "suspension_days_avoided": self.casework.suspension_days_avoided,
                "closed_on": story.closed_on,
                "search_key": case_key(draft.category.name, draft.place, draft.description, names),
                "created_at": created,
                "updated_at": updated,
            }
        )

    def _participant(self, index: int) -> int:
        person = self.draft.cast.people[index]
        participant_id = self.ids.take("case_participant")
        self.rows.participants.append(
            {
                "id": participant_id,
                "case_id": self.case_id,
                "role": person.role,
                "student_id": person.student.id if person.student else None,
                "staff_id": person.staff.id if person.staff else None,
                "other_name": person.other_name,
            }
        )
        return participant_id

    def _meeting(self, index: int) -> int:
        meeting = self.story.meetings[index]
        meeting_id = self.ids.take("meeting")
        self.rows.meetings.append(
            {
                "id": meeting_id,
                "case_id": self.case_id,
                "kind": meeting.kind,
                "held_on": meeting.held_on,
                "facilitator_id": self.keeper_id,
                "duration_minutes": meeting.minutes,
                "notes": meeting.notes,
            }
        )
        return meeting_id

    def _agreement(self, meeting_id: int) -> int:
        agreement_id = self.ids.take("agreement")
        self.rows.agreements.append(
            {
                "id": agreement_id,
                "case_id": self.case_id,
                "meeting_id": meeting_id,
                "made_on": self.story.agreed_on,
                "notes": self.story.agreement_notes,
            }
        )
        return agreement_id

    def _item(self, agreement_id: int, index: int, people: list[int]) -> int:
        item = self.story.items[index]
        item_id = self.ids.take("agreement_item")
        owner = self.draft.cast.people[item.owner]
        self.rows.items.append(
            {
                "id": item_id,
                "agreement_id": agreement_id,
                "description": item.description,
                # Staff own an item as staff; students and family as participants of the case.
                "owner_participant_id": None if owner.staff else people[item.owner],
                "owner_staff_id": owner.staff.id if owner.staff else None,
                "due_on": item.due_on,
                "status": item.outcome,
            }
        )
        return item_id

    def _follow_up(self, index: int, items: list[int]) -> None:
        follow_up = self.story.follow_ups[index]
        self.rows.follow_ups.append(
            {
                "id": self.ids.take("follow_up"),
                "case_id": self.case_id,
                "on": follow_up.on,
                "staff_id": self.keeper_id,
                "agreement_item_id": None if follow_up.item is None else items[follow_up.item],
                "note": follow_up.note,
            }
        )

    def _tier_change(self, index: int) -> None:
        move = self.story.moves[index]
        self.rows.tier_changes.append(
            {
                "id": self.ids.take("tier_change"),
                "case_id": self.case_id,
                "changed_on": move.on,
                "from_tier": move.from_tier,
                "to_tier": move.to_tier,
                "reason": move.reason,
            }
        )
