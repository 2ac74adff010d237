"""From a case's records to the words on its printed agreement, and where to save the file."""

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from rp_desktop.domain.casework.records import Agreement, CaseDetail
from rp_desktop.ui.case.agreement_pdf import AgreementLine, AgreementSheet


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
    chosen, _ = QFileDialog.getSaveFileName(
        parent, parent.tr("Save the agreement"), suggested, parent.tr("PDF files (*.pdf)")
    )
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf")
