"""The shipped library kept up to date: a small invented library in several files, read in
order, its Spanish twins made, its mistakes named; and a school's database brought up to date
when the files change (bands, earlier wordings, templates' rounds), never over a counselor's
own words."""

import pytest

from rp_desktop.domain.circle.types import Timing
from rp_desktop.domain.library import AgeBand, PlannedRound, PromptFields
from rp_desktop.domain.shipped_library import LibraryResourceError, SeedCounts, parse_library
from rp_desktop.domain.vocabulary import AuditAction, CircleKind, CircleStage
from rp_desktop.services.circles import library
from rp_desktop.services.circles import seeding as library_seed
from rp_desktop.services.circles import shipped as shipped_module
from rp_desktop.services.safekeeping.database import Database
from tests.services.conftest import audit_rows

PROMPTS = """
[[prompt]]
key = "open-breath"
stage = "opening"
text = "Let us take one slow breath together."
tags = ["mindfulness"]
bands = ["k-2", "3-5"]

[[prompt]]
key = "open-breath-es"
translation_of = "open-breath"
language = "es"
text = "Respiremos juntos una vez, despacio."
was = ["Tomemos una respiración."]
"""
MORE_PROMPTS = """
[[prompt]]
key = "ask-what-happened"
stage = "repair_harm"
text = "What happened?"
tags = ["repair"]
bands = ["adults", "9-12"]

[[prompt]]
key = "ask-what-happened-es"
translation_of = "ask-what-happened"
language = "es"
text = "¿Qué pasó?"
"""
TEMPLATES = """
[[template]]
key = "tiny"
name = "Tiny circle"
description = "Two rounds."
name_es = "Círculo pequeño"
description_es = "Dos rondas."
circle_kind = "check_in"

[[template.round]]
stage = "opening"
prompt = "open-breath"
timing = "none"

[[template.round]]
stage = "repair_harm"
prompt = "ask-what-happened"
timing = "per_speaker"
seconds = 60
to_roles = ["person_who_caused_harm", "keeper"]
"""


def files(prompts: str = PROMPTS, templates: str = TEMPLATES) -> dict[str, bytes]:
    # Deliberately out of order: the loader sorts them.
    return {
        "templates.toml": templates.encode(),
        "prompts-more.toml": MORE_PROMPTS.encode(),
        "prompts.toml": prompts.encode(),
    }


@pytest.fixture
def tiny(monkeypatch: pytest.MonkeyPatch) -> dict[str, bytes]:
    shipped = files()
    monkeypatch.setattr(library_seed, "shipped_files", lambda: shipped)
    return shipped


def ship(monkeypatch: pytest.MonkeyPatch, shipped: dict[str, bytes]) -> None:
    monkeypatch.setattr(library_seed, "shipped_files", lambda: shipped)


def test_every_file_is_read_with_bands_translations_and_twins() -> None:
    shipped = shipped_module.parse_shipped(files())
    assert [p.key for p in shipped.prompts] == [
        "open-breath",
        "ask-what-happened",
        "open-breath-es",
        "ask-what-happened-es",
    ]
    spanish = shipped.prompt("ask-what-happened-es")
    # A translation has its original's stage, tags and bands, youngest band first.
    assert spanish.fields.bands == (AgeBand.GRADES_9_12, AgeBand.ADULTS)
    assert (spanish.fields.stage, spanish.fields.tags) == (CircleStage.REPAIR_HARM, ("repair",))
    assert shipped.prompt("open-breath-es").was == ("Tomemos una respiración.",)
    tiny, twin = shipped.templates
    assert (twin.key, twin.name, twin.description, twin.language) == (
        "tiny-es",
        "Círculo pequeño",
        "Dos rondas.",
        "es",
    )
    assert [r.prompt_key for r in twin.rounds] == ["open-breath-es", "ask-what-happened-es"]
    assert (
        twin.rounds[1].to_roles == tiny.rounds[1].to_roles == ("person_who_caused_harm", "keeper")
    )
    assert shipped.kinds() == {"tiny": CircleKind.CHECK_IN, "tiny-es": CircleKind.CHECK_IN}


def template_with(**changes: object) -> dict[str, object]:
    template = {
        "key": "t",
        "name": "T",
        "round": [{"stage": "opening", "prompt": "p", "timing": "none"}],
    }
    return template | changes


PROMPT = {"key": "p", "stage": "opening", "text": "Hi", "bands": ["k-2"]}


@pytest.mark.parametrize(
    ("prompts", "templates", "named"),
    [
        ([PROMPT | {"bands": ["teens"]}], [], "prompt 'p'"),
        ([PROMPT, {"key": "p-es", "translation_of": "q", "text": "Hola"}], [], "prompt 'p-es'"),
        ([PROMPT, PROMPT], [], "'p'"),
        ([{"key": "p", "text": "Hi"}], [], "prompt 'p'"),
        ([{"stage": "opening", "text": "Hi"}], [], "without a key"),
        ([PROMPT], [{"name": "T", "round": []}], "without a key"),
        (
            [PROMPT],
            [template_with(round=[{"stage": "closing", "timing": "none", "to_roles": ["boss"]}])],
            "template 't'",
        ),
        ([PROMPT], [template_with(name_es="T es")], "template 't'"),
        ([PROMPT], [template_with(circle_kind="party")], "template 't'"),
        ([PROMPT], [template_with(round=[{"stage": "closing", "prompt": "x"}])], "template 't'"),
    ],
)
def test_a_malformed_entry_is_named(prompts: list, templates: list, named: str) -> None:  # type: ignore[type-arg]
    with pytest.raises(LibraryResourceError, match=named):
        parse_library({"prompt": prompts}, {"template": templates})


def test_a_file_that_is_not_toml_is_named() -> None:
    broken = files() | {"prompts-more.toml": b"[[prompt]\nkey = "}
    with pytest.raises(LibraryResourceError, match=r"prompts-more\.toml"):
        shipped_module.parse_shipped(broken)


def test_seeding_saves_bands_directed_rounds_and_the_spanish_twin(
    db: Database, tiny: dict[str, bytes]
) -> None:
    assert library_seed.ensure_circle_library(db) == SeedCounts(4, 2)
    young = library.list_prompts(db, band=AgeBand.K_2)
    assert [(p.text, p.bands) for p in young] == [
        ("Let us take one slow breath together.", (AgeBand.K_2, AgeBand.GRADES_3_5)),
        ("Respiremos juntos una vez, despacio.", (AgeBand.K_2, AgeBand.GRADES_3_5)),
    ]
    assert [p.text for p in library.list_prompts(db, band=AgeBand.ADULTS, language="es")] == [
        "¿Qué pasó?"
    ]
    english, spanish = library.list_plans(db)
    assert (english.template_key, spanish.template_key) == ("tiny", "tiny-es")
    asked = library.list_prompts(db, text="what happened")[0]
    assert english.rounds[1] == PlannedRound(
        CircleStage.REPAIR_HARM,
        "What happened?",
        Timing.PER_SPEAKER,
        60,
        asked.id,
        ("person_who_caused_harm", "keeper"),
        "en",
    )
    assert [(r.prompt_text, r.language) for r in spanish.rounds] == [
        ("Respiremos juntos una vez, despacio.", "es"),
        ("¿Qué pasó?", "es"),
    ]
    engine = library.plan_rounds(spanish)[1]
    assert (engine.to_roles, engine.directed) == (("person_who_caused_harm", "keeper"), True)


def test_changed_files_bring_built_ins_up_to_date_but_never_a_counselors_words(
    db: Database, tiny: dict[str, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    library_seed.ensure_circle_library(db)
    breath, breath_es = library.list_prompts(db, stage=CircleStage.OPENING)
    asked = library.list_prompts(db, text="what happened")[0]
    # The Spanish prompt still has an earlier shipped wording; the English one a counselor's.
    library.update_prompt(
        db, breath_es.id, PromptFields("Tomemos una respiración.", CircleStage.OPENING, "es")
    )
    mine = PromptFields(
        "Breathe in, and out, with me.", CircleStage.OPENING, "en", bands=(AgeBand.K_2,)
    )
    library.update_prompt(db, breath.id, mine)
    template = library.list_plans(db)[0]

    newer_prompts = PROMPTS.replace('bands = ["k-2", "3-5"]', 'bands = ["k-2"]').replace(
        'text = "Let us take one slow breath together."',
        'text = "One slow breath, together."\nwas = ["Let us take one slow breath together."]',
    )
    newer_templates = TEMPLATES.replace("seconds = 60", "seconds = 45").replace(
        'name = "Tiny circle"', 'name = "Tiny circle, shorter"'
    )
    ship(monkeypatch, files(newer_prompts, newer_templates))
    assert library_seed.ensure_circle_library(db) == SeedCounts(reworded=1, banded=1, refreshed=2)

    assert library.get_prompt(db, breath_es.id).text == "Respiremos juntos una vez, despacio."
    kept = library.get_prompt(db, breath.id)
    assert kept.text == mine.text  # the counselor's own wording stays
    assert library.get_prompt(db, asked.id).bands == (AgeBand.GRADES_9_12, AgeBand.ADULTS)
    refreshed = library.get_plan(db, template.id)  # the same row: circles keep their plan
    assert refreshed.name == "Tiny circle, shorter"
    assert [r.seconds for r in refreshed.rounds] == [None, 45]
    assert refreshed.rounds[0].prompt_text == mine.text  # the round has the prompt's words now
    assert audit_rows(db)[-1].detail == "prompts=0 templates=0 reworded=1 banded=1 refreshed=2"
    # Once up to date, nothing more to do.
    assert library_seed.ensure_circle_library(db) == SeedCounts()


def test_the_bands_of_a_built_in_prompt_follow_the_shipped_files(
    db: Database, tiny: dict[str, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    library_seed.ensure_circle_library(db)
    ship(monkeypatch, files(PROMPTS.replace('["k-2", "3-5"]', '["6-8"]')))
    assert library_seed.ensure_circle_library(db) == SeedCounts(banded=2)
    assert [p.text for p in library.list_prompts(db, band=AgeBand.GRADES_6_8)] == [
        "Let us take one slow breath together.",
        "Respiremos juntos una vez, despacio.",
    ]
    assert library.list_prompts(db, band=AgeBand.K_2) == []


def test_an_unchanged_library_is_not_parsed_again(
    db: Database, tiny: dict[str, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    library_seed.ensure_circle_library(db)

    def no_parsing(_files: object) -> None:
        raise AssertionError("the resources were parsed")

    monkeypatch.setattr(library_seed, "parse_shipped", no_parsing)
    assert library_seed.ensure_circle_library(db) == SeedCounts()
    assert [e.action for e in audit_rows(db)] == [AuditAction.IMPORT]


def test_shipped_kinds_name_every_template_and_its_twin() -> None:
    shipped = library_seed.read_shipped_library()
    kinds = library.shipped_kinds()
    assert kinds == shipped.kinds()
    for template in shipped.templates:
        if template.language == "es" and template.key.removesuffix("-es") in kinds:
            assert kinds[template.key] == kinds[template.key.removesuffix("-es")]
