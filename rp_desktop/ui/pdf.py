"""One page set-up for every PDF the application draws (the printed agreement, the monthly
summary): US Letter, portrait, margins in millimetres, a title and the app as its creator. The
PDF is drawn into memory; the services write the file, whole or not at all, and note it in the
audit trail.

Text typed by someone (a school's name, an agreement's items, a group's name) goes onto the
page through `pdf_text`, which removes the control characters a page cannot show: pasted with
a name, they would otherwise print as stray spaces or boxes."""

from collections.abc import Callable

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QRect
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter

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
    margins = QMarginsF(margin_mm, margin_mm, margin_mm, margin_mm)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.Letter),
            QPageLayout.Orientation.Portrait,
            margins,
            QPageLayout.Unit.Millimeter,
        )
    )
    area = writer.pageLayout().paintRectPixels(dpi)
    draw(writer, QRect(0, 0, area.width(), area.height()))
    del writer  # the PDF is finished when its writer goes
    return bytes(buffer.data().data())
