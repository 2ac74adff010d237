"""The built-in circle library: the prompts and templates shipped in resources/, added to a
school's database once each (by key), never overwriting what a counselor changed."""

import re
from importlib.resources import files

from sqlalchemy import CompoundSelect, literal, select
from sqlalchemy.orm import Session

from rp_desktop.db.models import CirclePlanRow, PromptRow
from rp_desktop.domain.library import (
    PlanFields,
    PlannedRound,
    SeedCounts,
    ShippedLibrary,
    parse_library,
)
from rp_desktop.domain.vocabulary import AuditAction
from rp_desktop.services.audit import record_event
from rp_desktop.services.circles.library import new_plan_row, new_prompt_row
from rp_desktop.services.safekeeping.database import Database

RESOURCES = files("rp_desktop") / "resources" / "circle_library"
# Every entry in the two files starts with a line `key = "..."` (a test holds the files to it),
# so the keys can be read without parsing TOML: start-up only parses when something is missing.
_KEY_LINE = re.compile(rb'^key = "([^"]+)"', re.MULTILINE)


def ensure_circle_library(db: Database) -> SeedCounts:
    """Add the built-in prompts and templates that are missing, by key; runs on every start.

    Never changes a prompt or plan that is already there, so a counselor's edits stay. When
    nothing is missing it costs one query and no parsing."""
    wanted = shipped_keys(*shipped_files())
    with Session(db.engine) as session, session.begin():
        if wanted <= set(session.execute(_seeded_keys())):
            return SeedCounts()
        library = read_shipped_library()
        counts = SeedCounts(_seed_prompts(session, library), _seed_templates(session, db, library))
        detail = f"prompts={counts.prompts} templates={counts.templates}"
        record_event(session, db, AuditAction.IMPORT, "circle_library", None, detail)
        return counts


def shipped_files() -> tuple[bytes, bytes]:
    """The raw prompts.toml and templates.toml that ship with the app."""
    return (
        RESOURCES.joinpath("prompts.toml").read_bytes(),
        RESOURCES.joinpath("templates.toml").read_bytes(),
    )


def shipped_keys(prompt_data: bytes, template_data: bytes) -> set[tuple[str, str]]:
    """("prompt", key) and ("template", key) for every entry in the files, read without TOML."""
    keys = {("prompt", key.decode()) for key in _KEY_LINE.findall(prompt_data)}
    return keys | {("template", key.decode()) for key in _KEY_LINE.findall(template_data)}


def read_shipped_library() -> ShippedLibrary:
    import tomllib  # only when seeding is needed: a start with nothing to do skips it

    prompt_data, template_data = shipped_files()
    return parse_library(
        tomllib.loads(prompt_data.decode("utf-8")), tomllib.loads(template_data.decode("utf-8"))
    )


def _seeded_keys() -> CompoundSelect[str, str | None]:
    prompts = select(literal("prompt"), PromptRow.seed_key).where(PromptRow.seed_key.is_not(None))
    plans = select(literal("template"), CirclePlanRow.template_key)
    return prompts.union_all(plans.where(CirclePlanRow.template_key.is_not(None)))


def _seed_prompts(session: Session, library: ShippedLibrary) -> int:
    ids = dict(session.execute(select(PromptRow.seed_key, PromptRow.id)).all())
    missing = [seed for seed in library.prompts if seed.key not in ids]
    # Originals first, so that each translation can point at the prompt it translates.
    for translations in (False, True):
        rows = {
            seed.key: new_prompt_row(seed.fields, seed.key, ids.get(seed.translation_of or ""))
            for seed in missing
            if (seed.translation_of is not None) == translations
        }
        session.add_all(rows.values())
        session.flush()
        ids.update((key, row.id) for key, row in rows.items())
    return len(missing)


def _seed_templates(session: Session, db: Database, library: ShippedLibrary) -> int:
    present = set(session.scalars(select(CirclePlanRow.template_key)))
    prompts = {
        key: (prompt_id, text)
        for key, prompt_id, text in session.execute(
            select(PromptRow.seed_key, PromptRow.id, PromptRow.text)
        )
    }
    missing = [template for template in library.templates if template.key not in present]
    for template in missing:
        rounds = []
        for seed in template.rounds:
            # The prompt's text as it is now, in case a counselor already reworded it.
            prompt_id, text = prompts[seed.prompt_key] if seed.prompt_key else (None, "")
            rounds.append(PlannedRound(seed.stage, text, seed.timing, seed.seconds, prompt_id))
        row = new_plan_row(db, PlanFields(template.name, template.description, tuple(rounds)))
        row.is_template = True
        row.template_key = template.key
        session.add(row)
    return len(missing)
