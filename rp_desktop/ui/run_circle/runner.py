"""Starting a circle from its setup, and saving it when it ends.

The runner is the one place that knows both who sits where (students, staff) and the circle
that runs: the engine, the console and the wall know seats and labels only."""

import time
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime

from PySide6.QtCore import QObject, Signal

from rp_desktop.domain.circle import (
    CircleEngine,
    CircleSettings,
    CircleSnapshot,
    CircleState,
    RoundPlan,
    Seat,
)
from rp_desktop.domain.circle.equity import VoiceSummary, voice_summary
from rp_desktop.domain.circle.types import Clock
from rp_desktop.domain.circle.wall import NameStyle, wall_labels
from rp_desktop.domain.circle_runs import CircleRunFields, SavedRun, SeatedPerson
from rp_desktop.domain.conference import ConferencePlan
from rp_desktop.domain.vocabulary import CircleKind, MeetingKind
from rp_desktop.services.circles.runs import save_circle_run
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.students import records as students
from rp_desktop.ui.conference.agreement_draft import AgreementDraft
from rp_desktop.ui.conference.agreement_panel import AgreementPanel, Owner
from rp_desktop.ui.conference.guide import ConferenceGuide, part_words
from rp_desktop.ui.run_circle.arrivals import ArrivalDialog
from rp_desktop.ui.run_circle.chime import Chime, make_chime
from rp_desktop.ui.run_circle.console import CircleConsole
from rp_desktop.ui.run_circle.seating import Attendee
from rp_desktop.ui.run_circle.session import CircleSession
from rp_desktop.ui.run_circle.wall.window import WallWindow


@dataclass(frozen=True)
class CirclePlanChoice:
    """What the setup decided: the seats in order, the rounds, and what the record will say."""

    seats: tuple[SeatedPerson, ...]
    rounds: tuple[RoundPlan, ...]
    settings: CircleSettings
    kind: CircleKind = CircleKind.COMMUNITY_BUILDING
    purpose: str = ""
    talking_piece: str = ""
    plan_id: int | None = None
    group_id: int | None = None
    keeper_id: int | None = None
    case_id: int | None = None
    meeting_kind: MeetingKind = MeetingKind.REPAIR_HARM_CIRCLE
    name_style: NameStyle = NameStyle.FIRST_NAME
    # Students marked not here at set-up: not seated, so the saved circle does not count them.
    absent_student_ids: frozenset[int] = frozenset()
    # A conference walked person by person: its rounds are `rounds`, its steps here.
    conference: ConferencePlan | None = None
    # The keeper's screen only: each seat's full name, and who may own an agreed item.
    names: Mapping[int, str] = field(default_factory=dict)
    owners: tuple[tuple[str, Owner], ...] = ()


class CircleRunner(QObject):
    """One circle from Start to its saved record.

    Signals:
        saved(object): the SavedRun, once the circle has ended and is saved.
        recordRequested(object): the keeper asked to open the record the circle made.
    """

    saved = Signal(object)
    recordRequested = Signal(object)

    def __init__(
        self,
        db: Database,
        choice: CirclePlanChoice,
        *,
        clock: Clock = time.monotonic,
        chime: Chime | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self.choice = choice
        self.people = {person.key: person for person in choice.seats}
        # Seats marked "not here" during the circle, each with the turns taken until then.
        self.not_here: dict[int, int] = {}
        seats = [Seat(p.key, p.label, p.is_keeper, p.role) for p in choice.seats]
        self.engine = CircleEngine(seats, choice.rounds, clock, choice.settings)
        self.session = CircleSession(self.engine, chime or make_chime(), self)
        self.wall = WallWindow()
        for_case = choice.case_id is not None
        self.agreement = AgreementPanel(list(choice.owners) if for_case else None, db.today())
        self.draft: AgreementDraft | None = None
        if choice.case_id is not None:  # what is agreed survives a crash as a draft
            self.draft = AgreementDraft(db, choice.case_id, self.agreement)
            self.agreement.changed.connect(self.draft.save)
        self.console = CircleConsole(
            self.session,
            self.wall,
            self._finish,
            agreement=self.agreement,
            talking_piece=choice.talking_piece,
            arrive=self.ask_arrival,
            not_here=self._mark_not_here,
            guide=self._guide(choice),
        )
        self.started_at: datetime | None = None
        self.result: SavedRun | None = None
        self.session.changed.connect(self._note_start)
        self.console.summary.openRecordRequested.connect(self._request_record)

    def show(self) -> None:
        self.console.show()
        self.console.show_wall()

    def ask_arrival(self, after_key: int | None) -> None:
        """Ask who arrived, and seat them after `after_key` (at the end when None)."""
        attendee = ArrivalDialog.ask(
            lambda text: students.find_students(self._db, text), self.console
        )
        if attendee is not None:
            self.seat_late_arrival(attendee, after_key)

    def seat_late_arrival(self, attendee: Attendee, after_key: int | None = None) -> bool:
        """Someone joins after the start: a new seat, a key nobody had, a label of their own."""
        key = max(self.people, default=0) + 1
        label = wall_labels([attendee.sitter], self.choice.name_style)[0]
        if self.choice.name_style is NameStyle.SEAT_NUMBER:
            label = str(key)
        if label in {person.label for person in self.people.values()}:
            label = f"{label} ({key})"
        person = SeatedPerson(key, label, False, attendee.student_id, attendee.staff_id)
        if not self.session.add_seat(Seat(key, label), after_key):
            return False
        self.people[key] = person
        return True

    @staticmethod
    def _guide(choice: CirclePlanChoice) -> ConferenceGuide:
        parts = {p.key: part_words(p.role) for p in choice.seats if p.role}
        return ConferenceGuide(choice.conference, choice.names, parts)

    def _mark_not_here(self, key: int) -> None:
        self.not_here[key] = len(self.engine.turns)

    def _absent(self) -> set[int]:
        """Seats marked not here, out of the ring, that had no turn before (one who spoke,
        then left, was there; the piece handed to someone found not to be there is not a
        turn)."""
        turns = self.engine.turns
        ring = {seat.key for seat in self.engine.snapshot().seats}
        return {
            key
            for key, taken in self.not_here.items()
            if key not in ring and all(turn.seat_key != key for turn in turns[:taken])
        }

    def _agreed(self, fields: CircleRunFields) -> CircleRunFields:
        """What the console adds to the record: the agreement or the group's agreements, and
        the notes of what was said when the answers are kept."""
        keep = self.console.script.keep_answers
        notes = self.console.guide.notes(self.console.script.notes()) if keep else ()
        return replace(
            fields,
            agreement=self.agreement.items(),
            group_agreements=self.agreement.lines(),
            keep_answers=keep,
            script_notes=notes,
        )

    def _request_record(self) -> None:
        if self.result is not None:
            self.recordRequested.emit(self.result)

    def _note_start(self, snapshot: CircleSnapshot) -> None:
        if self.started_at is None and snapshot.state is not CircleState.SETUP:
            self.started_at = self._db.now()

    def _finish(self) -> VoiceSummary:
        ended_at = self._db.now()
        engine = self.engine
        choice = self.choice
        absent = self._absent()  # not there: neither a seat nor a turn in the record
        sat = [seat for seat in engine.all_seats if seat.key not in absent]
        turns = tuple(turn for turn in engine.turns if turn.seat_key not in absent)
        seated = [self.people[seat.key] for seat in sat]
        fields = CircleRunFields(
            seats=tuple(seated),
            rounds=engine.rounds_begun,
            turns=turns,
            started_at=self.started_at or ended_at,
            ended_at=ended_at,
            running_seconds=engine.snapshot().total_elapsed,
            kind=choice.kind,
            purpose=choice.purpose,
            talking_piece=choice.talking_piece,
            plan_id=choice.plan_id,
            group_id=choice.group_id,
            keeper_id=choice.keeper_id,
            case_id=choice.case_id,
            meeting_kind=choice.meeting_kind,
            absent_student_ids=frozenset(
                sid for key in absent if (sid := self.people[key].student_id) is not None
            ),
        )
        self.result = save_circle_run(self._db, self._agreed(fields))
        if self.draft is not None:
            self.draft.forget()
        self.saved.emit(self.result)
        return voice_summary(sat, turns)
