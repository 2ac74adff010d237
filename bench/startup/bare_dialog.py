"""The reference for the first screen: a script that shows a bare QDialog (a label, a line edit
and a button) and nothing else. Prints SHOWN and its peak memory once the dialog is on screen."""

import os
import sys

from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit, QPushButton, QVBoxLayout

from bench.startup.on_screen import shown


def main() -> None:
    app = QApplication(sys.argv[:1])
    dialog = QDialog()
    layout = QVBoxLayout(dialog)
    layout.addWidget(QLabel("Type the passphrase"))
    layout.addWidget(QLineEdit())
    layout.addWidget(QPushButton("Unlock"))
    shown(app, dialog)
    os._exit(0)


if __name__ == "__main__":
    main()
