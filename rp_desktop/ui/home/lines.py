"""The lines of Home's cards: each names a group, a keeper or a case's category in one or two
short rows, never the students in a case, and carries the record it opens."""

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QLocale, QTime

from rp_desktop.domain.casework.records import DueItem
from rp_desktop.domain.home import CircleSoon, MeetingSoon, OpenCase, RecentChange
from rp_desktop.domain.home import RecordKind as Kind
from rp_desktop.ui.home.card import Line
from rp_desktop.ui.words.formatting import format_date, format_time
from rp_desktop.ui.words.labels import label


def _tr(text: str) -> str:
    # The context Home's strings had when these lines were methods of HomeTab.
    return QCoreApplication.translate("HomeTab", text)


def circle_line(circle: CircleSoon, *, with_day: bool) -> Line:
    first = [label(circle.status), label(circle.kind)]
    if with_day:
        first.insert(0, _short_day(circle.held_on))
    second = [circle.group_name or _tr("No group"), circle.keeper_name]
    if circle.purpose:
        second.append(circle.purpose)
    text = " · ".join(first) + "\n" + " · ".join(p for p in second if p)
    return text, (Kind.CIRCLE, circle.id)


def meeting_line(meeting: MeetingSoon) -> Line:
    """ "Meeting · Formal conference · Tue 3/10/2026 10:30 AM / Case 12 · Bullying", or
    "Was this held?" first when its day has passed: it opens the case."""
    when = " ".join(p for p in (_short_day(meeting.on), format_time(meeting.starts_at)) if p)
    first = _tr("Meeting · {kind} · {when}").format(kind=label(meeting.kind), when=when)
    if meeting.overdue:
        first = _tr("Was this held? {meeting}").format(meeting=first)
    second = _tr("Case {id} · {category}").format(
        id=meeting.case_id, category=meeting.category_name
    )
    return f"{first}\n{second}", (Kind.CASE, meeting.case_id)


def due_line(item: DueItem, *, overdue: bool) -> Line:
    when = (_tr("Overdue since {day}") if overdue else _tr("Due {day}")).format(
        day=format_date(item.due_on)
    )
    case = _tr("Case {id} · {tier}").format(id=item.case_id, tier=label(item.tier))
    return f"{when} · {case}\n{item.description}", (Kind.CASE, item.case_id)


def case_line(case: OpenCase) -> Line:
    first = _tr("Case {id} · {tier} · {status}").format(
        id=case.id, tier=label(case.tier), status=label(case.status)
    )
    return f"{first}\n{case.category_name} · {format_date(case.occurred_on)}", (
        Kind.CASE,
        case.id,
    )


def recent_line(change: RecentChange) -> Line:
    if change.kind is Kind.CIRCLE:
        first = _tr("Circle · {what}").format(what=change.what or _tr("No group"))
    else:
        first = _tr("Case {id} · {tier} · {what}").format(
            id=change.id, tier=label(change.tier), what=change.what
        )
    first += f" · {format_date(change.day)} · {label(change.status)}"
    when = (_tr("Added {when}") if change.is_new else _tr("Changed {when}")).format(
        when=_moment(change.changed_at)
    )
    return f"{first}\n{when}", (change.kind, change.id)


def _short_day(day: date) -> str:
    """ "Thu 3/12/2026": the weekday matters most in a list of this week's days."""
    weekday = QLocale().dayName(day.isoweekday(), QLocale.FormatType.ShortFormat)
    return f"{weekday} {format_date(day)}"


def _moment(at: datetime) -> str:
    local = at.astimezone()
    time = QLocale().toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)
    return f"{format_date(local.date())} {time}"
