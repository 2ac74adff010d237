"""Every message box the application shows, in one place, so tests can patch one module."""

from PySide6 import QtCore, QtWidgets
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from rp_desktop import __version__
from rp_desktop.domain.safekeeping.files import Unreadable
from rp_desktop.services.safekeeping.errors import (
    DatabaseError,
    DatabaseInUse,
    DiskFull,
    NotADatabase,
    PragmaRefused,
    SchemaTooNew,
    WrongPassphrase,
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Dialogs", text)


# QtWidgets.QMessageBox, QtCore.Qt and QtCore.QEventLoop are named where they are used, not
# imported above: Qt builds a class when it is first named (the message box's takes longer than
# the whole unlock screen, Qt's namespace of enums about 15 ms), and the first screen, which
# imports this module, needs none of them.


# A dialog waited for with `wait_for` has this property: locking hides it and shows it again.
COMES_BACK = "comesBackAfterLocking"


def wait_for(dialog: "QtWidgets.QDialog") -> int:
    """Show `dialog` application-modal and return its result once it is done, as exec() does,
    but in a loop that hiding does not end: QDialog.exec() returns as soon as the dialog is
    hidden, so locking (which hides every window) would cancel it. Locking hides this one and
    unlocking shows it again, as it was, and the wait goes on."""
    loop = QtCore.QEventLoop()
    dialog.setProperty(COMES_BACK, True)
    dialog.setWindowModality(QtCore.Qt.WindowModality.ApplicationModal)
    dialog.finished.connect(loop.quit)
    dialog.destroyed.connect(loop.quit)
    dialog.show()
    loop.exec()
    return dialog.result() if isValid(dialog) else QtWidgets.QDialog.DialogCode.Rejected.value


def accepted(dialog: "QtWidgets.QDialog") -> bool:
    """Wait for `dialog` (with `wait_for`, so it comes back after locking); True when the user
    accepted it."""
    return wait_for(dialog) == QtWidgets.QDialog.DialogCode.Accepted.value


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    boxes = QtWidgets.QMessageBox
    box = boxes(boxes.Icon.Warning, title, text, boxes.StandardButton.Ok, parent)
    box.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)  # as the static warning() did
    wait_for(box)


def confirm(
    parent: QWidget | None,
    title: str,
    text: str,
    yes: str,
    no: str,
    *,
    enter_says_yes: bool = False,
) -> bool:
    """Ask a yes/no question with buttons that say what they do; True for `yes`. Enter answers
    `yes` with `enter_says_yes`, otherwise whichever button has the focus; Esc answers `no`."""
    boxes = QtWidgets.QMessageBox
    box = boxes(boxes.Icon.Question, title, text, parent=parent)
    yes_button = box.addButton(yes, boxes.ButtonRole.AcceptRole)
    box.addButton(no, boxes.ButtonRole.RejectRole)
    if enter_says_yes:
        box.setDefaultButton(yes_button)
    wait_for(box)
    return box.clickedButton() is yes_button


def confirm_discard(parent: QWidget | None) -> bool:
    return confirm(
        parent,
        _tr("Discard changes?"),
        _tr("You have changes that are not saved. Close the form and lose them?"),
        _tr("Discard changes"),
        _tr("Keep editing"),
    )


def confirm_end_circle(parent: QWidget | None) -> bool:
    return confirm(
        parent,
        _tr("End the circle?"),
        _tr("End the circle now? It will be saved with everyone's turns, and cannot be resumed."),
        _tr("End the circle"),
        _tr("Keep going"),
        enter_says_yes=True,  # E then Enter ends a circle from the keyboard
    )


def show_circle_not_saved(parent: QWidget | None) -> None:
    show_error(
        parent,
        _tr("The circle was not saved"),
        _tr(
            "The circle has ended but could not be saved. Its turns are kept in this window: "
            "choose “Save the circle again”, and do not close the window until it is saved."
        ),
    )


def confirm_close_unsaved_circle(parent: QWidget | None) -> bool:
    return confirm(
        parent,
        _tr("Close without saving?"),
        _tr("This circle is not saved. If you close the window, its turns are lost."),
        _tr("Close and lose the circle"),
        _tr("Keep the window"),
    )


def show_not_written(parent: QWidget | None, path: object) -> None:
    show_error(
        parent,
        _tr("Not saved"),
        _tr("The file could not be written at {path}. Choose another folder.").format(path=path),
    )


def show_save_failed(parent: QWidget | None) -> None:
    show_error(
        parent,
        _tr("Not saved"),
        _tr(
            "The record could not be saved. What you typed is still in the form; "
            "try again, or copy it somewhere safe."
        ),
    )


def show_disk_full(parent: QWidget | None) -> None:
    show_error(
        parent,
        _tr("Not saved: the disk is full"),
        _tr(
            "The disk is full, so this was not saved. Free some space and press Save again; "
            "what you typed is still here."
        ),
    )


def show_disk_refused(parent: QWidget | None) -> None:
    show_error(
        parent,
        _tr("Not saved"),
        _tr(
            "The computer could not write to its disk, so this was not saved. The disk may be "
            "full or failing: free some space and press Save again; what you typed is still here."
        ),
    )


def show_about(parent: QWidget | None) -> None:
    """What QMessageBox.about shows (the application's icon, the words, OK), waited for so
    that it comes back after locking."""
    boxes = QtWidgets.QMessageBox
    box = boxes(boxes.Icon.Information, _tr("About RP Desktop"), _about_text(), parent=parent)
    icon = QtWidgets.QApplication.windowIcon()
    if not icon.isNull():
        box.setIconPixmap(icon.pixmap(64, 64))
    box.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
    wait_for(box)


def _about_text() -> str:
    return _tr(
        "<h3>RP Desktop {version}</h3>"
        "<p>Records and circles for restorative practices, kept on this computer.</p>"
        "<p><b>Tier 1</b>: community circles for everyone. "
        "<b>Tier 2</b>: restorative conversations and repair-harm circles. "
        "<b>Tier 3</b>: formal conferences, re-entry and restorative justice "
        "instead of suspension.</p>"
        "<p>Keyboard: Ctrl+N new record, Ctrl+F search, Enter open, Ctrl+S save, "
        "Ctrl+Q quit; F1 lists every shortcut.</p>"
    ).format(version=__version__)


def database_error_text(error: DatabaseError) -> str:
    """Why the database could not be opened, in plain words."""
    if isinstance(error, DatabaseInUse):
        who = (
            _tr("{user} on {host}").format(user=error.user, host=error.host)
            if error.user or error.host
            else _tr("another program")
        )
        return _tr(
            "This database is already open in RP Desktop ({who}). Close it there, then try again."
        ).format(who=who)
    if isinstance(error, SchemaTooNew):
        return _tr(
            "This database was saved by a newer version of RP Desktop. "
            "Install that version to open it; nothing was changed."
        )
    if isinstance(error, PragmaRefused):
        return _tr(
            "The database cannot be kept safe in this folder (a network drive or a read-only "
            "folder can cause this). Choose a folder on this computer."
        )
    if isinstance(error, DiskFull):
        return _tr(
            "There is no room left on the disk, so this change was not saved; what was saved "
            "before is safe. Free some space, then try again."
        )
    if isinstance(error, WrongPassphrase):
        return _tr("That passphrase does not open this database.")
    if isinstance(error, NotADatabase):
        return {
            Unreadable.MISSING: _tr("There is no database file at that place."),
            Unreadable.FOLDER: _tr("That is a folder, not a database file."),
            Unreadable.EMPTY: _tr("That file is empty."),
            Unreadable.NO_PERMISSION: _tr("RP Desktop is not allowed to read that file."),
            Unreadable.NOT_SQLITE: _tr("That file is not an RP Desktop database."),
            Unreadable.DAMAGED: _tr("The database is damaged and cannot be read safely."),
            Unreadable.NOT_RP_DESKTOP: _tr("That file is a database, but not an RP Desktop one."),
        }[error.reason]
    return _tr("The database could not be opened.")


def show_database_error(parent: QWidget | None, error: DatabaseError) -> None:
    show_error(parent, _tr("The database could not be opened"), database_error_text(error))


def show_folder_error(parent: QWidget | None, error: OSError) -> None:
    show_error(
        parent,
        _tr("The database could not be opened"),
        _tr(
            "RP Desktop cannot create or write its database at {path} ({reason}). "
            "Choose a folder you can write to."
        ).format(path=error.filename or "", reason=error.strerror or _tr("not allowed")),
    )


def show_unexpected_error(parent: QWidget | None) -> None:
    show_error(
        parent,
        _tr("Something went wrong"),
        _tr(
            "RP Desktop ran into a problem it did not expect. Your saved records are safe, "
            "and any form you were typing in is still open. If it happens again, tell your "
            "school's IT contact what you were doing."
        ),
    )
