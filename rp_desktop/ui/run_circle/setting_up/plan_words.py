"""What choosing a plan says about the circle: its purpose (the plan's own name, unless the
keeper typed their own) and, for a shipped template, the kind of circle it is."""

from PySide6.QtWidgets import QLineEdit, QWidget

from rp_desktop.domain.circle import RoundPlan
from rp_desktop.domain.library import PlannedRound
from rp_desktop.domain.validation import SHORT_TEXT_MAX
from rp_desktop.domain.vocabulary import CircleKind
from rp_desktop.services.circles.shipped import shipped_kinds


def template_kind(template_key: str | None) -> CircleKind | None:
    """The kind of circle a shipped template is for, as the shipped files say (a Spanish twin
    has its original's kind); None for a plan of one's own."""
    if template_key is None:
        return None
    return shipped_kinds().get(template_key)


class PurposeLine(QLineEdit):
    """What the circle is for, as its record will say. Choosing a plan writes the plan's name
    here, unless the keeper typed their own: what they typed stays until they clear it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Purpose"))
        self.setPlaceholderText(self.tr("What this circle is for (the plan's name if empty)"))
        self.setMaxLength(SHORT_TEXT_MAX)
        self._typed = False
        self.textEdited.connect(self._note_typed)

    @property
    def typed(self) -> bool:
        """Whether the keeper wrote this purpose themselves."""
        return self._typed

    def offer(self, plan_name: str) -> None:
        """A plan was chosen: its name becomes the purpose unless the keeper typed one."""
        if not self._typed:
            self.setText(plan_name)
            self.setCursorPosition(0)

    def purpose(self, plan_name: str) -> str:
        """The purpose to save: the text here, or the plan's name when it is empty."""
        return " ".join(self.text().split()) or plan_name

    def _note_typed(self, text: str) -> None:
        self._typed = bool(text.strip())


def round_plan(planned: PlannedRound) -> RoundPlan:
    """A planned round as the circle runs it: to everyone or to roles (named seats are chosen
    in a conference script), in one language or two."""
    seconds = None if planned.seconds is None else float(planned.seconds)
    return RoundPlan(
        planned.stage,
        planned.prompt_text,
        planned.timing,
        seconds,
        to_roles=planned.to_roles,
        second_prompt=planned.second_text,
    )
