"""The words for the outcomes of a case (issue 14), kept beside labels.py, which looks them up
by enum: the same translation context, so a translator sees them with the rest."""

from collections.abc import Callable
from enum import Enum

from PySide6.QtCore import QCoreApplication

from rp_desktop.domain.continuum.kinds import RepairFelt


def _tr(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


# Whether the person harmed feels the harm was repaired, asked when a case of harm closes.
REPAIR_FELT: dict[Enum, Callable[[], str]] = {
    RepairFelt.YES: lambda: _tr("Yes"),
    RepairFelt.PARTLY: lambda: _tr("Partly"),
    RepairFelt.NO: lambda: _tr("No"),
    RepairFelt.NOT_ASKED: lambda: _tr("Not asked"),
}
