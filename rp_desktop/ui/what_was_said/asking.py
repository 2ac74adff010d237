"""The one question about what was said: unticking "Keep the answers word for word" removes the
answers typed or kept, so the user is asked first."""

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from rp_desktop.ui import dialogs


def _tr(text: str, count: int = -1) -> str:
    return QCoreApplication.translate("WhatWasSaid", text, None, count)


def remove_answers(parent: QWidget | None, count: int) -> bool:
    """True when the user says to remove the `count` answers kept word for word."""
    question = (
        _tr("Remove the answer kept word for word?")
        if count == 1
        else _tr("Remove the %n answers kept word for word?", count)
    )
    return dialogs.confirm(
        parent, _tr("Remove the answers?"), question, _tr("Remove them"), _tr("Keep them")
    )
