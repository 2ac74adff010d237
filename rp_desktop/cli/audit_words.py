"""What `rp-desktop check` says about the audit trail, in plain sentences: removed events, an
event altered, events without a seal, a database behind the newest event recorded outside it;
and, when all is well, how the trail is sealed."""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rp_desktop.domain.safekeeping.audit import BrokenLink
    from rp_desktop.domain.safekeeping.audit_seal import Gap, HeadFinding, SealFindings
    from rp_desktop.domain.safekeeping.findings import CheckReport


def audit_problems(report: "CheckReport") -> list[str]:
    """One sentence per thing found wrong with the trail, most telling first."""
    seals = report.seals
    sentences = [] if report.behind is None else [behind_sentence(report.behind)]
    gaps = () if seals is None else seals.gaps
    sentences += [gap_sentence(gap) for gap in gaps]
    if seals is not None and seals.more_gaps:
        sentences.append(f"Events are missing in {seals.more_gaps:,} more places as well.")
    altered = _altered_at(report.audit_break, seals, gaps)
    if altered is not None:
        sentences.append(altered)
    if seals is not None and seals.unsealed:
        sentences.append(_unsealed_sentence(seals))
    return sentences


def behind_sentence(found: "HeadFinding") -> str:
    from rp_desktop.domain.safekeeping.audit_seal import Behind

    if found.kind is Behind.MISSING:
        events = (
            "event of the audit trail is"
            if found.missing == 1
            else (f"{found.missing:,} events of the audit trail are")
        )
        return (
            f"The newest {events} missing: the database was rolled back or lost its recent "
            f"changes (this computer recorded event {found.head.event_id:,}; the database "
            f"ends at event {found.newest_id:,}). The latest backup may have them: see "
            "rp-desktop restore."
        )
    return (
        "The database was replaced by an older copy: its event "
        f"{found.head.event_id:,} is not the one this computer recorded. "
        "The latest backup may have the newer changes: see rp-desktop restore."
    )


def gap_sentence(gap: "Gap") -> str:
    if gap.count == 1:
        return f"Event {gap.first:,} of the audit trail is missing: it was removed."
    return f"Events {gap.first:,}–{gap.last:,} of the audit trail are missing: they were removed."


def seal_words(report: "CheckReport") -> str:
    """How the trail is sealed, for the line that says the check passed."""
    if report.seals is None:
        return "not sealed yet (an older file: it is sealed when next opened)"
    if report.seals.public:
        return (
            "sealed with the public key of an unencrypted database "
            "(it catches accidental edits, not deliberate ones)"
        )
    return "sealed with the database's key"


def _altered_at(
    broken: "BrokenLink | None", seals: "SealFindings | None", gaps: "tuple[Gap, ...]"
) -> str | None:
    from rp_desktop.domain.safekeeping.audit import BreakKind

    if broken is not None:
        if broken.kind is BreakKind.REMOVED_BEFORE and any(
            gap.last + 1 == broken.event_id for gap in gaps
        ):
            return None  # said already: the events before it are missing
        how = {
            BreakKind.CHANGED: "changed",
            BreakKind.REMOVED_BEFORE: "an event before it was removed",
            BreakKind.INSERTED: "inserted",
        }[broken.kind]
        return f"The audit trail was altered at event {broken.event_id:,} ({how})."
    if seals is not None and seals.altered_at is not None:
        return (
            f"The audit trail was altered at event {seals.altered_at:,} (changed): its seal "
            "does not match, so it was rewritten outside RP Desktop."
        )
    return None


def _unsealed_sentence(seals: "SealFindings") -> str:
    first = f"{seals.first_unsealed or 0:,}"
    if seals.unsealed == 1:
        return (
            f"1 event of the audit trail carries no seal (the first is event {first}), so "
            "nothing vouches for it."
        )
    return (
        f"{seals.unsealed:,} events of the audit trail carry no seal (the first is event "
        f"{first}), so nothing vouches for them."
    )
