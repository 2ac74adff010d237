"""The choices of the conversation's first step, filled in from the school: its categories, the
kinds of conversation and small conference, and its staff with the counselor first chosen."""

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox

from rp_desktop.domain.records import StaffMember
from rp_desktop.domain.vocabulary import CategoryKind, MeetingKind, StaffRole
from rp_desktop.services.casework import cases
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui.forms.widgets import choice_combo, select_data

# Tier 2's meetings that start from harm, the everyday one first.
KINDS = (
    MeetingKind.RESTORATIVE_CONVERSATION,
    MeetingKind.IMPROMPTU_CONFERENCE,
    MeetingKind.PEER_MEDIATION,
    MeetingKind.REPAIR_HARM_CIRCLE,
)
# Who usually facilitates, most likely first.
FACILITATING = (StaffRole.COUNSELOR, StaffRole.RP_COORDINATOR, StaffRole.SOCIAL_WORKER)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ConversationWindow", text)


def kind_combo() -> QComboBox:
    return choice_combo(list(KINDS))


def category_combo(db: Database) -> QComboBox:
    """The school's active categories of harm, none chosen yet: a restorative conversation
    answers harm. A concern is opened as a Tier 2 case; an observation is logged as practice."""
    combo = QComboBox()
    for category in cases.list_categories(db):
        if category.kind is CategoryKind.HARM:
            combo.addItem(category.name, category.id)
    combo.setToolTip(
        _tr(
            "Categories of harm only. A wellbeing concern or check-in is a Tier 2 case; a "
            "positive observation is logged with Log a practice."
        )
    )
    # None chosen: the words are a placeholder, so a long list narrowed by typing starts empty.
    combo.setPlaceholderText(_tr("Choose a category…"))
    combo.setCurrentIndex(-1)
    return combo


def facilitator_combo(staff: list[StaffMember]) -> QComboBox:
    """The staff, with the school's counselor chosen (or whoever usually facilitates)."""
    combo = QComboBox()
    combo.addItem(_tr("Not recorded"), None)
    for member in staff:
        combo.addItem(member.display_name, member.id)
    select_data(combo, usual_facilitator(staff))
    return combo


def usual_facilitator(staff: list[StaffMember]) -> int | None:
    for role in FACILITATING:
        found = next((member for member in staff if member.role is role), None)
        if found is not None:
            return found.id
    return None
