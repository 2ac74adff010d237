"""The circle library: prompts by stage, and circle plans made of rounds, as plain values,
and the rules a prompt or plan must keep. How the library shipped in `resources/` is read:
`shipped_library`."""

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from rp_desktop.domain.circle.types import KEEPER, Timing
from rp_desktop.domain.validation import SHORT_TEXT_MAX, FieldProblem, Problem
from rp_desktop.domain.vocabulary import CircleStage, Role

PROMPT_TEXT_MAX = 1000
TAGS_MAX = 200  # all tags of one prompt, joined by commas
DESCRIPTION_MAX = 2000
MOST_ROUNDS = 30
SHORTEST_ROUND_SECONDS = 5
LONGEST_ROUND_SECONDS = 2 * 60 * 60
DEFAULT_LANGUAGE = "en"
SECOND_LANGUAGE = "es"  # the language every shipped prompt and template is translated into
ROUND_ROLES = frozenset({*Role, KEEPER})  # what a directed round may name
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


def tidy_bands(bands: Iterable[str]) -> tuple[AgeBand, ...]:
    """Age bands youngest first, without repeats; a value that is no band raises ValueError."""
    chosen = {AgeBand(band) for band in bands}
    return tuple(band for band in AgeBand if band in chosen)


def join_words(values: Iterable[str]) -> str:
    """Bands, tags or roles as one comma-separated database value."""
    return ",".join(values)


def split_words(text: str) -> tuple[str, ...]:
    """The values of a comma-separated database value, without blanks."""
    return tuple(part for part in text.split(",") if part)


def tidy_prompt(fields: PromptFields) -> PromptFields:
    """The prompt as it is saved: text trimmed, tags tidied, bands youngest first."""
    return PromptFields(
        fields.text.strip(),
        CircleStage(fields.stage),
        fields.language.strip(),
        tidy_tags(fields.tags),
        tidy_bands(fields.bands),
    )


def tidy_round(r: PlannedRound) -> PlannedRound:
    """A round as it is saved: its words trimmed, a second language only with second words."""
    second = r.second_text.strip()
    return PlannedRound(
        CircleStage(r.stage),
        r.prompt_text.strip(),
        Timing(r.timing),
        r.seconds,
        r.prompt_id,
        tuple(dict.fromkeys(role.strip() for role in r.to_roles if role.strip())),
        r.language.strip() or DEFAULT_LANGUAGE,
        second,
        r.second_language.strip() if second else "",
    )


def tidy_plan(fields: PlanFields) -> PlanFields:
    """The plan as it is saved: names and prompts trimmed."""
    rounds = tuple(tidy_round(r) for r in fields.rounds)
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
    if len(planned.second_text) > PROMPT_TEXT_MAX:
        yield FieldProblem("round_second_prompt", Problem.TOO_LONG, PROMPT_TEXT_MAX, index=index)
    if any(role not in ROUND_ROLES for role in planned.to_roles):
        yield FieldProblem("round_to_roles", Problem.UNKNOWN, index=index)
    languages = [planned.language] + ([planned.second_language] if planned.second_text else [])
    if not all(_LANGUAGE.fullmatch(code) for code in languages):
        yield FieldProblem("round_language", Problem.OUT_OF_RANGE, index=index)
    yield from _time_problems(index, planned)


def _time_problems(index: int, planned: PlannedRound) -> Iterator[FieldProblem]:
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
