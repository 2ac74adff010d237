"""The printable agreement: one page with what was agreed, who will do it and by when, and
lines to sign. It names only the people of its own case, and never the counselor's private
note or the case's description."""

from dataclasses import dataclass
from datetime import date
from html import escape

from PySide6.QtCore import QCoreApplication, QRect, QSizeF
from PySide6.QtGui import QPdfWriter, QTextDocument

from rp_desktop.ui.pdf import draw_pdf, pdf_text
from rp_desktop.ui.words.formatting import format_date

DPI = 300
MARGIN_MM = 18


def _tr(text: str) -> str:
    return QCoreApplication.translate("AgreementPdf", text)


@dataclass(frozen=True)
class AgreementLine:
    what: str
    who: str
    by: date | None


@dataclass(frozen=True)
class AgreementSheet:
    """Everything the page shows, already in words: built from one case's records only."""

    school: str
    case_number: int
    made_on: date
    lines: tuple[AgreementLine, ...]
    signers: tuple[str, ...]  # the people of the case who sign, in the order they sit


def agreement_html(sheet: AgreementSheet) -> str:
    rows = "".join(
        f"<tr><td>{escape(line.what)}</td><td>{escape(line.who)}</td>"
        f"<td>{escape(format_date(line.by))}</td></tr>"
        for line in sheet.lines
    )
    signatures = "".join(
        f"<p style='margin-top:28px'>______________________________ &nbsp; {escape(name)}</p>"
        for name in sheet.signers
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
        f"<p style='margin-top:18px'>{escape(_tr('Signed:'))}</p>{signatures}"
        "</body></html>"
    )


def agreement_pdf(sheet: AgreementSheet) -> bytes:
    """The agreement as a one-page (Letter) PDF."""

    def draw(writer: QPdfWriter, page: QRect) -> None:
        document = QTextDocument()
        # Lay the text out for the PDF's resolution, not the screen's: 11 pt is 11 pt on paper.
        document.documentLayout().setPaintDevice(writer)
        document.setHtml(pdf_text(agreement_html(sheet)))  # typed text, without controls
        document.setPageSize(QSizeF(page.width(), page.height()))
        document.print_(writer)

    return draw_pdf(_tr("Agreement"), MARGIN_MM, DPI, draw)
