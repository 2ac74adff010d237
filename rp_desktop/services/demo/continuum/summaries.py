"""What each person said at the sample school's meetings, as the app now keeps it by default: a
short, neutral summary per person who came (the facilitator asks and is not summed up), on most
meetings held; the answers word for word on about one meeting in ten, marked as kept, and on no
other (the answers the casework part wrote for the rest are removed here)."""

import random
from collections import defaultdict
from typing import Protocol

from sqlalchemy import Connection, bindparam, delete, select, update

from rp_desktop.db.models import (
    CaseParticipantRow,
    MeetingAnswerRow,
    MeetingAttendeeRow,
    MeetingRow,
)
from rp_desktop.domain.continuum.kinds import MeetingStatus
from rp_desktop.domain.vocabulary import Role

SUMMED_UP_SHARE = 0.85  # of the meetings held, those whose people each have a summary
KEPT_SHARE = 0.1  # of the meetings held, those whose answers are kept word for word

CAUSED = (
    "Owned up to what happened; will make it right",
    "Listened closely; agreed to the plan",
    "Said sorry and meant it",
    "Explained what led up to it; agreed to a plan",
    "Quiet at first; named who was affected",
    "Agreed to put right what they could",
    "Understood how it landed; will check in on Friday",
    "Wants a fresh start with the class",
)
HARMED = (
    "Said how it affected them; wants it to stop",
    "Felt heard; accepted the apology",
    "Wants space at lunch for a while",
    "Shared what was hardest; asked for a check-in",
    "Not ready to move on yet; agreed to the plan",
    "Relieved to talk it through",
)
SUPPORT = (
    "Spoke up for a fresh start",
    "Offered to help with the plan at home",
    "Saw what happened; wants the hallway calmer",
    "Will support the check-ins",
    "Glad everyone came; will keep an eye out",
)
STAFF = (
    "Described what they saw; will check in weekly",
    "Needs the class calm to teach; agreed to the plan",
    "Will move seats and check in after class",
)
NEUTRAL = (
    "Talked about how the week is going; agreed to a check-in",
    "Shared what helps; will try the plan for two weeks",
)
SAID_BY: dict[Role, tuple[str, ...]] = {
    Role.PERSON_WHO_CAUSED_HARM: CAUSED,
    Role.PERSON_HARMED: HARMED,
    Role.STAFF: STAFF,
}
NEUTRAL_ROLES = frozenset({Role.STUDENT})


class School(Protocol):
    """What this part reads of services.demo.continuum.ContinuumSchool."""

    @property
    def connection(self) -> Connection: ...

    def rng(self, part: str) -> random.Random: ...


def add_summaries(school: School) -> dict[str, int]:
    """Summaries on most meetings held, answers kept on about one in ten. The answers removed
    are taken off the summary's count of answers (it counts what the school holds)."""
    rng = school.rng("summaries")
    connection = school.connection
    held = list(
        connection.scalars(
            select(MeetingRow.id)
            .where(MeetingRow.status == MeetingStatus.HELD)
            .order_by(MeetingRow.id)
        )
    )
    _write_summaries(connection, rng, [m for m in held if rng.random() < SUMMED_UP_SHARE])
    return {"meeting_answers": -_keep_a_few_answers(connection, rng, held)}


def _write_summaries(connection: Connection, rng: random.Random, meetings: list[int]) -> None:
    chosen = set(meetings)
    people = connection.execute(
        select(
            MeetingAttendeeRow.meeting_id,
            MeetingAttendeeRow.participant_id,
            CaseParticipantRow.role,
        )
        .join(CaseParticipantRow, CaseParticipantRow.id == MeetingAttendeeRow.participant_id)
        .where(CaseParticipantRow.role != Role.FACILITATOR)
        .order_by(MeetingAttendeeRow.meeting_id, MeetingAttendeeRow.participant_id)
    ).all()
    said = [
        {"meeting": meeting_id, "person": participant_id, "said": _summary(rng, role)}
        for meeting_id, participant_id, role in people
        if meeting_id in chosen
    ]
    if said:
        connection.execute(
            update(MeetingAttendeeRow)
            .where(
                MeetingAttendeeRow.meeting_id == bindparam("meeting"),
                MeetingAttendeeRow.participant_id == bindparam("person"),
            )
            .values(summary=bindparam("said")),
            said,
        )


def _summary(rng: random.Random, role: Role) -> str:
    if role in NEUTRAL_ROLES:
        return rng.choice(NEUTRAL)
    return rng.choice(SAID_BY.get(role, SUPPORT))


def _keep_a_few_answers(connection: Connection, rng: random.Random, held: list[int]) -> int:
    """Mark about one held meeting in ten as keeping its answers (among those that have any)
    and remove the answers of every other meeting; how many answers were removed."""
    answered: dict[int, int] = defaultdict(int)
    for (meeting_id,) in connection.execute(select(MeetingAnswerRow.meeting_id)):
        answered[meeting_id] += 1
    candidates = sorted(answered)
    kept = set(rng.sample(candidates, min(len(candidates), round(KEPT_SHARE * len(held)))))
    if kept:
        connection.execute(
            update(MeetingRow).where(MeetingRow.id.in_(kept)).values(keep_answers=True)
        )
    connection.execute(delete(MeetingAnswerRow).where(MeetingAnswerRow.meeting_id.not_in(kept)))
    return sum(count for meeting_id, count in answered.items() if meeting_id not in kept)
