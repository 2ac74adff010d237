"""What makes casework input acceptable: meetings and their answers, agreements, follow-up,
tier moves, plans, closing. Same style as `validation.py`: each rule names the field and the
problem, never what was typed.

Dates on a case are never before the day the case is about; most are never in the future
(a planned meeting may be).
"""

from collections.abc import Iterable, Iterator, Sequence
from datetime import date

from rp_desktop.domain.casework.records import (
    AgreementFields,
    AgreementItemFields,
    FollowUpFields,
    MeetingFields,
    TierChangeFields,
)
from rp_desktop.domain.casework.restorative import answerable_by
from rp_desktop.domain.casework.roles import asks_repair_felt
from rp_desktop.domain.casework.support_plans import (
    HIGHEST_RATING,
    LOWEST_RATING,
    ProgressEntryFields,
    ReEntryPlanFields,
    SupportPlanFields,
)
from rp_desktop.domain.continuum.kinds import MeetingStatus, RepairFelt, Willingness
from rp_desktop.domain.continuum.preparation import ConsentGap, consent_gap
from rp_desktop.domain.continuum.referrals import MOST_SUSPENSION_DAYS
from rp_desktop.domain.records import Case
from rp_desktop.domain.validation import (
    EARLIEST_DATE,
    LONG_TEXT_MAX,
    LONGEST_CIRCLE_MINUTES,
    NAME_MAX,
    FieldProblem,
    Problem,
)
from rp_desktop.domain.vocabulary import CategoryKind, Role, Tier

SUMMARY_MAX = 1000  # a person's contribution in a few words, not what they said word for word


def _text(
    name: str, value: str, *, required: bool, limit: int = LONG_TEXT_MAX
) -> list[FieldProblem]:
    if required and not value.strip():
        return [FieldProblem(name, Problem.REQUIRED)]
    if len(value) > limit:
        return [FieldProblem(name, Problem.TOO_LONG, limit)]
    return []


def case_date(
    name: str, value: date | None, case_on: date, today: date, *, future: bool = False
) -> list[FieldProblem]:
    """A date on a case: given, not before the case's own date, not after today unless
    `future` allows it."""
    if value is None:
        return [FieldProblem(name, Problem.REQUIRED)]
    if value > today and not future:
        return [FieldProblem(name, Problem.IN_FUTURE)]
    if value < case_on:
        return [FieldProblem(name, Problem.BEFORE_CASE)]
    return []


def _case_on(case: Case) -> date:
    return case.fields.occurred_on or EARLIEST_DATE


def validate_meeting(
    fields: MeetingFields,
    case: Case,
    today: date,
    harmed_choices: Sequence[Willingness] = (),
) -> list[FieldProblem]:
    """A planned meeting may be dated ahead, a held one not; a cancelled one says why. A
    meeting marked held that brings the sides together follows the consent rule
    (domain/continuum/preparation.py), given `harmed_choices`: the choice of each person
    harmed on the case."""
    planned = fields.status is not MeetingStatus.HELD
    problems = case_date("held_on", fields.held_on, _case_on(case), today, future=planned)
    problems += _status_problems(fields, harmed_choices)
    minutes = fields.duration_minutes
    if minutes is not None and not 1 <= minutes <= LONGEST_CIRCLE_MINUTES:
        problems.append(FieldProblem("duration_minutes", Problem.OUT_OF_RANGE))
    problems += _text("notes", fields.notes, required=False)
    people = {p.id for p in case.participants}
    if not fields.attendee_ids <= people:
        problems.append(FieldProblem("attendee_ids", Problem.NOT_IN_CASE))
    problems += _answer_problems(fields, case)
    problems += _summary_problems(fields)
    return problems


def _status_problems(
    fields: MeetingFields, harmed_choices: Sequence[Willingness]
) -> list[FieldProblem]:
    problems = _text(
        "cancel_reason",
        fields.cancel_reason,
        required=fields.status is MeetingStatus.CANCELLED,
    )
    problems += _text("proceed_reason", fields.proceed_reason, required=False)
    gap = consent_gap(fields.kind, fields.status, harmed_choices)
    if gap is not None and not fields.proceed_reason.strip():
        problem = (
            Problem.CHOICE_NOT_RECORDED
            if gap is ConsentGap.NOT_RECORDED
            else Problem.CHOSE_NOT_TO_MEET
        )
        problems.append(FieldProblem("proceed_reason", problem))
    return problems


def _answer_problems(fields: MeetingFields, case: Case) -> Iterator[FieldProblem]:
    """Answers are kept word for word only when the facilitator chose to keep them: sent
    without that choice they are refused, never thrown away unsaid."""
    if fields.answers and not fields.keep_answers:
        yield FieldProblem("answers", Problem.ANSWERS_NOT_KEPT)
        return
    roles = {p.id: p.fields.role for p in case.participants}
    seen: set[tuple[int, str]] = set()
    for index, answer in enumerate(fields.answers):
        if answer.participant_id not in roles:
            yield FieldProblem("answers", Problem.NOT_IN_CASE, index=index)
        elif answer.question not in answerable_by(roles[answer.participant_id]):
            yield FieldProblem("answers", Problem.QUESTION_NOT_FOR_ROLE, index=index)
        elif (answer.participant_id, answer.question) in seen:
            yield FieldProblem("answers", Problem.ANSWERED_TWICE, index=index)
        elif len(answer.text) > LONG_TEXT_MAX:
            yield FieldProblem("answers", Problem.TOO_LONG, LONG_TEXT_MAX, index=index)
        seen.add((answer.participant_id, answer.question))


def _summary_problems(fields: MeetingFields) -> Iterator[FieldProblem]:
    """A summary is a few words about one person who came, one each."""
    seen: set[int] = set()
    for index, (participant_id, text) in enumerate(fields.summaries):
        if participant_id not in fields.attendee_ids:
            yield FieldProblem("summaries", Problem.NOT_AT_MEETING, index=index)
        elif participant_id in seen:
            yield FieldProblem("summaries", Problem.SAME_PERSON_TWICE, index=index)
        elif len(text) > SUMMARY_MAX:
            yield FieldProblem("summaries", Problem.TOO_LONG, SUMMARY_MAX, index=index)
        seen.add(participant_id)


def validate_agreement(fields: AgreementFields, case: Case, today: date) -> list[FieldProblem]:
    problems = case_date("made_on", fields.made_on, _case_on(case), today)
    problems += _text("notes", fields.notes, required=False)
    if not fields.items:
        problems.append(FieldProblem("items", Problem.NEEDS_ITEM))
    people = {p.id for p in case.participants}
    for index, item in enumerate(fields.items):
        problems += _item_problems(item, index, people, _case_on(case))
    return problems


def _item_problems(
    item: AgreementItemFields, index: int, people: set[int], case_on: date
) -> Iterator[FieldProblem]:
    for problem in _text("items.description", item.description, required=True):
        yield FieldProblem(problem.field, problem.problem, problem.limit, index)
    participant, staff = item.owner_participant_id, item.owner_staff_id
    if participant is None and staff is None:
        yield FieldProblem("items.owner", Problem.NEEDS_OWNER, index=index)
    elif participant is not None and staff is not None:
        yield FieldProblem("items.owner", Problem.TWO_PEOPLE_AT_ONCE, index=index)
    elif participant is not None and participant not in people:
        yield FieldProblem("items.owner", Problem.NOT_IN_CASE, index=index)
    # Items are due ahead, so a due date may lie in the future.
    for problem in case_date("items.due_on", item.due_on, case_on, date.max, future=True):
        yield FieldProblem(problem.field, problem.problem, index=index)


def validate_follow_up(fields: FollowUpFields, case: Case, today: date) -> list[FieldProblem]:
    problems = case_date("on", fields.on, _case_on(case), today)
    return problems + _text("note", fields.note, required=False)


def validate_tier_change(fields: TierChangeFields, case: Case, today: date) -> list[FieldProblem]:
    problems = case_date("changed_on", fields.changed_on, _case_on(case), today)
    if fields.to_tier == Tier.UNIVERSAL:
        problems.append(FieldProblem("to_tier", Problem.OUT_OF_RANGE))
    elif fields.to_tier == case.fields.tier:
        problems.append(FieldProblem("to_tier", Problem.SAME_TIER))
    elif fields.to_tier == Tier.INTENSIVE and fields.tier3_kind is None:
        problems.append(FieldProblem("tier3_kind", Problem.REQUIRED))
    return problems + _text("reason", fields.reason, required=True)


def validate_closure(
    closed_on: date | None, case: Case, today: date, repair_felt: RepairFelt | None = None
) -> list[FieldProblem]:
    """The day a case closed, and the person harmed's answer on repair: only a case of harm
    with a person harmed in it has one (it may stay unrecorded)."""
    problems = case_date("closed_on", closed_on, _case_on(case), today)
    roles = (p.fields.role for p in case.participants)
    return problems + repair_felt_problems(repair_felt, case.category_kind, roles)


def repair_felt_problems(
    repair_felt: RepairFelt | None, kind: CategoryKind | None, roles: Iterable[Role | None]
) -> list[FieldProblem]:
    """An answer on repair for a case with no one to ask it of: not a case of harm, or no
    person harmed in it."""
    if repair_felt is not None and not asks_repair_felt(kind, roles):
        return [FieldProblem("repair_felt", Problem.NO_PERSON_HARMED)]
    return []


def validate_suspension_days(
    days: int | None, reason: str = "", derived: int | None = None
) -> list[FieldProblem]:
    """Typed days avoided: 0 to 180. Where a referral gives the case a derived number, typed
    days override it and need the reason (an old typed number with no referral stands alone)."""
    if days is not None and not 0 <= days <= MOST_SUSPENSION_DAYS:
        limit = MOST_SUSPENSION_DAYS
        return [FieldProblem("suspension_days_avoided", Problem.OUT_OF_RANGE, limit)]
    needs_reason = days is not None and derived is not None
    return _text("suspension_override_reason", reason, required=needs_reason)


def validate_private_note(text: str) -> list[FieldProblem]:
    return _text("private_note", text, required=False)


def validate_support_plan(fields: SupportPlanFields) -> list[FieldProblem]:
    problems: list[FieldProblem] = []
    if fields.student_id is None:
        problems.append(FieldProblem("student_id", Problem.REQUIRED))
    problems += _text("goal", fields.goal, required=True)
    problems += _text("strategies", fields.strategies, required=False)
    if fields.start_on is None:
        problems.append(FieldProblem("start_on", Problem.REQUIRED))
    elif fields.start_on < EARLIEST_DATE:
        problems.append(FieldProblem("start_on", Problem.TOO_EARLY))
    elif fields.review_on is not None and fields.review_on < fields.start_on:
        problems.append(FieldProblem("review_on", Problem.BEFORE_START))
    return problems


def validate_progress_entry(
    fields: ProgressEntryFields, plan_start: date, today: date
) -> list[FieldProblem]:
    problems: list[FieldProblem] = []
    if fields.on is None:
        problems.append(FieldProblem("on", Problem.REQUIRED))
    elif fields.on > today:
        problems.append(FieldProblem("on", Problem.IN_FUTURE))
    elif fields.on < plan_start:
        problems.append(FieldProblem("on", Problem.BEFORE_START))
    if not LOWEST_RATING <= fields.rating <= HIGHEST_RATING:
        problems.append(FieldProblem("rating", Problem.OUT_OF_RANGE, HIGHEST_RATING))
    return problems + _text("note", fields.note, required=False)


def validate_re_entry_plan(
    fields: ReEntryPlanFields, case: Case, today: date
) -> list[FieldProblem]:
    """The plan's rounds, and the day the student came back (None until they have): not
    before the case, and not ahead of today, since it records a return that happened."""
    problems = _text("supports", fields.supports, required=False)
    problems += _text("needs", fields.needs, required=False)
    problems += _text("responsibilities", fields.responsibilities, required=False)
    if fields.returned_on is not None:
        problems += case_date("returned_on", fields.returned_on, _case_on(case), today)
    return problems


def validate_category_name(name: str) -> list[FieldProblem]:
    return _text("name", name, required=True, limit=NAME_MAX)
