"""Printing an agreement: from a case's records to the words on its page, where to save the
file, and writing it."""

from pathlib import Path

from PySide6.QtWidgets import QWidget

from rp_desktop.domain.casework.records import Agreement, CaseDetail
from rp_desktop.services.casework import printing
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui import choosers, dialogs
from rp_desktop.ui.case.agreement_pdf import AgreementLine, AgreementSheet, agreement_pdf


def print_agreement(
    parent: QWidget, db: Database, school: str, detail: CaseDetail, agreement_id: int
) -> Path | None:
    """Ask where to save the agreement's PDF and write it there; None when the user chose no
    place, or when nothing could be written (which a message says)."""
    path = choose_pdf_path(parent, f"agreement-case-{detail.case.id}.pdf")
    if path is None:
        return None
    agreement = next(a for a in detail.agreements if a.id == agreement_id)
    pdf = agreement_pdf(agreement_sheet(school, detail, agreement))
    try:
        printing.save_printed_agreement(db, agreement_id, path, pdf)
    except OSError:  # the folder is missing, read-only or full: nothing was written
        dialogs.show_not_written(parent, path)
        return None
    return path


def agreement_sheet(school: str, detail: CaseDetail, agreement: Agreement) -> AgreementSheet:
    """The page of one agreement: its items, and the case's own people to sign. Nothing else
    of the case (its story, the private note) and no one from another case."""
    return AgreementSheet(
        school=school,
        case_number=detail.case.id,
        made_on=agreement.made_on,
        lines=tuple(
            AgreementLine(item.fields.description, item.owner_name, item.fields.due_on)
            for item in agreement.items
        ),
        signers=tuple(p.display_name for p in detail.case.participants),
    )


def choose_pdf_path(parent: QWidget, suggested: str) -> Path | None:
    """Ask where to save a PDF (tests replace this function)."""
    chosen = choosers.choose_save_file(
        parent, parent.tr("Save the agreement"), suggested, parent.tr("PDF files (*.pdf)")
    )
    if chosen is None:
        return None
    path = chosen[0]
    return path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf")
