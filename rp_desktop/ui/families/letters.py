"""Printing letters for a case's families: "Print invitation…" (to a planned meeting) and
"Print letter for family…" (the agreement, sent home). Each family member chosen gets their own
page in their own language; the letters go to the printer or into one PDF, and each letter to a
caregiver on record is logged in the case's family contacts."""

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRect, QSizeF
from PySide6.QtGui import QPagedPaintDevice, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

from rp_desktop.domain.casework.agreement_page import family_may_read_owner
from rp_desktop.domain.casework.records import CaseDetail
from rp_desktop.domain.continuum.kinds import MeetingStatus
from rp_desktop.domain.continuum.letters import Invitation, Recipient
from rp_desktop.domain.vocabulary import Role
from rp_desktop.services.continuum import caregivers, contacts
from rp_desktop.services.exports.pdf import write_pdf
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.students import records as students
from rp_desktop.ui import dialogs
from rp_desktop.ui.case import printing
from rp_desktop.ui.families.letter_dialog import Addressee, LetterDialog
from rp_desktop.ui.families.letter_texts import Page, agreement_page, invitation_page, joined
from rp_desktop.ui.pdf import draw_pdf, print_page, set_up_printer
from rp_desktop.ui.words.formatting import format_date
from rp_desktop.ui.words.labels import label

DPI = 300
MARGIN_MM = 20


def _tr(text: str) -> str:
    return QCoreApplication.translate("FamilyLetterPrinting", text)


def addressees(db: Database, detail: CaseDetail) -> list[Addressee]:
    """The case's family: its caregivers (taking part, or of its students) and the family
    members named on the case only, each with the first name of the student they are for."""
    case_students = [
        p.fields.student_id for p in detail.case.participants if p.fields.student_id is not None
    ]
    found = []
    for each in caregivers.caregivers_of_case(db, detail.case.id):
        fields = each.caregiver.fields
        theirs = [link.student_id for link in fields.students if link.student_id in case_students]
        recipient = Recipient(
            each.caregiver.display_name,
            fields.home_language,
            fields.interpreter_needed,
            each.caregiver.id,
        )
        about = theirs or case_students
        student_id = about[0] if about else None
        student = _first_name(db, student_id)
        found.append(Addressee(recipient, student, label(each.relation), student_id))
    for person in detail.case.participants:
        if person.fields.other_name and person.fields.role is Role.FAMILY_MEMBER:
            student_id = _student_of(db, person.display_name, case_students)
            student = _first_name(db, student_id)
            found.append(Addressee(Recipient(person.display_name), student, "", student_id))
    return found


def print_invitation(parent: QWidget, db: Database, school: str, detail: CaseDetail) -> bool:
    """Ask which planned meeting, where and to whom; print or save the invitations. False when
    nothing was printed or saved."""
    planned = [m for m in detail.meetings if m.fields.status is MeetingStatus.PLANNED]
    choices = [(f"{format_date(m.fields.held_on)} · {label(m.fields.kind)}", m.id) for m in planned]
    dialog = LetterDialog(
        _tr("Print an invitation to a meeting"),
        addressees(db, detail),
        choices,
        _tr("Meeting"),
        ask_place=True,
        parent=parent,
    )
    if not dialogs.accepted(dialog):
        return False
    meeting = next(m for m in planned if m.id == dialog.record_id())
    assert meeting.fields.held_on is not None  # a planned meeting has its day
    pages = [
        invitation_page(
            letter,
            Invitation(
                school,
                addressee.student_first_name,
                meeting.fields.held_on,
                meeting.fields.starts_at,
                dialog.place.text().strip(),
                meeting.facilitator_name,
            ),
        )
        for letter, addressee in dialog.chosen()
    ]
    note = _tr("Invitation to the meeting of {day}").format(day=format_date(meeting.fields.held_on))
    return _send(parent, db, detail, pages, dialog.choice, note, "invitation")


def print_agreement_letter(parent: QWidget, db: Database, school: str, detail: CaseDetail) -> bool:
    """Ask which agreement and to whom; print or save it as a letter home for each."""
    choices = [(format_date(a.made_on), a.id) for a in detail.agreements]
    dialog = LetterDialog(
        _tr("Print the agreement for families"),
        addressees(db, detail),
        choices,
        _tr("Agreement of"),
        ask_place=False,
        parent=parent,
    )
    if not dialogs.accepted(dialog):
        return False
    agreement = next(a for a in detail.agreements if a.id == dialog.record_id())
    pages = []
    for letter, addressee in dialog.chosen():
        # Every item, but another child's name is not this family's to read.
        items = tuple(
            item
            if family_may_read_owner(detail, item, addressee.student_id)
            else replace(item, owner_name=_tr("Another person involved"))
            for item in agreement.items
        )
        unnamed = sum(item not in agreement.items for item in items)
        sheet = printing.agreement_sheet(school, detail, replace(agreement, items=items))
        pages.append(agreement_page(letter, sheet, addressee.student_first_name, unnamed))
    note = _tr("Agreement of {day} sent home").format(day=format_date(agreement.made_on))
    return _send(parent, db, detail, pages, dialog.choice, note, "agreement-letter")


def draw_letters(device: QPagedPaintDevice, page: QRect, html: str) -> None:
    document = QTextDocument()
    document.documentLayout().setPaintDevice(device)
    document.setHtml(html)
    document.setPageSize(QSizeF(page.width(), page.height()))
    document.print_(device)


def letters_pdf(pages: list[Page]) -> bytes:
    html = joined(pages)
    return draw_pdf(
        _tr("Letters to families"), MARGIN_MM, DPI, lambda w, p: draw_letters(w, p, html)
    )


def _send(
    parent: QWidget,
    db: Database,
    detail: CaseDetail,
    pages: list[Page],
    how: str,
    note: str,
    name: str,
) -> bool:
    sent = (
        _to_printer(parent, pages)
        if how == LetterDialog.PRINT
        else _to_pdf(parent, f"{name}-case-{detail.case.id}.pdf", pages)
    )
    if sent:
        logged = [
            (page.letter.recipient.caregiver_id, page.letter.language.written_in)
            for page in pages
            if page.letter.recipient.caregiver_id is not None
        ]
        contacts.record_letters(db, detail.case.id, logged, note)
    return bool(sent)


def _to_printer(parent: QWidget, pages: list[Page]) -> bool:
    printer = printing.new_printer()
    set_up_printer(printer, _tr("Letters to families"), MARGIN_MM)
    asking = QPrintDialog(printer, parent)
    asking.setWindowTitle(_tr("Print the letters"))
    try:
        if not dialogs.accepted(asking):
            return False
    finally:
        asking.deleteLater()
    html = joined(pages)
    print_page(printer, lambda device, page: draw_letters(device, page, html))
    if printer.printerState() is QPrinter.PrinterState.Error:
        dialogs.show_error(parent, _tr("Not printed"), _not_printed())
        return False
    return True


def _to_pdf(parent: QWidget, suggested: str, pages: list[Page]) -> Path | None:
    path = printing.choose_pdf_path(parent, suggested)
    if path is None:
        return None
    try:
        write_pdf(path, letters_pdf(pages))
    except OSError:
        dialogs.show_not_written(parent, path)
        return None
    printing.open_file(path)
    return path


def _not_printed() -> str:
    return _tr(
        "The printer could not print the letters. Check that it is on and try again, or save "
        "them as a PDF instead."
    )


def _student_of(db: Database, typed_name: str, case_students: list[int]) -> int | None:
    """The student a family member named on the case only is most likely family of: one who
    shares their family name, else the case's first student."""
    words = set(typed_name.casefold().split())
    for student_id in case_students:
        try:
            last = students.get_student(db, student_id).last_name.casefold()
        except students.StudentNotFound:
            continue
        if set(last.split()) <= words:
            return student_id
    return case_students[0] if case_students else None


def _first_name(db: Database, student_id: int | None) -> str:
    if student_id is None:
        return ""
    try:
        student = students.get_student(db, student_id)
    except students.StudentNotFound:
        return ""
    return student.preferred_name or student.first_name
