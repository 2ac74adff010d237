"""The practice log's own words: what each kind of practice covers, what was just logged, and
why a log cannot become a case. Names never: a confirmation says how many students."""

from PySide6.QtCore import QCoreApplication

from rp_desktop.domain.continuum.kinds import PracticeKind
from rp_desktop.domain.continuum.practice import CaseRefusal
from rp_desktop.ui.keyboard import key_text
from rp_desktop.ui.words.formatting import counted
from rp_desktop.ui.words.labels import label


def _tr(text: str) -> str:
    return QCoreApplication.translate("PracticeWords", text)


def kind_hint(kind: PracticeKind) -> str:
    """What a kind covers, in a few words under its name."""
    return {
        PracticeKind.AFFECTIVE_STATEMENT: lambda: _tr("restorative language"),
        PracticeKind.RESTORATIVE_CHAT: lambda: _tr("hallway, one-on-one"),
        PracticeKind.IMPROMPTU_CONFERENCE: lambda: _tr("a small group"),
        PracticeKind.CHECK_IN_OUT: lambda: _tr("with a student"),
        PracticeKind.POSITIVE_OBSERVATION: lambda: _tr("something done well"),
    }[kind]()


def practice_words(kind: PracticeKind, tally: int) -> str:
    """ "3 affective statements", "a restorative chat"."""
    if kind is PracticeKind.AFFECTIVE_STATEMENT:
        return counted(tally, _tr("1 affective statement"), _tr("{count} affective statements"))
    one = {
        PracticeKind.RESTORATIVE_CHAT: lambda: _tr("a restorative chat"),
        PracticeKind.IMPROMPTU_CONFERENCE: lambda: _tr("an impromptu conference"),
        PracticeKind.CHECK_IN_OUT: lambda: _tr("a check-in/check-out"),
        PracticeKind.POSITIVE_OBSERVATION: lambda: _tr("a positive observation"),
    }[kind]()
    if tally == 1:
        return one
    return _tr("{kind} × {count}").format(kind=label(kind), count=tally)


def logged_text(kind: PracticeKind, tally: int, students: int) -> str:
    """ "Logged: 3 affective statements"; "Logged: a restorative chat with 1 student"."""
    what = practice_words(kind, tally)
    if students:
        what = _tr("{what} with {students}").format(
            what=what,
            students=counted(students, _tr("1 student"), _tr("{count} students")),
        )
    return _tr("Logged: {what}").format(what=what)


def refusal_text(refusal: CaseRefusal, case_id: int | None) -> str:
    """Why this log cannot be turned into a case, and what to do instead."""
    if refusal is CaseRefusal.ALREADY_A_CASE:
        return _tr("This log was turned into case {number} already: open that case.").format(
            number=case_id
        )
    return _tr(
        "A case is about people, and this log names no student. Edit the log to add the "
        "students first, or open a new Tier 2 case."
    )


def practice_keys() -> list[tuple[str, str]]:
    """The keys of "Log a practice" as Help shows them: (keys, what they do)."""
    either = _tr("{one} or {other}")
    return [
        (_tr("1 to 5"), _tr("Choose the practice (when a practice has the focus)")),
        (
            either.format(one=key_text("Left"), other=key_text("Right")),
            _tr("The practice before or after"),
        ),
        (key_text("Return"), _tr("Save; in the students' box, take the one found first")),
        (key_text("Ctrl+Return"), _tr("Save, from any field")),
    ]
