"""Printing that prints (issue 13, build 5): "Print for signing…" opens the print dialog and
prints the page; "Save as PDF…" starts in Documents, says the file is not encrypted, keeps it
to its owner and opens it; the page is signed by those who made the agreement, each with their
part, a signature line and a date line, its items by due date. And the case's empty tabs say
what to do next."""

import os
import stat
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QLabel

from rp_desktop.domain.casework.records import AgreementFields, AgreementItemFields, MeetingFields
from rp_desktop.domain.records import ParticipantFields
from rp_desktop.domain.vocabulary import AuditAction, MeetingKind, Role
from rp_desktop.services import audit
from rp_desktop.services.casework import agreements, meetings
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui import choosers, dialogs
from rp_desktop.ui.case import printing
from rp_desktop.ui.case.case_window import CaseWindow
from tests.ui.conftest import School, open_tier2_case

NOT_ENCRYPTED = (
    "This PDF is not encrypted: anyone with the file can read it. Keep it somewhere safe or "
    "print it and delete it."
)


@pytest.fixture
def case_id(db: Database, school_db: School) -> int:
    """Dariusz caused harm, Nou was harmed, Amani saw it, Nou's grandmother supports, the
    counselor facilitates. The meeting: Dariusz, Nou and the counselor came."""
    nou, dariusz, amani = school_db.members[1], school_db.members[2], school_db.members[3]
    case = open_tier2_case(
        db,
        ParticipantFields(Role.PERSON_WHO_CAUSED_HARM, student_id=dariusz.id),
        ParticipantFields(Role.PERSON_HARMED, student_id=nou.id),
        ParticipantFields(Role.WITNESS, student_id=amani.id),
        ParticipantFields(Role.FAMILY_MEMBER, other_name="Yer Xiong"),
        ParticipantFields(Role.FACILITATOR, staff_id=school_db.counselor_id),
        description="Shoving at the lockers; a phone was broken.",
    )
    came = frozenset(
        p.id
        for p in case.participants
        if p.fields.role in (Role.PERSON_WHO_CAUSED_HARM, Role.PERSON_HARMED, Role.FACILITATOR)
    )
    held = meetings.record_meeting(
        db,
        case.id,
        MeetingFields(
            MeetingKind.RESTORATIVE_CONVERSATION,
            date(2026, 3, 9),
            facilitator_id=school_db.counselor_id,
            attendee_ids=came,
        ),
    )
    owner = next(p.id for p in case.participants if p.fields.role is Role.PERSON_WHO_CAUSED_HARM)
    agreements.save_agreement(
        db,
        case.id,
        AgreementFields(
            made_on=date(2026, 3, 9),
            meeting_id=held.id,
            items=(
                AgreementItemFields("Write a note to Nou", owner, due_on=date(2026, 4, 17)),
                AgreementItemFields("Pay toward the screen", owner, due_on=date(2026, 4, 3)),
                AgreementItemFields("Check in on Friday", owner, due_on=date(2026, 3, 13)),
            ),
        ),
    )
    return case.id


@pytest.fixture
def window(qtbot, db: Database, case_id: int) -> CaseWindow:  # type: ignore[no-untyped-def]
    win = CaseWindow(db, case_id, school_name="Riverside Middle School")
    qtbot.addWidget(win)
    return win


def file_printer(out: Path) -> Callable[[], QPrinter]:
    def new_printer() -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return printer

    return new_printer


def press_print(qtbot, seen: list[QDialog]) -> Callable[[QDialog], int]:  # type: ignore[no-untyped-def]
    """A dialogs.wait_for that presses the print dialog's Print button, as a person would."""

    def wait_for(dialog: QDialog) -> int:
        seen.append(dialog)
        dialog.show()
        button = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        return dialog.result()

    return wait_for


def saved_page_text(window: CaseWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The case's first agreement saved as a PDF, as the user would, and the words on it."""
    out = tmp_path / "agreement.pdf"
    monkeypatch.setattr(printing, "choose_pdf_path", lambda parent, name: out)
    monkeypatch.setattr(printing, "open_file", lambda path: True)
    window.save_agreement_pdf(window.detail.agreements[0].id)
    return page_text(out)


def page_text(path: Path) -> str:
    document = QPdfDocument()
    document.load(str(path))
    assert document.pageCount() == 1
    return "".join(document.getAllText(0).text().split())


def printed_count(db: Database) -> int:
    return len(audit.list_events(db, action=AuditAction.PRINT).rows)


def test_print_opens_a_real_print_dialog_and_prints_the_page(
    qtbot, db, window: CaseWindow, tmp_path: Path, monkeypatch
) -> None:
    out = tmp_path / "printed.pdf"
    seen: list[QDialog] = []
    monkeypatch.setattr(printing, "new_printer", file_printer(out))
    monkeypatch.setattr(dialogs, "wait_for", press_print(qtbot, seen))
    window.show()
    window.tabs.setCurrentWidget(window.agreement)

    qtbot.mouseClick(window.agreement.print, Qt.MouseButton.LeftButton)

    assert [type(dialog) for dialog in seen] == [QPrintDialog]
    assert "Writeanote" in page_text(out)  # the page went to the printer
    assert printed_count(db) == 1
    if sys.platform != "win32":
        assert stat.S_IMODE(os.stat(out).st_mode) == 0o600  # printed to a file: kept private


def test_a_cancelled_print_dialog_prints_nothing(
    qtbot, db, window: CaseWindow, tmp_path: Path, monkeypatch
) -> None:
    out = tmp_path / "printed.pdf"
    monkeypatch.setattr(printing, "new_printer", file_printer(out))

    def cancel(dialog: QDialog) -> int:
        dialog.reject()
        return dialog.result()

    monkeypatch.setattr(dialogs, "wait_for", cancel)

    assert window.print_agreement(window.detail.agreements[0].id) is False
    assert not out.exists()
    assert printed_count(db) == 0


def test_save_as_pdf_starts_in_documents_and_says_the_file_is_not_encrypted(
    qtbot, window: CaseWindow, tmp_path: Path, monkeypatch
) -> None:
    seen: list[QFileDialog] = []

    def look_and_cancel(chooser: QDialog) -> int:
        assert isinstance(chooser, QFileDialog)
        seen.append(chooser)
        chooser.show()
        note = chooser.findChild(QLabel, "chooserNote")
        assert note is not None
        assert note.isVisible()
        assert note.text() == NOT_ENCRYPTED
        assert chooser.directory().absolutePath() == str(Path(choosers._documents()))
        assert chooser.selectedFiles()[0].endswith(f"agreement-case-{window.detail.case.id}.pdf")
        chooser.reject()
        return chooser.result()

    monkeypatch.setattr(dialogs, "wait_for", look_and_cancel)

    assert window.save_agreement_pdf(window.detail.agreements[0].id) is None
    assert len(seen) == 1


def test_the_saved_pdf_is_kept_to_its_owner_and_opened(
    window: CaseWindow, tmp_path: Path, monkeypatch
) -> None:
    out = tmp_path / "agreement.pdf"
    opened: list[Path] = []
    monkeypatch.setattr(printing, "choose_pdf_path", lambda parent, name: out)
    monkeypatch.setattr(printing, "open_file", lambda path: opened.append(path) or True)

    assert window.save_agreement_pdf(window.detail.agreements[0].id) == out

    assert opened == [out]
    if sys.platform != "win32":
        assert stat.S_IMODE(os.stat(out).st_mode) == 0o600


def test_a_saved_pdf_that_cannot_be_opened_is_said_plainly_and_kept(
    window: CaseWindow, tmp_path: Path, monkeypatch
) -> None:
    out = tmp_path / "agreement.pdf"
    said: list[tuple[str, str]] = []
    monkeypatch.setattr(printing, "choose_pdf_path", lambda parent, name: out)
    monkeypatch.setattr(printing, "open_file", lambda path: False)
    monkeypatch.setattr(
        dialogs, "show_error", lambda parent, title, text: said.append((title, text))
    )

    assert window.save_agreement_pdf(window.detail.agreements[0].id) == out

    assert out.exists()
    assert said == [
        (
            "Saved, but not opened",
            f"The PDF was saved at {out}, but no program on this computer opened it. "
            "Open it from its folder.",
        )
    ]


def test_the_page_is_signed_by_those_present_never_witnesses_or_absentees(
    window: CaseWindow, tmp_path: Path, monkeypatch
) -> None:
    text = saved_page_text(window, tmp_path, monkeypatch)

    signed = text[text.index("Signedbythosewhomadeit") :]
    for signer in (
        "NouXiong·Personharmed",
        "DariuszKowalczyk·Personwhocausedharm",
        "MarisolQuintero·Facilitator",
    ):
        assert signer in signed
    assert "AmaniHaddad" not in text  # a witness does not sign (and owns no item)
    assert "YerXiong" not in text  # the grandmother was not there
    assert signed.count("Date") == 3  # a date line for each signer


def test_the_page_lists_the_items_by_due_date(
    window: CaseWindow, tmp_path: Path, monkeypatch
) -> None:
    text = saved_page_text(window, tmp_path, monkeypatch)

    friday, screen, note = (
        text.index(words) for words in ("CheckinonFriday", "Paytowardthescreen", "Writeanote")
    )
    assert friday < screen < note  # written: note, screen, Friday


def test_the_empty_tabs_of_a_new_case_say_what_to_do_next(
    qtbot, db: Database, school_db: School
) -> None:
    case = open_tier2_case(
        db,
        ParticipantFields(Role.PERSON_HARMED, student_id=school_db.members[0].id),
        description="Name-calling in the lunch line.",
    )
    window = CaseWindow(db, case.id, school_name="Riverside Middle School")
    qtbot.addWidget(window)
    window.show()
    hints = {
        window.meetings: (window.meetings.empty, "Use “New meeting…”"),
        window.agreement: (window.agreement.summary, "Use “New agreement…”"),
        window.follow_up: (window.follow_up.empty, "Use “Add a follow-up…”"),
    }
    for tab, (hint, words) in hints.items():
        window.tabs.setCurrentWidget(tab)
        assert hint.isVisible(), words
        assert words in hint.text()
        assert hint.text().count(".") == 2  # "No … yet." and one sentence of what to do
    assert not window.agreement.print.isEnabled()  # nothing to print yet
    assert not window.agreement.pdf.isEnabled()


@pytest.mark.qt_log_ignore("QPainter::begin")  # what Qt says when the printer refuses
def test_a_printer_that_refuses_is_said_plainly_and_nothing_is_counted(
    db, window: CaseWindow, tmp_path: Path, monkeypatch
) -> None:
    out = tmp_path / "gone" / "printed.pdf"  # a printer that cannot start the page
    said: list[str] = []
    monkeypatch.setattr(printing, "new_printer", file_printer(out))
    monkeypatch.setattr(
        dialogs, "wait_for", lambda dialog: QDialog.done(dialog, 1) or dialog.result()
    )
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: said.append(title))

    assert window.print_agreement(window.detail.agreements[0].id) is False

    assert said == ["Not printed"]
    assert not out.parent.exists()
    assert printed_count(db) == 0


def test_without_a_printer_the_print_dialog_offers_a_file_in_documents(
    window: CaseWindow, monkeypatch
) -> None:
    def no_printer_here() -> QPrinter:  # what Qt gives when the computer has no printer
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        return printer

    offered: list[str] = []

    def look_and_cancel(dialog: QDialog) -> int:
        assert isinstance(dialog, QPrintDialog)
        offered.append(dialog.printer().outputFileName())
        dialog.reject()
        return dialog.result()

    monkeypatch.setattr(printing, "new_printer", no_printer_here)
    monkeypatch.setattr(dialogs, "wait_for", look_and_cancel)

    window.print_agreement(window.detail.agreements[0].id)

    case_number = window.detail.case.id
    assert offered == [str(choosers.documents_folder() / f"agreement-case-{case_number}.pdf")]


def test_the_agreement_tab_lists_the_items_by_due_date_as_the_page_does(
    window: CaseWindow,
) -> None:
    table = window.agreement.table
    column = [table.item(row, 0).text() for row in range(table.rowCount())]
    assert column == ["Check in on Friday", "Pay toward the screen", "Write a note to Nou"]
    table.selectRow(0)
    window.agreement.done.click()  # marks the item shown in that row
    done = {i.fields.description: i.fields.status for i in window.detail.agreements[0].items}
    assert done["Check in on Friday"].value == "done"
    assert done["Write a note to Nou"].value == "open"
