"""Help > About circles: where circle practice comes from and where the restorative questions
come from, said plainly and with respect, and how the app's templates are meant to be used.
Offline: no links, only words."""

from html import escape

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from rp_desktop.ui.screen_fit import fit_to_screen

PREFERRED = QSize(640, 430)  # every word shows at this size without scrolling


class AboutCirclesDialog(QDialog):
    """A short page: the Indigenous roots of talking circles, the IIRP's restorative questions,
    the templates as a starting point for a trained keeper, and the right to pass. Esc or
    Close closes it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About circles"))
        self.setAccessibleName(self.tr("About circles"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.page = QTextBrowser()
        self.page.setAccessibleName(self.tr("About circles: where they come from"))
        self.page.setOpenLinks(False)
        self.page.setTabChangesFocus(True)  # Tab leaves the page for Close, never trapped
        self.page.setHtml(self.page_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(self.tr("Close About circles"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.page, 1)
        layout.addWidget(buttons)
        close.setFocus()
        fit_to_screen(self, PREFERRED, "about-circles")

    def sections(self) -> list[tuple[str, list[str]]]:
        """The page's headings, each with its paragraphs, in the order shown."""
        return [self._roots(), self._questions(), self._using()]

    def _roots(self) -> tuple[str, list[str]]:
        return self.tr("Where circles come from"), [
            self.tr(
                "Talking circles come from Indigenous peoples of North America and beyond, "
                "among them First Nations, Native American and other Indigenous communities, "
                "who have used circles for generations to talk together, to make decisions and "
                "to heal."
            ),
            self.tr(
                "A school that uses circles is borrowing a practice that is not its own. Where "
                "you can, learn from Indigenous keepers and communities near you, and honor the "
                "teachings that come with the circle."
            ),
        ]

    def _questions(self) -> tuple[str, list[str]]:
        return self.tr("Where the restorative questions come from"), [
            self.tr(
                "The restorative questions in RP Desktop (What happened? What were you thinking "
                "at the time? Who has been affected, and how? What needs to happen to make "
                "things right?) are the widely used form published by the International "
                "Institute for Restorative Practices (IIRP), and come from restorative-justice "
                "practice."
            ),
        ]

    def _using(self) -> tuple[str, list[str]]:
        return self.tr("Using what is here"), [
            self.tr(
                "The templates and prompts in RP Desktop are a starting point for a trained "
                "keeper, not a script to be read. Change them to fit the people in your circle."
            ),
            self.tr(
                "A pass is always allowed: no one has to speak when the talking piece comes to "
                "them."
            ),
        ]

    def page_html(self) -> str:
        parts = []
        for heading, paragraphs in self.sections():
            parts.append(f"<h3>{escape(heading)}</h3>")
            parts += [f"<p>{escape(paragraph)}</p>" for paragraph in paragraphs]
        return "".join(parts)

    def plain_text(self) -> str:
        """The words of the page, as a screen reader would read them."""
        return self.page.toPlainText()
