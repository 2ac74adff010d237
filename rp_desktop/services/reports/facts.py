"""The rows a report counts: every record that falls in the period, with the day that places it,
the series it counts in, its month (or practice kind) and, for a breakdown, each of its students.
A report's rows come in parts (circles, meetings; cases opened, closed), each one SELECT, so that
each part can be counted where it is (SQLite would otherwise first copy a union of them all).

Columns: `rec` (the id counted, distinct within a series), `day`, `series` (a series key, or
"item:done" / "item:missed" for the items behind the share kept), `cat` (the month "YYYY-MM", or
"circle_kind:..." / "meeting_kind:..."), `student` (only with students: one row per student of
the record), `value` (suspension days only). The report and the list of records behind a bar
both read these rows, so a bar and its list always agree.
"""

from collections.abc import Callable
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    SelectBase,
    String,
    and_,
    cast,
    func,
    literal,
    select,
    type_coerce,
    union_all,
)

from rp_desktop.db.models import (
    AgreementItemRow,
    AgreementRow,
    CaseCategoryRow,
    CaseParticipantRow,
    CaseRow,
    CircleAttendanceRow,
    CommunityCircleRow,
    MeetingRow,
    ReferralRow,
)
from rp_desktop.domain.continuum.kinds import MeetingStatus
from rp_desktop.domain.continuum.suspension import RESTORATIVE_DECISIONS
from rp_desktop.domain.reports.model import Period, ReportKind
from rp_desktop.domain.vocabulary import AgreementStatus, CategoryKind, CircleStatus

AnySelect = Select[*tuple[Any, ...]]

KEPT_ITEMS = ("item:done", "item:missed")
REACHED = "measure:reached"


def facts(kind: ReportKind, period: Period, with_students: bool) -> list[AnySelect]:
    """The parts of the rows of report `kind` (not FOLLOW_UPS or EQUITY_OF_VOICE, which are
    not counts). Within one series, the parts' `rec` are records of one kind."""
    builders: dict[ReportKind, Callable[[], list[AnySelect]]] = {
        ReportKind.PRACTICES_BY_MONTH: lambda: _practices(period, with_students, by_kind=False),
        ReportKind.PRACTICE_KINDS: lambda: _practices(period, with_students, by_kind=True),
        ReportKind.STUDENTS_REACHED: lambda: _reached(period),
        ReportKind.CASES: lambda: _cases(period, with_students),
        ReportKind.AGREEMENTS: lambda: _agreements(period, with_students),
        ReportKind.SUSPENSION_DAYS_AVOIDED: lambda: [_days_avoided(period, with_students)],
    }
    return builders[kind]()


def _practices(period: Period, with_students: bool, by_kind: bool) -> list[AnySelect]:
    """Held Tier 1 circles (tier:1) and held meetings on cases, by their case's tier."""
    circle, meeting = CommunityCircleRow, MeetingRow
    circle_cat = _joined("circle_kind:", circle.kind) if by_kind else month_of(circle.held_on)
    meeting_cat = _joined("meeting_kind:", meeting.kind) if by_kind else month_of(meeting.held_on)
    circles = select(
        circle.id.label("rec"),
        circle.held_on.label("day"),
        literal("tier:1").label("series"),
        circle_cat.label("cat"),
    ).where(circle.status == CircleStatus.HELD, in_period(circle.held_on, period))
    meetings = (
        select(
            meeting.id.label("rec"),
            meeting.held_on.label("day"),
            _joined("tier:", CaseRow.tier).label("series"),
            meeting_cat.label("cat"),
        )
        .join(CaseRow, CaseRow.id == meeting.case_id)
        .where(in_period(meeting.held_on, period), meeting.status == MeetingStatus.HELD)
    )
    if with_students:
        circles = circles.join(
            CircleAttendanceRow, CircleAttendanceRow.circle_id == circle.id
        ).add_columns(CircleAttendanceRow.student_id.label("student"))
        meetings = _with_case_students(meetings, CaseRow.id)
    return [circles, meetings]


def circle_attendance(period: Period) -> AnySelect:
    """Students in held circles (tier:1); `rec` and `student` are both the student."""
    return (
        select(
            CircleAttendanceRow.student_id.label("rec"),
            CommunityCircleRow.held_on.label("day"),
            literal("tier:1").label("series"),
            month_of(CommunityCircleRow.held_on).label("cat"),
            CircleAttendanceRow.student_id.label("student"),
        )
        .join(CommunityCircleRow, CommunityCircleRow.id == CircleAttendanceRow.circle_id)
        .where(
            CommunityCircleRow.status == CircleStatus.HELD,
            in_period(CommunityCircleRow.held_on, period),
        )
    )


def _reached(period: Period) -> list[AnySelect]:
    """Students in a held circle (tier:1), and students in a case of that tier opened or with
    a meeting held in the period; `rec` and `student` are both the student. The first part is
    the circles'."""
    parts = [circle_attendance(period)]
    for day, source in ((CaseRow.occurred_on, None), (MeetingRow.held_on, MeetingRow)):
        part = select(
            CaseParticipantRow.student_id.label("rec"),
            day.label("day"),
            _joined("tier:", CaseRow.tier).label("series"),
            month_of(day).label("cat"),
            CaseParticipantRow.student_id.label("student"),
        ).select_from(CaseRow)
        if source is not None:
            part = part.join(
                MeetingRow,
                and_(MeetingRow.case_id == CaseRow.id, MeetingRow.status == MeetingStatus.HELD),
            )
        parts.append(
            part.join(CaseParticipantRow, CaseParticipantRow.case_id == CaseRow.id).where(
                CaseParticipantRow.student_id.is_not(None), in_period(day, period)
            )
        )
    return parts


def _cases(period: Period, with_students: bool) -> list[AnySelect]:
    """Cases of harm opened (measure:opened, and tier:2 / tier:3 for the same cases by tier)
    by the day they happened, cases of harm closed by the day they were closed, and wellbeing
    concerns opened (measure:concerns). A category's kind decides: positive and neutral
    observations are not cases at all here."""
    harm, concern = (
        CaseCategoryRow.kind == kind for kind in (CategoryKind.HARM, CategoryKind.CONCERN)
    )
    parts = [
        select(
            CaseRow.id.label("rec"),
            day.label("day"),
            series.label("series"),
            month_of(day).label("cat"),
        )
        .join(CaseCategoryRow, CaseCategoryRow.id == CaseRow.category_id)
        .where(in_period(day, period), kind)
        for day, series, kind in (
            (CaseRow.occurred_on, literal("measure:opened"), harm),
            (CaseRow.occurred_on, _joined("tier:", CaseRow.tier), harm),
            (CaseRow.closed_on, literal("measure:closed"), harm),
            (CaseRow.occurred_on, literal("measure:concerns"), concern),
        )
    ]
    if with_students:
        parts = [_with_case_students(part, CaseRow.id) for part in parts]
    return parts


def _agreements(period: Period, with_students: bool) -> list[AnySelect]:
    """Agreements made (measure:made) and their done and missed items, by the day the
    agreement was made."""
    made = select(
        AgreementRow.id.label("rec"),
        AgreementRow.made_on.label("day"),
        literal("measure:made").label("series"),
        month_of(AgreementRow.made_on).label("cat"),
    ).where(in_period(AgreementRow.made_on, period))
    settled = (
        select(
            AgreementItemRow.id.label("rec"),
            AgreementRow.made_on.label("day"),
            _joined("item:", AgreementItemRow.status).label("series"),
            month_of(AgreementRow.made_on).label("cat"),
        )
        .join(AgreementRow, AgreementRow.id == AgreementItemRow.agreement_id)
        .where(
            in_period(AgreementRow.made_on, period),
            AgreementItemRow.status.in_((AgreementStatus.DONE, AgreementStatus.MISSED)),
        )
    )
    if with_students:
        made = _with_case_students(made, AgreementRow.case_id)
        settled = _with_case_students(settled, AgreementRow.case_id)
    return [made, settled]


def _days_avoided(period: Period, with_students: bool) -> AnySelect:
    """Cases with days of suspension avoided, by the day they happened; `value`: the days.

    The days as domain.continuum.suspension.suspension_avoided derives them, in SQL: the number
    typed on the case when there is one (an override), otherwise the largest suspension proposed
    in one of the case's referrals that triage replaced by a restorative process."""
    days = func.coalesce(CaseRow.suspension_days_avoided, derived_days_avoided(CaseRow.id))
    stmt = select(
        CaseRow.id.label("rec"),
        CaseRow.occurred_on.label("day"),
        literal("measure:days").label("series"),
        month_of(CaseRow.occurred_on).label("cat"),
        days.label("value"),
    ).where(in_period(CaseRow.occurred_on, period), days > 0)
    return _with_case_students(stmt, CaseRow.id) if with_students else stmt


def derived_days_avoided(case_id: Any) -> Any:
    """The largest suspension a referral of the case proposed and triage replaced by a
    restorative process (NULL when there is none), as a scalar subquery."""
    referral = ReferralRow
    return (
        select(func.max(referral.suspension_days))
        .where(
            referral.case_id == case_id,
            referral.suspension_proposed.is_(True),
            referral.decision.in_(sorted(RESTORATIVE_DECISIONS)),
        )
        .correlate_except(referral)
        .scalar_subquery()
    )


def _with_case_students(stmt: AnySelect, case_id: Any) -> AnySelect:
    """One row per student of the record's case (staff and people named only in the case
    have no student row)."""
    participant = CaseParticipantRow.__table__.alias()
    return stmt.join(
        participant,
        and_(participant.c.case_id == case_id, participant.c.student_id.is_not(None)),
    ).add_columns(participant.c.student_id.label("student"))


def all_rows(parts: list[AnySelect]) -> SelectBase:
    """The parts as one query (for a few records: SQLite copies the whole union first)."""
    return union_all(*parts) if len(parts) > 1 else parts[0]


def in_period(day: Any, period: Period) -> ColumnElement[bool]:
    return day.between(period.first, period.last)  # type: ignore[no-any-return]


def month_of(day: Any) -> ColumnElement[str]:
    """The "YYYY-MM" of a date column: the first seven characters of its ISO text, which is how
    SQLite stores a date and what PostgreSQL casts one to."""
    return func.substr(cast(day, String), 1, 7, type_=String)


def _joined(prefix: str, column: Any) -> ColumnElement[str]:
    """`prefix` followed by the column's stored value as text ("tier:" || 2)."""
    return literal(prefix, String) + type_coerce(column, String)
