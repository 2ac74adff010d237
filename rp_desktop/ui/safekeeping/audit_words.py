"""The audit trail's state in the words a counselor reads, for the Check dialog and the audit
trail's own window: whole (and how it is sealed), or what was found: events removed, an event
altered, events without a seal, the newest changes missing from the database."""

from PySide6.QtCore import QCoreApplication

from rp_desktop.domain.safekeeping.audit import BreakKind, BrokenLink
from rp_desktop.domain.safekeeping.audit_seal import Behind, HeadFinding, SealFindings
from rp_desktop.ui.words.formatting import counted, format_count
from rp_desktop.ui.words.labels import label


def _tr(text: str) -> str:
    return QCoreApplication.translate("AuditWords", text)


def trail_lines(
    events: int,
    broken: BrokenLink | None,
    seals: SealFindings | None,
    behind: HeadFinding | None = None,
) -> list[tuple[bool, str]]:
    """(passed, sentence) for each thing said about the trail: one line when it is whole."""
    problems = [] if behind is None else [behind_line(behind)]
    problems += gap_lines(seals)
    altered = altered_line(broken, seals)
    if altered is not None:
        problems.append(altered)
    if seals is not None and seals.unsealed:
        problems.append(
            counted(
                seals.unsealed,
                _tr("One event carries no seal, so nothing vouches for it."),
                _tr("{count} events carry no seal, so nothing vouches for them."),
            )
        )
    if problems:
        return [(False, problem) for problem in problems]
    return [(True, whole_line(events, seals))]


def whole_line(events: int, seals: SealFindings | None) -> str:
    if not events:
        return _tr("The audit trail is empty: nothing has been changed yet.")
    whole = counted(
        events,
        _tr("The audit trail is whole: its one event is as it was written."),
        _tr("The audit trail is whole: all {count} events are as they were written."),
    )
    if seals is None:
        return whole
    if seals.public:
        how = _tr(
            "It is sealed with the public key of an unencrypted database, which catches "
            "accidental edits but not deliberate ones."
        )
    else:
        how = _tr("It is sealed with the database's key.")
    return f"{whole} {how}"


def behind_line(found: HeadFinding) -> str:
    if found.kind is Behind.MISSING:
        return counted(
            found.missing,
            _tr(
                "The newest event of the audit trail is missing: the database was rolled back "
                "or lost its recent changes."
            ),
            _tr(
                "The newest {count} events of the audit trail are missing: the database was "
                "rolled back or lost its recent changes."
            ),
        )
    return _tr(
        "The database was replaced by an older copy: its newest event is not the one "
        "recorded on this computer."
    )


def gap_lines(seals: SealFindings | None) -> list[str]:
    if seals is None:
        return []
    lines = [
        _tr("Event {first} is missing.").format(first=format_count(gap.first))
        if gap.count == 1
        else _tr("Events {first}–{last} are missing.").format(
            first=format_count(gap.first), last=format_count(gap.last)
        )
        for gap in seals.gaps
    ]
    if seals.more_gaps:
        lines.append(
            _tr("Events are missing in {count} more places.").format(
                count=format_count(seals.more_gaps)
            )
        )
    return lines


def altered_line(broken: BrokenLink | None, seals: SealFindings | None) -> str | None:
    """Where the trail was altered: the hash chain's break, or else the first seal that does not
    match (an event edited and the chain recomputed). A break that only says events are missing
    before it is said by the gap lines."""
    gaps = () if seals is None else seals.gaps
    if broken is not None:
        if broken.kind is BreakKind.REMOVED_BEFORE and any(
            gap.last + 1 == broken.event_id for gap in gaps
        ):
            return None
        number, how = broken.event_id, label(broken.kind)
    elif seals is not None and seals.altered_at is not None:
        number, how = seals.altered_at, label(BreakKind.CHANGED)
    else:
        return None
    return _tr("The audit trail was altered at event {number} ({how}).").format(
        number=format_count(number), how=how
    )
