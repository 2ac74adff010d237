"""Languages families speak at home: the common ones offered by name (named by Qt's locale
data, in the user's language and in its own), any other typed as a code, and a language's name
for a list."""

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QComboBox, QWidget

from rp_desktop.domain.continuum.letters import ENGLISH

# The languages most often spoken at home by families in US districts, English first; any other
# can be typed as its code.
COMMON = ("en", "es", "vi", "ar", "zh", "ht", "pt", "so", "ru", "hmn", "uk", "pl", "fr", "ko")
# Each language's name in itself, as its speakers write it (not translated).
NATIVE = {"es": "español", "vi": "Tiếng Việt", "ar": "العربية", "zh": "中文",
          "ht": "Kreyòl ayisyen", "pt": "português", "so": "Soomaali", "ru": "русский",
          "hmn": "Hmoob", "uk": "українська", "pl": "polski", "fr": "français",
          "ko": "한국어"}  # fmt: skip


def _tr(text: str) -> str:
    return QCoreApplication.translate("Languages", text)


def language_name(code: str) -> str:
    """The language's name in the words of the app ("Spanish"), or the code itself when Qt
    does not know it."""
    if code.casefold().startswith("hmn"):
        return _tr("Hmong")  # Qt's locale data has no Hmong
    locale = QLocale(code)
    if locale.language() == QLocale.Language.C:
        return code
    return QLocale.languageToString(locale.language())


def language_choice(code: str) -> str:
    """How the language reads in the list: its name, and its own name when that differs
    ("Spanish · español")."""
    native = NATIVE.get(code, "")
    return f"{language_name(code)} · {native}" if native else language_name(code)


class LanguageCombo(QComboBox):
    """A language chosen from the common ones, or any other typed as its code ("so", "am")."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for code in COMMON:
            self.addItem(language_choice(code), code)
        line = self.lineEdit()
        assert line is not None  # editable
        line.setPlaceholderText(self.tr("Choose, or type a language code like “am”"))
        self.set_code(ENGLISH)

    def code(self) -> str:
        """The chosen language's code; what was typed when it is not one of the list."""
        typed = self.currentText().strip()
        index = self.findText(typed)
        if index >= 0:
            return str(self.itemData(index))
        for row in range(self.count()):  # a code, or a name in English or in itself
            code = str(self.itemData(row))
            names = (code, language_name(code).casefold(), NATIVE.get(code, "").casefold())
            if typed.casefold() in names:
                return code
        return typed

    def set_code(self, code: str) -> None:
        index = self.findData(code)
        if index >= 0:
            self.setCurrentIndex(index)
        else:
            self.setCurrentIndex(-1)
            self.setEditText(code)
