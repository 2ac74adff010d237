"""What removing old records would remove (or did), in the words a counselor uses."""

from PySide6.QtCore import QCoreApplication

from rp_desktop.domain.safekeeping.retention import PurgeCounts
from rp_desktop.services.safekeeping.retention.removal import PurgePreview
from rp_desktop.ui.words.formatting import counted, format_count, format_date


def _tr(text: str) -> str:
    return QCoreApplication.translate("RetentionDialog", text)


def preview_lines(preview: PurgePreview) -> list[str]:
    """What a purge would remove, one kind a line, in the words a counselor uses; kinds with
    nothing to remove are left out (cases stay when some old ones are kept)."""
    counts, before = preview.counts, format_date(preview.cutoff)
    words = [_words(n, one, many, day=before) for n, one, many in _kinds(counts) if n]
    if counts.cases or counts.held_cases_kept or counts.open_cases_kept:
        words.insert(1 if counts.circles else 0, _cases_line(counts, before))
    return words


def _kinds(counts: PurgeCounts) -> list[tuple[int, str, str]]:
    """Each kind but cases: how many, and its words for one and for many."""
    return [
        (
            counts.circles,
            _tr("1 Tier 1 circle held before {day}"),
            _tr("{count} Tier 1 circles held before {day}"),
        ),
        (counts.runs, _tr("1 recorded circle run"), _tr("{count} recorded circle runs")),
        (
            counts.support_plans,
            _tr("1 support plan that ended before {day}"),
            _tr("{count} support plans that ended before {day}"),
        ),
        (
            counts.groups,
            _tr("1 class or advisory list from before {day}"),
            _tr("{count} class and advisory lists from before {day}"),
        ),
        (
            counts.practice_logs,
            _tr("1 everyday practice logged before {day}"),
            _tr("{count} everyday practices logged before {day}"),
        ),
        (
            counts.referrals,
            _tr("1 referral received before {day}, or turned into a removed case"),
            _tr("{count} referrals received before {day}, or turned into a removed case"),
        ),
        (counts.students, _tr("1 former student"), _tr("{count} former students")),
        (
            counts.caregivers,
            _tr("1 caregiver with no student left"),
            _tr("{count} caregivers with no student left"),
        ),
    ]


def _cases_line(counts: PurgeCounts, before: str) -> str:
    line = _words(
        counts.cases,
        _tr("1 case closed before {day}"),
        _tr("{count} cases closed before {day}"),
        day=before,
    )
    kept = []
    if counts.held_cases_kept:
        kept.append(
            counted(
                counts.held_cases_kept,
                _tr("1 case on hold is kept"),
                _tr("{count} cases on hold are kept"),
            )
        )
    if counts.open_cases_kept:
        kept.append(
            counted(
                counts.open_cases_kept,
                _tr("1 older case still open is kept"),
                _tr("{count} older cases still open are kept"),
            )
        )
    return f"{line} ({'; '.join(kept)})" if kept else line


def _words(number: int, one: str, many: str, **values: str) -> str:
    """`one` or `many`, with {count} written the locale's way and the other values filled in."""
    return (one if number == 1 else many).format(count=format_count(number), **values)


BACKING_UP = "backing_up"  # the step before the purge's own: the backup of everything


def purge_step_words(done: int, total: int, step: str) -> str:
    """A progress report of the purge in words ("Removing cases (3 of 9)…")."""
    kinds = {
        "circle_runs": _tr("recorded circle runs"),
        "cases": _tr("cases"),
        "support_plans": _tr("support plans"),
        "circles": _tr("Tier 1 circles"),
        "groups": _tr("class lists"),
        "practice_logs": _tr("everyday practice logs"),
        "referrals": _tr("referrals"),
        "students": _tr("former students"),
        "caregivers": _tr("caregivers"),
        "drafts": _tr("half-typed forms about them"),
    }
    if step == BACKING_UP:
        return _tr("Backing up everything first…")
    if step == "reading":
        return _tr("Finding what to remove…")
    if step == "wiping":
        return _tr("Wiping the freed space from the file; this cannot be stopped…")
    return _tr("Removing {kind} ({done} of {total})…").format(
        kind=kinds.get(step, step), done=done + 1, total=total
    )


def failure_words(why: str) -> str:
    """Why nothing was removed: "outdated" (the records changed since the preview), "backup"
    (the backup before could not be made), "cancelled", "locked" (cancelled by locking), or
    anything else."""
    if why == "outdated":
        return _tr(
            "The records changed since the preview, so nothing was removed. "
            "Look at the new preview before removing."
        )
    if why == "backup":
        return _tr(
            "The backup could not be made, so nothing was removed. Check that the disk has "
            "space, then try again."
        )
    if why in ("cancelled", "locked"):
        return (_tr("Cancelled when RP Desktop locked.") + " " if why == "locked" else "") + _tr(
            "Cancelled; nothing was removed. The backup made just before stays in Backups."
        )
    return _tr(
        "The records could not be removed. Choose Preview to see what is still there, then "
        "try again."
    )
