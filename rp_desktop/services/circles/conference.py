"""The words of a conference script, read from the school's prompt library: the restorative
questions and the agreement step, for older students and adults or for young children (K–2),
in English or Spanish. A counselor's edit to one of these prompts is what shows; a prompt
retired or missing falls back to the same words for older people, then to the caller's."""

from collections.abc import Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from rp_desktop.db.models import PromptRow
from rp_desktop.domain.casework.restorative import RestorativeQuestion
from rp_desktop.services.safekeeping.database import Database

# The shipped prompt (seed key) of each question, in the words for older students and adults.
QUESTION_KEYS: dict[RestorativeQuestion, str] = {
    RestorativeQuestion.WHAT_HAPPENED: "repair-what-happened",
    RestorativeQuestion.THINKING_AT_THE_TIME: "repair-thinking-then",
    RestorativeQuestion.THOUGHT_ABOUT_SINCE: "repair-thinking-since",
    RestorativeQuestion.WHO_HAS_BEEN_AFFECTED: "repair-who-affected",
    RestorativeQuestion.IN_WHAT_WAY: "repair-how-affected",
    RestorativeQuestion.WHAT_YOU_NEED_TO_DO: "repair-make-it-right",
    RestorativeQuestion.THOUGHT_WHEN_REALISED: "repair-when-you-realized",
    RestorativeQuestion.IMPACT_ON_YOU_AND_OTHERS: "repair-impact",
    RestorativeQuestion.HARDEST_THING: "repair-hardest-part",
    RestorativeQuestion.WHAT_NEEDS_TO_HAPPEN: "repair-what-needs-to-happen",
    RestorativeQuestion.WHAT_YOU_SAW: "repair-staff-what-you-saw",
    RestorativeQuestion.WHAT_YOU_NEED: "repair-staff-what-you-need",
}
AGREEMENT_KEY = "agreement-what-will-we-do"
# The agreement round of the repair-harm template, asked when the step's own prompt is missing.
OLDER_AGREEMENT_KEY = "repair-agreement"
YOUNG = "-k2"
LANGUAGES = ("en", "es")


def seed_keys(key: str, language: str = "en", young: bool = False) -> tuple[str, ...]:
    """The seed keys to try for one prompt, best first: the young wording (if asked for), then
    the one for older people; each in `language` ("-es" for Spanish)."""
    if language not in LANGUAGES:
        raise ValueError(f"no conference words in {language!r}")
    tail = "" if language == "en" else f"-{language}"
    wordings = (key + YOUNG, key) if young else (key,)
    return tuple(wording + tail for wording in wordings)


def question_words(
    db: Database,
    language: str = "en",
    young: bool = False,
    fallback: Mapping[RestorativeQuestion, str] | None = None,
) -> dict[RestorativeQuestion, str]:
    """Each question's words from the library; a question with no active prompt has its
    `fallback` words (or is left out when there are none)."""
    tries = {q: seed_keys(key, language, young) for q, key in QUESTION_KEYS.items()}
    found = _texts(db, {k for keys in tries.values() for k in keys})
    words = dict(fallback or {})
    for question, keys in tries.items():
        text = next((found[k] for k in keys if k in found), None)
        if text is not None:
            words[question] = text
    return words


def agreement_words(db: Database, language: str = "en", young: bool = False) -> str:
    """The agreement step's prompt (else the repair-harm template's agreement prompt); ""
    when all are retired or missing."""
    keys = seed_keys(AGREEMENT_KEY, language, young) + seed_keys(OLDER_AGREEMENT_KEY, language)
    found = _texts(db, set(keys))
    return next((found[k] for k in keys if k in found), "")


def _texts(db: Database, keys: set[str]) -> dict[str, str]:
    """The text of each active prompt among `keys`, by seed key."""
    query = select(PromptRow.seed_key, PromptRow.text).where(
        PromptRow.seed_key.in_(keys), PromptRow.active.is_(True)
    )
    with Session(db.engine) as session:
        return {key: text for key, text in session.execute(query) if key and text.strip()}
