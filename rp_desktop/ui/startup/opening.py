"""Opening the database at start-up, as the user meets it: a new database asks for a passphrase
(or the explicit choice of none), an encrypted one for its passphrase, and anything that goes
wrong is said in plain words. A file that is there but cannot be read (damaged, empty, not a
database, or a passphrase that keeps failing) leads to the recovery screen instead.

Whichever of these screens comes first is shown before the database code has loaded: the file is
judged from outside (services/safekeeping/files.py), and the rest of the application loads
behind the screen (preload.py). Opening waits for it."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings

from rp_desktop.domain.safekeeping.files import Unreadable
from rp_desktop.domain.safekeeping.passphrase import Passphrase
from rp_desktop.services.safekeeping.errors import DatabaseError, NotADatabase, WrongPassphrase
from rp_desktop.services.safekeeping.files import is_encrypted_file, sniff
from rp_desktop.ui import dialogs
from rp_desktop.ui.settings import FAILED_UNLOCKS
from rp_desktop.ui.startup.preload import Preload

if TYPE_CHECKING:
    from rp_desktop.services.safekeeping.database import Database

# The screens below are imported when they are needed: a plain database that opens (each
# start-up of the benchmarks) needs none of them, and start-up time counts.

# Wrong passphrases in a row, at one start, before the recovery screen says the file may be
# damaged: random bytes look exactly like an encrypted database, and no passphrase opens them.
TRIES_BEFORE_RECOVERY = 3


def open_at_start(path: Path, preload: Preload | None = None) -> "Database | None":
    """The database at `path`, opened; None when the user quit or it could not be opened (the
    user has been told why). `preload` loads the rest of the application behind the first
    screen; without one, opening loads it first."""
    path = path.expanduser().absolute()
    preload = preload or Preload()
    while True:
        try:
            result = _open(path, preload)
        except DatabaseError as error:
            result = error
        except OSError as error:  # a folder that cannot be created or written to
            dialogs.show_folder_error(None, error)
            return None
        if not isinstance(result, DatabaseError):
            return result
        preload.join()  # the recovery screen imports on this thread: never beside the worker
        from rp_desktop.ui.safekeeping.recovery import RecoveryDialog
        from rp_desktop.ui.safekeeping.recovery_words import Recovery, recovery_helps

        if not recovery_helps(result):
            _show_refusal(result)
            return None
        recovered = RecoveryDialog.ask(path, result)
        if recovered is not Recovery.TRY_AGAIN:
            return recovered


def _show_refusal(error: DatabaseError) -> None:
    """Why the database could not be opened, when the recovery screen cannot help."""
    from rp_desktop.ui.safekeeping.recovery_words import place_words

    words = place_words(error)
    if words is None:
        dialogs.show_database_error(None, error)
    else:
        title = QCoreApplication.translate("Opening", "The database could not be opened")
        dialogs.show_error(None, title, words)


def _open(path: Path, preload: Preload) -> "Database | DatabaseError | None":
    problem = sniff(path)
    if problem is Unreadable.MISSING:
        return _first_run(path, preload)
    if problem is not None:  # seen from outside, as opening would see it: no need to load it
        return NotADatabase(path, problem)
    if is_encrypted_file(path):
        from rp_desktop.ui.passphrase.unlock import UnlockDialog

        with _loading_behind(preload):
            return UnlockDialog.ask(path, _counting_opener(path, preload))
    return _open_database(preload, path)


def _first_run(path: Path, preload: Preload) -> "Database | None":
    """No database yet: a new one, protected by the passphrase chosen, or the school restored
    from its backup (back to the first screen when the user cancels the restore)."""
    from rp_desktop.ui.passphrase.forms import NewDatabaseDialog

    while True:
        with _loading_behind(preload):
            choice = NewDatabaseDialog.ask()
        if choice is None:
            return None
        if not choice.restore:
            return _open_database(
                preload, path, passphrase=choice.passphrase, unencrypted=choice.unencrypted
            )
        preload.wait()
        from rp_desktop.ui.startup.restore_backup import RestoreBackupDialog

        restored = RestoreBackupDialog.ask_first(path)
        if restored is not None:
            return restored


@contextmanager
def _loading_behind(preload: Preload) -> Iterator[None]:
    """The rest of the application loads once the screen shown inside is drawn."""
    preload.start_once_drawn()
    try:
        yield
    finally:
        preload.stop_watching()


def _open_database(
    preload: Preload,
    path: Path,
    *,
    passphrase: Passphrase | None = None,
    unencrypted: bool = False,
) -> "Database":
    preload.wait()  # at once unless Enter came before the rest had loaded
    from rp_desktop.services.safekeeping.opening import open_database

    return open_database(path, passphrase=passphrase, unencrypted=unencrypted)


def _counting_opener(path: Path, preload: Preload) -> "Callable[[Passphrase], Database]":
    """Open with a passphrase; after TRIES_BEFORE_RECOVERY wrong ones, give up so the recovery
    screen can say the file may be damaged. The failure still counts towards the growing wait
    between tries, as the unlock panel would count it."""
    wrong = 0

    def opener(passphrase: Passphrase) -> "Database":
        nonlocal wrong
        try:
            return _open_database(preload, path, passphrase=passphrase)
        except WrongPassphrase:
            wrong += 1
            if wrong < TRIES_BEFORE_RECOVERY:
                raise
        settings = QSettings()
        FAILED_UNLOCKS.write(settings, FAILED_UNLOCKS.read(settings) + 1)
        from rp_desktop.ui.safekeeping.recovery_words import PassphraseKeepsFailing

        raise PassphraseKeepsFailing(path)

    return opener
