"""A ring too large for every name, painted: each seat a numbered dot, with the next seat and the
keeper named over theirs, whole, on two lines when long (the holder's badge is painted by the
projector view)."""

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter

from rp_desktop.domain.circle.types import CircleSnapshot
from rp_desktop.ui.run_circle.wall import painting
from rp_desktop.ui.run_circle.wall.names import name_badge
from rp_desktop.ui.run_circle.wall.ring import (
    DOT_LABEL_EMS,
    RingLayout,
    SeatPlace,
    badges_on_ring,
)
from rp_desktop.ui.run_circle.wall.text_fit import NAME_WEIGHT, FontBook


def paint_dots(
    painter: QPainter,
    snap: CircleSnapshot,
    ring: RingLayout,
    holder: tuple[QRectF, str] | None,
    fonts: FontBook,
) -> None:
    """Every seat a numbered dot; the next seat and the keeper named over theirs, clear of
        the holder's badge `holder` (drawn after). A dot under a badge is left out, not half shown;
    in a directed round, the seats it is not for are dimmed."""
    seats, quiet = {seat.key: seat for seat in snap.seats}, painting.quiet_keys(snap)
    named = named_over_dots(snap, ring, holder, fonts)
    badges = [rect for _place, _text, rect in named] + ([holder[0]] if holder else [])
    numbers = fonts.font(round(ring.places[0].rect.width() * 0.45), NAME_WEIGHT)
    for dot in ring.places:
        if not any(dot.rect.intersects(badge) for badge in badges):
            seat = seats[dot.key]
            painting.draw_dot(painter, dot.rect, dot.text, seat, numbers, dot.key in quiet)
    font = fonts.font(ring.name_pixels, NAME_WEIGHT)
    for place, text, badge in named:
        painting.draw_seat(painter, badge, text, seats[place.key], font, 0, place.key in quiet)


def named_over_dots(
    snap: CircleSnapshot, ring: RingLayout, holder: tuple[QRectF, str] | None, fonts: FontBook
) -> list[tuple[SeatPlace, str, QRectF]]:
    """The next seat and the keeper, each with the words and badge shown over their dot, clear
    of the holder's badge `holder`."""
    seats = {seat.key: seat for seat in snap.seats}
    named = [snap.next_key] if holder is not None else []
    named += [seat.key for seat in snap.seats if seat.is_keeper]
    keys = [key for key in dict.fromkeys(named) if key != snap.holder_key or holder is None]
    places = [place for key in keys if (place := ring.place_of(key)) is not None]
    pad, limit = ring.badge_height * 0.8, ring.name_pixels * DOT_LABEL_EMS
    fitted = [name_badge(seats[p.key].label, ring.name_pixels, limit, fonts) for p in places]
    wanted = [(p, b.width + pad, b.height) for p, b in zip(places, fitted, strict=True)]
    holder_place = ring.place_of(snap.holder_key)
    if holder is not None and holder_place is not None:
        wanted.insert(0, (holder_place, holder[0].width(), holder[0].height()))
    badges = badges_on_ring(ring, wanted)[len(wanted) - len(places) :]
    return [(p, b.text, r) for p, b, r in zip(places, fitted, badges, strict=True)]
