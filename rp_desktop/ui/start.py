"""Opening the database at start-up, as the user meets it: a new database asks for a passphrase
(or the explicit choice of none), an encrypted one for its passphrase, and anything that goes
wrong is said in plain words."""

from pathlib import Path

from rp_desktop.services.opening import (
    Database,
    DatabaseError,
    is_encrypted_file,
    open_database,
)
from rp_desktop.ui import dialogs
from rp_desktop.ui.passphrase_forms import NewDatabaseDialog
from rp_desktop.ui.unlock import UnlockDialog


def open_at_start(path: Path) -> Database | None:
    """The database at `path`, opened; None when the user quit or it could not be opened (the
    user has been told why)."""
    try:
        result = _open(path.expanduser().absolute())
    except DatabaseError as error:
        result = error
    except OSError as error:  # a folder that cannot be created or written to
        dialogs.show_folder_error(None, error)
        return None
    if isinstance(result, DatabaseError):
        dialogs.show_database_error(None, result)
        return None
    return result


def _open(path: Path) -> Database | DatabaseError | None:
    if not path.exists():
        choice = NewDatabaseDialog.ask()
        if choice is None:
            return None
        return open_database(path, passphrase=choice.passphrase, unencrypted=choice.unencrypted)
    if is_encrypted_file(path):
        return UnlockDialog.ask(path, lambda passphrase: open_database(path, passphrase=passphrase))
    return open_database(path)
