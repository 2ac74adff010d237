"""Circle runs for the sample school, kept turn by turn as the circle console saves them: a few
of its held circles and of its repair-harm and re-entry circles. They give the Reports tab an
equity of voice to show.

From streams of their own, so every other row comes out as it did without them. A student's voice
is drawn once: a quiet one passes run after run and speaks briefly, a chatty one speaks long, so
pass rates differ between students and groups; passing is commoner in the autumn. Rounds follow
the shipped templates; the keeper sits first and takes the piece last in each round. In a circle
for a case each student's seat carries their part in it (the person harmed, who caused harm)."""

import math
import random
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from itertools import count
from typing import Any

from sqlalchemy import Connection, func, insert, select

from rp_desktop.db.models import CircleRunRow, RunRoundRow, RunSeatRow, TurnRow
from rp_desktop.domain.circle.types import Timing
from rp_desktop.domain.circle.wall import NameStyle, Sitter, wall_labels
from rp_desktop.domain.shipped_library import SeedRound
from rp_desktop.domain.vocabulary import CircleStage, CircleStatus
from rp_desktop.services.circles.seeding import read_shipped_library
from rp_desktop.services.demo.casework.case_rows import CaseRows
from rp_desktop.services.demo.community_circles import CircleRows
from rp_desktop.services.demo.recipe import stream
from rp_desktop.services.demo.roster import StudentRecipe
from rp_desktop.services.demo.run_rounds import MEETING_TEMPLATES, LibraryRounds

CIRCLE_RUN_SHARE = 0.05  # of held Tier 1 circles (those with fewer than two students are left)
MEETING_RUN_SHARE = 0.2  # of repair-harm and re-entry circles held on cases
TALKING_PIECES = ("river stone", "talking stick", "wooden heart", "seashell", "pine cone")
# Local time: 8:15 to 15:00 on the computer's clock, so that a run falls on its circle's day
# wherever the demo is made (reports date a run by the local day it started).
START_MINUTES = (8 * 60 + 15, 15 * 60)
SHORTEST_MS, LONGEST_MS = 10_000, 90_000  # a turn in which someone speaks
PASS_MS = (1_500, 3_500)  # the moment it takes to hand the piece on
# How long a turn of a student with an average voice lasts, by the round's stage.
USUAL_MS = {
    CircleStage.CHECK_IN: 32_000,
    CircleStage.VALUES_AND_GUIDELINES: 32_000,
    CircleStage.DISCUSSION: 40_000,
    CircleStage.CHECK_OUT: 18_000,
    CircleStage.REPAIR_HARM: 45_000,
    CircleStage.RE_ENTRY: 40_000,
}
SEATS_SQL = (
    "INSERT INTO run_seat (id, run_id, position, student_id, staff_id, label, is_keeper, role)"
)
TURNS_SQL = (
    "INSERT INTO turn (id, run_id, round_number, seat_id, start_offset_ms, duration_ms, passed)"
)
Row = dict[str, Any]
TurnValues = tuple[int, int, int, int, int, int, bool]  # as TURNS_SQL names the columns


@dataclass(frozen=True, slots=True)
class Voice:
    """How a student speaks in circles, drawn once for all their runs."""

    quietness: float  # 0 the chattiest, towards 1 the quietest
    pass_chance: float  # in a round, before the season's lean
    talk: float  # times the usual length of a turn


KEEPER = Voice(0.0, 0.0, 1.0)  # the keeper never passes, and speaks as long as most
Speakers = list[tuple[int, Voice]]  # seat ids in speaking order, with their voices


def student_voices(rng: random.Random, students: Sequence[StudentRecipe]) -> dict[int, Voice]:
    """A voice for each student, drawn in student order."""
    voices = {}
    for student in students:
        quiet = rng.random()
        talk = math.exp(rng.gauss(0, 0.3)) * (1.3 - 0.6 * quiet)
        voices[student.id] = Voice(quiet, 0.02 + 0.45 * quiet**3, talk)
    return voices


def season_lean(day: date) -> float:
    """Passing is likelier early in the school year: x1.25 in September down to x0.8 in June."""
    return 1.25 - 0.05 * ((day.month - 9) % 12)


@dataclass(slots=True)
class RunRows:
    runs: list[Row] = field(default_factory=list)
    rounds: list[Row] = field(default_factory=list)
    seats: list[tuple[Any, ...]] = field(default_factory=list)
    turns: list[TurnValues] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class RunRecipe:
    """One run before its seats and turns are drawn."""

    day: date
    keeper_id: int | None
    students: list[int]  # in seat order after the keeper
    rounds: list[SeedRound]
    talking_piece: str
    group_id: int | None = None
    community_circle_id: int | None = None
    meeting_id: int | None = None
    roles: dict[int, str] = field(default_factory=dict)  # a student's part in the case


class DemoRuns:
    """Writes the sample school's runs into the builder's transaction, a school year at a time."""

    def __init__(
        self, connection: Connection, seed: int, students: Sequence[StudentRecipe], today: date
    ) -> None:
        self.connection = connection
        self.seed = seed
        self.today = today
        self.voices = student_voices(stream(seed, "voices"), students)
        self.sitters = {s.id: Sitter(s.name.first, s.name.last, s.preferred) for s in students}
        self.rounds = LibraryRounds(read_shipped_library())
        # Ids handed out here, after any the tables hold, so seats and turns can point ahead.
        self.ids = {
            model: count((connection.scalar(select(func.max(model.id))) or 0) + 1)
            for model in (CircleRunRow, RunSeatRow, RunRoundRow, TurnRow)
        }

    def add_circles(self, year: int, circles: CircleRows) -> int:
        """Runs for some of the year's held circles, seated with who was there; how many."""
        rng = stream(self.seed, "circle runs", year)
        chosen = {
            row["id"]: row
            for row in circles.circles
            if row["status"] is CircleStatus.HELD and rng.random() < CIRCLE_RUN_SHARE
        }
        recipes = []
        for circle_id, row in chosen.items():
            students = _attending(circles.attendance, circle_id)
            if len(students) < 2:
                continue
            rng.shuffle(students)
            rounds = self.rounds.for_circle(row["kind"], len(students), row["duration_minutes"])
            piece = TALKING_PIECES[(row["group_id"] or 0) % len(TALKING_PIECES)]
            link = {"group_id": row["group_id"], "community_circle_id": circle_id}
            recipes.append(
                RunRecipe(row["held_on"], row["keeper_id"], students, rounds, piece, **link)
            )
        return self._write(rng, recipes)

    def add_meetings(self, year: int, cases: CaseRows) -> int:
        """Runs for some repair-harm and re-entry circles, seated with the students who were
        there and the facilitator; how many."""
        rng = stream(self.seed, "meeting runs", year)
        students = {p["id"]: p["student_id"] for p in cases.participants if p["student_id"]}
        roles = {p["id"]: str(p["role"]) for p in cases.participants}
        seated: dict[int, list[int]] = defaultdict(list)
        parts: dict[int, dict[int, str]] = defaultdict(dict)
        for meeting_id, participant_id in cases.casework.attendees:
            if participant_id in students:
                seated[meeting_id].append(students[participant_id])
                parts[meeting_id][students[participant_id]] = roles[participant_id]
        recipes = []
        for row in cases.meetings:
            kind, meeting_id = row["kind"], row["id"]
            if kind not in MEETING_TEMPLATES or row["held_on"] >= self.today:
                continue
            if rng.random() < MEETING_RUN_SHARE and seated[meeting_id]:
                rounds = self.rounds.for_meeting(rng, kind)
                who = list(dict.fromkeys(seated[meeting_id]))  # in speaking order
                piece = rng.choice(TALKING_PIECES)
                keeper = row["facilitator_id"]
                link = {"meeting_id": meeting_id, "roles": parts[meeting_id]}
                recipes.append(RunRecipe(row["held_on"], keeper, who, rounds, piece, **link))
        return self._write(rng, recipes)

    def _write(self, rng: random.Random, recipes: list[RunRecipe]) -> int:
        rows = RunRows()
        for recipe in recipes:
            self._run(rng, rows, recipe)
        insert_runs(self.connection, rows)
        return len(rows.runs)

    def _rounds(self, rng: random.Random, run_id: int, shapes: list[SeedRound]) -> list[Row]:
        return [
            {
                "id": next(self.ids[RunRoundRow]),
                "run_id": run_id,
                "number": number,
                "stage": shape.stage,
                "prompt_text": self.rounds.prompt_text(rng, shape),
                "timing": shape.timing,
                "budget_seconds": None if shape.timing is Timing.NONE else shape.seconds,
            }
            for number, shape in enumerate(shapes)
        ]

    def _run(self, rng: random.Random, rows: RunRows, recipe: RunRecipe) -> None:
        run_id = next(self.ids[CircleRunRow])
        seat_ids = [next(self.ids[RunSeatRow]) for _ in range(len(recipe.students) + 1)]
        labels = wall_labels([self.sitters[s] for s in recipe.students], NameStyle.FIRST_NAME)
        rows.seats.append((seat_ids[0], run_id, 0, None, recipe.keeper_id, "", True, "keeper"))
        rows.seats += [
            (seat_ids[place], run_id, place, student, None, labels[place - 1], False, role)
            for place, student in enumerate(recipe.students, start=1)
            for role in [recipe.roles.get(student, "")]
        ]
        rows.rounds += self._rounds(rng, run_id, recipe.rounds)
        speakers = [(seat_ids[i], self.voices[s]) for i, s in enumerate(recipe.students, 1)]
        turns = _turns(rng, recipe, run_id, self.ids[TurnRow], [*speakers, (seat_ids[0], KEEPER)])
        rows.turns += turns
        started = datetime.combine(recipe.day, time()).astimezone(UTC)  # local midnight
        started += timedelta(minutes=rng.randrange(*START_MINUTES))
        closing = rng.randrange(30_000, 150_000)  # the keeper's closing words
        rows.runs.append(
            {
                "id": run_id,
                "plan_id": None,
                "group_id": recipe.group_id,
                "community_circle_id": recipe.community_circle_id,
                "meeting_id": recipe.meeting_id,
                "talking_piece": recipe.talking_piece,
                "started_at": started,
                "ended_at": started + timedelta(milliseconds=turns[-1][4] + turns[-1][5] + closing),
            }
        )


def _attending(attendance: list[tuple[int, int]], circle_id: int) -> list[int]:
    """The students at a circle. A year's attendance is in circle order, so two binary searches
    find them without walking its hundreds of thousands of pairs."""
    first = bisect_left(attendance, (circle_id,))
    return [student for _, student in attendance[first : bisect_left(attendance, (circle_id + 1,))]]


def _turns(
    rng: random.Random, recipe: RunRecipe, run_id: int, ids: Iterator[int], speakers: Speakers
) -> list[TurnValues]:
    """Every turn: each speaker once a round, in the order given; each starts as the last ended."""
    chance, lean = rng.random, season_lean(recipe.day)
    turns = []
    offset = 0
    for number, shape in enumerate(recipe.rounds):
        usual = USUAL_MS[shape.stage]
        for seat_id, voice in speakers:
            if chance() < voice.pass_chance * lean:
                duration, passed = rng.randrange(*PASS_MS), True
            else:
                duration = int(usual * voice.talk * (0.7 + 0.6 * chance()))
                duration, passed = min(max(duration, SHORTEST_MS), LONGEST_MS), False
            turns.append((next(ids), run_id, number, seat_id, offset, duration, passed))
            offset += duration
    return turns


def insert_runs(connection: Connection, rows: RunRows) -> None:
    """Runs and rounds through the models' column types; seats and turns, plain values by the
    hundred thousand, straight to the driver."""
    if not rows.runs:
        return
    connection.execute(insert(CircleRunRow), rows.runs)
    connection.execute(insert(RunRoundRow), rows.rounds)
    connection.exec_driver_sql(f"{SEATS_SQL} VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows.seats)
    connection.exec_driver_sql(f"{TURNS_SQL} VALUES (?, ?, ?, ?, ?, ?, ?)", rows.turns)
