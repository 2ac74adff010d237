"""Task: add an agreement with two items to a case and print it for signing (issue 13: 15 clicks
+ 3 keys before; target 10). From the case's window, opened from the main window on a case
with a meeting: the Agreement tab, "New agreement…", two items typed (each owner picked by
typing the first letters of their name), Save, "Print for signing…", and Print in the print
dialog. The printer writes a PDF file, so the page that came out can be read."""

from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from rp_desktop.domain.casework.records import MeetingFields
from rp_desktop.domain.records import ParticipantFields
from rp_desktop.domain.vocabulary import MeetingKind, Role
from rp_desktop.services.casework import meetings
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui import dialogs
from rp_desktop.ui.case import printing
from rp_desktop.ui.case.agreement_form import AgreementForm
from rp_desktop.ui.case.case_window import CaseWindow
from rp_desktop.ui.window.main_window import MainWindow
from tests.ui.conftest import School, open_tier2_case
from tests.ui.tasks.moves import Moves

W = TypeVar("W", bound=QWidget)


@pytest.fixture
def case_window(qtbot: QtBot, window: MainWindow, db: Database, school_db: School) -> CaseWindow:
    """A case (Dariusz caused harm, Nou was harmed, Amani saw it) with the conversation held
    today, its window open and in front."""
    nou, dariusz, amani = school_db.members[1], school_db.members[2], school_db.members[3]
    case = open_tier2_case(
        db,
        ParticipantFields(Role.PERSON_WHO_CAUSED_HARM, student_id=dariusz.id),
        ParticipantFields(Role.PERSON_HARMED, student_id=nou.id),
        ParticipantFields(Role.WITNESS, student_id=amani.id),
        ParticipantFields(Role.FACILITATOR, staff_id=school_db.counselor_id),
        description="Shoving at the lockers; a phone was broken.",
    )
    meetings.record_meeting(
        db,
        case.id,
        MeetingFields(
            MeetingKind.RESTORATIVE_CONVERSATION,
            db.today(),
            facilitator_id=school_db.counselor_id,
            attendee_ids=frozenset(
                p.id for p in case.participants if p.fields.role is not Role.WITNESS
            ),
        ),
    )
    opened = window.windows.case(case.id)
    assert isinstance(opened, CaseWindow)
    qtbot.waitExposed(opened)
    opened.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is opened, timeout=2000)
    return opened


def a_pdf_printer(out: Path) -> QPrinter:
    """The printer of this computer: it writes a PDF file (no paper in a test)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    return printer


def test_an_agreement_with_two_items_is_added_and_printed_in_ten_moves(
    qtbot: QtBot, case_window: CaseWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "printed.pdf"
    monkeypatch.setattr(printing, "new_printer", lambda: a_pdf_printer(out))
    moves = Moves(qtbot)
    monkeypatch.setattr(dialogs, "wait_for", press_print(moves))
    # Should a step fail, the form left open is closed at the end without asking.
    monkeypatch.setattr(dialogs, "confirm_discard", lambda parent: True)

    tabs = case_window.tabs
    moves.click(tabs.tabBar(), tabs.tabBar().tabRect(tabs.indexOf(case_window.agreement)).center())
    moves.click(case_window.agreement.new)
    form = active(qtbot, AgreementForm)
    first, second = add_two_items(moves, form)
    moves.click(form.save_button)
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=2000)
    moves.click(case_window.agreement.print)

    moves.assert_within("agreement_print")
    assert (first, second) == ("Pay toward a new phone screen", "Say sorry to Nou in person")
    saved = case_window.detail.agreements[0].items
    assert [(i.fields.description, i.owner_name) for i in saved] == [
        ("Pay toward a new phone screen", "Dariusz Kowalczyk"),
        ("Say sorry to Nou in person", "Dariusz Kowalczyk"),
    ]
    text = page_text(out)
    for words in ("Paytowardanewphonescreen", "SaysorrytoNouinperson", "DariuszKowalczyk"):
        assert words in text
    signed = text[text.index("Signedbythosewhomadeit") :]
    assert "DariuszKowalczyk·Personwhocausedharm" in signed
    assert "NouXiong·Personharmed" in signed
    assert "AmaniHaddad" not in text  # a witness does not sign


def add_two_items(moves: Moves, form: AgreementForm) -> tuple[str, str]:
    """Type two items, each owner picked by typing the start of their name in "Who"."""
    rows = form.items._rows
    moves.click(rows[0].what)
    moves.type("Pay toward a new phone screen")
    moves.key(Qt.Key.Key_Tab)
    moves.type("Dariusz")
    moves.click(form.items.add)
    rows = form.items._rows
    moves.qtbot.waitUntil(rows[1].what.isVisible, timeout=2000)  # drawn on the next loop
    moves.click(rows[1].what)
    moves.type("Say sorry to Nou in person")
    moves.key(Qt.Key.Key_Tab)
    moves.type("Dariusz")
    return rows[0].what.text(), rows[1].what.text()


def press_print(moves: Moves):  # type: ignore[no-untyped-def]
    """dialogs.wait_for for the print dialog: the person presses Print (one counted click)."""

    def wait_for(dialog: QDialog) -> int:
        assert isinstance(dialog, QPrintDialog), f"not the print dialog: {type(dialog).__name__}"
        dialog.show()
        moves.qtbot.waitExposed(dialog)
        buttons = dialog.findChild(QDialogButtonBox)
        moves.click(buttons.button(QDialogButtonBox.StandardButton.Ok), what="Print")
        return dialog.result()

    return wait_for


def active(qtbot: QtBot, kind: type[W]) -> W:
    """The window of `kind` that just opened in front."""
    qtbot.waitUntil(lambda: isinstance(QApplication.activeWindow(), kind), timeout=2000)
    window = QApplication.activeWindow()
    assert isinstance(window, kind)
    return window


def page_text(path: Path) -> str:
    document = QPdfDocument()
    document.load(str(path))
    assert document.pageCount() == 1
    return "".join(document.getAllText(0).text().split())
