"""A referral in words: a queue line for Home (the day, who referred, how many students, any
suspension proposed: never a student's name), and the whole of it for triage."""

from html import escape

from PySide6.QtCore import QCoreApplication

from rp_desktop.domain.continuum.referrals import Referral
from rp_desktop.ui.words.formatting import counted, format_date


def _tr(text: str) -> str:
    return QCoreApplication.translate("Referrals", text)


def short_name(referral: Referral) -> str:
    """'T. Becker' for a staff member; a name typed for someone else, as typed."""
    name = referral.referrer_name
    first, _, rest = name.partition(" ")
    if referral.fields.referred_by_staff_id is None or not rest:
        return name
    return f"{first[:1]}. {rest}"


def suspension_words(referral: Referral) -> str:
    """'suspension proposed: 3 days', or nothing when none was proposed."""
    days = referral.fields.suspension_days
    if not referral.fields.suspension_proposed or days is None:
        return ""
    return counted(
        days, _tr("suspension proposed: 1 day"), _tr("suspension proposed: {count} days")
    )


def queue_line(referral: Referral) -> str:
    """Two short rows: '3/2/2026 · from T. Becker', then '2 students · suspension proposed:
    3 days'."""
    first = _tr("{day} · from {name}").format(
        day=format_date(referral.fields.received_on), name=short_name(referral)
    )
    count = len(referral.fields.student_ids)
    second = [counted(count, _tr("1 student"), _tr("{count} students")), suspension_words(referral)]
    return first + "\n" + " · ".join(part for part in second if part)


def referral_summary(referral: Referral) -> str:
    """What the referral says, for the one deciding on it (rich text, every value escaped)."""
    fields = referral.fields
    rows = [
        (_tr("Received"), format_date(fields.received_on)),
        (_tr("From"), referral.referrer_name),
        (_tr("Students"), ", ".join(referral.student_names)),
        (_tr("What happened"), fields.what_happened),
        (_tr("What was tried"), fields.tried),
        (_tr("They ask for"), fields.asks_for),
    ]
    suspension = suspension_words(referral)
    if suspension and referral.proposer_name:
        suspension = _tr("{suspension}, by {name}").format(
            suspension=suspension, name=referral.proposer_name
        )
    rows.append((_tr("Suspension"), suspension or _tr("none proposed")))
    return "<br>".join(
        f"<b>{escape(title)}:</b> {escape(text).replace(chr(10), '<br>')}"
        for title, text in rows
        if text.strip()
    )
