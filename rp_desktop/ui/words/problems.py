"""Validation problems in plain words, to show beside the field they belong to."""

from typing import cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from rp_desktop.domain.validation import FieldProblem, Problem


def _tr(text: str) -> str:
    return QCoreApplication.translate("Problems", text)


# Where a field needs its own words for a problem.
_SPECIFIC = {
    ("grade", Problem.REQUIRED): QT_TRANSLATE_NOOP("Problems", "Choose a grade."),
    ("category_id", Problem.REQUIRED): QT_TRANSLATE_NOOP("Problems", "Choose a category."),
    ("participants", Problem.REQUIRED): QT_TRANSLATE_NOOP(
        "Problems", "Add at least one person involved."
    ),
    ("closure_reason", Problem.REQUIRED): QT_TRANSLATE_NOOP(
        "Problems", "Choose why the case was closed."
    ),
    ("tier3_kind", Problem.REQUIRED): QT_TRANSLATE_NOOP("Problems", "Choose the Tier 3 practice."),
    ("held_on", Problem.IN_FUTURE): QT_TRANSLATE_NOOP(
        "Problems",
        "This date is in the future. Choose an earlier day, or set the status to Planned.",
    ),
    ("description", Problem.REQUIRED): QT_TRANSLATE_NOOP(
        "Problems", "Say in a few words what happened."
    ),
}


def problem_text(problem: FieldProblem) -> str:
    """One short sentence saying what to fix."""
    specific = _SPECIFIC.get((problem.field, problem.problem))
    if specific is not None:
        # PySide6's stubs say QT_TRANSLATE_NOOP returns object; it returns the text it was given.
        return _tr(cast(str, specific))
    match problem.problem:
        case Problem.REQUIRED:
            return _tr("This needs to be filled in.")
        case Problem.TOO_LONG:
            return QCoreApplication.translate(
                "Problems",
                "This is too long: keep it under %n characters.",
                None,
                problem.limit or 0,
            )
        case Problem.IN_FUTURE:
            return _tr("This date is in the future. Choose today or an earlier day.")
        case Problem.TOO_EARLY:
            return _tr("This date is too far in the past. Check the year.")
        case Problem.NOT_A_GRADE:
            return _tr("Choose a grade from Pre-K to 12.")
        case Problem.OUT_OF_RANGE:
            return _tr("This value is outside what is possible here.")
        case Problem.HAS_SPACES:
            return _tr("A student number cannot contain spaces.")
        case Problem.DUPLICATE:
            return _tr("Another student already has this number.")
        case Problem.UNKNOWN:
            return _tr("This choice no longer exists. Choose again.")
        case Problem.NEEDS_PERSON:
            return _tr("Each person needs a name.")
        case Problem.NEEDS_ROLE:
            return _tr("Choose this person's role in the case.")
        case Problem.TWO_PEOPLE_AT_ONCE:
            return _tr("Each line names one person only.")
        case Problem.SAME_PERSON_TWICE:
            return _tr("This person is already listed in this role.")
        case Problem.NEEDS_ROUND:
            return _tr("Add at least one round.")
        case Problem.TOO_MANY_ROUNDS:
            return QCoreApplication.translate(
                "Problems", "A plan can hold at most %n rounds.", None, problem.limit or 0
            )
        case Problem.SECONDS_WITHOUT_LIMIT:
            return _tr("A round with no time limit takes no seconds.")
        case Problem.TIME_OUT_OF_RANGE:
            return _tr("Give a time from 5 seconds to 2 hours.")
        case Problem.TEMPLATE_READ_ONLY:
            return _tr("Templates cannot be changed. Copy this one to make a plan of your own.")
        case Problem.BEFORE_CASE:
            return _tr("This date is before the date of the case. Check the day.")
        case Problem.BEFORE_START:
            return _tr("This date is before the plan starts. Check the day.")
        case Problem.NOT_IN_CASE:
            return _tr("This is not part of this case. Choose from the case's own people.")
        case Problem.QUESTION_NOT_FOR_ROLE:
            return _tr("This question is not asked of someone in this role.")
        case Problem.ANSWERED_TWICE:
            return _tr("This person already has an answer to this question.")
        case Problem.NEEDS_ITEM:
            return _tr("Add at least one thing someone agrees to do.")
        case Problem.NEEDS_OWNER:
            return _tr("An agreement item with no owner: choose who will do it.")
        case Problem.SAME_TIER:
            return _tr("The case is already at this tier. Choose another tier.")
        case Problem.NAME_TAKEN:
            return _tr("Another category already has this name.")
    return _tr("Check this field.")
