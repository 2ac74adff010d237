"""The one question a conference adds when the circle ends: the agreement step was reached but
nothing was agreed. Enter keeps the circle going (the safe answer: nothing is lost)."""

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from rp_desktop.ui import dialogs


def _tr(text: str) -> str:
    return QCoreApplication.translate("Conference", text)


def confirm_end_without_agreement(parent: QWidget | None) -> bool:
    """True when the keeper ends the circle with no agreement typed."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        _tr("End without an agreement?"),
        _tr(
            "Nothing has been typed at the agreement step. End the circle without an "
            "agreement? It will be saved with everyone's turns, and cannot be resumed."
        ),
        parent=parent,
    )
    end = box.addButton(_tr("End without an agreement"), QMessageBox.ButtonRole.AcceptRole)
    back = box.addButton(_tr("Go back to the agreement"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(back)
    dialogs.wait_for(box)
    return box.clickedButton() is end
