"""What looking into a database file found: a check of the whole file, and what a salvage of a
damaged one could read. Plain values; the command line and the screens say them in words."""

from dataclasses import dataclass, field
from pathlib import Path

from rp_desktop.domain.safekeeping.audit import BrokenLink
from rp_desktop.domain.safekeeping.audit_seal import HeadFinding, SealFindings

RowCounts = dict[str, int]


@dataclass(frozen=True, slots=True)
class CheckReport:
    path: Path
    revision: str
    # Whether `revision` is the newest schema this version of RP Desktop knows.
    current: bool
    integrity_problems: tuple[str, ...]
    broken_references: int
    counts: dict[str, int]
    encrypted: bool
    # SQLCipher's own check of every page's authentication code (empty for a plain file)
    cipher_problems: tuple[str, ...] = ()
    # Where the audit trail's hash chain first breaks, if it does, and how many events it has.
    audit_break: BrokenLink | None = None
    audit_events: int = 0
    # What the keyed seals say: removed ids, the first event altered, events without a seal
    # (None for a file from before seals, which are added when it is next opened).
    seals: SealFindings | None = None
    # The database's identity (empty for a file from before revision 0007).
    identity: str = ""
    # The database is behind the newest event recorded outside it: it lost recent changes, or
    # an older copy was put in its place (None when it is not, or nothing was recorded).
    behind: HeadFinding | None = None

    @property
    def ok(self) -> bool:
        return (
            not self.integrity_problems
            and not self.broken_references
            and not self.cipher_problems
            and self.audit_break is None
            and (self.seals is None or self.seals.ok)
            and self.behind is None
        )


@dataclass(frozen=True, slots=True)
class Salvage:
    """What could be read out of a damaged file: rows copied per table, and the tables that
    could not be read at all or only in part."""

    copied: RowCounts = field(default_factory=dict)
    unreadable: tuple[str, ...] = ()
    incomplete: tuple[str, ...] = ()

    @property
    def rows(self) -> int:
        return sum(self.copied.values())
