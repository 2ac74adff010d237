"""What is agreed at a case's agreement step, kept as it is typed as a draft of the case's
agreement form: if RP Desktop closes before the circle is saved (a crash, a power cut), the
drafts offered at the next start include it, and Restore opens a new agreement on the case
with those items. Saving the circle forgets the draft."""

import uuid

from PySide6.QtCore import QCoreApplication

from rp_desktop.domain.casework.agreements import AgreementItemFields
from rp_desktop.domain.vocabulary import AgreementStatus
from rp_desktop.services import drafts
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui.conference.agreement_panel import AgreementPanel
from rp_desktop.ui.crash import log_failure
from rp_desktop.ui.words.labels import label

FORM = "agreement"  # the agreement form's name among the drafts (ui/window/reopening.py)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Conference", text)


class AgreementDraft:
    """The draft of one circle's agreement step on case `case_id`."""

    def __init__(self, db: Database, case_id: int, panel: AgreementPanel) -> None:
        self._db = db
        self._case_id = case_id
        self._panel = panel
        self.key = f"{FORM}:new:{uuid.uuid4().hex[:12]}"
        self._kept = False

    def save(self) -> None:
        """Keep the items typed so far (none: forget the draft). Never raises."""
        try:
            if self._panel.empty:
                self.forget()
                return
            label_text = _tr("New agreement, case {number}").format(number=self._case_id)
            drafts.save_draft(self._db, self.key, FORM, None, label_text, self.content())
            self._kept = True
        except Exception as error:  # the items are still on the console
            log_failure("saving the agreement's draft", error)

    def forget(self) -> None:
        """The circle was saved (or nothing is typed): no draft. Never raises."""
        if not self._kept:
            return
        try:
            drafts.delete_draft(self._db, self.key)
            self._kept = False
        except Exception as error:  # offered at the next start; nothing is lost
            log_failure("deleting the agreement's draft", error)

    def content(self) -> dict[str, object]:
        """The draft as the agreement form keeps its own: where it belongs and its fields."""
        today = self._db.today().isoformat()
        return {
            "where": {"case_id": self._case_id},
            "values": {
                "made_on": today,
                "meeting_id": None,
                "items": [self._item(item) for item in self._panel.items()],
                "notes": "",
            },
        }

    def _item(self, item: AgreementItemFields) -> dict[str, object]:
        owner = self._panel.owner_text(item)
        index = self._panel.who.findText(owner) if owner else 0
        return {
            "what": item.description,
            "owner": {"index": index, "text": owner or self._panel.who.itemText(0)},
            "due": item.due_on.isoformat() if item.due_on else None,
            "status": {"index": 0, "text": label(AgreementStatus.OPEN)},
        }
