"""The circle library: prompts by stage and age band, and circle plans (templates and the
school's own). The built-in prompts and templates are added and kept up to date by `seeding`;
`shipped_kinds` says which kind of circle each template is for."""

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from rp_desktop.db.models import CirclePlanRow, PromptRow
from rp_desktop.domain.circle.types import RoundPlan
from rp_desktop.domain.library import (
    SECOND_LANGUAGE,
    AgeBand,
    CirclePlan,
    PlanFields,
    Prompt,
    PromptFields,
    split_tags,
    tidy_plan,
    tidy_prompt,
    tidy_tags,
    validate_plan,
    validate_prompt,
)
from rp_desktop.domain.search import fold
from rp_desktop.domain.validation import FieldProblem, InvalidInput, Problem
from rp_desktop.domain.vocabulary import AuditAction, CircleStage
from rp_desktop.services import drafts
from rp_desktop.services.audit import record_event
from rp_desktop.services.circles.library_rows import (
    fill_plan,
    fill_prompt,
    new_plan_row,
    new_prompt_row,
    plan_record,
    prompt_record,
)

# A template's kind of circle, for the circle set-up: part of the library's interface.
from rp_desktop.services.circles.shipped import shipped_kinds as shipped_kinds
from rp_desktop.services.safekeeping.database import Database

_STAGE_ORDER = {stage: index for index, stage in enumerate(CircleStage)}


class PromptNotFound(LookupError):
    def __init__(self, prompt_id: int) -> None:
        super().__init__(f"There is no prompt with id {prompt_id}.")


class PlanNotFound(LookupError):
    def __init__(self, plan_id: int) -> None:
        super().__init__(f"There is no circle plan with id {plan_id}.")


# -- prompts -------------------------------------------------------------------------------------


def list_prompts(
    db: Database,
    *,
    stage: CircleStage | None = None,
    text: str = "",
    tag: str | None = None,
    language: str | None = None,
    band: AgeBand | None = None,
    include_inactive: bool = False,
) -> list[Prompt]:
    """Prompts in stage order, each translation just after the prompt it translates.

    `text` matches words of the prompt or its tags, ignoring case and accents; `band` keeps
    the prompts worded for that age band."""
    query = select(PromptRow)
    if stage is not None:
        query = query.where(PromptRow.stage == stage)
    if language:
        query = query.where(PromptRow.language == language)
    tags = tidy_tags([tag or ""])
    if tags:
        # instr, not LIKE: a tag may hold characters LIKE would read as wildcards.
        query = query.where(func.instr("," + PromptRow.tags + ",", f",{tags[0]},") > 0)
    if band is not None:
        query = query.where(func.instr("," + PromptRow.age_bands + ",", f",{band.value},") > 0)
    if not include_inactive:
        query = query.where(PromptRow.active.is_(True))
    with Session(db.engine) as session:
        found = [prompt_record(row) for row in session.scalars(query)]
    terms = fold(text).split()
    found = [p for p in found if all(t in fold(f"{p.text} {' '.join(p.tags)}") for t in terms)]
    return sorted(found, key=lambda p: (_STAGE_ORDER[p.stage], p.translation_of or p.id, p.id))


def prompt_tags(db: Database) -> list[str]:
    """Every tag on an active prompt, sorted, for a filter."""
    with Session(db.engine) as session:
        stored = session.scalars(select(PromptRow.tags).where(PromptRow.active.is_(True)))
        return sorted({tag for tags in stored for tag in split_tags(tags)})


def get_prompt(db: Database, prompt_id: int) -> Prompt:
    with Session(db.engine) as session:
        return prompt_record(_load_prompt(session, prompt_id))


def add_prompt(db: Database, fields: PromptFields, *, replaces_draft: str | None = None) -> Prompt:
    fields = tidy_prompt(fields)
    _check_prompt(fields)
    with Session(db.engine) as session, session.begin():
        drafts.delete_replaced(session, replaces_draft)
        row = new_prompt_row(fields)
        session.add(row)
        session.flush()
        record_event(session, db, AuditAction.CREATE, "prompt", row.id)
        return prompt_record(row)


def update_prompt(
    db: Database, prompt_id: int, fields: PromptFields, *, replaces_draft: str | None = None
) -> Prompt:
    """Change a prompt, built-in ones included; seeding never undoes the change."""
    fields = tidy_prompt(fields)
    _check_prompt(fields)
    with Session(db.engine) as session, session.begin():
        drafts.delete_replaced(session, replaces_draft)
        row = _load_prompt(session, prompt_id)
        fill_prompt(row, fields)
        record_event(session, db, AuditAction.UPDATE, "prompt", row.id)
        return prompt_record(row)


def set_prompt_active(db: Database, prompt_id: int, active: bool) -> Prompt:
    """Retire a prompt (or bring it back); plans that use it keep their own copy of the text."""
    with Session(db.engine) as session, session.begin():
        row = _load_prompt(session, prompt_id)
        row.active = active
        action = AuditAction.REACTIVATE if active else AuditAction.DEACTIVATE
        record_event(session, db, action, "prompt", row.id)
        return prompt_record(row)


def _check_prompt(fields: PromptFields) -> None:
    problems = validate_prompt(fields)
    if problems:
        raise InvalidInput(problems)


def _load_prompt(session: Session, prompt_id: int) -> PromptRow:
    row = session.get(PromptRow, prompt_id)
    if row is None:
        raise PromptNotFound(prompt_id)
    return row


# -- plans ---------------------------------------------------------------------------------------


def list_plans(db: Database) -> list[CirclePlan]:
    """Every plan: the English templates in the order they shipped, then their Spanish twins
    ("<key>-es"), then the school's own plans by name."""
    with Session(db.engine) as session:
        plans = session.scalars(select(CirclePlanRow).options(selectinload(CirclePlanRow.rounds)))
        found = [plan_record(row) for row in plans]
    return sorted(found, key=_plan_order)


def _plan_order(plan: CirclePlan) -> tuple[int, str, int]:
    if not plan.is_template:
        return (2, plan.name.casefold(), plan.id)
    spanish = (plan.template_key or "").endswith(f"-{SECOND_LANGUAGE}")
    return (int(spanish), "", plan.id)


def get_plan(db: Database, plan_id: int) -> CirclePlan:
    with Session(db.engine) as session:
        return plan_record(_load_plan(session, plan_id))


def save_plan(db: Database, fields: PlanFields, plan_id: int | None = None) -> CirclePlan:
    """Create a plan, or replace a plan's name, description and rounds. Templates are refused."""
    fields = tidy_plan(fields)
    with Session(db.engine) as session, session.begin():
        _check_plan(session, fields)
        if plan_id is None:
            row = new_plan_row(db, fields)
            session.add(row)
            action = AuditAction.CREATE
        else:
            row = _load_editable_plan(session, plan_id)
            fill_plan(row, fields)
            row.updated_at = db.now()
            action = AuditAction.UPDATE
        session.flush()
        record_event(session, db, action, "circle_plan", row.id, f"rounds={len(fields.rounds)}")
        return plan_record(row)


def copy_plan(db: Database, plan_id: int, name: str) -> CirclePlan:
    """A new, editable plan with the rounds of `plan_id` (a template or a plan of one's own)."""
    original = get_plan(db, plan_id)
    return save_plan(db, PlanFields(name, original.description, original.rounds))


def delete_plan(db: Database, plan_id: int) -> None:
    """Delete a plan of one's own; circles already run keep the rounds they ran."""
    with Session(db.engine) as session, session.begin():
        row = _load_editable_plan(session, plan_id)
        session.delete(row)
        record_event(session, db, AuditAction.DELETE, "circle_plan", plan_id)


def plan_rounds(plan: CirclePlan) -> list[RoundPlan]:
    """The plan's rounds as the circle engine takes them: directed to roles as planned, a
    bilingual round with its second words."""
    return [
        RoundPlan(
            stage=r.stage,
            prompt=r.prompt_text,
            timing=r.timing,
            seconds=None if r.seconds is None else float(r.seconds),
            to_roles=r.to_roles,
            second_prompt=r.second_text,
        )
        for r in plan.rounds
    ]


def _check_plan(session: Session, fields: PlanFields) -> None:
    problems = validate_plan(fields)
    wanted = {r.prompt_id for r in fields.rounds if r.prompt_id is not None}
    known = set(session.scalars(select(PromptRow.id).where(PromptRow.id.in_(wanted))))
    problems += [
        FieldProblem("round_prompt", Problem.UNKNOWN, index=index)
        for index, r in enumerate(fields.rounds)
        if r.prompt_id is not None and r.prompt_id not in known
    ]
    if problems:
        raise InvalidInput(problems)


def _load_plan(session: Session, plan_id: int) -> CirclePlanRow:
    row = session.get(CirclePlanRow, plan_id)
    if row is None:
        raise PlanNotFound(plan_id)
    return row


def _load_editable_plan(session: Session, plan_id: int) -> CirclePlanRow:
    row = _load_plan(session, plan_id)
    if row.is_template:
        raise InvalidInput([FieldProblem("plan", Problem.TEMPLATE_READ_ONLY)])
    return row
