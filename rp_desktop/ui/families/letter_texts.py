"""The words of letters to families, each in its recipient's language: the languages the app has
texts for (English, and any whose translation file is installed), a translator loaded for one
letter while its words are put together, and the letters themselves as HTML (an invitation to a
restorative meeting, and an agreement sent home), with the interpreter line when it is needed.

Dates are written the way the letter's language writes them. Nothing here names anyone but the
people the letter is about and to."""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTime, QTranslator

from rp_desktop.domain.continuum.letters import ENGLISH, Invitation, Letter
from rp_desktop.ui.case.agreement_pdf import AgreementSheet
from rp_desktop.ui.families.languages import language_name
from rp_desktop.ui.pdf import pdf_text
from rp_desktop.ui.words.formatting import qdate

CONTEXT = "FamilyLetters"
TRANSLATIONS = Path(__file__).resolve().parent.parent.parent / "resources" / "translations"
PAGE_BREAK = "<div style='page-break-before: always'></div>"


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def translation_file(code: str) -> Path:
    return TRANSLATIONS / f"rp_desktop_{code}.qm"


def available_languages() -> set[str]:
    """English, and each language whose translation file is installed ("es" once
    rp_desktop_es.qm is there)."""
    found = {ENGLISH}
    folder = TRANSLATIONS
    if folder.is_dir():
        found |= {p.stem.removeprefix("rp_desktop_") for p in folder.glob("rp_desktop_*.qm")}
    return found


@contextmanager
def written_in(code: str) -> Iterator[None]:
    """While inside, the app's words come in `code`'s language (English needs no translator;
    a file that cannot be loaded leaves them in English)."""
    translator = QTranslator()
    loaded = code != ENGLISH and translator.load(str(translation_file(code)))
    app = QCoreApplication.instance()
    if loaded and app is not None:
        app.installTranslator(translator)
    try:
        yield
    finally:
        if loaded and app is not None:
            app.removeTranslator(translator)


@dataclass(frozen=True)
class Page:
    """One recipient's letter, in words: the language it is written in, and its HTML."""

    letter: Letter
    html: str


def invitation_page(letter: Letter, invitation: Invitation) -> Page:
    """The invitation to one recipient, in their letter's language."""
    with written_in(letter.language.written_in):
        locale = QLocale(letter.language.written_in)
        when = locale.toString(qdate(invitation.on), QLocale.FormatType.LongFormat)
        if invitation.starts_at is not None:
            at = locale.toString(
                QTime(invitation.starts_at.hour, invitation.starts_at.minute),
                QLocale.FormatType.ShortFormat,
            )
            when = _tr("{day} at {time}").format(day=when, time=at)
        body = [
            _tr("You are invited to a restorative meeting about {student}.").format(
                student=invitation.student_first_name
            ),
            _tr(
                "In a restorative meeting, the people affected by what happened talk together, "
                "with a facilitator, about what happened, who was affected and what is needed "
                "to make things right. Your voice matters, and taking part is your choice."
            ),
        ]
        facts = [(_tr("When"), when), (_tr("Where"), invitation.place)]
        closing = _tr(
            "Please let us know whether you can come, or if another time would suit you better."
        )
        html = _letter_html(letter, invitation.school, body, facts, closing, invitation.facilitator)
    return Page(letter, html)


def agreement_page(
    letter: Letter, sheet: AgreementSheet, student_first_name: str, unnamed: int = 0
) -> Page:
    """The agreement made at a restorative meeting, sent home to one recipient; `unnamed`
    items are other people's, shown without their names."""
    with written_in(letter.language.written_in):
        locale = QLocale(letter.language.written_in)
        made = locale.toString(qdate(sheet.made_on), QLocale.FormatType.LongFormat)
        body = [
            _tr(
                "On {day}, an agreement was made about {student} to make things right. "
                "Here is what each person agreed to do."
            ).format(day=made, student=student_first_name)
        ]
        rows = [
            (line.what, line.who, locale.toString(qdate(line.by), QLocale.FormatType.ShortFormat))
            if line.by
            else (line.what, line.who, _tr("No date"))
            for line in sheet.lines
        ]
        if unnamed:
            body.append(_tr("Other people involved are not named in this letter."))
        closing = _tr("Thank you for supporting this agreement. Please call us with any question.")
        html = _letter_html(letter, sheet.school, body, [], closing, "", _items_table(rows))
    return Page(letter, html)


def joined(pages: list[Page]) -> str:
    """Every recipient's letter in one document, each on its own page."""
    bodies = [page.html for page in pages]
    return (
        "<html><body style='font-family: sans-serif; font-size: 11pt'>"
        + PAGE_BREAK.join(bodies)
        + "</body></html>"
    )


def interpreter_line(letter: Letter) -> str:
    """The line that offers an interpreter, naming the recipient's language; empty when the
    letter needs none."""
    if not letter.language.interpreter_line:
        return ""
    language = language_name(letter.language.wanted)
    if letter.language.fell_back:
        return _tr(
            "This letter could not yet be written in {language}. An interpreter in {language} "
            "can read it with you and join the meeting: call the school and we will arrange one."
        ).format(language=language)
    return _tr(
        "An interpreter in {language} can join us: call the school and we will arrange one."
    ).format(language=language)


def _letter_html(
    letter: Letter,
    school: str,
    body: list[str],
    facts: list[tuple[str, str]],
    closing: str,
    signed: str,
    extra: str = "",
) -> str:
    greeting = _tr("Dear {name},").format(name=letter.recipient.name)
    interpreter = interpreter_line(letter)
    parts = [
        f"<h2>{_e(school)}</h2>",
        f"<p>{_e(greeting)}</p>",
        *(f"<p>{_e(text)}</p>" for text in body),
        *(f"<p><b>{_e(name)}:</b> {_e(value)}</p>" for name, value in facts if value),
        extra,
        f"<p>{_e(closing)}</p>",
        f"<p><b>{_e(interpreter)}</b></p>" if interpreter else "",
        f"<p>{_e(_tr('With best wishes,'))}<br>{_e(signed)}</p>" if signed else "",
    ]
    return "".join(parts)


def _items_table(rows: list[tuple[str, str, str]]) -> str:
    header = "".join(f"<th align='left'>{_e(h)}</th>" for h in (_tr("What"), _tr("Who"), _tr("By")))
    cells = "".join(
        f"<tr><td>{_e(what)}</td><td>{_e(who)}</td><td>{_e(by)}</td></tr>" for what, who, by in rows
    )
    table = "<table border='1' cellspacing='0' cellpadding='6' width='100%'>"
    return f"{table}<tr>{header}</tr>{cells}</table>"


def _e(text: str) -> str:
    return escape(pdf_text(text))
