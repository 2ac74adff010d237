"""The circle library: prompts by stage, and circle plans made of rounds, as plain values.

Also the rules a prompt or plan must keep, and how the library shipped in `resources/` is read
into values (the services own the files and the database; this module only checks the shape).
"""

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from rp_desktop.domain.circle.types import Timing
from rp_desktop.domain.validation import SHORT_TEXT_MAX, FieldProblem, Problem
from rp_desktop.domain.vocabulary import CircleStage

PROMPT_TEXT_MAX = 1000
TAGS_MAX = 200  # all tags of one prompt, joined by commas
DESCRIPTION_MAX = 2000
MOST_ROUNDS = 30
SHORTEST_ROUND_SECONDS = 5
LONGEST_ROUND_SECONDS = 2 * 60 * 60
DEFAULT_LANGUAGE = "en"
# "en", "es", "es-MX": a language, optionally with a region.
_LANGUAGE = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})?")


class AgeBand(StrEnum):
    """Who a prompt is worded for, by grade band; a prompt may suit several."""

    K_2 = "k-2"
    GRADES_3_5 = "3-5"
    GRADES_6_8 = "6-8"
    GRADES_9_12 = "9-12"
    ADULTS = "adults"


@dataclass(frozen=True, slots=True)
class PromptFields:
    text: str
    stage: CircleStage
    language: str = DEFAULT_LANGUAGE
    tags: tuple[str, ...] = ()
    bands: tuple[AgeBand, ...] = ()


@dataclass(frozen=True, slots=True)
class Prompt:
    """A saved prompt. `built_in` ones shipped with the app; they can be edited all the same."""

    id: int
    text: str
    stage: CircleStage
    language: str
    tags: tuple[str, ...]
    active: bool
    built_in: bool
    translation_of: int | None  # the prompt this one translates (a Spanish one: its English)
    bands: tuple[AgeBand, ...] = ()

    def fields(self) -> PromptFields:
        return PromptFields(self.text, self.stage, self.language, self.tags, self.bands)


@dataclass(frozen=True, slots=True)
class PlannedRound:
    """One round of a plan: its stage, what the keeper asks, and the time given."""

    stage: CircleStage
    prompt_text: str = ""
    timing: Timing = Timing.NONE
    seconds: int | None = None  # per speaker or per round, as `timing` says; None for NONE
    prompt_id: int | None = None  # the library prompt the text came from, if any
    # A directed round: the roles it goes to, in the order they speak (Role values); empty
    # for a round that goes to everyone. Named seats are chosen when the circle is set up.
    to_roles: tuple[str, ...] = ()
    language: str = DEFAULT_LANGUAGE  # the language of prompt_text
    # The same prompt in a second language, shown under the first in a bilingual circle.
    second_text: str = ""
    second_language: str = ""


@dataclass(frozen=True, slots=True)
class PlanFields:
    name: str
    description: str = ""
    rounds: tuple[PlannedRound, ...] = ()


@dataclass(frozen=True, slots=True)
class CirclePlan:
    """A saved plan. Templates ship with the app and are read-only: copy one to change it."""

    id: int
    name: str
    description: str
    is_template: bool
    template_key: str | None
    rounds: tuple[PlannedRound, ...]
    updated_at: datetime

    def fields(self) -> PlanFields:
        return PlanFields(self.name, self.description, self.rounds)


def tidy_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Lower-case tags with hyphens for spaces, without blanks or repeats, in the given order."""
    tidy = ("-".join(tag.replace(",", " ").casefold().split()) for tag in tags)
    return tuple(dict.fromkeys(tag for tag in tidy if tag))


def split_tags(text: str) -> tuple[str, ...]:
    """Tags typed as one line, separated by commas: "gratitude, getting to know"."""
    return tidy_tags(text.split(","))


def tidy_prompt(fields: PromptFields) -> PromptFields:
    """The prompt as it is saved: text trimmed, tags tidied."""
    return PromptFields(
        fields.text.strip(),
        CircleStage(fields.stage),
        fields.language.strip(),
        tidy_tags(fields.tags),
    )


def tidy_plan(fields: PlanFields) -> PlanFields:
    """The plan as it is saved: names and prompts trimmed."""
    rounds = tuple(
        PlannedRound(
            CircleStage(r.stage), r.prompt_text.strip(), Timing(r.timing), r.seconds, r.prompt_id
        )
        for r in fields.rounds
    )
    return PlanFields(fields.name.strip(), fields.description.strip(), rounds)


def validate_prompt(fields: PromptFields) -> list[FieldProblem]:
    problems = list(_text("text", fields.text, required=True, limit=PROMPT_TEXT_MAX))
    if not _LANGUAGE.fullmatch(fields.language):
        problems.append(FieldProblem("language", Problem.OUT_OF_RANGE))
    if len(",".join(fields.tags)) > TAGS_MAX:
        problems.append(FieldProblem("tags", Problem.TOO_LONG, TAGS_MAX))
    return problems


def validate_plan(fields: PlanFields) -> list[FieldProblem]:
    problems = list(_text("name", fields.name, required=True, limit=SHORT_TEXT_MAX))
    problems += _text("description", fields.description, required=False, limit=DESCRIPTION_MAX)
    if not fields.rounds:
        problems.append(FieldProblem("rounds", Problem.NEEDS_ROUND))
    elif len(fields.rounds) > MOST_ROUNDS:
        problems.append(FieldProblem("rounds", Problem.TOO_MANY_ROUNDS, MOST_ROUNDS))
    for index, planned in enumerate(fields.rounds):
        problems += _round_problems(index, planned)
    return problems


def _round_problems(index: int, planned: PlannedRound) -> Iterator[FieldProblem]:
    if len(planned.prompt_text) > PROMPT_TEXT_MAX:
        yield FieldProblem("round_prompt", Problem.TOO_LONG, PROMPT_TEXT_MAX, index=index)
    seconds = planned.seconds
    if planned.timing is Timing.NONE:
        if seconds is not None:
            yield FieldProblem("round_seconds", Problem.SECONDS_WITHOUT_LIMIT, index=index)
    elif seconds is None:
        yield FieldProblem("round_seconds", Problem.REQUIRED, index=index)
    elif not SHORTEST_ROUND_SECONDS <= seconds <= LONGEST_ROUND_SECONDS:
        yield FieldProblem("round_seconds", Problem.TIME_OUT_OF_RANGE, index=index)


def _text(name: str, value: str, *, required: bool, limit: int) -> Iterator[FieldProblem]:
    if required and not value.strip():
        yield FieldProblem(name, Problem.REQUIRED)
    elif len(value) > limit:
        yield FieldProblem(name, Problem.TOO_LONG, limit)


# -- the library shipped in resources/circle_library ----------------------------------------------


@dataclass(frozen=True, slots=True)
class SeedCounts:
    """What one seeding added: built-in prompts and templates that were missing."""

    prompts: int = 0
    templates: int = 0


class LibraryResourceError(ValueError):
    """The shipped library files are malformed: a packaging mistake, never the user's."""


@dataclass(frozen=True, slots=True)
class SeedPrompt:
    key: str
    fields: PromptFields
    translation_of: str | None = None  # the key of the prompt this one translates


@dataclass(frozen=True, slots=True)
class SeedRound:
    stage: CircleStage
    prompt_key: str | None
    timing: Timing
    seconds: int | None


@dataclass(frozen=True, slots=True)
class SeedTemplate:
    key: str
    name: str
    description: str
    rounds: tuple[SeedRound, ...]


@dataclass(frozen=True, slots=True)
class ShippedLibrary:
    """Prompts (each original before its translations) and templates, each with a stable key."""

    prompts: tuple[SeedPrompt, ...]
    templates: tuple[SeedTemplate, ...]

    def prompt(self, key: str) -> SeedPrompt:
        return next(p for p in self.prompts if p.key == key)


def parse_library(prompts: Mapping[str, Any], templates: Mapping[str, Any]) -> ShippedLibrary:
    """Read the two TOML documents; raise LibraryResourceError at the first thing wrong."""
    try:
        seeds = _parse_prompts(prompts.get("prompt", []))
        keys = {seed.key for seed in seeds}
        shipped = tuple(_parse_template(entry, keys) for entry in templates.get("template", []))
    except (KeyError, TypeError, ValueError) as error:
        raise LibraryResourceError(f"the circle library is malformed: {error}") from error
    _unique("template", [t.key for t in shipped])
    return ShippedLibrary(seeds, shipped)


def _parse_prompts(entries: list[Mapping[str, Any]]) -> tuple[SeedPrompt, ...]:
    originals = {e["key"]: e for e in entries if "translation_of" not in e}
    seeds = []
    for entry in entries:
        # A translation takes its stage and tags from the prompt it translates.
        original = originals.get(entry.get("translation_of", entry.get("key")))
        if original is None:
            raise LibraryResourceError(f"prompt {entry.get('key')!r}: translates an unknown key")
        fields = PromptFields(
            text=entry["text"],
            stage=CircleStage(original["stage"]),
            language=entry.get("language", DEFAULT_LANGUAGE),
            tags=tidy_tags(original.get("tags", [])),
        )
        if validate_prompt(fields):
            raise LibraryResourceError(f"prompt {entry['key']!r} breaks the prompt rules")
        seeds.append(SeedPrompt(entry["key"], fields, entry.get("translation_of")))
    _unique("prompt", [seed.key for seed in seeds])
    return tuple(sorted(seeds, key=lambda seed: seed.translation_of is not None))


def _parse_template(entry: Mapping[str, Any], prompt_keys: set[str]) -> SeedTemplate:
    rounds = tuple(
        SeedRound(
            stage=CircleStage(r["stage"]),
            prompt_key=r.get("prompt"),
            timing=Timing(r.get("timing", Timing.NONE)),
            seconds=r.get("seconds"),
        )
        for r in entry.get("round", [])
    )
    if any(r.prompt_key is not None and r.prompt_key not in prompt_keys for r in rounds):
        raise LibraryResourceError(f"template {entry['key']!r} names an unknown prompt")
    template = SeedTemplate(entry["key"], entry["name"], entry.get("description", ""), rounds)
    planned = tuple(PlannedRound(r.stage, "", r.timing, r.seconds) for r in rounds)
    if validate_plan(PlanFields(template.name, template.description, planned)):
        raise LibraryResourceError(f"template {template.key!r} breaks the plan rules")
    return template


def _unique(kind: str, keys: list[str]) -> None:
    if len(set(keys)) != len(keys):
        raise LibraryResourceError(f"two {kind}s share a key")
