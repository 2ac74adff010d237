"""Type for the wall: fonts made once per size, text wrapped at a size (its lines made even) or
cut with an ellipsis when there is no more room (`block.py` chooses the size: shrink first,
wrap, elide only at the floor size), and a seat's name on one or two lines, never cut."""

from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QTextLayout, QTextOption

ELLIPSIS = "…"
NAME_WEIGHT = QFont.Weight.DemiBold
TEXT_WEIGHT = QFont.Weight.Normal


class FontBook:
    """Fonts and their metrics by pixel size and weight, made once: paintEvent only looks up."""

    def __init__(self) -> None:
        self._fonts: dict[tuple[int, QFont.Weight], tuple[QFont, QFontMetricsF]] = {}

    def font(self, pixels: int, weight: QFont.Weight = TEXT_WEIGHT) -> QFont:
        return self._entry(pixels, weight)[0]

    def metrics(self, pixels: int, weight: QFont.Weight = TEXT_WEIGHT) -> QFontMetricsF:
        return self._entry(pixels, weight)[1]

    def _entry(self, pixels: int, weight: QFont.Weight) -> tuple[QFont, QFontMetricsF]:
        key = (max(1, pixels), weight)
        entry = self._fonts.get(key)
        if entry is None:
            font = QFont()
            font.setPixelSize(key[0])
            font.setWeight(weight)
            font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
            entry = (font, QFontMetricsF(font))
            self._fonts[key] = entry
        return entry


@dataclass(frozen=True, slots=True)
class TextFit:
    """A text laid out in a box: the pixel size chosen, the lines drawn, and whether the end had
    to be cut with an ellipsis (only ever at the floor size, when nothing smaller is allowed)."""

    pixel_size: int
    lines: tuple[str, ...]
    line_height: float
    elided: bool

    @property
    def height(self) -> float:
        return self.line_height * len(self.lines)


def wrapped(text: str, width: float, fonts: FontBook, pixels: int, weight: QFont.Weight) -> TextFit:
    """`text` at `pixels` wrapped to `width`, its lines made even in length: the narrowest
    width that keeps as many lines, so no last line is left with one word."""
    font = fonts.font(pixels, weight)
    lines = len(_line_spans(text, width, font))
    narrow, wide = width / 2, width
    for _ in range(10):
        middle = (narrow + wide) / 2
        narrow, wide = (
            (narrow, middle) if len(_line_spans(text, middle, font)) <= lines else (middle, wide)
        )
    spans = _line_spans(text, wide, font)
    return TextFit(pixels, _lines(text, spans), _line_height(fonts.metrics(pixels, weight)), False)


def wrapped_height(
    text: str, width: float, fonts: FontBook, pixels: int, weight: QFont.Weight
) -> float:
    """How tall `text` is at `pixels`, wrapped to `width` (as `wrapped` lays it out)."""
    lines = len(_line_spans(text, width, fonts.font(pixels, weight)))
    return lines * _line_height(fonts.metrics(pixels, weight))


def _line_height(metrics: QFontMetricsF) -> float:
    return metrics.lineSpacing() * 1.04


def _lines(text: str, spans: list[tuple[int, int]]) -> tuple[str, ...]:
    return tuple(text[start:end].strip() for start, end in spans)


def _line_spans(text: str, width: float, font: QFont) -> list[tuple[int, int]]:
    # Inside a QTextLayout Qt breaks lines only at U+2028, so a typed newline becomes one.
    layout = QTextLayout(text.replace("\n", "\u2028"), font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    spans: list[tuple[int, int]] = []
    layout.beginLayout()
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        spans.append((line.textStart(), line.textStart() + line.textLength()))
    layout.endLayout()
    return spans or [(0, 0)]


def elided_fit(
    text: str, box: QRectF, fonts: FontBook, pixels: int, weight: QFont.Weight
) -> TextFit:
    """`text` at `pixels` in the lines `box` has room for, the last ending in an ellipsis."""
    metrics = fonts.metrics(pixels, weight)
    height = _line_height(metrics)
    room = max(1, int(box.height() // height))
    spans = _line_spans(text, box.width(), fonts.font(pixels, weight))
    lines = list(_lines(text, spans[: room - 1]))
    rest = " ".join(text[spans[room - 1][0] :].split())
    # Always ends in an ellipsis: the text runs on past the last line there is room for.
    last = metrics.elidedText(rest + ELLIPSIS, Qt.TextElideMode.ElideRight, box.width())
    lines.append(last.removesuffix(ELLIPSIS).rstrip() + ELLIPSIS)
    return TextFit(pixels, tuple(lines), height, True)


def badge_lines(text: str, metrics: QFontMetricsF, limit: float) -> tuple[str, ...]:
    """A name on its badge: one line when it is no wider than `limit`, else two lines broken at
    the space that makes the wider of them narrowest ("Rae L." over "(10-B)"), or, in a name
    with no space, after a hyphen between letters ("Thérèse-" over "Amélie"). Never cut: a
    name with neither stays whole on one line, and its badge is made wider instead."""
    if metrics.horizontalAdvance(text) <= limit:
        return (text,)
    splits = badge_splits(text)
    if not splits:
        return (text,)
    return min(splits, key=lambda pair: max(map(metrics.horizontalAdvance, pair)))


def badge_splits(text: str) -> list[tuple[str, str]]:
    """Where a name may go on two lines: at a space, or else after a hyphen between letters."""
    spaces = [
        (text[:at].rstrip(), text[at + 1 :].lstrip())
        for at, character in enumerate(text)
        if character == " " and text[:at].strip() and text[at + 1 :].strip()
    ]
    hyphens = [
        (text[: at + 1], text[at + 1 :])
        for at in range(1, len(text) - 1)
        if text[at] == "-" and text[at - 1].isalpha() and text[at + 1].isalpha()
    ]
    return spaces or hyphens


def lines_width(lines: tuple[str, ...], metrics: QFontMetricsF) -> float:
    """The width of the widest of `lines`."""
    return max(metrics.horizontalAdvance(line) for line in lines)


def elide(text: str, metrics: QFontMetricsF, width: float) -> str:
    return metrics.elidedText(text, Qt.TextElideMode.ElideRight, max(width, 1.0))
