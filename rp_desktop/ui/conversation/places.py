"""Between the window's keys and the service's places: the window keeps each person by a key of
its own, the service names them by their place in the case's participants (they have no ids
yet), and its problems point at places, which the window shows beside the right line."""

from dataclasses import dataclass, replace

from rp_desktop.domain.casework.records import AgreementItemFields, AnswerFields
from rp_desktop.domain.records import Participant
from rp_desktop.domain.validation import FieldProblem
from rp_desktop.domain.vocabulary import Role
from rp_desktop.ui.what_was_said.problems import answers_problem
from rp_desktop.ui.words.problems import problem_text


class Places:
    """`everyone` in the order they are saved; `lines` the place of each agreement line sent
    among all the lines shown."""

    def __init__(self, everyone: tuple[Participant, ...], lines: list[int]) -> None:
        self.everyone = everyone
        self.lines = lines
        self._place = {p.id: place for place, p in enumerate(everyone)}

    def answers(self, answers: tuple[AnswerFields, ...]) -> tuple[AnswerFields, ...]:
        return tuple(
            replace(a, participant_id=self._place[a.participant_id])
            for a in answers
            if a.participant_id in self._place
        )

    def summaries(self, summaries: tuple[tuple[int, str], ...]) -> tuple[tuple[int, str], ...]:
        return tuple((self._place[key], text) for key, text in summaries if key in self._place)

    def items(self, items: list[AgreementItemFields]) -> tuple[AgreementItemFields, ...]:
        return tuple(
            item
            if item.owner_participant_id is None
            else replace(item, owner_participant_id=self._place.get(item.owner_participant_id))
            for item in items
        )

    def is_facilitator(self, place: int) -> bool:
        return 0 <= place < len(self.everyone) and (
            self.everyone[place].fields.role is Role.FACILITATOR
        )


@dataclass(frozen=True)
class Shown:
    """Problems by where they are shown: under a field, beside a student (their line), beside
    an agreement line (its place)."""

    general: tuple[FieldProblem, ...]
    people: tuple[tuple[int, str], ...]
    items: tuple[tuple[int, str], ...]


def place_problems(problems: tuple[FieldProblem, ...], places: Places) -> Shown:
    general: list[FieldProblem] = []
    people: list[tuple[int, str]] = []
    items: list[tuple[int, str]] = []
    for problem in problems:
        index = problem.index
        if index is None:
            general.append(problem)
        elif problem.field == "participants" and places.is_facilitator(index):
            general.append(replace(problem, field="facilitator_id", index=None))
        elif problem.field == "participants":
            people.append((index, problem_text(problem)))
        elif problem.field.startswith("items.") and index < len(places.lines):
            items.append((places.lines[index], problem_text(problem)))
        else:  # an answer or a summary: said under the answers
            general.append(replace(answers_problem(problem), index=None))
    return Shown(tuple(dict.fromkeys(general)), tuple(people), tuple(items))
