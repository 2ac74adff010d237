"""The sample school's referrals: teachers asking for help over the sample years. Most opened
one of the sample's Tier 2 or Tier 3 cases (received the day the case happened, with its
students and its story); some were met with a quick restorative chat, some needed no action
(with the reason); and a handful from the last days wait in the queue. About a third proposed a
suspension, of 1 to 5 days, by a dean or an administrator (an alternative to suspension proposed
the days its case kept)."""

import random
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import Connection, insert, select

from rp_desktop.db.models import (
    CaseParticipantRow,
    CaseRow,
    PracticeLogRow,
    PracticeLogStudentRow,
    ReferralRow,
    ReferralStudentRow,
    StaffRow,
    StudentRow,
)
from rp_desktop.domain.continuum.kinds import PracticeKind, ReferralDecision
from rp_desktop.domain.vocabulary import StaffRole, Tier, Tier3Kind
from rp_desktop.services.demo.calendar import school_calendar
from rp_desktop.services.demo.continuum.referral_texts import (
    ASKS,
    NO_ACTION_REASONS,
    OTHER_REFERRERS,
    SMALL_MATTERS,
    TRIED,
)
from rp_desktop.services.demo.continuum.school import ContinuumSchool
from rp_desktop.services.demo.stamps import Stamps

REFERRED_SHARE = 0.6  # of the sample's cases, the share a referral opened
SUSPENSION_SHARE = 0.35  # of the other referrals, the share proposing a suspension
# A year's referrals met with a quick log, and with no action, per hundred students.
QUICK_LOGS_PER_HUNDRED = (0.8, 1.5)
NO_ACTIONS_PER_HUNDRED = (0.4, 0.8)
WAITING = (3, 5)
PROPOSERS = (StaffRole.DEAN, StaffRole.ADMINISTRATOR)
LOGGERS = (StaffRole.COUNSELOR, StaffRole.RP_COORDINATOR, StaffRole.SOCIAL_WORKER)


@dataclass(frozen=True)
class _Case:
    id: int
    occurred_on: date
    tier: Tier
    tier3_kind: Tier3Kind | None
    days_kept: int | None
    description: str
    students: tuple[int, ...]


@dataclass(frozen=True)
class _Referral:
    received_on: date
    students: tuple[int, ...]
    what_happened: str
    decision: ReferralDecision | None
    decided_on: date | None = None
    days: int | None = None
    reason: str = ""
    case_id: int | None = None


class _Writer:
    """Writes referrals (and the quick logs they became), counting them."""

    def __init__(self, school: ContinuumSchool, rng: random.Random) -> None:
        self.connection = school.connection
        self.rng = rng
        self.stamps = Stamps(school.today)
        self.teachers = _staff(self.connection, (StaffRole.TEACHER,))
        self.proposers = _staff(self.connection, PROPOSERS) or self.teachers
        self.loggers = _staff(self.connection, LOGGERS)
        self.referrals = 0
        self.logs = 0

    def write(self, referral: _Referral) -> None:
        rng = self.rng
        proposed = referral.days is not None
        by_teacher = bool(self.teachers) and rng.random() < 0.9
        values = {
            "received_on": referral.received_on,
            "referred_by_staff_id": rng.choice(self.teachers) if by_teacher else None,
            "referred_by_name": "" if by_teacher else rng.choice(OTHER_REFERRERS),
            "what_happened": referral.what_happened,
            "tried": rng.choice(TRIED),
            "asks_for": rng.choice(ASKS),
            "suspension_proposed": proposed,
            "suspension_days": referral.days,
            "suspension_proposed_by_staff_id": rng.choice(self.proposers) if proposed else None,
            "decision": referral.decision,
            "decided_on": referral.decided_on,
            "decision_reason": referral.reason,
            "case_id": referral.case_id,
            "practice_log_id": self._quick_log(referral),
            **self._stamped(referral.decided_on or referral.received_on),
        }
        referral_id = self._insert(ReferralRow, values)
        self._link(ReferralStudentRow, "referral_id", referral_id, referral.students)
        self.referrals += 1

    def _quick_log(self, referral: _Referral) -> int | None:
        if referral.decision is not ReferralDecision.QUICK_LOG:
            return None
        assert referral.decided_on is not None
        kind = self.rng.choice((PracticeKind.RESTORATIVE_CHAT, PracticeKind.IMPROMPTU_CONFERENCE))
        values = {
            "kind": kind,
            "happened_on": referral.decided_on,
            "minutes": self.rng.choice((5, 10, 10, 15, 20)),
            "tally": 1,
            "staff_id": self.rng.choice(self.loggers) if self.loggers else None,
            "note": "",
            **self._stamped(referral.decided_on),
        }
        log_id = self._insert(PracticeLogRow, values)
        self._link(PracticeLogStudentRow, "log_id", log_id, referral.students)
        self.logs += 1
        return log_id

    def _stamped(self, day: date) -> dict[str, object]:
        stamp = self.stamps.on(self.rng, day)
        return {"created_at": stamp, "updated_at": stamp}

    def _insert(
        self, model: type[ReferralRow] | type[PracticeLogRow], values: dict[str, object]
    ) -> int:
        key = self.connection.execute(insert(model).values(**values)).inserted_primary_key
        assert key is not None
        return int(key[0])

    def _link(
        self,
        model: type[ReferralStudentRow] | type[PracticeLogStudentRow],
        key: str,
        record_id: int,
        students: tuple[int, ...],
    ) -> None:
        if students:
            rows = [{key: record_id, "student_id": student} for student in students]
            self.connection.execute(insert(model), rows)


def add_referrals(school: ContinuumSchool) -> dict[str, int]:
    """Referrals that opened cases, met with a quick log or no action, and a few waiting."""
    rng = school.rng("referrals")
    writer = _Writer(school, rng)
    students = list(
        school.connection.scalars(
            select(StudentRow.id).where(StudentRow.active).order_by(StudentRow.id)
        )
    )
    referrals = [
        _for_case(case, rng) for case in _cases(school.connection) if rng.random() < REFERRED_SHARE
    ]
    if students:
        for year in school.years:
            referrals += _small_matters(school_days(year, school.today), students, rng)
        referrals += _waiting(school.today, students, rng)
    for referral in sorted(referrals, key=lambda r: r.received_on):
        writer.write(referral)
    return {"referrals": writer.referrals, "practice_logs": writer.logs}


def school_days(year: int, today: date) -> list[date]:
    """The school days of a year that have come (before today: today's are still waiting)."""
    return [day for day in school_calendar(year).school_days() if day < today]


def _for_case(case: _Case, rng: random.Random) -> _Referral:
    kept = case.tier3_kind is Tier3Kind.ALTERNATIVE_TO_SUSPENSION
    days = case.days_kept if kept else _proposed_days(rng)
    decision = (
        ReferralDecision.TIER3_CASE if case.tier is Tier.INTENSIVE else ReferralDecision.TIER2_CASE
    )
    return _Referral(
        received_on=case.occurred_on,
        students=case.students,
        what_happened=case.description,
        decision=decision,
        decided_on=case.occurred_on,
        days=days,
        case_id=case.id,
    )


def _small_matters(days: list[date], students: list[int], rng: random.Random) -> list[_Referral]:
    """One year's referrals that became a quick log or needed no action."""
    made: list[_Referral] = []
    if not days:
        return made
    hundreds = len(students) / 100
    plan = [ReferralDecision.QUICK_LOG] * _some_per(hundreds, QUICK_LOGS_PER_HUNDRED, rng)
    plan += [ReferralDecision.NO_ACTION] * _some_per(hundreds, NO_ACTIONS_PER_HUNDRED, rng)
    for decision in plan:
        received = rng.choice(days)
        decided = min(received + timedelta(days=rng.choice((0, 1, 1, 2))), days[-1])
        made.append(
            _Referral(
                received_on=received,
                students=_some(students, rng),
                what_happened=rng.choice(SMALL_MATTERS),
                decision=decision,
                decided_on=decided,
                days=_proposed_days(rng) if decision is ReferralDecision.QUICK_LOG else None,
                reason=rng.choice(NO_ACTION_REASONS)
                if decision is ReferralDecision.NO_ACTION
                else "",
            )
        )
    return made


def _waiting(today: date, students: list[int], rng: random.Random) -> list[_Referral]:
    """A handful received in the last days, waiting for triage."""
    return [
        _Referral(
            received_on=today - timedelta(days=rng.randrange(0, 8)),
            students=_some(students, rng),
            what_happened=rng.choice(SMALL_MATTERS),
            decision=None,
            # The first proposes a suspension, so the queue shows what one looks like.
            days=rng.randint(1, 5) if first == 0 else _proposed_days(rng),
        )
        for first in range(rng.randint(*WAITING))
    ]


def _some_per(hundreds: float, rate: tuple[float, float], rng: random.Random) -> int:
    return max(1, round(hundreds * rng.uniform(*rate)))


def _proposed_days(rng: random.Random) -> int | None:
    return rng.randint(1, 5) if rng.random() < SUSPENSION_SHARE else None


def _some(students: list[int], rng: random.Random) -> tuple[int, ...]:
    return tuple(sorted(rng.sample(students, min(len(students), rng.choice((1, 1, 2, 2, 3))))))


def _cases(connection: Connection) -> list[_Case]:
    """The sample's cases with students in them, in the order they were opened."""
    students: dict[int, list[int]] = defaultdict(list)
    links = select(CaseParticipantRow.case_id, CaseParticipantRow.student_id).where(
        CaseParticipantRow.student_id.is_not(None)
    )
    for case_id, student_id in connection.execute(links.order_by(CaseParticipantRow.id)):
        if student_id is not None and student_id not in students[case_id]:
            students[case_id].append(student_id)
    cases = select(
        CaseRow.id,
        CaseRow.occurred_on,
        CaseRow.tier,
        CaseRow.tier3_kind,
        CaseRow.suspension_days_avoided,
        CaseRow.description,
    ).order_by(CaseRow.id)
    return [
        _Case(*row[:6], students=tuple(sorted(students[row[0]])))
        for row in connection.execute(cases)
        if students[row[0]]
    ]


def _staff(connection: Connection, roles: tuple[StaffRole, ...]) -> list[int]:
    return list(
        connection.scalars(
            select(StaffRow.id).where(StaffRow.role.in_(roles)).order_by(StaffRow.id)
        )
    )
