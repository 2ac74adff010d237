"""Letters for families in their home language: each family member chosen gets their own page;
a Spanish-speaking caregiver's letter is marked "es", written in English for now with a line
offering an interpreter, and in Spanish once the app has Spanish texts; printed letters are
logged in the case's family contacts."""

import subprocess
import sys
from collections.abc import Callable
from datetime import date, time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from rp_desktop.domain.continuum.kinds import ContactKind
from rp_desktop.domain.continuum.letters import Invitation, Recipient, letters_for
from rp_desktop.services.continuum import contacts
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui import dialogs
from rp_desktop.ui.case import printing
from rp_desktop.ui.case.case_window import CaseWindow
from rp_desktop.ui.families import letter_texts
from rp_desktop.ui.families.letter_dialog import LetterDialog
from tests.ui.case.test_agreement_printing import file_printer
from tests.ui.conftest import School, type_text
from tests.ui.families.setup import add_family, family_case

SPANISH_TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS><TS version="2.1" language="es">
<context><name>FamilyLetters</name>
<message><source>You are invited to a restorative meeting about {student}.</source>
<translation>Está invitado a una reunión restaurativa sobre {student}.</translation></message>
<message><source>Dear {name},</source><translation>Estimado/a {name}:</translation></message>
</context></TS>
"""


@pytest.fixture
def window(qtbot, db: Database, school_db: School) -> CaseWindow:  # type: ignore[no-untyped-def]
    case = family_case(db, school_db, add_family(db, school_db))
    win = CaseWindow(db, case.id, school_name="Riverside Middle School")
    qtbot.addWidget(win)
    win.show()
    win.tabs.setCurrentWidget(win.family)
    return win


def answer_letters(  # type: ignore[no-untyped-def]
    qtbot, place: str, button: str, seen: list[LetterDialog], untick: tuple[int, ...] = ()
) -> Callable[[QDialog], int]:
    """A dialogs.wait_for that types the place in the letter dialog, unticks the lines
    `untick` (a click on the line, then Space) and presses `button`; any other dialog (the
    print dialog) is answered with its OK button."""

    def wait_for(dialog: QDialog) -> int:
        dialog.show()
        if isinstance(dialog, LetterDialog):
            seen.append(dialog)
            if place:
                type_text(dialog.place, place)
            for row in untick:
                rect = dialog.people.visualItemRect(dialog.people.item(row))
                qtbot.mouseClick(
                    dialog.people.viewport(), Qt.MouseButton.LeftButton, pos=rect.center()
                )
                qtbot.keyClick(dialog.people, Qt.Key.Key_Space)
            pressed = next(b for b in dialog.buttons.buttons() if b.text() == button)
        else:
            pressed = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(pressed, Qt.MouseButton.LeftButton)
        return dialog.result()

    return wait_for


def pages(path: Path) -> list[str]:
    document = QPdfDocument()
    document.load(str(path))
    return [" ".join(document.getAllText(p).text().split()) for p in range(document.pageCount())]


def test_each_family_gets_an_invitation_in_their_language_or_english_with_an_interpreter_line(
    qtbot, db: Database, window: CaseWindow, tmp_path: Path, monkeypatch
) -> None:
    out = tmp_path / "invitations.pdf"
    seen: list[LetterDialog] = []
    monkeypatch.setattr(printing, "choose_pdf_path", lambda parent, name: out)
    monkeypatch.setattr(printing, "open_file", lambda path: True)
    monkeypatch.setattr(
        dialogs, "wait_for", answer_letters(qtbot, "Room 104", "Save as PDF…", seen)
    )

    qtbot.mouseClick(window.family.buttons["invite"], Qt.MouseButton.LeftButton)

    (dialog,) = seen
    lines = [dialog.people.item(r).text() for r in range(dialog.people.count())]
    assert lines == [
        "Pa Xiong (Parent), about Nou: Spanish not available yet: English, interpreter offered",
        "Tomasz Kowalczyk (Parent), about Dariusz: in English",
    ]
    (mother, father) = [letter for letter, _ in dialog.chosen()]
    assert (mother.language.wanted, mother.language.written_in) == ("es", "en")
    assert mother.language.interpreter_line
    assert not father.language.interpreter_line
    first, second = pages(out)
    assert "Dear Pa Xiong," in first
    assert "You are invited to a restorative meeting about Nou." in first
    assert "Tuesday, March 17, 2026 at 3:30" in first
    assert "Where: Room 104" in first
    assert "could not yet be written in Spanish" in first
    assert "Dariusz" not in first  # each family reads of their own student only
    assert "about Dariusz." in second
    assert "interpreter" not in second
    logged = contacts.case_contacts(db, window.detail.case.id)
    assert [(c.caregiver_name, c.fields.kind, c.fields.language) for c in logged] == [
        ("Tomasz Kowalczyk", ContactKind.LETTER, "en"),  # newest first: logged in turn
        ("Pa Xiong", ContactKind.LETTER, "en"),
    ]
    assert window.family.table.rowCount() == 2


def test_the_agreement_is_printed_for_one_family_chosen(
    qtbot, db: Database, window: CaseWindow, tmp_path: Path, monkeypatch
) -> None:
    out = tmp_path / "printed.pdf"
    seen: list[LetterDialog] = []
    monkeypatch.setattr(printing, "new_printer", file_printer(out))
    monkeypatch.setattr(dialogs, "wait_for", answer_letters(qtbot, "", "Print…", seen, untick=(1,)))
    qtbot.mouseClick(window.family.buttons["letter"], Qt.MouseButton.LeftButton)

    (only,) = pages(out)
    assert "an agreement was made about Nou" in only
    assert "Write a note to Nou" in only
    # The other child's item is there, without their name: a letter leaves the school.
    assert "Another person involved" in only
    assert "Dariusz" not in only
    assert "Kowalczyk" not in only
    assert "Other people involved are not named in this letter." in only
    assert "could not yet be written in Spanish" in only
    logged = contacts.case_contacts(db, window.detail.case.id)
    assert [c.caregiver_name for c in logged] == ["Pa Xiong"]
    assert logged[0].fields.note == "Agreement of 2026-03-09 sent home"


def test_once_spanish_texts_are_installed_the_letter_is_written_in_spanish(
    qapp, tmp_path: Path, monkeypatch
) -> None:
    source = tmp_path / "rp_desktop_es.ts"
    source.write_text(SPANISH_TS, encoding="utf-8")
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run(
        [str(lrelease), str(source), "-qm", str(tmp_path / "rp_desktop_es.qm")],
        check=True,
        capture_output=True,
    )
    monkeypatch.setattr(letter_texts, "TRANSLATIONS", tmp_path)
    assert letter_texts.available_languages() == {"en", "es"}

    mother, father = letters_for(
        [Recipient("Pa Xiong", "es", interpreter_needed=True), Recipient("Tomasz Kowalczyk")],
        letter_texts.available_languages(),
    )
    invitation = Invitation("Riverside", "Nou", date(2026, 3, 17), time(15, 30), "Room 104", "")
    spanish = letter_texts.invitation_page(mother, invitation).html
    assert mother.language.written_in == "es"
    assert "Está invitado a una reunión restaurativa sobre Nou." in spanish
    assert "17 de marzo de 2026" in spanish
    assert "An interpreter in Spanish can join us" in spanish  # needed, and not yet translated
    english = letter_texts.invitation_page(father, invitation).html
    assert "You are invited to a restorative meeting about Nou." in english  # translator gone
