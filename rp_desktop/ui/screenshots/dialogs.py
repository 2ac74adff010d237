"""Pictures of the dialogs that guard the records (the passphrase screens, and the ones reached
from the Security and Help menus, About circles among them), for `rp-desktop screenshot` and
for looking at a change."""

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from rp_desktop.domain.records import SchoolInfo
from rp_desktop.domain.safekeeping.files import Unreadable
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.errors import NotADatabase, WrongPassphrase
from rp_desktop.ui.passphrase.forms import NewDatabaseDialog
from rp_desktop.ui.passphrase.unlock import UnlockDialog


def _unlock(db: Database, _info: SchoolInfo) -> QWidget:
    def refuse(_passphrase: object) -> Database:
        raise WrongPassphrase(db.path)

    return UnlockDialog(db.path, refuse)


def _new_database(_db: Database, _info: SchoolInfo) -> QWidget:
    return NewDatabaseDialog()


def _locked(db: Database, info: SchoolInfo) -> QWidget:
    from rp_desktop.ui.window.main_window import MainWindow

    window = MainWindow(db, info)
    window.show_view("tier2")
    window.lock()
    return window


def _backups(db: Database, _info: SchoolInfo) -> QWidget:
    from rp_desktop.ui.safekeeping.backups_dialog import BackupsDialog

    return BackupsDialog(db)


def _recovery(db: Database, _info: SchoolInfo) -> QWidget:
    """The recovery screen as it would meet this database had it been damaged."""
    from rp_desktop.ui.safekeeping.recovery import RecoveryDialog

    return RecoveryDialog(db.path, NotADatabase(db.path, Unreadable.DAMAGED))


def _audit(db: Database, _info: SchoolInfo) -> QWidget:
    from rp_desktop.ui.safekeeping.audit_viewer import AuditViewer

    return AuditViewer(db)


def _check(db: Database, _info: SchoolInfo) -> QWidget:
    from rp_desktop.ui.safekeeping.check_dialog import CheckDialog

    dialog = CheckDialog(db)
    dialog.run_check()
    return dialog


def _retention(db: Database, _info: SchoolInfo) -> QWidget:
    from rp_desktop.ui.safekeeping.retention.screen import RetentionDialog

    dialog = RetentionDialog(db, backup=lambda: None)
    dialog.show_preview()
    return dialog


def _about_circles(_db: Database, _info: SchoolInfo) -> QWidget:
    from rp_desktop.ui.help.about_circles import AboutCirclesDialog

    return AboutCirclesDialog()


# Each view's dialog, built on the open database; the caller sizes, shows and grabs it.
DIALOG_VIEWS: dict[str, Callable[[Database, SchoolInfo], QWidget]] = {
    "unlock": _unlock,
    "new-database": _new_database,
    "locked": _locked,
    "backups": _backups,
    "recovery": _recovery,
    "audit": _audit,
    "check": _check,
    "retention": _retention,
    "about-circles": _about_circles,
}
