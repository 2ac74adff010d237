"""The library shipped in `resources/circle_library`, read into values: prompts with their age
bands, earlier wordings and translations, and templates with their Spanish twins. The services
own the files and the database; this module only checks the shape and names the entry at the
first thing wrong."""

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any

from rp_desktop.domain.circle.types import Timing
from rp_desktop.domain.library import (
    DEFAULT_LANGUAGE,
    ROUND_ROLES,
    SECOND_LANGUAGE,
    PlanFields,
    PlannedRound,
    PromptFields,
    tidy_bands,
    tidy_tags,
    validate_plan,
    validate_prompt,
)
from rp_desktop.domain.vocabulary import CircleKind, CircleStage

Entry = Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class SeedCounts:
    """What one seeding did: built-in prompts and templates added, built-in prompts whose
    earlier shipped wording was brought up to date or whose age bands changed, templates whose
    name, description or rounds were replaced."""

    prompts: int = 0
    templates: int = 0
    reworded: int = 0
    banded: int = 0
    refreshed: int = 0


class LibraryResourceError(ValueError):
    """The shipped library files are malformed: a packaging mistake, never the user's."""


@dataclass(frozen=True, slots=True)
class SeedPrompt:
    key: str
    fields: PromptFields
    translation_of: str | None = None  # the key of the prompt this one translates
    was: tuple[str, ...] = ()  # earlier shipped wordings, brought up to date when unchanged


@dataclass(frozen=True, slots=True)
class SeedRound:
    stage: CircleStage
    prompt_key: str | None
    timing: Timing
    seconds: int | None
    to_roles: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SeedTemplate:
    key: str
    name: str
    description: str
    rounds: tuple[SeedRound, ...]
    kind: CircleKind | None = None
    language: str = DEFAULT_LANGUAGE  # the language of its prompts ("es" for a twin)
    name_es: str = ""
    description_es: str = ""


@dataclass(frozen=True, slots=True)
class ShippedLibrary:
    """Prompts (each original before its translations) and templates (the English ones, then
    their Spanish twins), each with a stable key."""

    prompts: tuple[SeedPrompt, ...]
    templates: tuple[SeedTemplate, ...]

    def prompt(self, key: str) -> SeedPrompt:
        return next(p for p in self.prompts if p.key == key)

    def template(self, key: str) -> SeedTemplate:
        return next(t for t in self.templates if t.key == key)

    def kinds(self) -> dict[str, CircleKind]:
        """Template key -> the kind of circle it is for (a twin has its original's kind)."""
        return {t.key: t.kind for t in self.templates if t.kind is not None}


def parse_library(prompts: Entry, templates: Entry) -> ShippedLibrary:
    """Read the prompt and template documents (each the entries of every file, together);
    raise LibraryResourceError at the first thing wrong, naming the entry."""
    seeds = _parse_prompts(list(prompts.get("prompt", [])))
    spanish = {
        s.translation_of: s.key
        for s in seeds
        if s.translation_of is not None and s.fields.language == SECOND_LANGUAGE
    }
    keys = {seed.key for seed in seeds}
    shipped = [_parse_template(entry, keys, spanish) for entry in templates.get("template", [])]
    twins = [_twin(template, spanish) for template in shipped if template.name_es]
    _unique("template", [t.key for t in shipped + twins])
    return ShippedLibrary(seeds, tuple(shipped + twins))


def _parse_prompts(entries: list[Entry]) -> tuple[SeedPrompt, ...]:
    originals = {str(e.get("key")): e for e in entries if "translation_of" not in e}
    seeds = [_parse_prompt(entry, originals) for entry in entries]
    _unique("prompt", [seed.key for seed in seeds])
    return tuple(sorted(seeds, key=lambda seed: seed.translation_of is not None))


def _parse_prompt(entry: Entry, originals: Mapping[str, Entry]) -> SeedPrompt:
    key = _key("prompt", entry)
    with _naming("prompt", key):
        # A translation takes its stage, tags and bands from the prompt it translates.
        original = originals.get(entry.get("translation_of", key))
        if original is None:
            raise LibraryResourceError(f"prompt {key!r}: translates an unknown key")
        fields = PromptFields(
            text=entry["text"],
            stage=CircleStage(original["stage"]),
            language=entry.get("language", DEFAULT_LANGUAGE),
            tags=tidy_tags(original.get("tags", [])),
            bands=tidy_bands(original.get("bands", [])),
        )
        if validate_prompt(fields):
            raise LibraryResourceError(f"prompt {key!r} breaks the prompt rules")
        was = tuple(str(text) for text in entry.get("was", []))
        return SeedPrompt(key, fields, entry.get("translation_of"), was)


def _parse_template(
    entry: Entry, prompt_keys: set[str], spanish: Mapping[str, str]
) -> SeedTemplate:
    key = _key("template", entry)
    with _naming("template", key):
        rounds = tuple(_parse_round(r) for r in entry.get("round", []))
        kind = entry.get("circle_kind")
        template = SeedTemplate(
            key,
            entry["name"],
            entry.get("description", ""),
            rounds,
            None if kind is None else CircleKind(kind),
            name_es=entry.get("name_es", ""),
            description_es=entry.get("description_es", ""),
        )
        for r in rounds:
            _check_round(template, r, prompt_keys, spanish)
        planned = tuple(
            PlannedRound(r.stage, "", r.timing, r.seconds, None, r.to_roles) for r in rounds
        )
        if validate_plan(PlanFields(template.name, template.description, planned)):
            raise LibraryResourceError(f"template {key!r} breaks the plan rules")
        return template


def _parse_round(entry: Entry) -> SeedRound:
    return SeedRound(
        stage=CircleStage(entry["stage"]),
        prompt_key=entry.get("prompt"),
        timing=Timing(entry.get("timing", Timing.NONE)),
        seconds=entry.get("seconds"),
        to_roles=tuple(str(role) for role in entry.get("to_roles", [])),
    )


def _check_round(
    template: SeedTemplate, r: SeedRound, prompt_keys: set[str], spanish: Mapping[str, str]
) -> None:
    key = template.key
    if r.prompt_key is not None and r.prompt_key not in prompt_keys:
        raise LibraryResourceError(f"template {key!r} names an unknown prompt {r.prompt_key!r}")
    unknown = [role for role in r.to_roles if role not in ROUND_ROLES]
    if unknown:
        raise LibraryResourceError(f"template {key!r} directs a round to unknown {unknown}")
    if template.name_es and r.prompt_key is not None and r.prompt_key not in spanish:
        raise LibraryResourceError(
            f"template {key!r} is in Spanish too, but prompt {r.prompt_key!r} has no Spanish"
        )


def _twin(template: SeedTemplate, spanish: Mapping[str, str]) -> SeedTemplate:
    """The Spanish twin "<key>-es": the same rounds, each with its prompt's translation."""
    rounds = tuple(
        replace(r, prompt_key=None if r.prompt_key is None else spanish[r.prompt_key])
        for r in template.rounds
    )
    return replace(
        template,
        key=f"{template.key}-{SECOND_LANGUAGE}",
        name=template.name_es,
        description=template.description_es,
        rounds=rounds,
        language=SECOND_LANGUAGE,
        name_es="",
        description_es="",
    )


def _key(kind: str, entry: Entry) -> str:
    if not isinstance(entry.get("key"), str):
        raise LibraryResourceError(f"a {kind} without a key: {dict(entry)!r:.80}")
    return str(entry["key"])


@contextmanager
def _naming(kind: str, key: str) -> Iterator[None]:
    """Turns a missing field or a wrong value into a LibraryResourceError naming the entry."""
    try:
        yield
    except LibraryResourceError:
        raise
    except (KeyError, TypeError, ValueError) as error:
        raise LibraryResourceError(f"{kind} {key!r}: {error!r}") from error


def _unique(kind: str, keys: list[str]) -> None:
    seen: set[str] = set()
    for key in keys:
        if key in seen:
            raise LibraryResourceError(f"two {kind}s share the key {key!r}")
        seen.add(key)
