"""What the wall says: the round and turn, the prompt (or what stands for it) and its second
language, who a directed round is for (by the names on the wall, never a role), and the
speaker's time. Words from a `CircleSnapshot` only, in the projector view's translation context.

The app ships English only: with Spanish prompts, these words around them stay English until
the wall is translated."""

from PySide6.QtCore import QCoreApplication

from rp_desktop.domain.circle.display import clock_text, shown_remaining
from rp_desktop.domain.circle.types import CircleSnapshot, CircleState, SeatView
from rp_desktop.domain.vocabulary import CircleStage

FOR_NAMES = 6  # a round for more seats names the first five and says how many more
NO_BREAK_SPACE, NO_BREAK_HYPHEN = "\u00a0", "\u2011"


def _tr(text: str) -> str:
    return QCoreApplication.translate("ProjectorView", text)


def timer_text(snap: CircleSnapshot | None, show_timer: bool) -> str:
    """The speaker's time left, "m:ss", or "+m:ss over" past the budget; nothing for a
    speaker without a budget, or with the timer hidden."""
    if snap is None or not show_timer or snap.speaker_budget is None or agreeing(snap):
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
    if agreeing(snap):
        return text + " · " + _stage_words(rnd.stage)
    done, size = rnd.done, rnd.size  # in a directed round, of the seats it is for
    if snap.state is CircleState.BETWEEN_ROUNDS or size == 0 or keeper_alone(snap):
        return text
    if rnd.offering_again:
        return text + " · " + _tr("Offered again to those who passed")
    holder = snap.holder
    turn = min(max(done + (0 if holder is None or holder.had_turn else 1), 1), size)
    return text + " · " + _tr("{turn} of {seats}").format(turn=turn, seats=size)


def agreeing(snap: CircleSnapshot) -> bool:
    """The group is agreeing together (untimed, the piece resting with the keeper), not
    going round."""
    running = snap.state in (CircleState.RUNNING, CircleState.PAUSED)
    return running and snap.round.stage is CircleStage.AGREEMENT


def keeper_alone(snap: CircleSnapshot) -> bool:
    """The round is for the keeper alone (an opening read to the circle, the agreement step):
    the wall then names no one and dims no one; the circle is listening together."""
    seats = addressed_seats(snap)
    return len(seats) == 1 and seats[0].is_keeper


def addressed_seats(snap: CircleSnapshot) -> list[SeatView]:
    """The seats a directed round is for, in the order they speak (none when it is for
    everyone); a seat no longer in the ring is left out."""
    seats = {seat.key: seat for seat in snap.seats}
    return [seats[key] for key in snap.round.addressed if key in seats]


def _unbroken(label: str) -> str:
    """A name kept whole on one line of the "For:" line: no break at its spaces or hyphens."""
    return label.replace(" ", NO_BREAK_SPACE).replace("-", NO_BREAK_HYPHEN)


def second_text(snap: CircleSnapshot | None) -> str:
    """The prompt in the round's second language, drawn under the first; nothing when the
    round has none or the middle shows something other than the prompt."""
    if snap is None or snap.state not in (CircleState.RUNNING, CircleState.PAUSED):
        return ""
    if not snap.round.prompt.strip():
        return ""
    return snap.round.second_prompt.strip()


def for_text(snap: CircleSnapshot | None) -> str:
    """Who a directed round is for, by the names on the wall in the order they speak:
    "For: Sam, Alex". Nothing for a round to everyone, or to the keeper alone, or while the
    group agrees together."""
    if snap is None or snap.state not in (CircleState.RUNNING, CircleState.PAUSED):
        return ""
    if agreeing(snap) or keeper_alone(snap):
        return ""
    labels = [_unbroken(seat.label) for seat in addressed_seats(snap)]
    if not labels:
        return ""
    if len(labels) > FOR_NAMES:  # the ring shows them all, undimmed; the line names the first
        shown = ", ".join(labels[: FOR_NAMES - 1])
        more = len(labels) - FOR_NAMES + 1
        return _tr("For: {names} and {count} more").format(names=shown, count=more)
    return _tr("For: {names}").format(names=", ".join(labels))


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
