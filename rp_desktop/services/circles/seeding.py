"""The built-in circle library: the prompts and templates shipped in resources/, added to a
school's database and kept up to date when an update ships new files, never overwriting what a
counselor wrote.

A digest of the shipped files is kept in school_setting: when it matches, start-up costs one
query and no parsing. When it differs the files are read once and: missing prompts and
templates are added; built-in prompts get their shipped age bands; a built-in prompt whose text
is still one of its earlier shipped wordings (`was`) takes the new one (a counselor's own
wording is never touched); every template takes the shipped name, description and rounds
(templates are read-only in the app, so nothing is lost; the row keeps its id, so circles that
used it keep their plan)."""

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from rp_desktop.db.models import CirclePlanRow, PromptRow, SchoolSettingRow
from rp_desktop.domain.library import PlanFields, PlannedRound, join_words
from rp_desktop.domain.shipped_library import SeedCounts, SeedTemplate, ShippedLibrary
from rp_desktop.domain.vocabulary import AuditAction
from rp_desktop.services.audit import record_event
from rp_desktop.services.circles.library_rows import (
    fill_plan,
    new_plan_row,
    new_prompt_row,
    plan_record,
)

# The library's files, read and parsed here (tests replace them through this module).
from rp_desktop.services.circles.shipped import (
    files_digest,
    parse_shipped,
    read_shipped_library,
    shipped_files,
)
from rp_desktop.services.safekeeping.database import Database

DIGEST_KEY = "circle_library_digest"
__all__ = ["ensure_circle_library", "parse_shipped", "read_shipped_library", "shipped_files"]


def ensure_circle_library(db: Database) -> SeedCounts:
    """Bring the built-in prompts and templates up to date with the shipped files; runs on
    every start, and costs one query when the files are those seeded last time."""
    shipped = shipped_files()
    digest = files_digest(shipped)
    with Session(db.engine) as session, session.begin():
        seeded = session.scalar(
            select(SchoolSettingRow.value).where(SchoolSettingRow.key == DIGEST_KEY)
        )
        if seeded == digest:
            return SeedCounts()
        library = parse_shipped(shipped)
        added, reworded, banded = _seed_prompts(session, library)
        templates, refreshed = _seed_templates(session, db, library)
        counts = SeedCounts(added, templates, reworded, banded, refreshed)
        session.merge(SchoolSettingRow(key=DIGEST_KEY, value=digest))
        if counts != SeedCounts():
            detail = (
                f"prompts={counts.prompts} templates={counts.templates} "
                f"reworded={counts.reworded} banded={counts.banded} refreshed={counts.refreshed}"
            )
            record_event(session, db, AuditAction.IMPORT, "circle_library", None, detail)
        return counts


def _seed_prompts(session: Session, library: ShippedLibrary) -> tuple[int, int, int]:
    """Add the missing built-in prompts, bring unchanged earlier wordings up to date, set the
    shipped bands; (how many added, reworded, given other bands)."""
    rows = {row.seed_key: row for row in session.scalars(select(PromptRow)) if row.seed_key}
    added = reworded = banded = 0
    # Originals come first, so that each translation can point at the prompt it translates.
    for seed in library.prompts:
        row = rows.get(seed.key)
        if row is None:
            original = rows.get(seed.translation_of or "")
            row = new_prompt_row(seed.fields, seed.key, original.id if original else None)
            session.add(row)
            session.flush()
            rows[seed.key] = row
            added += 1
            continue
        if row.text != seed.fields.text and row.text in seed.was:
            row.text = seed.fields.text
            reworded += 1
        if row.age_bands != join_words(seed.fields.bands):
            row.age_bands = join_words(seed.fields.bands)
            banded += 1
    return added, reworded, banded


def _seed_templates(session: Session, db: Database, library: ShippedLibrary) -> tuple[int, int]:
    """Add the missing templates and give the others the shipped rounds; (added, refreshed)."""
    query = select(CirclePlanRow).where(CirclePlanRow.template_key.is_not(None))
    present = {
        row.template_key: row
        for row in session.scalars(query.options(selectinload(CirclePlanRow.rounds)))
    }
    prompts = {
        key: (prompt_id, text)
        for key, prompt_id, text in session.execute(
            select(PromptRow.seed_key, PromptRow.id, PromptRow.text)
        )
    }
    added = refreshed = 0
    for template in library.templates:
        fields = _plan_fields(template, prompts)
        row = present.get(template.key)
        if row is None:
            row = new_plan_row(db, fields)
            row.is_template = True
            row.template_key = template.key
            session.add(row)
            added += 1
        elif plan_record(row).fields() != fields:
            fill_plan(row, fields)
            row.updated_at = db.now()
            refreshed += 1
    return added, refreshed


def _plan_fields(template: SeedTemplate, prompts: dict[str | None, tuple[int, str]]) -> PlanFields:
    """The template as a plan, each round with its prompt's words as they are now (a counselor
    may have reworded a built-in prompt)."""
    rounds = []
    for seed in template.rounds:
        prompt_id, text = prompts[seed.prompt_key] if seed.prompt_key else (None, "")
        rounds.append(
            PlannedRound(
                seed.stage,
                text,
                seed.timing,
                seed.seconds,
                prompt_id,
                seed.to_roles,
                template.language,
            )
        )
    return PlanFields(template.name, template.description, tuple(rounds))
