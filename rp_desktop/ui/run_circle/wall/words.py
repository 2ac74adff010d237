"""What the wall says: the round and turn, the prompt (or what stands for it), and the speaker's
time. Words from a `CircleSnapshot` only, in the projector view's translation context."""

from PySide6.QtCore import QCoreApplication

from rp_desktop.domain.circle.display import clock_text, shown_remaining
from rp_desktop.domain.circle.types import CircleSnapshot, CircleState
from rp_desktop.domain.vocabulary import CircleStage


def _tr(text: str) -> str:
    return QCoreApplication.translate("ProjectorView", text)


def timer_text(snap: CircleSnapshot | None, show_timer: bool) -> str:
    """The speaker's time left, "m:ss", or "+m:ss over" past the budget; nothing for a
    speaker without a budget, or with the timer hidden."""
    if snap is None or not show_timer or snap.speaker_budget is None:
        return ""
    if snap.state not in (CircleState.RUNNING, CircleState.PAUSED):
        return ""
    remaining = snap.speaker_remaining or 0.0
    shown = shown_remaining(remaining)
    if remaining < 0:
        return _tr("+{time} over").format(time=clock_text(-shown))
    return clock_text(shown)


def progress_text(snap: CircleSnapshot | None) -> str:
    """Which round this is, and whose turn of how many: "Round 2 of 4 · 3 of 12"."""
    if snap is None or snap.state in (CircleState.SETUP, CircleState.CLOSED):
        return ""
    rnd = snap.round
    text = (
        _tr("Round {number} of {count}").format(number=rnd.index + 1, count=rnd.count)
        if rnd.index < rnd.count
        else _tr("Round {number}").format(number=rnd.index + 1)
    )
    if snap.state is CircleState.BETWEEN_ROUNDS or rnd.size == 0:
        return text
    if rnd.offering_again:
        return text + " · " + _tr("Offered again to those who passed")
    holder = snap.holder
    turn = min(max(rnd.done + (0 if holder is None or holder.had_turn else 1), 1), rnd.size)
    return text + " · " + _tr("{turn} of {seats}").format(turn=turn, seats=rnd.size)


def main_text(snap: CircleSnapshot | None) -> str:
    """The words in the middle of the wall: the prompt, or the stage when it has none."""
    if snap is None:
        return ""
    if snap.state is CircleState.SETUP:
        return _tr("The circle will begin soon")
    if snap.state is CircleState.BETWEEN_ROUNDS:
        return _tr("Round complete")
    if snap.state is CircleState.CLOSED:
        return _tr("Thank you")
    return snap.round.prompt.strip() or _stage_words(snap.round.stage)


def _stage_words(stage: CircleStage) -> str:
    return {
        CircleStage.OPENING: _tr("Opening"),
        CircleStage.CHECK_IN: _tr("Check-in"),
        CircleStage.VALUES_AND_GUIDELINES: _tr("Values and guidelines"),
        CircleStage.DISCUSSION: _tr("Discussion"),
        CircleStage.CHECK_OUT: _tr("Check-out"),
        CircleStage.CLOSING: _tr("Closing"),
        CircleStage.REPAIR_HARM: _tr("Making things right"),
        CircleStage.RE_ENTRY: _tr("Welcome back"),
        CircleStage.AGREEMENT: _tr("Agreeing together"),
    }.get(stage, "")
