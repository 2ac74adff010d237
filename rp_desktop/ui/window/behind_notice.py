"""The notice at opening when the database is behind the newest change recorded on this computer
(the audit trail's head, kept outside the database): it lost its recent changes in a crash (its
write-ahead log vanished), or an older copy was put in its place outside the app. Said once,
calmly, with the way back: the latest backup may have the changes."""

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rp_desktop.domain.safekeeping.audit_seal import Behind, HeadFinding
from rp_desktop.services import audit_sealing
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui import dialogs
from rp_desktop.ui.words.formatting import counted


def _tr(text: str) -> str:
    return QCoreApplication.translate("BehindNotice", text)


def behind_text(found: HeadFinding) -> str:
    """What happened, in plain words, and what may help."""
    if found.kind is Behind.MISSING:
        what = counted(
            found.missing,
            _tr("The newest change recorded on this laptop is not in this database."),
            _tr("The newest {count} changes recorded on this laptop are not in this database."),
        )
        why = _tr(
            "It may have lost its recent changes in a crash, or been replaced by an older copy."
        )
    else:
        what = _tr(
            "This database's newest change is not the one recorded on this laptop when it "
            "was last used here."
        )
        why = _tr("It may have been replaced by an older copy.")
    help_ = _tr(
        "The latest backup may have the changes: Open Backups to look. Or continue with the "
        "database as it is."
    )
    return f"{what} {why}\n\n{help_}"


class BehindNotice(QDialog):
    """Open Backups… or Continue; either way the user has seen it, and it is not shown again."""

    def __init__(self, found: HeadFinding, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wants_backups = False
        self.setWindowTitle(self.tr("Recent changes missing"))
        self.setMinimumWidth(520)
        self.message = QLabel(behind_text(found))
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setAccessibleName(self.tr("What was found"))
        self.backups = QPushButton(self.tr("Open Backups…"))
        self.backups.setAccessibleName(self.tr("Open Backups"))
        self.backups.clicked.connect(self._open_backups)
        self.carry_on = QPushButton(self.tr("Continue"))
        self.carry_on.setAccessibleName(self.tr("Continue with this database"))
        self.carry_on.setDefault(True)
        self.carry_on.clicked.connect(self.accept)
        buttons = QDialogButtonBox()
        buttons.addButton(self.backups, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.carry_on, QDialogButtonBox.ButtonRole.AcceptRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _open_backups(self) -> None:
        self.wants_backups = True
        self.accept()


def notice_if_behind(
    parent: QWidget, db: Database, open_backups: Callable[[], None]
) -> BehindNotice | None:
    """At opening: when `db` was found behind its head and the user has not seen it yet, say
    so (modal), then open the backups if asked. Returns the notice shown, if one was."""
    found = audit_sealing.unseen_finding(db)
    if found is None:
        return None
    notice = BehindNotice(found, parent)
    dialogs.wait_for(notice)  # locking hides it; unlocking brings it back
    audit_sealing.finding_seen(db)
    if notice.wants_backups:
        open_backups()
    return notice
