"""Answering the application's choosers (ui/choosers.py) in tests: the real chooser is built,
and a stand-in for dialogs.wait_for answers it at once, as the user would, instead of waiting."""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog


def answer_chooser(path: Path | None, name_filter: str = "") -> Callable[[QDialog], int]:
    """A dialogs.wait_for that chooses `path` (and the file type `name_filter`) in the file or
    folder chooser it is given, or cancels it for None."""

    def wait_for(chooser: QDialog) -> int:
        assert isinstance(chooser, QFileDialog), f"not a chooser: {type(chooser).__name__}"
        if path is None:
            chooser.reject()
        else:
            if name_filter:
                chooser.selectNameFilter(name_filter)
            chooser.selectFile(str(path))
            chooser.accept()
        return chooser.result()

    return wait_for


def answer_text(text: str | None) -> Callable[[QDialog], int]:
    """A dialogs.wait_for that types or picks `text` in the question it is given, or cancels
    it for None."""

    def wait_for(asking: QDialog) -> int:
        assert isinstance(asking, QInputDialog), f"not a question: {type(asking).__name__}"
        if text is None:
            asking.reject()
        else:
            asking.setTextValue(text)
            asking.accept()
        return asking.result()

    return wait_for
