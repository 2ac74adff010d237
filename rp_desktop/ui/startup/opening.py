"""Opening the database at start-up, as the user meets it: a new database asks for a passphrase
(or the explicit choice of none), an encrypted one for its passphrase, and anything that goes
wrong is said in plain words. A file that is there but cannot be read (damaged, empty, not a
database, or a passphrase that keeps failing) leads to the recovery screen instead."""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings

from rp_desktop.domain.safekeeping.passphrase import Passphrase
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.errors import DatabaseError, WrongPassphrase
from rp_desktop.services.safekeeping.files import is_encrypted_file
from rp_desktop.services.safekeeping.opening import open_database
from rp_desktop.ui import dialogs
from rp_desktop.ui.settings import FAILED_UNLOCKS

# The screens below are imported when they are needed: a plain database that opens (each
# start-up of the benchmarks) needs none of them, and start-up time counts.

# Wrong passphrases in a row, at one start, before the recovery screen says the file may be
# damaged: random bytes look exactly like an encrypted database, and no passphrase opens them.
TRIES_BEFORE_RECOVERY = 3


def open_at_start(path: Path) -> Database | None:
    """The database at `path`, opened; None when the user quit or it could not be opened (the
    user has been told why)."""
    path = path.expanduser().absolute()
    while True:
        try:
            result = _open(path)
        except DatabaseError as error:
            result = error
        except OSError as error:  # a folder that cannot be created or written to
            dialogs.show_folder_error(None, error)
            return None
        if not isinstance(result, DatabaseError):
            return result
        from rp_desktop.ui.safekeeping.recovery import Recovery, RecoveryDialog, recovery_helps

        if not recovery_helps(result):
            dialogs.show_database_error(None, result)
            return None
        recovered = RecoveryDialog.ask(path, result)
        if recovered is not Recovery.TRY_AGAIN:
            return recovered


def _open(path: Path) -> Database | DatabaseError | None:
    if not path.exists():
        from rp_desktop.ui.passphrase.forms import NewDatabaseDialog

        choice = NewDatabaseDialog.ask()
        if choice is None:
            return None
        return open_database(path, passphrase=choice.passphrase, unencrypted=choice.unencrypted)
    if is_encrypted_file(path):
        from rp_desktop.ui.passphrase.unlock import UnlockDialog

        return UnlockDialog.ask(path, _counting_opener(path))
    return open_database(path)


def _counting_opener(path: Path) -> Callable[[Passphrase], Database]:
    """Open with a passphrase; after TRIES_BEFORE_RECOVERY wrong ones, give up so the recovery
    screen can say the file may be damaged. The failure still counts towards the growing wait
    between tries, as the unlock panel would count it."""
    wrong = 0

    def opener(passphrase: Passphrase) -> Database:
        nonlocal wrong
        try:
            return open_database(path, passphrase=passphrase)
        except WrongPassphrase:
            wrong += 1
            if wrong < TRIES_BEFORE_RECOVERY:
                raise
        settings = QSettings()
        FAILED_UNLOCKS.write(settings, FAILED_UNLOCKS.read(settings) + 1)
        from rp_desktop.ui.safekeeping.recovery import PassphraseKeepsFailing

        raise PassphraseKeepsFailing(path)

    return opener
