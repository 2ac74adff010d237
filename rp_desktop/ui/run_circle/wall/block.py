"""The words in the middle of the wall, as one block fitted into the prompt's box: the prompt,
under it the same prompt in a second language (a little smaller), and under them who a directed
round is for ("For: Sam, Alex"). One size is chosen for the block, the largest at which all of
it wraps in whole; the second language and the "For:" line keep their share of it, so neither
reads as an afterthought from the back of the room. Only when the block cannot be whole even at
the prompt's floor size does anything end in "…" (`text_fit.py`)."""

from dataclasses import dataclass

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont

from rp_desktop.ui.run_circle.wall.text_fit import (
    NAME_WEIGHT,
    TEXT_WEIGHT,
    FontBook,
    TextFit,
    elided_fit,
    wrapped,
    wrapped_height,
)

SECOND_SHARE = 0.85  # the second language's size, of the prompt's
FOR_SHARE = 0.75  # the "For:" line's size, of the prompt's
GAP_EMS = 0.4  # space between the parts, in ems of the prompt
FOR_LINES = 2  # a "For:" line longer than this many lines ends in "…" when room is short


@dataclass(frozen=True, slots=True)
class MiddleText:
    """What the middle of the wall says: the prompt (or the words standing for it), the
    prompt in a second language, and who the round is for; each may be empty but the first."""

    prompt: str
    second: str = ""
    for_line: str = ""


@dataclass(frozen=True, slots=True)
class Part:
    """One part of the block, fitted, and where it is drawn."""

    fit: TextFit
    box: QRectF
    weight: QFont.Weight


@dataclass(frozen=True, slots=True)
class Block:
    prompt: Part
    second: Part | None
    for_line: Part | None


@dataclass(frozen=True, slots=True)
class _Piece:
    kind: str  # "prompt", "second" or "for"
    text: str
    pixels: int
    weight: QFont.Weight


def _pieces(text: MiddleText, pixels: int) -> list[_Piece]:
    """The parts there are, each with its size and weight, when the prompt is at `pixels`."""
    pieces = [_Piece("prompt", text.prompt, pixels, TEXT_WEIGHT)]
    if text.second:
        pieces.append(
            _Piece("second", text.second, max(1, round(pixels * SECOND_SHARE)), TEXT_WEIGHT)
        )
    if text.for_line:
        pieces.append(_Piece("for", text.for_line, max(1, round(pixels * FOR_SHARE)), NAME_WEIGHT))
    return pieces


def _height(piece: _Piece, width: float, fonts: FontBook) -> float:
    return wrapped_height(piece.text, width, fonts, piece.pixels, piece.weight)


def _wrapped(piece: _Piece, width: float, fonts: FontBook) -> TextFit:
    return wrapped(piece.text, width, fonts, piece.pixels, piece.weight)


def block_height(text: MiddleText, width: float, fonts: FontBook, pixels: int) -> float:
    """How tall the whole block is with the prompt at `pixels`, wrapped to `width`."""
    pieces = _pieces(text, pixels)
    gaps = (len(pieces) - 1) * pixels * GAP_EMS
    return gaps + sum(_height(piece, width, fonts) for piece in pieces)


def block_fits_whole(text: MiddleText, box: QRectF, fonts: FontBook, pixels: int) -> bool:
    """Whether the block, the prompt at `pixels`, wraps into `box` with nothing cut."""
    if box.width() <= 0 or box.height() <= 0:
        return False
    return block_height(text, box.width(), fonts, pixels) <= box.height()


def fit_block(text: MiddleText, box: QRectF, fonts: FontBook, largest: int, floor: int) -> Block:
    """The block at the largest prompt size in [floor, largest] at which it is whole in `box`,
    centred there; at the floor, cut as little as it must be."""
    floor = max(1, min(floor, largest))
    low, high, best = floor, largest, None
    while low <= high:  # larger type never makes the block shorter, so the sizes form a range
        middle = (low + high) // 2
        if block_fits_whole(text, box, fonts, middle):
            best, low = middle, middle + 1
        else:
            high = middle - 1
    if best is None:
        return _cut_block(text, box, fonts, floor)
    pieces = _pieces(text, best)
    fits = [_wrapped(piece, box.width(), fonts) for piece in pieces]
    return _stacked(pieces, fits, box, best * GAP_EMS)


def _cut_block(text: MiddleText, box: QRectF, fonts: FontBook, pixels: int) -> Block:
    """At the floor, too long for `box`: the "For:" line on two lines at most, and the room
    left shared by the prompt and its second language as their lengths ask, each cut with
    an ellipsis only if it needs more than its share."""
    pieces, gap, width = _pieces(text, pixels), pixels * GAP_EMS, box.width()
    room = box.height() - gap * (len(pieces) - 1)
    fits: dict[str, TextFit] = {}
    for piece in pieces:
        if piece.kind == "for":
            shown = _wrapped(piece, width, fonts)
            if len(shown.lines) > FOR_LINES:
                most = _sized(width, shown.line_height * FOR_LINES)
                shown = elided_fit(piece.text, most, fonts, piece.pixels, piece.weight)
            fits["for"], room = shown, room - shown.height
    words = [piece for piece in pieces if piece.kind != "for"]
    needs = [_height(piece, width, fonts) for piece in words]
    for piece, need in zip(words, needs, strict=True):
        share = max(room * need / sum(needs), 0.0)
        fits[piece.kind] = (
            _wrapped(piece, width, fonts)
            if need <= share
            else elided_fit(piece.text, _sized(width, share), fonts, piece.pixels, piece.weight)
        )
    return _stacked(pieces, [fits[piece.kind] for piece in pieces], box, gap)


def _sized(width: float, height: float) -> QRectF:
    return QRectF(0.0, 0.0, width, height)


def _stacked(pieces: list[_Piece], fits: list[TextFit], box: QRectF, gap: float) -> Block:
    """The parts one under another, `gap` apart, the whole centred in `box`."""
    total = sum(fit.height for fit in fits) + gap * (len(fits) - 1)
    top = box.top() + (box.height() - total) / 2
    parts: dict[str, Part] = {}
    for piece, fit in zip(pieces, fits, strict=True):
        parts[piece.kind] = Part(
            fit, QRectF(box.left(), top, box.width(), fit.height), piece.weight
        )
        top += fit.height + gap
    return Block(parts["prompt"], parts.get("second"), parts.get("for"))
