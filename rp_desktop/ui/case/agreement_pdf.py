"""The printable agreement: one page with what was agreed, who will do it and by when, and for
each person who made it a line to sign and a line for the date. It names only the people of its
own case, and never the counselor's private note or the case's description. The same drawing
goes to the printer and into a PDF."""

from dataclasses import dataclass
from datetime import date
from html import escape

from PySide6.QtCore import QCoreApplication, QRect, QSizeF
from PySide6.QtGui import QPagedPaintDevice, QTextDocument
from PySide6.QtPrintSupport import QPrinter

from rp_desktop.ui.pdf import draw_pdf, pdf_text, print_page, set_up_printer
from rp_desktop.ui.words.formatting import format_date

DPI = 300
MARGIN_MM = 18
LINE = "_" * 34  # where a signature goes
DATE_LINE = "_" * 16


def _tr(text: str) -> str:
    return QCoreApplication.translate("AgreementPdf", text)


@dataclass(frozen=True)
class AgreementLine:
    what: str
    who: str
    by: date | None


@dataclass(frozen=True)
class SignerLine:
    """One person who signs: their name and their part in the case, in words."""

    name: str
    role: str


@dataclass(frozen=True)
class AgreementSheet:
    """Everything the page shows, already in words: built from one case's records only."""

    school: str
    case_number: int
    made_on: date
    lines: tuple[AgreementLine, ...]  # in the order they are due
    signers: tuple[SignerLine, ...]  # those who made it


def agreement_html(sheet: AgreementSheet) -> str:
    rows = "".join(
        f"<tr><td>{escape(line.what)}</td><td>{escape(line.who)}</td>"
        f"<td>{escape(format_date(line.by) if line.by else _tr('No date'))}</td></tr>"
        for line in sheet.lines
    )
    return (
        "<html><body style='font-family: sans-serif; font-size: 11pt'>"
        f"<h2>{escape(_tr('Our agreement'))}</h2>"
        f"<p>{escape(sheet.school)} · "
        f"{escape(_tr('Case {number}').format(number=sheet.case_number))} · "
        f"{escape(format_date(sheet.made_on))}</p>"
        f"<p>{escape(_tr('To make things right, we agree to do these things:'))}</p>"
        "<table border='1' cellspacing='0' cellpadding='6' width='100%'>"
        f"<tr><th align='left'>{escape(_tr('What'))}</th>"
        f"<th align='left'>{escape(_tr('Who'))}</th>"
        f"<th align='left'>{escape(_tr('By'))}</th></tr>"
        f"{rows}</table>"
        f"<p style='margin-top:18px'>{escape(_tr('Signed by those who made it:'))}</p>"
        f"{_signature_lines(sheet.signers)}"
        "</body></html>"
    )


def _signature_lines(signers: tuple[SignerLine, ...]) -> str:
    """For each signer, a line to sign and a line for the date, their name and part below."""
    rows = "".join(
        f"<tr><td style='padding-top:26px'>{LINE}</td>"
        f"<td style='padding-top:26px'>{DATE_LINE}</td></tr>"
        f"<tr><td><b>{escape(signer.name)}</b> · {escape(signer.role)}</td>"
        f"<td>{escape(_tr('Date'))}</td></tr>"
        for signer in signers
    )
    return f"<table cellspacing='0' cellpadding='2' width='100%'>{rows}</table>"


def draw_agreement(device: QPagedPaintDevice, page: QRect, sheet: AgreementSheet) -> None:
    """The page, drawn on a PDF writer or a printer; `page` is the area inside its margins."""
    document = QTextDocument()
    # Lay the text out for the device's resolution, not the screen's: 11 pt is 11 pt on paper.
    document.documentLayout().setPaintDevice(device)
    document.setHtml(pdf_text(agreement_html(sheet)))  # typed text, without controls
    document.setPageSize(QSizeF(page.width(), page.height()))
    document.print_(device)


def agreement_pdf(sheet: AgreementSheet) -> bytes:
    """The agreement as a one-page (Letter) PDF."""
    return draw_pdf(_tr("Agreement"), MARGIN_MM, DPI, lambda w, p: draw_agreement(w, p, sheet))


def set_up_agreement_printer(printer: QPrinter) -> None:
    """The page the print dialog starts from: the PDF's."""
    set_up_printer(printer, _tr("Agreement"), MARGIN_MM)


def print_agreement_sheet(printer: QPrinter, sheet: AgreementSheet) -> None:
    """The agreement, sent to the printer chosen in the print dialog."""
    print_page(printer, lambda device, page: draw_agreement(device, page, sheet))
