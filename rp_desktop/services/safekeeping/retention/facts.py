"""What the retention rules look at, read from the database: one row of facts per case,
circle, circle run, support plan, group, practice log, referral and caregiver, and for former
students only, their own facts and every record that names them (students still enrolled are
never removed)."""

from collections.abc import Iterator
from datetime import date, datetime

from sqlalchemy import Date, Integer, Select, func, select, text
from sqlalchemy.orm import Session

from rp_desktop.db.models import (
    CaregiverContactRow,
    CaregiverRow,
    CaregiverStudentRow,
    CaseParticipantRow,
    CaseRow,
    CircleRunRow,
    CommunityCircleRow,
    GroupMemberRow,
    GroupRow,
    MeetingRow,
    PracticeLogRow,
    PracticeLogStudentRow,
    ProgressEntryRow,
    ReferralRow,
    ReferralStudentRow,
    RunSeatRow,
    StudentRow,
    SupportPlanRow,
)
from rp_desktop.domain.safekeeping.retention_facts import (
    CaregiverFacts,
    CaseFacts,
    CircleFacts,
    GroupFacts,
    LinkKind,
    PracticeLogFacts,
    ReferralFacts,
    RetentionFacts,
    RunFacts,
    StudentFacts,
    StudentLink,
    SupportPlanFacts,
)
from rp_desktop.domain.vocabulary import CaseStatus

# Each student's latest Tier 1 circle. CROSS JOIN keeps SQLite's loops in this order, over two
# covering indexes: 0.7 s for 1.7 million attendances, where its own choice (by student) takes
# 2.5 s.
LAST_CIRCLE_ATTENDED = text(
    "SELECT a.student_id AS student_id, max(c.held_on) AS held_on FROM community_circle AS c "
    "CROSS JOIN circle_attendance AS a ON a.circle_id = c.id GROUP BY a.student_id"
).columns(student_id=Integer, held_on=Date)


def gather_facts(session: Session) -> RetentionFacts:
    """Everything the rules look at, one row per record. Students who are still active are
    never removed, so only former students and what names them are read."""
    return RetentionFacts(
        cases=tuple(_case_facts(session)),
        circles=tuple(
            CircleFacts(id_, held_on, group_id)
            for id_, held_on, group_id in session.execute(
                select(
                    CommunityCircleRow.id, CommunityCircleRow.held_on, CommunityCircleRow.group_id
                )
            )
        ),
        runs=tuple(_run_facts(session)),
        support_plans=tuple(_support_plan_facts(session)),
        groups=tuple(
            GroupFacts(id_, year)
            for id_, year in session.execute(select(GroupRow.id, GroupRow.school_year))
        ),
        students=tuple(_student_facts(session)),
        links=(*_student_links(session), *_links_through_caregivers(session)),
        practice_logs=tuple(
            PracticeLogFacts(*row)
            for row in session.execute(
                select(PracticeLogRow.id, PracticeLogRow.happened_on, PracticeLogRow.case_id)
            )
        ),
        referrals=tuple(_referral_facts(session)),
        caregivers=tuple(_caregiver_facts(session)),
    )


def _case_facts(session: Session) -> Iterator[CaseFacts]:
    rows = session.execute(
        select(CaseRow.id, CaseRow.occurred_on, CaseRow.status, CaseRow.closed_on, CaseRow.hold)
    )
    for id_, occurred_on, status, closed_on, hold in rows:
        yield CaseFacts(id_, occurred_on, status == CaseStatus.CLOSED, closed_on, bool(hold))


def _run_facts(session: Session) -> Iterator[RunFacts]:
    rows = session.execute(
        select(
            CircleRunRow.id,
            CircleRunRow.started_at,
            CircleRunRow.community_circle_id,
            MeetingRow.case_id,
            CircleRunRow.group_id,
        ).outerjoin(MeetingRow, MeetingRow.id == CircleRunRow.meeting_id)
    )
    for id_, started_at, circle_id, case_id, group_id in rows:
        yield RunFacts(id_, _local_day(started_at), circle_id, case_id, group_id)


def _support_plan_facts(session: Session) -> Iterator[SupportPlanFacts]:
    last_entry = (
        select(func.max(ProgressEntryRow.on, type_=Date))
        .where(ProgressEntryRow.plan_id == SupportPlanRow.id)
        .scalar_subquery()
    )
    rows = session.execute(
        select(
            SupportPlanRow.id,
            SupportPlanRow.student_id,
            SupportPlanRow.case_id,
            SupportPlanRow.active,
            SupportPlanRow.start_on,
            SupportPlanRow.review_on,
            SupportPlanRow.updated_at,
            last_entry,
        )
    )
    for id_, student_id, case_id, active, start_on, review_on, updated_at, entry_on in rows:
        days = [d for d in (start_on, review_on, entry_on) if d is not None]
        last_day = max([*days, _local_day(updated_at)])
        yield SupportPlanFacts(id_, student_id, case_id, bool(active), last_day)


def _former_ids() -> Select[int]:
    return select(StudentRow.id).where(StudentRow.active.is_(False))


def _student_facts(session: Session) -> Iterator[StudentFacts]:
    last_circles: dict[int, date] = dict(session.execute(LAST_CIRCLE_ATTENDED).all())
    rows = session.execute(
        select(StudentRow.id, StudentRow.active, StudentRow.updated_at).where(
            StudentRow.id.in_(_former_ids())
        )
    )
    for id_, active, updated_at in rows:
        day = _local_day(updated_at)
        yield StudentFacts(id_, bool(active), day, last_circles.get(id_))


def _student_links(session: Session) -> Iterator[StudentLink]:
    """Every case, run, group, practice log and referral that names a former student."""
    sources = (
        (LinkKind.CASE, CaseParticipantRow.student_id, CaseParticipantRow.case_id),
        (LinkKind.RUN, RunSeatRow.student_id, RunSeatRow.run_id),
        (LinkKind.GROUP, GroupMemberRow.student_id, GroupMemberRow.group_id),
        (LinkKind.PRACTICE, PracticeLogStudentRow.student_id, PracticeLogStudentRow.log_id),
        (LinkKind.REFERRAL, ReferralStudentRow.student_id, ReferralStudentRow.referral_id),
    )
    for kind, student_column, owner_column in sources:
        query = select(student_column, owner_column).where(student_column.in_(_former_ids()))
        for student_id, owner_id in session.execute(query):
            if student_id is not None:  # never, by the query; for the type checker
                yield StudentLink(student_id, kind, owner_id)


def _links_through_caregivers(session: Session) -> Iterator[StudentLink]:
    """Every case in which a caregiver of a former student takes part: the case names the
    student through them."""
    query = (
        select(CaregiverStudentRow.student_id, CaseParticipantRow.case_id)
        .join(
            CaseParticipantRow, CaseParticipantRow.caregiver_id == CaregiverStudentRow.caregiver_id
        )
        .where(CaregiverStudentRow.student_id.in_(_former_ids()))
        .distinct()
    )
    for student_id, case_id in session.execute(query):
        yield StudentLink(student_id, LinkKind.CASE, case_id)


def _referral_facts(session: Session) -> Iterator[ReferralFacts]:
    r = ReferralRow
    rows = session.execute(select(r.id, r.received_on, r.decision, r.case_id, r.practice_log_id))
    for id_, received_on, decision, case_id, log_id in rows:
        yield ReferralFacts(id_, received_on, decision is None, case_id, log_id)


def _caregiver_facts(session: Session) -> Iterator[CaregiverFacts]:
    """Each caregiver with their students and the cases that name them."""
    students: dict[int, list[int]] = {}
    for caregiver_id, student_id in session.execute(
        select(CaregiverStudentRow.caregiver_id, CaregiverStudentRow.student_id)
    ):
        students.setdefault(caregiver_id, []).append(student_id)
    cases: dict[int, set[int]] = {}
    for column, case_column in (
        (CaseParticipantRow.caregiver_id, CaseParticipantRow.case_id),
        (CaregiverContactRow.caregiver_id, CaregiverContactRow.case_id),
    ):
        for named, case_id in session.execute(
            select(column, case_column).where(column.is_not(None))
        ):
            if named is not None:  # never, by the query; for the type checker
                cases.setdefault(named, set()).add(case_id)
    for id_, updated_at in session.execute(select(CaregiverRow.id, CaregiverRow.updated_at)):
        mine = tuple(students.get(id_, ())), tuple(sorted(cases.get(id_, ())))
        yield CaregiverFacts(id_, _local_day(updated_at), *mine)


def _local_day(moment: datetime) -> date:
    """The user's own day of a stored moment, as Database.today() counts days."""
    return moment.astimezone().date()
