"""What the console needs to walk a conference: the step each round is, and who sits where by
name and part (the keeper's screen only: none of it reaches the wall)."""

from collections.abc import Mapping
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication

from rp_desktop.domain.casework.restorative import RestorativeQuestion
from rp_desktop.domain.circle_runs import ScriptNote
from rp_desktop.domain.conference import ConferencePlan, ScriptStep
from rp_desktop.domain.vocabulary import Role
from rp_desktop.ui.words.labels import label


@dataclass(frozen=True)
class ConferenceGuide:
    """`plan`: the conference's rounds and steps (None: a circle with no script); `names`:
    each seat's full name; `parts`: each seat's part in the case, in words."""

    plan: ConferencePlan | None = None
    names: Mapping[int, str] = field(default_factory=dict)
    parts: Mapping[int, str] = field(default_factory=dict)

    def step(self, index: int) -> ScriptStep | None:
        return self.plan.step(index) if self.plan is not None else None

    def name(self, key: int | None, fallback: str = "") -> str:
        return self.names.get(key, fallback) if key is not None else fallback

    def notes(self, typed: Mapping[int, str]) -> tuple[ScriptNote, ...]:
        """The notes typed (by round index) as notes on the people asked, in script order."""
        found = []
        for index, text in sorted(typed.items()):
            step = self.step(index)
            if step is None or step.participant_id is None or step.question is None:
                continue
            found.append(ScriptNote(step.participant_id, RestorativeQuestion(step.question), text))
        return tuple(found)


def part_words(role: str) -> str:
    """A role's words ("Person harmed"); the keeper's seat and unknown roles: none."""
    if role == "keeper":
        return QCoreApplication.translate("ConferenceGuide", "Keeper")
    try:
        return label(Role(role))
    except ValueError:
        return ""
