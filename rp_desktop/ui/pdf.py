"""One page set-up for every PDF the application draws (the printed agreement, the monthly
summary): US Letter, portrait, margins in millimetres, a title and the app as its creator. The
PDF is drawn into memory; the services write the file, whole or not at all, and note it in the
audit trail. A page sent to a printer starts from the same set-up (the print dialog may change
the paper) and is drawn by the same function as its PDF.

Text typed by someone (a school's name, an agreement's items, a group's name) goes onto the
page through `pdf_text`, which removes the control characters a page cannot show: pasted with
a name, they would otherwise print as stray spaces or boxes."""

from collections.abc import Callable

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QRect
from PySide6.QtGui import QPagedPaintDevice, QPageLayout, QPageSize, QPdfWriter
from PySide6.QtPrintSupport import QPrinter

from rp_desktop.domain.characters import without_controls


def pdf_text(text: str) -> str:
    """`text` as it may be drawn on a page: without control characters (tabs and line ends
    aside), the same cleaning every export's cells get."""
    return without_controls(text)


def draw_pdf(
    title: str, margin_mm: float, dpi: int, draw: Callable[[QPdfWriter, QRect], None]
) -> bytes:
    """The PDF that `draw` paints on the writer it is given; `page` is the area inside the
    margins, in pixels of `dpi`. Returns the whole file."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(dpi)
    writer.setTitle(title)
    writer.setCreator("RP Desktop")
    writer.setPageLayout(letter_page(margin_mm))
    draw(writer, _inside_margins(writer, dpi))
    del writer  # the PDF is finished when its writer goes
    return bytes(buffer.data().data())


def letter_page(margin_mm: float) -> QPageLayout:
    """US Letter, portrait, with the same margin on every side."""
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.Letter),
        QPageLayout.Orientation.Portrait,
        QMarginsF(margin_mm, margin_mm, margin_mm, margin_mm),
        QPageLayout.Unit.Millimeter,
    )


def set_up_printer(printer: QPrinter, title: str, margin_mm: float) -> None:
    """What the print dialog starts from: the page every PDF has, the document's title."""
    printer.setDocName(title)
    printer.setCreator("RP Desktop")
    printer.setPageLayout(letter_page(margin_mm))


def print_page(printer: QPrinter, draw: Callable[[QPagedPaintDevice, QRect], None]) -> None:
    """Draw on `printer` (set up, and chosen in the print dialog) as `draw` draws a PDF: `page`
    is the area inside the margins of the paper chosen, in the printer's own pixels."""
    draw(printer, _inside_margins(printer, printer.resolution()))


def _inside_margins(device: QPagedPaintDevice, dpi: int) -> QRect:
    area = device.pageLayout().paintRectPixels(dpi)
    return QRect(0, 0, area.width(), area.height())
