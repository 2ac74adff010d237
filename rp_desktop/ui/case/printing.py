"""Printing an agreement for signing: from a case's records to the words on its page, on paper
through the print dialog, or as a PDF saved where the user chooses (told first that a PDF is
not encrypted) and opened once saved."""

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

from rp_desktop.domain.casework.agreement_page import items_in_order, signers
from rp_desktop.domain.casework.records import Agreement, CaseDetail
from rp_desktop.services.casework import printing
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui import choosers, dialogs
from rp_desktop.ui.case.agreement_pdf import (
    AgreementLine,
    AgreementSheet,
    SignerLine,
    agreement_pdf,
    print_agreement_sheet,
    set_up_agreement_printer,
)
from rp_desktop.ui.words.labels import label


def _tr(text: str) -> str:
    return QCoreApplication.translate("AgreementPrinting", text)


def print_agreement(
    parent: QWidget, db: Database, school: str, detail: CaseDetail, agreement_id: int
) -> bool:
    """Ask which printer in the print dialog and print the agreement there; False when the
    user cancelled, or when the printer refused (which a message says)."""
    printer = new_printer()
    set_up_agreement_printer(printer)
    if printer.outputFormat() is QPrinter.OutputFormat.PdfFormat and not printer.outputFileName():
        # No printer on this computer: the dialog can only print to a file; offer Documents.
        name = f"agreement-case-{detail.case.id}.pdf"
        printer.setOutputFileName(str(choosers.documents_folder() / name))
    asking = QPrintDialog(printer, parent)
    asking.setWindowTitle(_tr("Print the agreement for signing"))
    asking.setAccessibleName(asking.windowTitle())
    try:
        if not dialogs.accepted(asking):
            return False
    finally:
        asking.deleteLater()
    print_agreement_sheet(printer, _sheet(school, detail, agreement_id))
    if printer.printerState() is QPrinter.PrinterState.Error:
        dialogs.show_error(parent, _tr("Not printed"), _not_printed())
        return False
    if printer.outputFormat() is QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        printing.keep_private(Path(printer.outputFileName()))  # printed to a file
    printing.record_printed(db, agreement_id)
    return True


def save_agreement_pdf(
    parent: QWidget, db: Database, school: str, detail: CaseDetail, agreement_id: int
) -> Path | None:
    """Ask where to save the agreement's PDF (saying it is not encrypted), write it there and
    open it; None when the user chose no place, or when nothing could be written (which a
    message says)."""
    path = choose_pdf_path(parent, f"agreement-case-{detail.case.id}.pdf")
    if path is None:
        return None
    pdf = agreement_pdf(_sheet(school, detail, agreement_id))
    try:
        printing.save_printed_agreement(db, agreement_id, path, pdf)
    except OSError:  # the folder is missing, read-only or full: nothing was written
        dialogs.show_not_written(parent, path)
        return None
    if not open_file(path):
        dialogs.show_error(parent, _tr("Saved, but not opened"), _not_opened(path))
    return path


def agreement_sheet(school: str, detail: CaseDetail, agreement: Agreement) -> AgreementSheet:
    """The page of one agreement: its items by due date, and those who made it to sign, each
    with their part. Nothing else of the case (its story, the private note) and no one from
    another case."""
    return AgreementSheet(
        school=school,
        case_number=detail.case.id,
        made_on=agreement.made_on,
        lines=tuple(
            AgreementLine(item.fields.description, item.owner_name, item.fields.due_on)
            for item in items_in_order(agreement.items)
        ),
        signers=tuple(
            SignerLine(signer.name, label(signer.role)) for signer in signers(detail, agreement)
        ),
    )


def choose_pdf_path(parent: QWidget, suggested: str) -> Path | None:
    """Ask where to save a PDF, in the user's Documents folder first, saying that a PDF is
    not encrypted (tests replace this function)."""
    chosen = choosers.choose_save_file(
        parent,
        _tr("Save the agreement as a PDF"),
        suggested,
        _tr("PDF files (*.pdf)"),
        note=_tr(
            "This PDF is not encrypted: anyone with the file can read it. Keep it somewhere "
            "safe or print it and delete it."
        ),
    )
    if chosen is None:
        return None
    path = chosen[0]
    return path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf")


def new_printer() -> QPrinter:
    """The printer the print dialog starts from: the system's default (tests replace this
    function with a printer that writes a file)."""
    return QPrinter(QPrinter.PrinterMode.HighResolution)


def open_file(path: Path) -> bool:
    """Open `path` in the program the system opens PDFs with; False when none did (tests
    replace this function)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def _sheet(school: str, detail: CaseDetail, agreement_id: int) -> AgreementSheet:
    agreement = next(a for a in detail.agreements if a.id == agreement_id)
    return agreement_sheet(school, detail, agreement)


def _not_printed() -> str:
    return _tr(
        "The printer could not print the agreement. Check that it is on and try again, or "
        "use “Save as PDF…” instead."
    )


def _not_opened(path: Path) -> str:
    return _tr(
        "The PDF was saved at {path}, but no program on this computer opened it. Open it "
        "from its folder."
    ).format(path=path)
