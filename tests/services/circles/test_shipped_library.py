"""The library that ships, read through the loader: enough prompts for every stage and age band,
every prompt and template in Spanish too, the templates a school needs, the restorative
questions the conference script reads by key, and Tier 1 templates that fit a class period.

Each check collects everything missing, so one run lists all that is left to write."""

from collections import Counter

import pytest

from rp_desktop.domain.circle.budget import plan_seconds
from rp_desktop.domain.library import AgeBand
from rp_desktop.domain.shipped_library import SeedPrompt, SeedTemplate, ShippedLibrary
from rp_desktop.domain.vocabulary import CircleStage
from rp_desktop.services.circles import seeding as library_seed

LEAST_ENGLISH_PROMPTS = 150
LEAST_PROMPTS_PER_BAND = 15
LEAST_PROMPTS_PER_STAGE = 1
# A K-2 wording where young children take part in that stage: every stage but re-entry after an
# exclusion, which is planned with the adults around a young child rather than with them.
STAGES_WITH_K2_PROMPTS = frozenset(CircleStage) - {CircleStage.RE_ENTRY}
STAGES_WITH_ADULTS_PROMPTS = frozenset(CircleStage)  # staff, family and conference circles
CLASS_SIZE = 25
PERIOD_SECONDS = 45 * 60
TEMPLATE_KEYS = (
    "community-building",
    "academic",
    "repair-harm",
    "re-entry",
    "staff",
    "family",
    "grief-and-loss",
    "celebration",
    "problem-solving",
    "values-and-agreement",
    "circle-of-support",
    "elementary-morning",
    "check-in-check-out",
)
# Circles for a whole class or staff: their default times must fit one period.
TIER1_TEMPLATES = (
    "community-building",
    "academic",
    "staff",
    "family",
    "grief-and-loss",
    "celebration",
    "problem-solving",
    "values-and-agreement",
    "elementary-morning",
    "check-in-check-out",
)
CAUSED_HARM_QUESTIONS = (
    "repair-what-happened",
    "repair-thinking-then",
    "repair-thinking-since",
    "repair-who-affected",
    "repair-how-affected",
    "repair-make-it-right",
)
AFFECTED_QUESTIONS = (
    "repair-when-you-realized",
    "repair-impact",
    "repair-hardest-part",
    "repair-what-needs-to-happen",
)
STAFF_QUESTIONS = ("repair-staff-what-you-saw", "repair-staff-what-you-need")
K2_QUESTIONS = tuple(f"{key}-k2" for key in CAUSED_HARM_QUESTIONS + AFFECTED_QUESTIONS)
AGREEMENT_PROMPTS = ("agreement-what-will-we-do", "agreement-what-will-we-do-k2")
NAME_STORY_KEY = "discussion-name-story"


@pytest.fixture(scope="module")
def shipped() -> ShippedLibrary:
    return library_seed.read_shipped_library()


def english(shipped: ShippedLibrary) -> list[SeedPrompt]:
    return [p for p in shipped.prompts if p.translation_of is None]


def spanish(shipped: ShippedLibrary) -> dict[str, list[SeedPrompt]]:
    """English key -> its Spanish translations."""
    found: dict[str, list[SeedPrompt]] = {p.key: [] for p in english(shipped)}
    for prompt in shipped.prompts:
        if prompt.translation_of is not None and prompt.fields.language == "es":
            found.setdefault(prompt.translation_of, []).append(prompt)
    return found


def test_there_are_enough_english_prompts(shipped: ShippedLibrary) -> None:
    count = len(english(shipped))
    assert count >= LEAST_ENGLISH_PROMPTS, (
        f"{count} English prompts ship; at least {LEAST_ENGLISH_PROMPTS} are wanted"
    )
    assert all(p.fields.language == "en" for p in english(shipped))


def test_every_stage_has_prompts(shipped: ShippedLibrary) -> None:
    per_stage = Counter(p.fields.stage for p in english(shipped))
    short = {
        stage.value: per_stage[stage]
        for stage in CircleStage
        if per_stage[stage] < LEAST_PROMPTS_PER_STAGE
    }
    assert not short, f"stages without enough English prompts (count per stage): {short}"


def test_every_prompt_says_which_ages_it_suits(shipped: ShippedLibrary) -> None:
    unbanded = [p.key for p in english(shipped) if not p.fields.bands]
    assert not unbanded, f"{len(unbanded)} English prompts have no bands, e.g. {unbanded[:10]}"


def test_every_age_band_has_enough_prompts(shipped: ShippedLibrary) -> None:
    per_band = Counter(band for p in english(shipped) for band in p.fields.bands)
    short = {
        band.value: per_band[band] for band in AgeBand if per_band[band] < LEAST_PROMPTS_PER_BAND
    }
    assert not short, (
        f"bands with fewer than {LEAST_PROMPTS_PER_BAND} English prompts (count): {short}"
    )


@pytest.mark.parametrize(
    ("band", "stages"),
    [(AgeBand.K_2, STAGES_WITH_K2_PROMPTS), (AgeBand.ADULTS, STAGES_WITH_ADULTS_PROMPTS)],
)
def test_the_youngest_and_the_adults_have_prompts_in_every_stage(
    shipped: ShippedLibrary, band: AgeBand, stages: frozenset[CircleStage]
) -> None:
    covered = {p.fields.stage for p in english(shipped) if band in p.fields.bands}
    missing = sorted(stage.value for stage in stages - covered)
    assert not missing, f"stages with no {band.value} prompt: {missing}"


def test_every_english_prompt_has_exactly_one_spanish_translation(
    shipped: ShippedLibrary,
) -> None:
    translations = spanish(shipped)
    missing = [key for key, found in translations.items() if not found]
    doubled = [key for key, found in translations.items() if len(found) > 1]
    misnamed = [
        found[0].key for key, found in translations.items() if found and found[0].key != f"{key}-es"
    ]
    assert not missing, f"{len(missing)} English prompts have no Spanish, e.g. {missing[:15]}"
    assert not doubled, f"English prompts with two Spanish translations: {doubled}"
    assert not misnamed, f"Spanish prompts not keyed '<key>-es': {misnamed}"


def test_the_templates_a_school_needs_ship(shipped: ShippedLibrary) -> None:
    keys = {t.key for t in shipped.templates}
    missing = [key for key in TEMPLATE_KEYS if key not in keys]
    assert not missing, f"templates missing: {missing}"


def test_every_template_has_a_spanish_twin_in_spanish(shipped: ShippedLibrary) -> None:
    by_key = {t.key: t for t in shipped.templates}
    originals = [t for t in shipped.templates if t.language == "en"]
    without = [t.key for t in originals if f"{t.key}-es" not in by_key]
    assert not without, f"templates without a Spanish twin (name_es): {without}"
    for template in originals:
        twin = by_key[f"{template.key}-es"]
        assert twin.language == "es"
        assert twin.name, twin.key
        assert twin.name != template.name, twin.key
        for mine, theirs in zip(template.rounds, twin.rounds, strict=True):
            if mine.prompt_key is None:
                continue
            prompt = shipped.prompt(theirs.prompt_key or "")
            assert (prompt.fields.language, prompt.translation_of) == ("es", mine.prompt_key), (
                f"{twin.key}: round {mine.prompt_key} is not in Spanish"
            )
            assert (theirs.stage, theirs.to_roles, theirs.seconds) == (
                mine.stage,
                mine.to_roles,
                mine.seconds,
            )


def test_the_conference_scripts_prompts_ship_with_their_spanish(
    shipped: ShippedLibrary,
) -> None:
    keys = {p.key for p in shipped.prompts}
    wanted = CAUSED_HARM_QUESTIONS + AFFECTED_QUESTIONS + STAFF_QUESTIONS + K2_QUESTIONS
    wanted += AGREEMENT_PROMPTS
    missing = [key for key in wanted if key not in keys]
    missing += [f"{key}-es" for key in wanted if f"{key}-es" not in keys]
    assert not missing, f"prompts the conference script reads by key are missing: {missing}"
    young = [
        k for k in K2_QUESTIONS + AGREEMENT_PROMPTS[1:] if AgeBand.K_2 not in _bands(shipped, k)
    ]
    assert not young, f"K-2 wordings not banded k-2: {young}"
    staff = [k for k in STAFF_QUESTIONS if AgeBand.ADULTS not in _bands(shipped, k)]
    assert not staff, f"staff questions not banded adults: {staff}"
    stages = {shipped.prompt(key).fields.stage for key in AGREEMENT_PROMPTS}
    assert stages == {CircleStage.AGREEMENT}


def _bands(shipped: ShippedLibrary, key: str) -> tuple[AgeBand, ...]:
    return shipped.prompt(key).fields.bands


def _minutes(template: SeedTemplate) -> float:
    return plan_seconds(template.rounds, CLASS_SIZE).seconds / 60


def test_the_tier1_templates_fit_a_period_for_a_class(shipped: ShippedLibrary) -> None:
    by_key = {t.key: t for t in shipped.templates}
    too_long = {
        key: round(_minutes(by_key[key]), 1)
        for key in TIER1_TEMPLATES
        if key in by_key and plan_seconds(by_key[key].rounds, CLASS_SIZE).seconds > PERIOD_SECONDS
    }
    assert not too_long, f"minutes for {CLASS_SIZE} people, over {PERIOD_SECONDS // 60}: {too_long}"
    assert all(key in by_key for key in TIER1_TEMPLATES), "a Tier 1 template is missing"


def test_community_building_does_not_ask_for_the_story_of_a_name(
    shipped: ShippedLibrary,
) -> None:
    rounds = shipped.template("community-building").rounds
    keys = [r.prompt_key or "" for r in rounds]
    texts = [shipped.prompt(key).fields.text.casefold() for key in keys if key]
    assert NAME_STORY_KEY not in keys
    assert not [text for text in texts if "your name" in text], texts
