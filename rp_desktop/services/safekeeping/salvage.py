"""Saving what can still be read of a damaged database into a new file (the recovery screen's
"Save what can be read"). The damaged file is opened read-only and never changed."""

from pathlib import Path

from rp_desktop.db.cipher import is_plain_sqlite, key_for_file
from rp_desktop.db.salvage import salvage_database
from rp_desktop.domain.safekeeping.findings import Salvage
from rp_desktop.domain.safekeeping.passphrase import Passphrase
from rp_desktop.services.safekeeping.errors import translated


def salvage_file(path: Path, passphrase: Passphrase | None, target: Path) -> Salvage:
    """Read what can be read of the damaged file at `path` into a new database at `target`,
    encrypted like it. The damaged file is opened read-only and not changed; raises BackupFailed
    when nothing in it can be read."""
    key = None if is_plain_sqlite(path) or passphrase is None else key_for_file(path, passphrase)
    with translated(path):
        return salvage_database(path, key, target)
