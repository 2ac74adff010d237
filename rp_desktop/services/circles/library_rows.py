"""Prompts and plans between their database rows and their plain values (the library and its
seeding both save and read them this way)."""

from rp_desktop.db.models import CirclePlanRow, PlanRoundRow, PromptRow
from rp_desktop.domain.circle.types import Timing
from rp_desktop.domain.library import (
    CirclePlan,
    PlanFields,
    PlannedRound,
    Prompt,
    PromptFields,
    join_words,
    split_tags,
    split_words,
    tidy_bands,
)
from rp_desktop.services.safekeeping.database import Database


def new_prompt_row(
    fields: PromptFields, seed_key: str | None = None, translation_of: int | None = None
) -> PromptRow:
    row = PromptRow(seed_key=seed_key, translation_of=translation_of, active=True)
    fill_prompt(row, fields)
    return row


def fill_prompt(row: PromptRow, fields: PromptFields) -> None:
    row.text = fields.text
    row.stage = fields.stage
    row.language = fields.language
    row.tags = join_words(fields.tags)
    row.age_bands = join_words(fields.bands)


def prompt_record(row: PromptRow) -> Prompt:
    return Prompt(
        id=row.id,
        text=row.text,
        stage=row.stage,
        language=row.language,
        tags=split_tags(row.tags),
        active=row.active,
        built_in=row.seed_key is not None,
        translation_of=row.translation_of,
        bands=tidy_bands(split_words(row.age_bands or "")),
    )


def new_plan_row(db: Database, fields: PlanFields) -> CirclePlanRow:
    now = db.now()
    row = CirclePlanRow(is_template=False, created_at=now, updated_at=now)
    fill_plan(row, fields)
    return row


def fill_plan(row: CirclePlanRow, fields: PlanFields) -> None:
    row.name = fields.name
    row.description = fields.description
    row.rounds = [
        PlanRoundRow(
            position=position,
            stage=r.stage,
            prompt_id=r.prompt_id,
            prompt_text=r.prompt_text,
            budget_seconds=None if r.timing is Timing.NONE else r.seconds,
            budget_per_speaker=r.timing is not Timing.PER_ROUND,
            to_roles=join_words(r.to_roles),
            language=r.language,
            second_text=r.second_text,
            second_language=r.second_language,
        )
        for position, r in enumerate(fields.rounds)
    ]


def plan_record(row: CirclePlanRow) -> CirclePlan:
    return CirclePlan(
        id=row.id,
        name=row.name,
        description=row.description,
        is_template=row.is_template,
        template_key=row.template_key,
        rounds=tuple(round_record(r) for r in row.rounds),
        updated_at=row.updated_at,
    )


def round_record(row: PlanRoundRow) -> PlannedRound:
    if row.budget_seconds is None:
        timing = Timing.NONE
    else:
        timing = Timing.PER_SPEAKER if row.budget_per_speaker else Timing.PER_ROUND
    return PlannedRound(
        row.stage,
        row.prompt_text,
        timing,
        row.budget_seconds,
        row.prompt_id,
        split_words(row.to_roles or ""),
        row.language or "en",
        row.second_text or "",
        row.second_language or "",
    )
