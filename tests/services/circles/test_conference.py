"""The conference script's words come from the library: the young wording, the Spanish one, a
counselor's edit; a retired or missing prompt falls back."""

import pytest
from sqlalchemy.orm import Session

from rp_desktop.domain.casework.restorative import RestorativeQuestion
from rp_desktop.domain.library import PromptFields
from rp_desktop.domain.vocabulary import CircleStage
from rp_desktop.services.circles import conference, library
from rp_desktop.services.circles.library import new_prompt_row
from rp_desktop.services.safekeeping.database import Database

ENGLISH = {q: f"fallback {q.value}" for q in RestorativeQuestion}


def seed(db: Database, texts: dict[str, str]) -> dict[str, int]:
    """Prompts as the shipped library leaves them: each with its seed key."""
    with Session(db.engine) as session, session.begin():
        rows = {
            key: new_prompt_row(PromptFields(text, CircleStage.REPAIR_HARM), key)
            for key, text in texts.items()
        }
        session.add_all(rows.values())
        session.flush()
        return {key: row.id for key, row in rows.items()}


def test_the_seed_keys_tried_best_first() -> None:
    assert conference.seed_keys("repair-impact") == ("repair-impact",)
    assert conference.seed_keys("repair-impact", "es", young=True) == (
        "repair-impact-k2-es",
        "repair-impact-es",
    )
    with pytest.raises(ValueError, match="no conference words"):
        conference.seed_keys("repair-impact", "fr")


def test_the_questions_in_each_wording_and_language(db: Database) -> None:
    seed(
        db,
        {
            "repair-what-happened": "Can you tell us what happened?",
            "repair-what-happened-k2": "What happened? How did you feel?",
            "repair-what-happened-es": "¿Qué pasó?",
            "repair-what-happened-k2-es": "¿Qué pasó? ¿Cómo te sentiste?",
            "repair-impact-es": "¿Cómo le ha afectado esto a usted y a otros?",
        },
    )
    what = RestorativeQuestion.WHAT_HAPPENED
    older = conference.question_words(db, fallback=ENGLISH)
    assert older[what] == "Can you tell us what happened?"
    assert older[RestorativeQuestion.HARDEST_THING] == ENGLISH[RestorativeQuestion.HARDEST_THING]
    assert set(older) == set(RestorativeQuestion)  # every question has words
    assert conference.question_words(db, young=True)[what] == "What happened? How did you feel?"
    spanish_young = conference.question_words(db, "es", young=True, fallback=ENGLISH)
    assert spanish_young[what] == "¿Qué pasó? ¿Cómo te sentiste?"
    # no young wording of this one: the Spanish one for older people
    impact = RestorativeQuestion.IMPACT_ON_YOU_AND_OTHERS
    assert spanish_young[impact] == "¿Cómo le ha afectado esto a usted y a otros?"
    assert conference.question_words(db, "es") == {
        what: "¿Qué pasó?",
        impact: "¿Cómo le ha afectado esto a usted y a otros?",
    }  # nothing else without a fallback


def test_a_counselors_edit_shows_and_a_retired_prompt_falls_back(db: Database) -> None:
    ids = seed(db, {"repair-hardest-part": "What has been hardest?", "repair-impact": "Impact?"})
    hardest = library.get_prompt(db, ids["repair-hardest-part"])
    library.update_prompt(
        db, hardest.id, PromptFields("What has been the hardest part for you?", hardest.stage)
    )
    library.set_prompt_active(db, ids["repair-impact"], False)
    words = conference.question_words(db, fallback=ENGLISH)
    assert words[RestorativeQuestion.HARDEST_THING] == "What has been the hardest part for you?"
    impact = RestorativeQuestion.IMPACT_ON_YOU_AND_OTHERS
    assert words[impact] == ENGLISH[impact]


def test_the_agreement_steps_words(db: Database) -> None:
    assert conference.agreement_words(db) == ""
    seed(
        db,
        {
            "agreement-what-will-we-do": "What will each of us do?",
            "agreement-what-will-we-do-k2-es": "¿Qué vamos a hacer?",
        },
    )
    assert conference.agreement_words(db) == "What will each of us do?"
    assert conference.agreement_words(db, young=True) == "What will each of us do?"
    assert conference.agreement_words(db, "es", young=True) == "¿Qué vamos a hacer?"
    assert conference.agreement_words(db, "es") == ""
    seed(db, {"repair-agreement-es": "¿Qué hará cada uno de nosotros para reparar esto?"})
    # no Spanish wording of the step's own: the repair-harm template's agreement prompt
    assert conference.agreement_words(db, "es") == (
        "¿Qué hará cada uno de nosotros para reparar esto?"
    )
