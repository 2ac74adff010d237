"""The circle library: seeding from resources/ (once, by key, never over an edit, cheap when done),
prompts by stage, plans and templates, and plans turned into rounds for the circle engine."""

import itertools
from collections import Counter
from datetime import UTC, datetime

import pytest
from sqlalchemy import event, select
from sqlalchemy.orm import Session

from rp_desktop.db.models import CircleRunRow, PlanRoundRow
from rp_desktop.domain.circle.types import RoundPlan, Timing
from rp_desktop.domain.library import (
    LibraryResourceError,
    PlanFields,
    PlannedRound,
    PromptFields,
    SeedCounts,
    parse_library,
)
from rp_desktop.domain.validation import FieldProblem, InvalidInput, Problem
from rp_desktop.domain.vocabulary import AuditAction, CircleStage
from rp_desktop.services.circles import library
from rp_desktop.services.circles import seeding as library_seed
from rp_desktop.services.safekeeping.database import Database
from tests.services.conftest import audit_rows, table_count

PUNITIVE = ("punish", "offender", "victim", "perpetrator", "consequence", "sanction", "detention")
TEMPLATE_KEYS = ["community-building", "academic", "repair-harm", "re-entry"]
CAUSED_HARM_QUESTIONS = [
    "repair-what-happened",
    "repair-thinking-then",
    "repair-thinking-since",
    "repair-who-affected",
    "repair-how-affected",
    "repair-make-it-right",
]
AFFECTED_QUESTIONS = [
    "repair-when-you-realized",
    "repair-impact",
    "repair-hardest-part",
    "repair-what-needs-to-happen",
]


@pytest.fixture
def seeded(db: Database) -> Database:
    library_seed.ensure_circle_library(db)
    return db


def statements_during(db: Database, action: object) -> list[str]:
    seen: list[str] = []

    def remember(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        seen.append(statement.strip().split()[0].upper())

    event.listen(db.engine, "before_cursor_execute", remember)
    try:
        action()  # type: ignore[operator]
    finally:
        event.remove(db.engine, "before_cursor_execute", remember)
    return seen


def a_plan(**changes: object) -> PlanFields:
    rounds = (
        PlannedRound(CircleStage.CHECK_IN, "How are you arriving?", Timing.PER_SPEAKER, 30),
        PlannedRound(CircleStage.DISCUSSION, "What helps you learn?", Timing.PER_ROUND, 600),
        PlannedRound(CircleStage.CLOSING, "", Timing.NONE, None),
    )
    fields = {"name": "Advisory Monday", "description": "Weekly", "rounds": rounds} | changes
    return PlanFields(**fields)  # type: ignore[arg-type]


# -- the shipped resources -------------------------------------------------------------------------


def test_the_shipped_library_has_prompts_for_every_stage_in_two_languages() -> None:
    shipped = library_seed.read_shipped_library()
    english = [p for p in shipped.prompts if p.fields.language == "en"]
    assert len(english) >= 60
    assert {p.fields.stage for p in english} == set(CircleStage)
    spanish = {p.translation_of for p in shipped.prompts if p.fields.language == "es"}
    for prompt in english:
        if prompt.fields.stage in (CircleStage.CHECK_IN, CircleStage.CHECK_OUT):
            assert prompt.key in spanish, prompt.key
    for prompt in shipped.prompts:
        assert prompt.fields.tags, prompt.key
        assert not any(word in prompt.fields.text.casefold() for word in PUNITIVE), prompt.key


def test_the_keys_the_fast_path_reads_are_exactly_the_keys() -> None:
    shipped = library_seed.read_shipped_library()
    parsed = {("prompt", p.key) for p in shipped.prompts}
    parsed |= {("template", t.key) for t in shipped.templates}
    assert library_seed.shipped_keys(*library_seed.shipped_files()) == parsed


def test_the_templates_keep_the_restorative_order() -> None:
    shipped = library_seed.read_shipped_library()
    assert [t.key for t in shipped.templates] == TEMPLATE_KEYS
    repair = next(t for t in shipped.templates if t.key == "repair-harm")
    keys = [r.prompt_key for r in repair.rounds if r.stage is CircleStage.REPAIR_HARM]
    # The person who caused harm answers first, in order; then the people affected.
    assert keys[:10] == CAUSED_HARM_QUESTIONS + AFFECTED_QUESTIONS
    re_entry = next(t for t in shipped.templates if t.key == "re-entry")
    tags = {tag for r in re_entry.rounds for tag in shipped.prompt(r.prompt_key or "").fields.tags}
    assert {"supports", "needs", "responsibilities"} <= tags


@pytest.mark.parametrize(
    ("prompts", "templates"),
    [
        ({"prompt": [{"key": "a", "stage": "closing", "text": "Bye"}] * 2}, {}),
        ({"prompt": [{"key": "a", "stage": "nowhere", "text": "Hi"}]}, {}),
        ({"prompt": [{"key": "a", "translation_of": "b", "language": "es", "text": "Hola"}]}, {}),
        (
            {},
            {
                "template": [
                    {"key": "t", "name": "T", "round": [{"stage": "closing", "prompt": "x"}]}
                ]
            },
        ),
        ({}, {"template": [{"key": "t", "name": "T", "round": []}]}),
        (
            {},
            {
                "template": [
                    {
                        "key": "t",
                        "name": "T",
                        "round": [{"stage": "closing", "timing": "none", "seconds": 9}],
                    }
                ]
            },
        ),
    ],
)
def test_a_malformed_library_is_refused(prompts: dict, templates: dict) -> None:  # type: ignore[type-arg]
    with pytest.raises(LibraryResourceError):
        parse_library(prompts, templates)


# -- seeding ---------------------------------------------------------------------------------------


def test_seeding_adds_every_prompt_and_template_once(db: Database) -> None:
    shipped = library_seed.read_shipped_library()
    first = library_seed.ensure_circle_library(db)
    assert first == SeedCounts(len(shipped.prompts), 4)
    assert library_seed.ensure_circle_library(db) == SeedCounts(0, 0)
    assert table_count(db, "prompt") == len(shipped.prompts)
    assert table_count(db, "circle_plan") == 4
    events = [(e.action, e.entity, e.detail) for e in audit_rows(db)]
    assert events == [
        (AuditAction.IMPORT, "circle_library", f"prompts={first.prompts} templates=4")
    ]


def test_a_translation_points_at_the_prompt_it_translates(seeded: Database) -> None:
    spanish = library.list_prompts(seeded, stage=CircleStage.CHECK_OUT, language="es")
    english = {p.id: p for p in library.list_prompts(seeded, stage=CircleStage.CHECK_OUT)}
    assert len(spanish) == len([p for p in english.values() if p.language == "en"]) > 0
    for prompt in spanish:
        assert prompt.translation_of is not None
        original = english[prompt.translation_of]
        assert (original.language, original.stage, original.tags) == (
            "en",
            prompt.stage,
            prompt.tags,
        )
        assert prompt.built_in


def test_an_already_seeded_library_costs_one_query_and_no_parsing(
    seeded: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_parsing() -> None:
        raise AssertionError("the resources were parsed")

    monkeypatch.setattr(library_seed, "read_shipped_library", no_parsing)
    seen = statements_during(seeded, lambda: library_seed.ensure_circle_library(seeded))
    assert [s for s in seen if s not in ("BEGIN", "COMMIT", "ROLLBACK", "PRAGMA")] == ["SELECT"]


def test_seeding_never_undoes_a_counselors_changes(seeded: Database) -> None:
    weather = next(p for p in library.list_prompts(seeded, text="forecast") if p.language == "en")
    changed = PromptFields(
        "What's the weather inside you today?", CircleStage.CHECK_IN, "en", ("mine",)
    )
    library.update_prompt(seeded, weather.id, changed)
    retired = library.list_prompts(seeded, stage=CircleStage.OPENING)[0]
    library.set_prompt_active(seeded, retired.id, False)
    before = library.list_prompts(seeded, include_inactive=True)

    assert library_seed.ensure_circle_library(seeded) == SeedCounts(0, 0)
    assert library.list_prompts(seeded, include_inactive=True) == before
    assert library.get_prompt(seeded, weather.id).fields() == changed
    assert not library.get_prompt(seeded, retired.id).active


def test_prompts_and_templates_shipped_later_are_added_alone(
    seeded: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    prompt_data, template_data = library_seed.shipped_files()
    later_prompts = prompt_data + (
        b'\n[[prompt]]\nkey = "check-in-new-season"\nstage = "check_in"\n'
        b'text = "What do you hope this season brings?"\ntags = ["seasons"]\n'
        b'\n[[prompt]]\nkey = "check-in-new-season-es"\ntranslation_of = "check-in-new-season"\n'
        b'language = "es"\ntext = "\xc2\xbfQu\xc3\xa9 esperas de esta temporada?"\n'
    )
    later_templates = template_data + (
        b'\n[[template]]\nkey = "seasons"\nname = "Seasons circle"\n'
        b'[[template.round]]\nstage = "check_in"\nprompt = "check-in-new-season"\n'
        b'timing = "per_speaker"\nseconds = 20\n'
    )
    monkeypatch.setattr(library_seed, "shipped_files", lambda: (later_prompts, later_templates))
    assert library_seed.ensure_circle_library(seeded) == SeedCounts(2, 1)
    new, translation = library.list_prompts(seeded, tag="seasons")
    assert (new.text, translation.translation_of, translation.language) == (
        "What do you hope this season brings?",
        new.id,
        "es",
    )
    plan = library.list_plans(seeded)[4]
    assert (plan.template_key, plan.is_template) == ("seasons", True)
    assert plan.rounds == (
        PlannedRound(CircleStage.CHECK_IN, new.text, Timing.PER_SPEAKER, 20, new.id),
    )


# -- prompts ---------------------------------------------------------------------------------------


def test_prompts_are_found_by_stage_language_tag_and_words(seeded: Database) -> None:
    repair = library.list_prompts(seeded, stage=CircleStage.REPAIR_HARM)
    assert len(repair) >= 10
    assert {p.stage for p in repair} == {CircleStage.REPAIR_HARM}
    spanish = library.list_prompts(seeded, language="es")
    assert spanish
    assert all(p.translation_of is not None for p in spanish)
    grief = library.list_prompts(seeded, tag="Grief")
    assert grief
    assert all("grief" in p.tags for p in grief)
    # Accents and case do not matter; every word must be found in the text or the tags.
    assert [p.text for p in library.list_prompts(seeded, text="ANIMO pronostico")] == [
        "Si tu estado de ánimo ahora mismo fuera el clima, ¿cuál sería el pronóstico?"
    ]
    assert library.list_prompts(seeded, text="forecast zzz") == []
    assert library.list_prompts(seeded, tag="no-such-tag") == []


def test_prompts_come_in_stage_order_with_each_translation_after_its_original(
    seeded: Database,
) -> None:
    prompts = library.list_prompts(seeded)
    stages = list(CircleStage)
    assert [stages.index(p.stage) for p in prompts] == sorted(
        stages.index(p.stage) for p in prompts
    )
    assert any(p.translation_of is not None for p in prompts)  # the check below has work
    for before, after in itertools.pairwise(prompts):
        if after.translation_of is not None:
            assert (
                after.translation_of == before.id or before.translation_of == after.translation_of
            )


def test_adding_a_prompt_tidies_it_and_audits_ids_only(db: Database) -> None:
    fields = PromptFields(
        "  ¿Qué te hizo sonreír hoy? 😊 ",
        CircleStage.CHECK_IN,
        "es",
        ("Gratitude", " getting to know", "gratitude"),
    )
    saved = library.add_prompt(db, fields)
    assert (saved.text, saved.tags, saved.built_in, saved.active) == (
        "¿Qué te hizo sonreír hoy? 😊",
        ("gratitude", "getting-to-know"),
        False,
        True,
    )
    assert library.get_prompt(db, saved.id) == saved
    assert library.prompt_tags(db) == ["getting-to-know", "gratitude"]
    event_row = audit_rows(db)[-1]
    assert (event_row.action, event_row.entity, event_row.entity_id, event_row.detail) == (
        AuditAction.CREATE,
        "prompt",
        saved.id,
        "",
    )


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        (PromptFields("   ", CircleStage.OPENING), FieldProblem("text", Problem.REQUIRED)),
        (
            PromptFields("x" * 1001, CircleStage.OPENING),
            FieldProblem("text", Problem.TOO_LONG, 1000),
        ),
        (
            PromptFields("Hi", CircleStage.OPENING, "Spanish"),
            FieldProblem("language", Problem.OUT_OF_RANGE),
        ),
        (
            PromptFields("Hi", CircleStage.OPENING, "en", ("t" * 201,)),
            FieldProblem("tags", Problem.TOO_LONG, 200),
        ),
    ],
)
def test_a_prompt_that_breaks_a_rule_is_not_saved(
    db: Database, fields: PromptFields, problem: FieldProblem
) -> None:
    with pytest.raises(InvalidInput) as info:
        library.add_prompt(db, fields)
    assert info.value.problems == (problem,)
    assert table_count(db, "prompt") == 0
    assert audit_rows(db) == []


def test_a_prompt_is_edited_retired_and_brought_back(seeded: Database) -> None:
    prompt = library.add_prompt(seeded, PromptFields("Name a small win.", CircleStage.CHECK_IN))
    edited = library.update_prompt(
        seeded, prompt.id, PromptFields("Name a small win this week.", CircleStage.CHECK_OUT)
    )
    assert (edited.text, edited.stage) == ("Name a small win this week.", CircleStage.CHECK_OUT)
    retired = library.set_prompt_active(seeded, prompt.id, False)
    assert not retired.active
    assert prompt.id not in {p.id for p in library.list_prompts(seeded)}
    assert prompt.id in {p.id for p in library.list_prompts(seeded, include_inactive=True)}
    assert library.set_prompt_active(seeded, prompt.id, True).active
    actions = [(e.action, e.entity_id) for e in audit_rows(seeded)[-4:]]
    assert [a for a, _ in actions] == [
        AuditAction.CREATE,
        AuditAction.UPDATE,
        AuditAction.DEACTIVATE,
        AuditAction.REACTIVATE,
    ]
    assert {i for _, i in actions} == {prompt.id}
    with pytest.raises(library.PromptNotFound):
        library.update_prompt(seeded, 4242, PromptFields("Hi", CircleStage.OPENING))


# -- plans -----------------------------------------------------------------------------------------


def test_templates_come_first_then_plans_by_name(seeded: Database) -> None:
    library.save_plan(seeded, a_plan(name="zebra circle"))
    library.save_plan(seeded, a_plan(name="Advisory"))
    plans = library.list_plans(seeded)
    assert [p.template_key for p in plans[:4]] == TEMPLATE_KEYS
    assert all(p.is_template for p in plans[:4])
    assert [p.name for p in plans[4:]] == ["Advisory", "zebra circle"]


def test_a_plan_is_saved_read_back_and_its_rounds_replaced(db: Database) -> None:
    saved = library.save_plan(db, a_plan())
    assert saved.fields() == a_plan()
    assert not saved.is_template
    assert saved.updated_at == datetime(2026, 3, 10, 15, 0, tzinfo=UTC)
    assert library.get_plan(db, saved.id) == saved

    shorter = a_plan(
        rounds=(PlannedRound(CircleStage.CHECK_OUT, "One word", Timing.PER_SPEAKER, 10),)
    )
    replaced = library.save_plan(db, shorter, saved.id)
    assert (replaced.id, replaced.fields()) == (saved.id, shorter)
    assert table_count(db, "plan_round") == 1
    assert [(e.action, e.detail) for e in audit_rows(db)] == [
        (AuditAction.CREATE, "rounds=3"),
        (AuditAction.UPDATE, "rounds=1"),
    ]


def test_a_plan_round_keeps_the_prompt_it_came_from(seeded: Database) -> None:
    prompt = library.list_prompts(seeded, stage=CircleStage.CLOSING)[0]
    fields = a_plan(rounds=(PlannedRound(prompt.stage, prompt.text, Timing.NONE, None, prompt.id),))
    saved = library.save_plan(seeded, fields)
    assert saved.rounds[0].prompt_id == prompt.id
    # A prompt edited later does not change a saved plan: it keeps its own words.
    library.update_prompt(seeded, prompt.id, PromptFields("New words.", prompt.stage))
    assert library.get_plan(seeded, saved.id).rounds[0].prompt_text == prompt.text


@pytest.mark.parametrize(
    ("fields", "problems"),
    [
        (a_plan(name=" "), [FieldProblem("name", Problem.REQUIRED)]),
        (a_plan(rounds=()), [FieldProblem("rounds", Problem.NEEDS_ROUND)]),
        (
            a_plan(rounds=(PlannedRound(CircleStage.CLOSING),) * 31),
            [FieldProblem("rounds", Problem.TOO_MANY_ROUNDS, 30)],
        ),
        (
            a_plan(rounds=(PlannedRound(CircleStage.CLOSING, "", Timing.NONE, 30),)),
            [FieldProblem("round_seconds", Problem.SECONDS_WITHOUT_LIMIT, index=0)],
        ),
        (
            a_plan(
                rounds=(
                    PlannedRound(CircleStage.CHECK_IN, "", Timing.PER_SPEAKER, 30),
                    PlannedRound(CircleStage.CHECK_IN, "", Timing.PER_SPEAKER, None),
                    PlannedRound(CircleStage.CHECK_IN, "", Timing.PER_ROUND, 4),
                    PlannedRound(CircleStage.CHECK_IN, "", Timing.PER_ROUND, 2 * 60 * 60 + 1),
                    PlannedRound(CircleStage.CHECK_IN, "x" * 1001, Timing.NONE, None),
                )
            ),
            [
                FieldProblem("round_seconds", Problem.REQUIRED, index=1),
                FieldProblem("round_seconds", Problem.TIME_OUT_OF_RANGE, index=2),
                FieldProblem("round_seconds", Problem.TIME_OUT_OF_RANGE, index=3),
                FieldProblem("round_prompt", Problem.TOO_LONG, 1000, index=4),
            ],
        ),
        (
            a_plan(rounds=(PlannedRound(CircleStage.CLOSING, "", Timing.NONE, None, 4242),)),
            [FieldProblem("round_prompt", Problem.UNKNOWN, index=0)],
        ),
    ],
)
def test_a_plan_that_breaks_a_rule_is_not_saved(
    db: Database, fields: PlanFields, problems: list[FieldProblem]
) -> None:
    with pytest.raises(InvalidInput) as info:
        library.save_plan(db, fields)
    assert list(info.value.problems) == problems
    assert table_count(db, "circle_plan") == 0


def test_time_limits_at_the_edges_are_accepted(db: Database) -> None:
    rounds = (
        PlannedRound(CircleStage.CHECK_IN, "", Timing.PER_SPEAKER, 5),
        PlannedRound(CircleStage.DISCUSSION, "", Timing.PER_ROUND, 2 * 60 * 60),
    )
    assert library.save_plan(db, a_plan(rounds=rounds)).rounds == rounds


def test_templates_are_read_only_but_can_be_copied(seeded: Database) -> None:
    template = library.list_plans(seeded)[2]
    assert template.template_key == "repair-harm"
    refused = [FieldProblem("plan", Problem.TEMPLATE_READ_ONLY)]
    with pytest.raises(InvalidInput) as info:
        library.save_plan(seeded, a_plan(), template.id)
    assert list(info.value.problems) == refused
    with pytest.raises(InvalidInput) as info:
        library.delete_plan(seeded, template.id)
    assert list(info.value.problems) == refused
    assert library.get_plan(seeded, template.id) == template

    copy = library.copy_plan(seeded, template.id, "Repair circle, room 12")
    assert (copy.is_template, copy.template_key, copy.name) == (
        False,
        None,
        "Repair circle, room 12",
    )
    assert copy.rounds == template.rounds
    edited = library.save_plan(seeded, PlanFields("Shorter", "", copy.rounds[:3]), copy.id)
    assert len(edited.rounds) == 3
    assert len(library.get_plan(seeded, template.id).rounds) == 15


def test_deleting_a_plan_keeps_the_circles_run_with_it(db: Database) -> None:
    plan = library.save_plan(db, a_plan())
    with Session(db.engine) as session, session.begin():
        run = CircleRunRow(plan_id=plan.id, started_at=datetime(2026, 3, 9, 14, tzinfo=UTC))
        session.add(run)
        session.flush()
        run_id = run.id
    library.delete_plan(db, plan.id)
    with pytest.raises(library.PlanNotFound):
        library.get_plan(db, plan.id)
    with Session(db.engine) as session:
        assert session.scalars(select(PlanRoundRow)).all() == []
        kept = session.get(CircleRunRow, run_id)
        assert kept is not None
        assert kept.plan_id is None
    assert (audit_rows(db)[-1].action, audit_rows(db)[-1].entity_id) == (
        AuditAction.DELETE,
        plan.id,
    )


def test_a_plan_becomes_the_engines_rounds(db: Database) -> None:
    plan = library.save_plan(db, a_plan())
    assert library.plan_rounds(plan) == [
        RoundPlan(CircleStage.CHECK_IN, "How are you arriving?", Timing.PER_SPEAKER, 30.0),
        RoundPlan(CircleStage.DISCUSSION, "What helps you learn?", Timing.PER_ROUND, 600.0),
        RoundPlan(CircleStage.CLOSING, "", Timing.NONE, None),
    ]


def test_every_template_becomes_rounds_with_words(seeded: Database) -> None:
    templates = [p for p in library.list_plans(seeded) if p.is_template]
    assert [p.template_key for p in templates] == TEMPLATE_KEYS
    for template in templates:
        rounds = library.plan_rounds(template)
        assert rounds[0].stage is CircleStage.OPENING
        assert rounds[-1].stage is CircleStage.CLOSING
        assert all(r.prompt for r in rounds)
        assert all((r.timing is Timing.NONE) == (r.seconds is None) for r in rounds)
    counted = Counter(r.stage for r in library.plan_rounds(templates[2]))
    assert counted[CircleStage.REPAIR_HARM] == 11
