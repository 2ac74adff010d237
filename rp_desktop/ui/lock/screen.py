"""What the main window shows while it is locked: the application's name, that it is locked,
which database file, and the way back in. Nothing about the school or its people."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from rp_desktop.ui.passphrase.unlock import UnlockPanel

PANEL_WIDTH = 560
NOTE_STYLE = "color: #3c4043;"


class LockScreen(QWidget):
    """The locked window's only content.

    An encrypted database is unlocked with its passphrase (the shared UnlockPanel, with its
    growing wait after wrong tries). A plain database has no passphrase to ask for, so a button
    shows the records again, and a note says that the file itself is not protected.

    Signals:
        unlockRequested(object): the Passphrase typed, or None from "Show my records".
    """

    unlockRequested = Signal(object)

    def __init__(self, file_name: str, encrypted: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        self.encrypted = encrypted
        self.title = QLabel(self.tr("<h1>RP Desktop is locked</h1>"))
        self.title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.explanation = QLabel(wordWrap=True)
        self.explanation.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.file = QLabel(self.tr("Database: {name}").format(name=file_name))
        self.file.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.file.setStyleSheet(NOTE_STYLE)
        self.panel: UnlockPanel | None = None
        self.show_button: QPushButton | None = None
        box = QFrame()
        box.setFixedWidth(PANEL_WIDTH)
        column = QVBoxLayout(box)
        column.setSpacing(14)
        column.addWidget(self.title)
        column.addWidget(self.explanation)
        column.addWidget(self.file)
        column.addSpacing(8)
        if encrypted:
            self._ask_passphrase(column)
        else:
            self._offer_button(column)
        # Stretches, not alignment: an aligned box is given its size hint, which is too short
        # for the wrapped sentences in it.
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(box)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addLayout(row)
        layout.addStretch(3)

    def _ask_passphrase(self, column: QVBoxLayout) -> None:
        self.explanation.setText(
            self.tr(
                "Your records are hidden and the database is closed. "
                "Type the passphrase to carry on where you left off."
            )
        )
        self.panel = UnlockPanel()
        self.panel.attempted.connect(self.unlockRequested)
        column.addWidget(self.panel)

    def _offer_button(self, column: QVBoxLayout) -> None:
        self.explanation.setText(
            self.tr("Your records are hidden. Choose the button to carry on where you left off.")
        )
        self.show_button = QPushButton(self.tr("Show my records"))
        self.show_button.setDefault(True)
        self.show_button.clicked.connect(lambda: self.unlockRequested.emit(None))
        note = QLabel(
            self.tr(
                "This database is not encrypted, so it has no passphrase to ask for. Locking "
                "hides the records from the screen, but anyone who can use this computer can "
                "open them."
            ),
            wordWrap=True,
        )
        note.setStyleSheet(NOTE_STYLE)
        column.addWidget(self.show_button, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addWidget(note)

    def focus(self) -> None:
        """Put the cursor where the user starts: the passphrase, or the button."""
        if self.panel is not None:
            self.panel.focus()
        elif self.show_button is not None:
            self.show_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def failed(self) -> None:
        if self.panel is not None:
            self.panel.failed()

    def succeeded(self) -> None:
        if self.panel is not None:
            self.panel.succeeded()
