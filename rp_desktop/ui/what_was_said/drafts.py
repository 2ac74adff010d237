"""What was typed about a meeting's people, in a form's draft: whether the answers are kept, each
answer by person and question, and each person's summary. A draft saved before summaries
existed (a list of answers) reads as answers kept word for word."""

from dataclasses import dataclass

from rp_desktop.domain.casework.restorative import RestorativeQuestion
from rp_desktop.ui.forms.form_state import Json


@dataclass(frozen=True)
class AnswersDraft:
    keep: bool
    answers: dict[tuple[int, RestorativeQuestion], str]
    summaries: dict[int, str]

    def state(self) -> dict[str, Json]:
        """As the draft keeps it: only what holds some text."""
        return {
            "keep": self.keep,
            "answers": [
                {"participant": pid, "question": question.value, "text": text}
                for (pid, question), text in self.answers.items()
                if text
            ],
            "summaries": [
                {"participant": pid, "text": text} for pid, text in self.summaries.items() if text
            ],
        }

    @classmethod
    def read(cls, state: Json) -> "AnswersDraft":
        """A draft's state; an entry that no longer makes sense (a question not asked now, a
        damaged line) is left out."""
        if isinstance(state, list):  # before summaries: the answers alone, kept word for word
            return cls(bool(state), _answers(state), {})
        if not isinstance(state, dict):
            return cls(False, {}, {})
        return cls(
            bool(state.get("keep")),
            _answers(state.get("answers")),
            _summaries(state.get("summaries")),
        )


def _answers(entries: Json) -> dict[tuple[int, RestorativeQuestion], str]:
    found: dict[tuple[int, RestorativeQuestion], str] = {}
    for entry in entries if isinstance(entries, list) else []:
        try:
            key = (int(entry["participant"]), RestorativeQuestion(entry["question"]))
            found[key] = str(entry["text"])
        except (KeyError, TypeError, ValueError):
            continue
    return found


def _summaries(entries: Json) -> dict[int, str]:
    found: dict[int, str] = {}
    for entry in entries if isinstance(entries, list) else []:
        try:
            found[int(entry["participant"])] = str(entry["text"])
        except (KeyError, TypeError, ValueError):
            continue
    return found
